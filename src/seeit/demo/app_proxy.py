"""Shopify's app proxy, played locally: ``/apps/see-it/*`` on the storefront's origin is forwarded to the
service's ``/proxy/*`` with the query parameters Shopify adds (``shop``, ``logged_in_customer_id``,
``path_prefix``, ``timestamp``) and their ``signature``. Method and body pass through; cookies do not, in
either direction, as on Shopify.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import httpx
from fastapi import Request, Response

from seeit.shopify.signatures import app_proxy_digest

PATH_PREFIX = "/apps/see-it"
# Request headers Shopify passes on that the service reads; everything else (cookies first) stays behind.
_FORWARDED_REQUEST = ("accept", "accept-language", "content-type", "idempotency-key", "user-agent")
_FORWARDED_RESPONSE = ("content-type", "cache-control", "retry-after", "idempotent-replayed", "x-request-id")
# Longer than the longest long-poll the service holds (25 s).
_TIMEOUT = httpx.Timeout(40.0, connect=5.0)


def signed_query(query: str, *, shop_domain: str, secret: str, customer_id: str = "", now: float | None = None) -> str:
    """The shopper's query plus the parameters Shopify's proxy adds, signed as Shopify signs them."""
    pairs = parse_qsl(query, keep_blank_values=True)
    pairs += [
        ("shop", shop_domain),
        ("logged_in_customer_id", customer_id),
        ("path_prefix", PATH_PREFIX),
        ("timestamp", str(int(now if now is not None else time.time()))),
    ]
    pairs.append(("signature", app_proxy_digest(pairs, secret)))
    return urlencode(pairs)


@dataclass
class AppProxy:
    """Forwards a storefront request to the service as ``shop_domain``; ``service`` is a client whose base URL
    is the service (over HTTP in the browser tests, or the same app in process under ``seeit dev``)."""

    shop_domain: str
    secret: str
    service: httpx.AsyncClient

    async def forward(self, request: Request, path: str) -> Response:
        query = signed_query(request.url.query, shop_domain=self.shop_domain, secret=self.secret)
        headers = {name: value for name, value in request.headers.items() if name in _FORWARDED_REQUEST}
        answer = await self.service.request(
            request.method,
            f"/proxy/{path}?{query}",
            content=await request.body(),
            headers=headers,
            timeout=_TIMEOUT,
        )
        kept = {name: value for name, value in answer.headers.items() if name in _FORWARDED_RESPONSE}
        return Response(answer.content, status_code=answer.status_code, headers=kept)
