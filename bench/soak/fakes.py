"""Shopify's and Google's side of the soak, over real HTTP (the API and the workers are other processes).

- ``ShopifyServer``: the tests' fake Shopify (``tests/fakes/shopify/``: token endpoint and Admin GraphQL, strict
  like the real ones) plus a product-image CDN, served by uvicorn in a thread of the soak's process, so the soak
  changes its catalogue directly.
- ``GeminiServer``: Google's ``generateContent`` endpoint. It checks every request's shape (a bad one answers
  400 and is counted) and answers the input image back; inside its fault window it answers 429, 500 or
  nothing until the client's timeout, as the real one does on a bad day.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import random
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import uvicorn
from PIL import Image, ImageDraw
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.fakes.shopify import FakeShopify
from tests.private_servers import free_port

GEMINI_API_KEY = "soak-gemini-key"
GEMINI_MODEL = "gemini-soak-image"


def product_photo(seed: int) -> bytes:
    """A studio photo of a product on a plain backdrop; the seed varies its size, shape and colours."""
    rng = random.Random(seed)
    width, height = rng.choice([(640, 480), (800, 600), (600, 800), (900, 700)])
    backdrop = tuple(rng.randint(225, 245) for _ in range(3))
    image = Image.new("RGB", (width, height), backdrop)
    draw = ImageDraw.Draw(image)
    body = tuple(rng.randint(40, 150) for _ in range(3))
    left, right = width * rng.uniform(0.25, 0.35), width * rng.uniform(0.65, 0.75)
    top, bottom = height * rng.uniform(0.15, 0.3), height * rng.uniform(0.8, 0.88)
    draw.rounded_rectangle((left, top, right, bottom), radius=16, fill=body, outline=(30, 20, 10))
    draw.ellipse((left + 20, top + 20, left + 70, top + 70), fill=(200, 170, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


class ShopifyServer:
    """The fake Shopify and its CDN on ``http://127.0.0.1:{port}``: ``/{shop}/admin/...`` and ``/cdn/...``."""

    def __init__(self) -> None:
        self.fake = FakeShopify(api_key=TEST_API_KEY, api_secret=TEST_SECRET)
        self.port = free_port()
        self.cdn_requests = 0
        self._photos: dict[str, bytes] = {}
        self.fake.app.router.routes.append(Route("/cdn/{path:path}", self._cdn, methods=["GET"]))
        config = uvicorn.Config(
            self.fake.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-shopify", daemon=True)

    @property
    def admin_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{{shop}}"

    def image_url(self, shop: str, product: int, version: int) -> str:
        return f"http://127.0.0.1:{self.port}/cdn/{shop}/{product}-v{version}.jpg"

    async def _cdn(self, request: Request) -> Response:
        self.cdn_requests += 1
        path = request.path_params["path"]
        if path not in self._photos:
            self._photos[path] = product_photo(zlib.crc32(path.encode()))
        return Response(self._photos[path], media_type="image/jpeg")

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline:
                raise TimeoutError("the fake Shopify did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


class GeminiServer(ThreadingHTTPServer):
    """The fake Gemini on ``http://127.0.0.1:{port}/v1beta``; ``fail_for(seconds)`` opens its fault window."""

    daemon_threads = True

    def __init__(self, *, hang_seconds: float) -> None:
        super().__init__(("127.0.0.1", 0), _GeminiHandler)
        self.hang_seconds = hang_seconds  # longer than the client's timeout: the call times out
        self.answers: Counter[str] = Counter()
        self.refused: list[str] = []  # why each badly formed request was refused
        self._faulty_until = 0.0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, name="fake-gemini", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1beta"

    def fail_for(self, seconds: float) -> None:
        self._faulty_until = time.monotonic() + seconds

    def faulty(self) -> bool:
        return time.monotonic() < self._faulty_until

    def count(self, answer: str) -> None:
        with self._lock:
            self.answers[answer] += 1

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def request_problem(path: str, headers: Any, body: bytes) -> str | None:
    """What is wrong with a ``generateContent`` request, or None: the checks the real API would fail it on."""
    if path != f"/v1beta/models/{GEMINI_MODEL}:generateContent":
        return f"unexpected path {path}"
    if headers.get("x-goog-api-key") != GEMINI_API_KEY:
        return "missing or wrong API key"
    if not (headers.get("content-type") or "").startswith("application/json"):
        return "not JSON"
    try:
        parsed = json.loads(body)
        (content,) = parsed["contents"]
        parts = content["parts"]
        texts = [p["text"] for p in parts if "text" in p]
        images = [p["inline_data"] for p in parts if "inline_data" in p]
        modalities = parsed["generationConfig"]["responseModalities"]
    except (ValueError, KeyError, TypeError):
        return "body is not a generateContent request"
    if len(texts) != 1 or not texts[0].strip():
        return "no prompt"
    if len(images) != 1 or images[0].get("mime_type") not in ("image/png", "image/jpeg"):
        return "not one PNG or JPEG image"
    if modalities != ["IMAGE"]:
        return "does not ask for an image"
    try:
        Image.open(io.BytesIO(base64.b64decode(images[0]["data"], validate=True))).verify()
    except (binascii.Error, ValueError, OSError):
        return "the image does not decode"
    return None


class _GeminiHandler(BaseHTTPRequestHandler):
    server: GeminiServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        problem = request_problem(self.path, self.headers, body)
        if problem is not None:
            self.server.refused.append(problem)
            self.server.count("refused")
            self._send(400, {"error": {"code": 400, "message": problem, "status": "INVALID_ARGUMENT"}})
            return
        if self.server.faulty():
            self._fail()
            return
        image = json.loads(body)["contents"][0]["parts"][1]["inline_data"]
        # The picture back as it came: the product has not moved, so the service keeps the "harmonised" one.
        answer = {
            "candidates": [
                {
                    "content": {
                        "role": "model",
                        "parts": [{"inlineData": {"mimeType": image["mime_type"], "data": image["data"]}}],
                    },
                    "finishReason": "STOP",
                }
            ]
        }
        self.server.count("image")
        self._send(200, answer)

    def _fail(self) -> None:
        kind = random.choices(["429", "500", "timeout"], weights=[4, 3, 3])[0]
        self.server.count(kind)
        if kind == "429":
            self._send(429, {"error": {"code": 429, "message": "Resource exhausted", "status": "RESOURCE_EXHAUSTED"}})
        elif kind == "500":
            self._send(500, {"error": {"code": 500, "message": "Internal error", "status": "INTERNAL"}})
        else:
            time.sleep(self.server.hang_seconds)  # the client gave up meanwhile
            self._send(503, {"error": {"code": 503, "message": "Unavailable", "status": "UNAVAILABLE"}})

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            if status == 429:
                self.send_header("Retry-After", "1")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client hung up (a timeout): nothing to answer

    def log_message(self, format: str, *args: object) -> None:
        return None
