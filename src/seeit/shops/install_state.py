"""The OAuth ``state`` nonce of the authorization-code install: random, bound to the browser, used once.

The nonce (32 random bytes, hex) goes to Shopify as ``state`` and into a short-lived cookie signed with a key
derived from the app secret, so a callback is accepted only in the browser that started the install and only
for the shop it started with. Redis remembers each issued nonce until it is used (``GETDEL``) or expires.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from redis.asyncio import Redis

from seeit.config import Settings

COOKIE_NAME = "seeit_oauth_state"
STATE_TTL_SECONDS = 600
_REDIS_PREFIX = "seeit:oauth-state:"


@dataclass(frozen=True)
class InstallState:
    nonce: str
    cookie_value: str


def _cookie_key(settings: Settings) -> bytes:
    # Derived, so the cookie signature can never be mistaken for (or used as) any other Shopify signature.
    return hmac.new(settings.shopify_api_secret.encode(), b"seeit oauth state cookie v1", hashlib.sha256).digest()


def _sign(settings: Settings, message: str) -> str:
    return hmac.new(_cookie_key(settings), message.encode(), hashlib.sha256).hexdigest()


async def issue_state(settings: Settings, redis: Redis, shop_domain: str, *, now: float | None = None) -> InstallState:
    nonce = secrets.token_hex(32)
    expires = int(now if now is not None else time.time()) + STATE_TTL_SECONDS
    await redis.set(_REDIS_PREFIX + nonce, shop_domain, nx=True, ex=STATE_TTL_SECONDS)
    message = f"{nonce}|{shop_domain}|{expires}"
    return InstallState(nonce=nonce, cookie_value=f"{message}|{_sign(settings, message)}")


def cookie_matches(
    settings: Settings, cookie_value: str | None, *, state: str, shop_domain: str, now: float | None = None
) -> bool:
    """Whether the browser's cookie was issued by us, is unexpired, and names this state and shop."""
    if not cookie_value:
        return False
    parts = cookie_value.split("|")
    if len(parts) != 4 or not parts[2].isdigit():
        return False
    nonce, shop, expires, signature = parts
    if not hmac.compare_digest(_sign(settings, f"{nonce}|{shop}|{expires}"), signature):
        return False
    if int(expires) < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(nonce, state) and shop == shop_domain


async def consume_state(redis: Redis, state: str, shop_domain: str) -> bool:
    """Use the nonce up: True only the first time, and only for the shop it was issued for."""
    if len(state) != 64:
        return False
    stored = await redis.getdel(_REDIS_PREFIX + state)
    if isinstance(stored, bytes):
        stored = stored.decode()
    return stored is not None and hmac.compare_digest(str(stored), shop_domain)
