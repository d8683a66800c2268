"""The soak's HTTP client: requests signed as Shopify signs them (app proxy query, session tokens, webhook HMAC),
spread over the API processes, each one recorded with its route, status and time."""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.support import admin_headers, proxy_query

# What a request ended with when no HTTP answer came back.
UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Call:
    route: str
    status: int | str
    started: float  # monotonic seconds
    ended: float
    # The error envelope's code ("" when a 4xx/5xx body was not the envelope), or why no answer came.
    error_code: str | None = None


@dataclass
class Recorder:
    calls: list[Call] = field(default_factory=list)

    def add(self, call: Call) -> None:
        self.calls.append(call)


def _error_code(response: httpx.Response) -> str | None:
    """The envelope's code; for a 5xx its message too (what the report needs to tell one outage from another)."""
    if response.status_code < 400:
        return None
    try:
        error = response.json()["error"]
        code = error["code"]
    except (ValueError, KeyError, TypeError):
        return ""
    if not isinstance(code, str):
        return ""
    return f"{code}: {error.get('message')}" if response.status_code >= 500 else code


class Api:
    """One keep-alive client over every API process, taken in turn."""

    def __init__(self, base_urls: list[str], recorder: Recorder) -> None:
        self.base_urls = base_urls
        self.recorder = recorder
        self.http = httpx.AsyncClient(
            timeout=httpx.Timeout(60.0, connect=10.0),
            limits=httpx.Limits(max_connections=400, max_keepalive_connections=100),
        )
        self._next = itertools.cycle(range(len(base_urls)))

    async def aclose(self) -> None:
        await self.http.aclose()

    async def request(self, route: str, method: str, url: str, **kwargs: Any) -> httpx.Response | None:
        """Any request, recorded under ``route``; None when no answer came (connection refused, timeout)."""
        started = time.monotonic()
        try:
            response = await self.http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self.recorder.add(Call(route, UNREACHABLE, started, time.monotonic(), type(exc).__name__))
            return None
        self.recorder.add(Call(route, response.status_code, started, time.monotonic(), _error_code(response)))
        return response

    def _base(self) -> str:
        return self.base_urls[next(self._next)]

    async def proxy(
        self, route: str, method: str, path: str, shop: str, *, params: Mapping[str, str] | None = None, **kwargs: Any
    ) -> httpx.Response | None:
        """A storefront request as Shopify's app proxy forwards it: the signed query string, signed now."""
        query = proxy_query(shop, **dict(params or {}))  # type: ignore[arg-type]  # names a query's parameters only
        url = f"{self._base()}{path}?{query}"
        return await self.request(route, method, url, **kwargs)

    async def admin(self, route: str, method: str, path: str, shop: str, **kwargs: Any) -> httpx.Response | None:
        """An embedded admin request, with a fresh App Bridge session token."""
        headers = {**admin_headers(shop), **kwargs.pop("headers", {})}
        return await self.request(route, method, f"{self._base()}{path}", headers=headers, **kwargs)

    async def webhook(self, route: str, body: bytes, headers: Mapping[str, str]) -> httpx.Response | None:
        return await self.request(route, "POST", f"{self._base()}/webhooks", content=body, headers=dict(headers))
