"""An async client for one shop's Admin GraphQL API, at the one pinned API version.

Every failure leaves here as a typed ``ShopifyError``: network and 5xx → ``ShopifyUnavailable``;
401/403 → ``ShopifyTokenRejected``; ``THROTTLED`` → wait as ``throttleStatus`` says and retry, then
``ShopifyThrottled``; other GraphQL ``errors`` → ``ShopifyGraphQLError``; ``userErrors`` of a mutation →
``ShopifyUserErrors`` (via ``raise_for_user_errors``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from seeit.config import Settings
from seeit.shopify.errors import (
    ShopifyGraphQLError,
    ShopifyThrottled,
    ShopifyTokenRejected,
    ShopifyUnavailable,
    ShopifyUserErrors,
)

log = logging.getLogger(__name__)

MAX_THROTTLE_RETRIES = 5
MAX_THROTTLE_WAIT_SECONDS = 10.0

Sleep = Callable[[float], Awaitable[None]]
TokenSource = Callable[[], Awaitable[str]]


def graphql_endpoint(settings: Settings, shop_domain: str) -> str:
    return f"{settings.admin_base(shop_domain)}/admin/api/{settings.shopify_api_version}/graphql.json"


def throttle_wait_seconds(extensions: dict[str, Any] | None) -> float:
    """How long until the bucket holds enough for the query again, from the response's ``cost`` extension."""
    cost = (extensions or {}).get("cost") or {}
    status = cost.get("throttleStatus") or {}
    try:
        requested = float(cost.get("requestedQueryCost") or 0)
        available = float(status.get("currentlyAvailable") or 0)
        restore_rate = float(status.get("restoreRate") or 0)
    except (TypeError, ValueError):
        return 1.0
    if restore_rate <= 0:
        return 1.0
    wait = max(requested - available, 0.0) / restore_rate
    return min(max(wait, 0.05), MAX_THROTTLE_WAIT_SECONDS)


class AdminApi:
    """GraphQL calls for one shop; ``access_token`` is asked for before each request (it may refresh)."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        settings: Settings,
        shop_domain: str,
        access_token: TokenSource,
        *,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._http = http
        self._endpoint = graphql_endpoint(settings, shop_domain)
        self._access_token = access_token
        self._sleep = sleep
        self.shop_domain = shop_domain
        self.last_extensions: dict[str, Any] | None = None

    async def execute(self, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run a query or mutation; its ``data``. Throttled requests are retried after the advised wait."""
        for attempt in range(MAX_THROTTLE_RETRIES + 1):
            payload = await self._post(document, variables)
            self.last_extensions = payload.get("extensions")
            errors = payload.get("errors")
            if not errors:
                data = payload.get("data")
                if not isinstance(data, dict):
                    raise ShopifyGraphQLError("Shopify answered without data.")
                return data
            if _is_throttled(errors):
                if attempt == MAX_THROTTLE_RETRIES:
                    break
                wait = throttle_wait_seconds(self.last_extensions)
                log.info("Shopify throttled %s; retrying in %.2f s", self.shop_domain, wait)
                await self._sleep(wait)
                continue
            raise ShopifyGraphQLError(details={"errors": _messages(errors)})
        raise ShopifyThrottled()

    async def _post(self, document: str, variables: dict[str, Any] | None) -> dict[str, Any]:
        token = await self._access_token()
        try:
            response = await self._http.post(
                self._endpoint,
                json={"query": document, "variables": variables or {}},
                headers={"X-Shopify-Access-Token": token, "Accept": "application/json"},
            )
        except httpx.HTTPError as exc:
            raise ShopifyUnavailable(f"Shopify could not be reached ({exc.__class__.__name__}).") from exc
        if response.status_code in (401, 403):
            raise ShopifyTokenRejected(details={"status": response.status_code})
        if response.status_code == 429:
            # The REST-style limit can apply too; GraphQL normally throttles with a 200 and THROTTLED.
            return {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}], "extensions": {}}
        if response.status_code >= 500:
            raise ShopifyUnavailable(details={"status": response.status_code})
        try:
            payload = response.json()
        except ValueError:
            raise ShopifyUnavailable("Shopify answered with something that is not JSON.") from None
        if response.status_code != 200 or not isinstance(payload, dict):
            raise ShopifyGraphQLError(details={"status": response.status_code})
        return payload


def _is_throttled(errors: Any) -> bool:
    return isinstance(errors, list) and any(
        isinstance(err, dict) and (err.get("extensions") or {}).get("code") == "THROTTLED" for err in errors
    )


def _messages(errors: Any) -> list[str]:
    if isinstance(errors, list):
        return [str(err.get("message", err)) if isinstance(err, dict) else str(err) for err in errors][:10]
    return [str(errors)]


def raise_for_user_errors(payload: dict[str, Any] | None) -> None:
    """Raise ``ShopifyUserErrors`` when a mutation's payload lists any ``userErrors``."""
    user_errors = (payload or {}).get("userErrors") or []
    if user_errors:
        raise ShopifyUserErrors([dict(err) for err in user_errors])


def fixed_token(value: str) -> TokenSource:
    """A token source for a token just obtained (during install, before it is stored)."""

    async def token() -> str:
        return value

    return token
