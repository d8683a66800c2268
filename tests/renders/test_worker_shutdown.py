"""`seeit worker` stopped by SIGTERM (a deploy) lets the render it is running finish before it exits."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from seeit.config import Settings
from seeit.resources import Resources
from tests.imaging.fake_gemini import API_KEY, BASE_URL, MODEL, FakeGemini, image_answer
from tests.renders.scene import make_scene

# Live: the worker runs in a process of its own.
pytestmark = pytest.mark.live_database

MODEL_SECONDS = 2.0  # how long the model takes: long enough to send SIGTERM while it works


class SlowGemini(ThreadingHTTPServer):
    """The fake Gemini behind a real socket (the worker is another process), answering after a pause."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = FakeGemini([image_answer])  # the composite back unchanged: the product stayed put
        self.asked = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1beta"


class _Handler(BaseHTTPRequestHandler):
    server: SlowGemini

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.asked.set()
        time.sleep(MODEL_SECONDS)
        request = httpx.Request(
            "POST", f"{BASE_URL}{self.path.removeprefix('/v1beta')}", headers=dict(self.headers), content=body
        )
        answer = self.server.fake.transport().handle_request(request)
        answer.read()
        self.send_response(answer.status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def slow_gemini() -> Iterator[SlowGemini]:
    server = SlowGemini()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def start_worker(settings: Settings, gemini: SlowGemini) -> subprocess.Popen[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")},
        "SEEIT_DATABASE_URL": settings.database_url,
        "SEEIT_REDIS_URL": settings.redis_url,
        "SEEIT_STORAGE": "local",
        "SEEIT_STORAGE_DIR": str(settings.storage_dir),
        "SEEIT_IMAGE_MODEL": "gemini",
        "SEEIT_GEMINI_API_KEY": API_KEY,
        "SEEIT_GEMINI_MODEL": MODEL,
        "SEEIT_GEMINI_BASE_URL": gemini.base_url,
        "SEEIT_GEMINI_MAX_RETRIES": "0",
        "SEEIT_IMAGING_WORKERS": "1",
    }
    command = [sys.executable, "-m", "seeit.cli", "worker"]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


async def test_sigterm_lets_the_render_in_progress_finish_then_the_worker_exits(
    client: httpx.AsyncClient, resources: Resources, settings: Settings, slow_gemini: SlowGemini
) -> None:
    scene = await make_scene(client, resources)
    worker = start_worker(settings, slow_gemini)
    try:
        accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
        assert await asyncio.to_thread(slow_gemini.asked.wait, 60), "the worker never asked the model"

        worker.send_signal(signal.SIGTERM)  # mid-render, as a deploy would
        exit_code = await asyncio.to_thread(worker.wait, 60)
    finally:
        if worker.poll() is None:
            worker.kill()
        output = worker.communicate()[0]

    assert exit_code == 0, output
    job = (await client.get(scene.url(f"/proxy/renders/{accepted['id']}"))).json()
    assert job["status"] == "completed", (job, output)
    assert job["model_id"] == f"gemini:{MODEL}"
    image = await client.get(job["image_url"])
    assert image.status_code == 200
