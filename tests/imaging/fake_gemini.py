"""A fake of Google's generateContent endpoint that checks every request's shape before answering."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import numpy as np
from PIL import Image

from seeit.imaging import GeminiImageModel
from seeit.imaging.pool import PixelPool

API_KEY = "test-gemini-key"
MODEL = "gemini-test-image"
BASE_URL = "https://gemini.test/v1beta"

Answer = Callable[[np.ndarray], httpx.Response] | httpx.Response | Exception


def gemini_model(
    transport: httpx.AsyncBaseTransport, *, retries: int = 0, model_dir: str | None = None
) -> GeminiImageModel:
    """The real Gemini provider talking to ``transport`` (usually ``FakeGemini.transport()``): pixel work
    inline, retries backing off in milliseconds."""
    return GeminiImageModel(
        api_key=API_KEY,
        model=MODEL,
        base_url=BASE_URL,
        timeout_seconds=5,
        max_retries=retries,
        pool=PixelPool(0),
        model_dir=model_dir,
        backoff_base_seconds=0.001,
        transport=transport,
    )


def image_answer(rgb: np.ndarray) -> httpx.Response:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    data = base64.b64encode(buf.getvalue()).decode()
    body = {
        "candidates": [
            {
                "content": {"role": "model", "parts": [{"inlineData": {"mimeType": "image/png", "data": data}}]},
                "finishReason": "STOP",
            }
        ]
    }
    return httpx.Response(200, json=body)


@dataclass
class FakeGemini:
    """Answers in order from ``script``; a callable answer gets the request's input image as pixels."""

    script: list[Answer]
    requests: list[dict[str, object]] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert str(request.url) == f"{BASE_URL}/models/{MODEL}:generateContent"
        assert request.headers["x-goog-api-key"] == API_KEY
        assert request.headers["content-type"] == "application/json"
        body = json.loads(request.content)
        (content,) = body["contents"]
        parts = content["parts"]
        texts = [p["text"] for p in parts if "text" in p]
        images = [p["inline_data"] for p in parts if "inline_data" in p]
        assert len(texts) == 1
        assert texts[0].strip()
        assert len(images) == 1
        assert images[0]["mime_type"] in ("image/png", "image/jpeg")
        pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(images[0]["data"]))).convert("RGB"))
        self.requests.append({"prompt": texts[0], "mime_type": images[0]["mime_type"], "size": pixels.shape})
        answer = self.script.pop(0)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(pixels)
