"""Google's Generative Language REST API, ``models/{model}:generateContent``, with images in and out.

Translates at the boundary: httpx errors and API answers become ``ModelError``, ``ModelTimeout`` or
``ModelRefused``; nothing above this module sees httpx. Retries 429 and 5xx (and dropped connections)
with exponential backoff and jitter, honouring ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import random
from dataclasses import dataclass
from typing import Any

import httpx

from seeit.imaging.errors import ModelError, ModelRefused, ModelTimeout

log = logging.getLogger(__name__)

SAFETY_FINISH_REASONS = frozenset(
    {"SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_PROHIBITED_CONTENT"}
)
MAX_RETRY_AFTER_SECONDS = 30.0


@dataclass(frozen=True)
class GeminiImage:
    mime_type: str
    data: bytes


class GeminiClient:
    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str,
        timeout_seconds: float,
        max_retries: int,
        backoff_base_seconds: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._model = model
        self._max_retries = max_retries
        self._backoff = backoff_base_seconds
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/") + "/",
            headers={"x-goog-api-key": api_key},
            timeout=httpx.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def generate_image(self, prompt: str, images: list[GeminiImage]) -> GeminiImage:
        """Ask the model for one image from ``prompt`` and the input ``images``."""
        body = {
            "contents": [
                {
                    "role": "user",
                    "parts": [
                        {"text": prompt},
                        *(
                            {"inline_data": {"mime_type": im.mime_type, "data": base64.b64encode(im.data).decode()}}
                            for im in images
                        ),
                    ],
                }
            ],
            "generationConfig": {"responseModalities": ["IMAGE"]},
        }
        answer = await self._post_with_retries(f"models/{self._model}:generateContent", body)
        return _image_from(answer)

    async def _post_with_retries(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            try:
                response = await self._http.post(path, json=body)
            except httpx.TimeoutException as exc:
                if attempt >= self._max_retries:
                    raise ModelTimeout() from exc
                delay = self._delay(attempt, None)
            except httpx.TransportError as exc:
                if attempt >= self._max_retries:
                    raise ModelError(f"The image model could not be reached: {exc}", retryable=True) from exc
                delay = self._delay(attempt, None)
            else:
                if response.status_code == 200:
                    try:
                        answer: dict[str, Any] = response.json()
                    except ValueError as exc:
                        raise ModelError("The image model sent an unreadable answer.", retryable=True) from exc
                    return answer
                retryable = response.status_code == 429 or response.status_code >= 500
                if not retryable or attempt >= self._max_retries:
                    raise _error_for(response, retryable)
                delay = self._delay(attempt, response.headers.get("retry-after"))
            log.info("gemini call failed (attempt %d), retrying in %.2fs", attempt + 1, delay)
            await asyncio.sleep(delay)
            attempt += 1

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return min(float(retry_after), MAX_RETRY_AFTER_SECONDS)
            except ValueError:
                pass
        return float(self._backoff * (2**attempt) * (0.5 + random.random() / 2))


def _error_for(response: httpx.Response, retryable: bool) -> ModelError:
    try:
        message = str(response.json().get("error", {}).get("message", ""))
    except ValueError:
        message = ""
    text = f"The image model answered HTTP {response.status_code}" + (f": {message}" if message else ".")
    return ModelError(text, retryable=retryable)


def _image_from(answer: dict[str, Any]) -> GeminiImage:
    """The first image in the answer; a safety block is a refusal, anything else missing is an error."""
    feedback = answer.get("promptFeedback") or {}
    if feedback.get("blockReason"):
        raise ModelRefused(f"The image model declined the request ({feedback['blockReason']}).")
    candidates = answer.get("candidates") or []
    for candidate in candidates:
        for part in (candidate.get("content") or {}).get("parts") or []:
            inline = part.get("inlineData") or part.get("inline_data")
            if inline and inline.get("data"):
                mime = inline.get("mimeType") or inline.get("mime_type") or "image/png"
                try:
                    return GeminiImage(mime, base64.b64decode(inline["data"], validate=True))
                except ValueError as exc:
                    raise ModelError("The image model sent an undecodable image.", retryable=True) from exc
    reasons = {str(c.get("finishReason", "")) for c in candidates}
    if reasons & SAFETY_FINISH_REASONS:
        raise ModelRefused(f"The image model declined the request ({', '.join(sorted(reasons))}).")
    raise ModelError("The image model answered without an image.", retryable=True)
