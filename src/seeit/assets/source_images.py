"""Downloads a product's source photo, only from allow-listed hosts (against SSRF).

Redirects are followed by hand so every hop is checked against the allow-list again; the body is
counted while it streams and refused past the byte limit. httpx errors are translated here: nothing
above this module sees them.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class SourceImageError(Exception):
    """The source photo could not be fetched; ``retryable`` says whether trying later may help."""

    def __init__(self, code: str, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.code = code
        self.retryable = retryable


def _refused(message: str) -> SourceImageError:
    return SourceImageError("source_image_unavailable", message, retryable=False)


def check_url(url: str, allowed_hosts: list[str], *, allow_plain_http: bool) -> str:
    """The URL if its scheme and host may be fetched, else raises (never fetching it)."""
    parts = urlsplit(url)
    schemes = ("https", "http") if allow_plain_http else ("https",)
    if parts.scheme not in schemes:
        raise _refused(f"The product image URL's scheme {parts.scheme!r} is not allowed.")
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.username or parts.password or host not in {h.lower() for h in allowed_hosts}:
        raise _refused(f"The product image host {host!r} is not an allowed image host.")
    return url


async def download_source_image(
    http: httpx.AsyncClient,
    url: str,
    *,
    allowed_hosts: list[str],
    max_bytes: int,
    allow_plain_http: bool = False,
) -> bytes:
    """The image's bytes; raises ``SourceImageError`` for a refused host, a missing image or too many bytes."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_url(current, allowed_hosts, allow_plain_http=allow_plain_http)
        try:
            async with http.stream("GET", current, follow_redirects=False) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise _refused("The image host redirected nowhere.")
                    current = urljoin(current, location)
                    continue
                _check_status(response)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(max_bytes)
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise _too_large(max_bytes)
                return bytes(body)
        except httpx.HTTPError as exc:
            raise SourceImageError(
                "source_image_unavailable",
                f"The product image could not be downloaded ({type(exc).__name__}).",
                retryable=True,
            ) from exc
    raise _refused("The product image URL redirects too many times.")


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status == 200:
        return
    retryable = status == 429 or status >= 500
    raise SourceImageError("source_image_unavailable", f"The image host answered HTTP {status}.", retryable=retryable)


def _too_large(max_bytes: int) -> SourceImageError:
    return SourceImageError(
        "source_image_too_large", f"The product image is larger than {max_bytes} bytes.", retryable=False
    )
