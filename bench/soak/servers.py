"""The soak's own servers and the service's processes: PostgreSQL, Redis, an S3-compatible server behind a
proxy that can be cut, two API processes (uvicorn, ``seeit serve``) and two arq workers (``seeit worker``).

Nothing here is shared with anyone else on the machine: every server is private, on free ports, in a temporary
folder that goes at the end (its logs are kept when the run fails).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import httpx
from alembic import command

from bench.soak.fakes import GEMINI_API_KEY, GEMINI_MODEL, GeminiServer, ShopifyServer
from bench.soak.progress import progress
from seeit import migrate
from seeit.config import get_settings
from seeit.imaging.weights import SMALL, fetch_weights
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.private_servers import PrivatePostgres, PrivateRedis, _wait_for_port, free_port

BUCKET = "seeit-soak"
AWS_ENV = {"AWS_ACCESS_KEY_ID": "soak", "AWS_SECRET_ACCESS_KEY": "soak", "AWS_DEFAULT_REGION": "us-east-1"}
TOKEN_KEY = "c29hay1zb2FrLXNvYWstc29hay1zb2FrLXNvYWstc28="  # urlsafe base64 of 32 bytes
GEMINI_TIMEOUT_SECONDS = 6.0


@dataclass
class Process:
    """One of the service's processes (or a helper server), its output in ``log``."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    popen: subprocess.Popen[bytes] | None = None
    generation: int = 0  # how many times it was started

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen is not None and self.popen.poll() is None else None

    def start(self) -> None:
        self.generation += 1
        with self.log.open("ab") as out:
            out.write(f"--- start {self.generation} at {time.strftime('%H:%M:%S')}\n".encode())
            self.popen = subprocess.Popen(self.command, env=self.env, stdout=out, stderr=subprocess.STDOUT)

    def signal(self, number: int) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.send_signal(number)

    def kill(self) -> None:
        """SIGKILL: the process runs no more code (no shutdown, no hand-back)."""
        self.signal(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(timeout=30)

    def stop(self, timeout: float = 40.0, *, signalled: bool = False) -> None:
        """SIGTERM (unless sent already) and wait; SIGKILL after ``timeout``."""
        if self.popen is None or self.popen.poll() is not None:
            return
        if not signalled:
            self.popen.terminate()
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=10)


@dataclass
class Stack:
    workdir: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    moto: Process
    storage_proxy: Process
    shopify: ShopifyServer
    gemini: GeminiServer | None
    apis: list[Process] = field(default_factory=list)
    workers: list[Process] = field(default_factory=list)

    @property
    def s3_url(self) -> str:
        """The S3 server itself, behind no proxy: what the soak's own checks list objects through."""
        return f"http://127.0.0.1:{self.moto.port}"

    @property
    def api_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{api.port}" for api in self.apis]

    def processes(self) -> list[Process]:
        return [*self.apis, *self.workers]

    def cut_storage(self) -> None:
        self.storage_proxy.signal(signal.SIGUSR1)

    def restore_storage(self) -> None:
        self.storage_proxy.signal(signal.SIGUSR2)

    def s3_client(self) -> object:
        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id=AWS_ENV["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=AWS_ENV["AWS_SECRET_ACCESS_KEY"],
        )

    def stop(self) -> None:
        helpers = [self.storage_proxy, self.moto]
        for process in [*self.processes(), *helpers]:
            process.signal(signal.SIGTERM)  # all at once: each stops while the others do
        for process in self.processes():
            process.stop(signalled=True)
        for process in helpers:
            process.stop(5, signalled=True)
        if self.gemini is not None:
            self.gemini.stop()
        self.shopify.stop()
        self.redis.stop()
        self.postgres.remove()


def _aws_keys() -> dict[str, str]:
    return {
        "aws_access_key_id": AWS_ENV["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": AWS_ENV["AWS_SECRET_ACCESS_KEY"],
    }


def service_env(stack: Stack, *, public_url: str, storage_port: int) -> dict[str, str]:
    """What every ``seeit`` process of the soak runs with: production mode against the private servers."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SEEIT_", "AWS_"))},
        **AWS_ENV,
        "SEEIT_ENV": "production",
        "SEEIT_LOG_LEVEL": "WARNING",
        "SEEIT_DATABASE_URL": stack.postgres.url,
        "SEEIT_REDIS_URL": stack.redis.url,
        "SEEIT_STORAGE": "s3",
        "SEEIT_S3_BUCKET": BUCKET,
        "SEEIT_S3_ENDPOINT_URL": f"http://127.0.0.1:{storage_port}",
        "SEEIT_PUBLIC_URL": public_url,
        "SEEIT_SHOPIFY_API_KEY": TEST_API_KEY,
        "SEEIT_SHOPIFY_API_SECRET": TEST_SECRET,
        "SEEIT_TOKEN_ENCRYPTION_KEY": TOKEN_KEY,
        "SEEIT_SHOPIFY_ADMIN_BASE": stack.shopify.admin_base,
        # The fake CDN is a local plain-http server, allowed explicitly as an operator would.
        "SEEIT_IMAGE_FETCH_ALLOWED_HOSTS": "127.0.0.1",
        "SEEIT_IMAGE_FETCH_ALLOW_PLAIN_HTTP": "true",
        "SEEIT_MODEL_DIR": str(small_network_only(stack.workdir)),
        "SEEIT_IMAGING_WORKERS": "1",
        # Well above what the soak's shoppers send, so refusals come from the quotas, not the limiter.
        "SEEIT_RATE_LIMIT_PER_MINUTE": "6000",
    }
    if stack.gemini is not None:
        env |= {
            "SEEIT_IMAGE_MODEL": "gemini",
            "SEEIT_GEMINI_API_KEY": GEMINI_API_KEY,
            "SEEIT_GEMINI_MODEL": GEMINI_MODEL,
            "SEEIT_GEMINI_BASE_URL": stack.gemini.base_url,
            "SEEIT_GEMINI_TIMEOUT_SECONDS": str(GEMINI_TIMEOUT_SECONDS),
        }
    return env


def small_network_only(workdir: Path) -> Path:
    """A model folder holding the installed weights of the small network only, as the tests use: a machine
    that also holds the bigger ones (placed there by an operator) soaks the same."""
    [(installed, _)] = fetch_weights(get_settings().model_dir, (SMALL,))
    folder = workdir / "models"
    if not folder.exists():
        folder.mkdir()
        (folder / installed.name).symlink_to(installed)
    return folder


def _seeit(*args: str) -> list[str]:
    return [sys.executable, "-m", "seeit.cli", *args]


def start_stack(workdir: Path, *, gemini: bool, apis: int = 2, workers: int = 2) -> Stack:
    """Every server up, the database migrated, the bucket made, the API answering ``/readyz``."""
    postgres = PrivatePostgres()
    postgres.init()
    postgres.start()
    redis = PrivateRedis(workdir)
    redis.start()
    moto_port, proxy_port = free_port(), free_port()
    helper_env = {**os.environ, **AWS_ENV}
    moto = Process(
        "s3",
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(moto_port)],
        helper_env,
        workdir / "s3.log",
        moto_port,
    )
    proxy = Process(
        "storage-proxy",
        [sys.executable, "-m", "bench.soak.proxy", str(proxy_port), str(moto_port)],
        helper_env,
        workdir / "storage-proxy.log",
        proxy_port,
    )
    shopify = ShopifyServer()
    gemini_server = GeminiServer(hang_seconds=GEMINI_TIMEOUT_SECONDS + 1) if gemini else None
    stack = Stack(workdir, postgres, redis, moto, proxy, shopify, gemini_server)
    try:
        moto.start()
        proxy.start()
        shopify.start()
        if gemini_server is not None:
            gemini_server.start()
        _wait_for_port(moto_port, up=True)
        _wait_for_port(proxy_port, up=True)
        stack.s3_client().create_bucket(Bucket=BUCKET)  # type: ignore[attr-defined]
        ports = [free_port() for _ in range(apis)]
        env = service_env(stack, public_url=f"http://127.0.0.1:{ports[0]}", storage_port=proxy_port)
        progress("servers up; migrating")
        _migrate(postgres.url)
        for index, port in enumerate(ports):
            command = _seeit("serve", "--host", "127.0.0.1", "--port", str(port))
            stack.apis.append(Process(f"api-{index}", command, env, workdir / f"api-{index}.log", port))
        for index in range(workers):
            stack.workers.append(Process(f"worker-{index}", _seeit("worker"), env, workdir / f"worker-{index}.log"))
        progress("migrated; starting the API and the workers")
        for process in stack.processes():
            process.start()
        for url in stack.api_urls:
            _wait_ready(url)
    except BaseException:
        stack.stop()
        raise
    return stack


def _migrate(database_url: str) -> None:
    """What ``seeit migrate`` does, in this process and without Alembic's log lines."""
    config = migrate.alembic_config(database_url)
    config.attributes["configure_logger"] = False
    asyncio.run(migrate.ensure_database(database_url))
    command.upgrade(config, "head")


def _wait_ready(url: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not become ready")
