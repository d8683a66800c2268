"""Shopify's token endpoint (``/admin/oauth/access_token``): token exchange, code grant and refresh.

Every grant asks for an *expiring* offline token (``expiring=1``): an access token valid for about an hour and
a refresh token that Shopify rotates on every use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx

from seeit.config import Settings
from seeit.db import utcnow
from seeit.errors import InvalidSessionToken, InvalidSignature
from seeit.shopify.errors import ShopifyError, ShopifyTokenRejected, ShopifyUnavailable

log = logging.getLogger(__name__)

TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange"
ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token"
OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token"


@dataclass(frozen=True)
class TokenGrant:
    """What Shopify answered for one grant, with lifetimes turned into instants."""

    access_token: str
    scope: str
    access_token_expires_at: datetime | None
    refresh_token: str | None
    refresh_token_expires_at: datetime | None


class RefreshRefused(ShopifyTokenRejected):
    """Shopify refused the refresh token (already used, expired or revoked)."""


def token_endpoint(settings: Settings, shop_domain: str) -> str:
    return f"{settings.admin_base(shop_domain)}/admin/oauth/access_token"


def authorize_url(settings: Settings, shop_domain: str, state: str) -> str:
    """Where ``/auth/install`` sends the merchant's browser to approve the app (offline access)."""
    query = urlencode(
        {
            "client_id": settings.shopify_api_key,
            "scope": settings.shopify_scopes,
            "redirect_uri": f"{settings.public_url.rstrip('/')}/auth/callback",
            "state": state,
        }
    )
    return f"{settings.admin_base(shop_domain)}/admin/oauth/authorize?{query}"


def _credentials(settings: Settings) -> dict[str, Any]:
    return {"client_id": settings.shopify_api_key, "client_secret": settings.shopify_api_secret}


async def exchange_session_token(
    http: httpx.AsyncClient, settings: Settings, shop_domain: str, session_token: str
) -> TokenGrant:
    """Trade an App Bridge session token for an expiring offline token; a refused token → 401."""
    body = {
        **_credentials(settings),
        "grant_type": TOKEN_EXCHANGE_GRANT,
        "subject_token": session_token,
        "subject_token_type": ID_TOKEN_TYPE,
        "requested_token_type": OFFLINE_TOKEN_TYPE,
        "expiring": 1,
    }
    status, payload = await _post(http, token_endpoint(settings, shop_domain), body)
    if status == 400 and payload.get("error") in ("invalid_subject_token", "invalid_request"):
        raise InvalidSessionToken("Shopify refused the session token.")
    return _grant_or_raise(status, payload, shop_domain, "token exchange")


async def exchange_authorization_code(
    http: httpx.AsyncClient, settings: Settings, shop_domain: str, code: str
) -> TokenGrant:
    """Trade an OAuth authorization code for an expiring offline token; a refused code → 401."""
    body = {**_credentials(settings), "code": code, "expiring": 1}
    status, payload = await _post(http, token_endpoint(settings, shop_domain), body)
    if status == 400:
        raise InvalidSignature("Shopify refused the authorization code.")
    return _grant_or_raise(status, payload, shop_domain, "code grant")


async def refresh_access_token(
    http: httpx.AsyncClient, settings: Settings, shop_domain: str, refresh_token: str
) -> TokenGrant:
    """Use (and so spend) a refresh token; Shopify answers with a new access token and a new refresh token."""
    body = {**_credentials(settings), "grant_type": "refresh_token", "refresh_token": refresh_token}
    status, payload = await _post(http, token_endpoint(settings, shop_domain), body)
    if status in (400, 401) and payload.get("error") in ("invalid_grant", "invalid_request"):
        raise RefreshRefused(f"Shopify refused the refresh token for {shop_domain}.")
    return _grant_or_raise(status, payload, shop_domain, "refresh")


async def _post(http: httpx.AsyncClient, url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    try:
        response = await http.post(url, json=body, headers={"Accept": "application/json"})
    except httpx.HTTPError as exc:
        raise ShopifyUnavailable(f"Shopify's token endpoint could not be reached ({exc.__class__.__name__}).") from exc
    try:
        payload = response.json()
    except ValueError:
        payload = {}
    return response.status_code, payload if isinstance(payload, dict) else {}


def _grant_or_raise(status: int, payload: dict[str, Any], shop_domain: str, what: str) -> TokenGrant:
    if status >= 500 or status == 429:
        raise ShopifyUnavailable(f"Shopify's token endpoint answered {status}.")
    if status != 200 or not payload.get("access_token"):
        # invalid_client means our credentials are wrong or the app was removed: not the caller's fault.
        log.error("Shopify %s for %s refused: %s %s", what, shop_domain, status, payload.get("error"))
        raise ShopifyError(f"Shopify refused the {what} ({payload.get('error', status)}).")
    return _grant_from(payload)


def _grant_from(payload: dict[str, Any]) -> TokenGrant:
    now = utcnow()

    def after(seconds: Any) -> datetime | None:
        return now + timedelta(seconds=int(seconds)) if seconds not in (None, "") else None

    return TokenGrant(
        access_token=str(payload["access_token"]),
        scope=str(payload.get("scope", "")),
        access_token_expires_at=after(payload.get("expires_in")),
        refresh_token=str(payload["refresh_token"]) if payload.get("refresh_token") else None,
        refresh_token_expires_at=after(payload.get("refresh_token_expires_in")),
    )
