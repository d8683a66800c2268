"""Helpers for tests: shops in the database, signed storefront requests, admin session tokens."""

from __future__ import annotations

import time
import uuid
from typing import Any
from urllib.parse import urlencode

import jwt

from seeit.db import transaction
from seeit.models import Shop
from seeit.resources import Resources
from seeit.shopify.signatures import app_proxy_digest
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.factories import add_shop


async def create_shop(
    resources: Resources,
    shop_domain: str = "demo.myshopify.com",
    *,
    plan: str = "pro",
    daily_quota: int = 1000,
    monthly_quota: int = 10000,
    **columns: Any,
) -> Shop:
    """An installed shop row (token columns hold placeholders, not real ciphertext)."""
    async with transaction(resources) as session:
        return await add_shop(
            session, shop_domain, plan=plan, daily_quota=daily_quota, monthly_quota=monthly_quota, **columns
        )


def proxy_query(shop_domain: str, *, secret: str = TEST_SECRET, now: float | None = None, **extra: str) -> str:
    """The query string Shopify's app proxy adds, signed, plus ``extra`` parameters."""
    params = {
        "shop": shop_domain,
        "logged_in_customer_id": "",
        "path_prefix": "/apps/see-it",
        "timestamp": str(int(now if now is not None else time.time())),
        **extra,
    }
    params["signature"] = app_proxy_digest(params.items(), secret)
    return urlencode(params)


def proxy_url(path: str, shop_domain: str, **extra: str) -> str:
    return f"{path}?{proxy_query(shop_domain, secret=TEST_SECRET, now=None, **extra)}"


def session_token(
    shop_domain: str,
    *,
    secret: str = TEST_SECRET,
    api_key: str = TEST_API_KEY,
    user_id: str = "42",
    lifetime: int = 60,
    **claims: Any,
) -> str:
    """An App Bridge session token for ``shop_domain``, signed like Shopify signs them."""
    now = int(time.time())
    payload = {
        "iss": f"https://{shop_domain}/admin",
        "dest": f"https://{shop_domain}",
        "aud": api_key,
        "sub": user_id,
        "exp": now + lifetime,
        "nbf": now - 1,
        "iat": now - 1,
        "jti": uuid.uuid4().hex,
        "sid": uuid.uuid4().hex,
        **claims,
    }
    return jwt.encode(payload, secret, algorithm="HS256")


def admin_headers(shop_domain: str, **claims: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {session_token(shop_domain, **claims)}"}
