"""`seeit serve` keeps an idle client connection open longer than the proxies and load balancers in front of
it do (AWS's keeps them 60 s), so none of them sends a request on a connection the service is closing: that
request would get no answer at all (a 502 at the balancer)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from seeit.config import Settings
from tests.private_servers import free_port

# Live: the worker (or the server) runs in a process of its own.
pytestmark = pytest.mark.live_database

IDLE_SECONDS = 6.5  # longer than uvicorn's own default of 5 s (the setting's default is 75 s)


@pytest.fixture
def served(settings: Settings) -> Iterator[int]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")},
        "SEEIT_DATABASE_URL": settings.database_url,
        "SEEIT_REDIS_URL": settings.redis_url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "seeit.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "seeit serve did not start"
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _ask(conn: socket.socket) -> bytes:
    conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: seeit\r\n\r\n")
    answer = b""
    while b'"ok"' not in answer:
        chunk = conn.recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer


def test_an_idle_connection_stays_open_past_the_few_seconds_uvicorn_keeps_it(served: int) -> None:
    with socket.create_connection(("127.0.0.1", served), timeout=10) as conn:
        assert _ask(conn).startswith(b"HTTP/1.1 200")
        time.sleep(IDLE_SECONDS)
        assert _ask(conn).startswith(b"HTTP/1.1 200"), "the service closed the idle connection"
