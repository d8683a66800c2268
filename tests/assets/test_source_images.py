"""Source photos are fetched only from allow-listed hosts, every redirect re-checked, within a byte limit."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from seeit.assets.source_images import SourceImageError, download_source_image

ALLOWED = ["cdn.shopify.com", "cdn.test"]


def _client(handler: httpx.MockTransport) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=handler)


def _serving(routes: dict[str, httpx.Response]) -> tuple[httpx.AsyncClient, list[str]]:
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return routes.get(str(request.url), httpx.Response(404))

    return _client(httpx.MockTransport(handle)), asked


async def _download(http: httpx.AsyncClient, url: str, *, max_bytes: int = 1000, plain: bool = False) -> bytes:
    return await download_source_image(http, url, allowed_hosts=ALLOWED, max_bytes=max_bytes, allow_plain_http=plain)


async def test_an_allowed_https_host_is_downloaded() -> None:
    http, asked = _serving({"https://cdn.shopify.com/a.jpg": httpx.Response(200, content=b"pixels")})
    assert await _download(http, "https://cdn.shopify.com/a.jpg") == b"pixels"
    assert asked == ["https://cdn.shopify.com/a.jpg"]


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/a.jpg",
        "https://cdn.shopify.com.evil.example/a.jpg",
        "https://user:pw@cdn.shopify.com/a.jpg",
        "http://cdn.shopify.com/a.jpg",  # plain http outside tests
        "file:///etc/passwd",
        "https://169.254.169.254/latest/meta-data",
    ],
)
async def test_a_host_or_scheme_not_allowed_is_never_fetched(url: str) -> None:
    http, asked = _serving({})
    with pytest.raises(SourceImageError) as caught:
        await _download(http, url)
    assert caught.value.retryable is False
    assert asked == []


async def test_a_redirect_to_an_allowed_host_is_followed() -> None:
    http, asked = _serving(
        {
            "https://cdn.shopify.com/a.jpg": httpx.Response(302, headers={"location": "/b.jpg"}),
            "https://cdn.shopify.com/b.jpg": httpx.Response(200, content=b"moved"),
        }
    )
    assert await _download(http, "https://cdn.shopify.com/a.jpg") == b"moved"
    assert asked == ["https://cdn.shopify.com/a.jpg", "https://cdn.shopify.com/b.jpg"]


async def test_a_redirect_to_another_host_is_refused_before_it_is_fetched() -> None:
    http, asked = _serving(
        {"https://cdn.shopify.com/a.jpg": httpx.Response(301, headers={"location": "http://127.0.0.1:6379/"})}
    )
    with pytest.raises(SourceImageError, match=r"not (an )?allowed"):
        await _download(http, "https://cdn.shopify.com/a.jpg")
    assert asked == ["https://cdn.shopify.com/a.jpg"]


async def test_endless_redirects_stop() -> None:
    http, _ = _serving({"https://cdn.test/loop": httpx.Response(302, headers={"location": "https://cdn.test/loop"})})
    with pytest.raises(SourceImageError, match="redirects too many times"):
        await _download(http, "https://cdn.test/loop")


async def test_a_body_over_the_limit_is_refused_while_streaming() -> None:
    async def endless() -> AsyncIterator[bytes]:
        for _ in range(100):
            yield b"x" * 100

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())  # no content-length: counted as it streams

    with pytest.raises(SourceImageError) as caught:
        await _download(_client(httpx.MockTransport(handle)), "https://cdn.test/big.jpg", max_bytes=1000)
    assert caught.value.code == "source_image_too_large"
    assert caught.value.retryable is False


async def test_a_missing_image_fails_for_good_and_a_server_error_may_be_retried() -> None:
    http, _ = _serving({"https://cdn.test/503.jpg": httpx.Response(503)})
    with pytest.raises(SourceImageError) as missing:
        await _download(http, "https://cdn.test/404.jpg")
    with pytest.raises(SourceImageError) as failing:
        await _download(http, "https://cdn.test/503.jpg")
    assert (missing.value.retryable, failing.value.retryable) == (False, True)


async def test_plain_http_is_allowed_only_when_asked_for_tests() -> None:
    http, _ = _serving({"http://cdn.test/a.png": httpx.Response(200, content=b"ok")})
    assert await _download(http, "http://cdn.test/a.png", plain=True) == b"ok"
