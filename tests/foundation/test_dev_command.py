"""`seeit dev` is one command that needs no outside service, keeps its data, and stops what it started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import free_port


def start_dev(folder: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")}
    return subprocess.Popen(
        [sys.executable, "-m", "seeit.cli", "dev", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal gives it
    )


def wait_ready(process: subprocess.Popen[bytes], port: int, timeout: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"seeit dev exited early:\n{output}")
        try:
            response = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
            if response.status_code == 200:
                return response
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail("seeit dev did not become ready")


def ctrl_c(process: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """Send SIGINT to the process group, as Ctrl-C does; return what was running under it."""
    children = psutil.Process(process.pid).children(recursive=True)
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=60) == 0
    return list(children)


def terminate(process: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """Send SIGTERM to the dev process alone, as `kill` or a supervisor does; return what ran under it."""
    children = psutil.Process(process.pid).children(recursive=True)
    process.terminate()
    assert process.wait(timeout=60) == 0
    return list(children)


def urls(folder: Path) -> dict[str, str]:
    lines = (folder / "var/dev/urls.env").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines)


async def run_sql(database_url: str, statement: str) -> object:
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(statement))
            return result.scalar() if result.returns_rows else None
    finally:
        await engine.dispose()


async def test_dev_serves_with_embedded_services_keeps_data_and_stops_everything(tmp_path: Path) -> None:
    port = free_port()
    first = start_dev(tmp_path, port)
    try:
        ready = wait_ready(first, port).json()
        assert {k: ready[k] for k in ("status", "database", "redis")} == {
            "status": "ok",
            "database": "ok",
            "redis": "ok",
        }
        assert ready["image_model"] == "local"
        assert httpx.get(f"http://127.0.0.1:{port}/healthz").json() == {"status": "ok"}
        landing = httpx.get(f"http://127.0.0.1:{port}/")
        assert landing.status_code == 200
        assert "See It is running" in landing.text
        # The demo storefront works from the first start: its products' cut-outs were prepared.
        product_page = httpx.get(f"http://127.0.0.1:{port}/demo/store/products/armchair")
        assert 'data-state="on"' in product_page.text
        config = httpx.get(f"http://127.0.0.1:{port}/apps/see-it/config", params={"product_id": "9001001"})
        assert config.json()["asset"]["status"] == "ready"
        started = urls(tmp_path)
        assert "host=" in started["SEEIT_DATABASE_URL"]  # embedded, over a Unix socket
        assert started["SEEIT_REDIS_URL"].startswith("unix://")
        await run_sql(
            started["SEEIT_DATABASE_URL"],
            "INSERT INTO shops (id, shop_domain, shopify_shop_id, access_token, plan, monthly_quota, daily_quota)"
            " VALUES (gen_random_uuid(), 'kept.myshopify.com', '1', '', 'free', 1, 1)",
        )
    finally:
        children = ctrl_c(first) if first.poll() is None else []
    assert children, "the API, the worker and the embedded servers ran under seeit dev"
    time.sleep(1)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]

    second = start_dev(tmp_path, port)
    try:
        wait_ready(second, port)
        count = await run_sql(
            urls(tmp_path)["SEEIT_DATABASE_URL"], "SELECT count(*) FROM shops WHERE shop_domain = 'kept.myshopify.com'"
        )
        assert count == 1
    finally:
        children = terminate(second) if second.poll() is None else []
    assert children
    time.sleep(1)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
