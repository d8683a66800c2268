"""Shops' Shopify tokens: stored encrypted, refreshed before they expire, one refresh at a time per shop.

Refresh: Shopify rotates the refresh token on every use, so two concurrent refreshes would leave one of
them holding a spent token. Callers in one process queue on an asyncio lock; processes queue on a Redis
lock; each re-reads the row after acquiring and refreshes only if it is still about to expire.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from redis.exceptions import LockError

from seeit.db import transaction, utcnow
from seeit.resources import Resources
from seeit.shopify.admin_api import AdminApi, Sleep
from seeit.shopify.errors import ShopifyTokenRejected, ShopifyTokenUnavailable, ShopifyUnavailable
from seeit.shopify.oauth import TokenGrant, refresh_access_token
from seeit.shopify.token_cipher import TokenCipher
from seeit.shops import repository
from seeit.shops.repository import EncryptedTokens, StoredTokens

log = logging.getLogger(__name__)

# Refresh this long before expiry, so a token handed out stays valid for the request that uses it.
REFRESH_MARGIN = timedelta(minutes=5)
# Longer than a refresh can take (HTTP timeout 20 s); a crashed holder's lock frees itself after it.
REFRESH_LOCK_SECONDS = 30
REFRESH_WAIT_SECONDS = 25


_ciphers: dict[str, TokenCipher] = {}


def cipher_for(resources: Resources) -> TokenCipher:
    setting = resources.settings.token_encryption_key
    if setting not in _ciphers:
        _ciphers[setting] = TokenCipher(setting)
    return _ciphers[setting]


def encrypt_grant(cipher: TokenCipher, shop_domain: str, grant: TokenGrant) -> EncryptedTokens:
    return EncryptedTokens(
        access_token=cipher.encrypt(grant.access_token, context=f"{shop_domain}:access_token"),
        refresh_token=(
            cipher.encrypt(grant.refresh_token, context=f"{shop_domain}:refresh_token") if grant.refresh_token else None
        ),
        access_token_expires_at=grant.access_token_expires_at,
        refresh_token_expires_at=grant.refresh_token_expires_at,
    )


@dataclass(frozen=True)
class _Usable:
    access_token: str | None  # set when the stored token may be handed out as it is


def _usable(stored: StoredTokens | None, cipher: TokenCipher, shop_domain: str, now: datetime) -> _Usable:
    if stored is None or stored.uninstalled or not stored.access_token:
        raise ShopifyTokenUnavailable(f"no Shopify token for {shop_domain}")
    expires_at = stored.access_token_expires_at
    if expires_at is None or expires_at - REFRESH_MARGIN > now:
        return _Usable(cipher.decrypt(stored.access_token, context=f"{shop_domain}:access_token"))
    return _Usable(None)


_local_locks: dict[str, asyncio.Lock] = {}


async def get_access_token(
    resources: Resources, shop_domain: str, *, local_locks: dict[str, asyncio.Lock] | None = None
) -> str:
    """A valid offline access token for the shop, refreshed first when it is about to expire.

    ``local_locks`` stands for the process's own lock table; tests give each caller its own to act
    as separate processes.
    """
    cipher = cipher_for(resources)
    locks = _local_locks if local_locks is None else local_locks
    usable = _usable(await _load(resources, shop_domain), cipher, shop_domain, utcnow())
    if usable.access_token is not None:
        return usable.access_token
    async with locks.setdefault(shop_domain, asyncio.Lock()):
        usable = _usable(await _load(resources, shop_domain), cipher, shop_domain, utcnow())
        if usable.access_token is not None:
            return usable.access_token
        return await _refresh_under_shared_lock(resources, cipher, shop_domain)


async def _load(resources: Resources, shop_domain: str) -> StoredTokens | None:
    async with resources.sessionmaker() as session:
        return await repository.stored_tokens(session, shop_domain)


async def _refresh_under_shared_lock(resources: Resources, cipher: TokenCipher, shop_domain: str) -> str:
    lock = resources.arq.lock(
        f"seeit:token-refresh:{shop_domain}",
        timeout=REFRESH_LOCK_SECONDS,
        blocking_timeout=REFRESH_WAIT_SECONDS,
        sleep=0.05,
    )
    try:
        acquired = await lock.acquire()
    except LockError:
        acquired = False
    if not acquired:
        raise ShopifyUnavailable(f"timed out waiting for another process to refresh {shop_domain}'s token")
    try:
        stored = await _load(resources, shop_domain)
        usable = _usable(stored, cipher, shop_domain, utcnow())
        if usable.access_token is not None:
            return usable.access_token  # another process refreshed while we waited
        assert stored is not None
        return await _refresh(resources, cipher, shop_domain, stored)
    finally:
        try:
            await lock.release()
        except LockError:
            log.warning("token refresh lock for %s expired before release", shop_domain)


async def _refresh(resources: Resources, cipher: TokenCipher, shop_domain: str, stored: StoredTokens) -> str:
    now = utcnow()
    if stored.refresh_token is None or (
        stored.refresh_token_expires_at is not None and stored.refresh_token_expires_at <= now
    ):
        if stored.access_token_expires_at is not None and stored.access_token_expires_at > now:
            # Cannot refresh, but the token still works for a few minutes.
            return cipher.decrypt(stored.access_token, context=f"{shop_domain}:access_token")
        raise ShopifyTokenUnavailable(f"{shop_domain}'s refresh token is missing or expired")
    refresh_token = cipher.decrypt(stored.refresh_token, context=f"{shop_domain}:refresh_token")
    try:
        grant = await refresh_access_token(resources.http, resources.settings, shop_domain, refresh_token)
    except ShopifyTokenRejected:
        # A process whose lock ran out may have refreshed first: use its token if there is one.
        latest = await _load(resources, shop_domain)
        if latest is not None and latest.refresh_token != stored.refresh_token:
            usable = _usable(latest, cipher, shop_domain, utcnow())
            if usable.access_token is not None:
                return usable.access_token
        raise
    async with transaction(resources) as session:
        saved = await repository.replace_tokens(
            session,
            stored.shop_id,
            spent_refresh_token=stored.refresh_token,
            tokens=encrypt_grant(cipher, shop_domain, grant),
        )
    if not saved:
        log.warning("refreshed token for %s not stored: the shop was uninstalled or reinstalled meanwhile", shop_domain)
    log.info("refreshed the Shopify access token of %s", shop_domain)
    return grant.access_token


def admin_api(resources: Resources, shop_domain: str, *, sleep: Sleep = asyncio.sleep) -> AdminApi:
    """The Admin API of an installed shop, with its stored token (refreshed when about to expire)."""

    async def token() -> str:
        return await get_access_token(resources, shop_domain)

    return AdminApi(resources.http, resources.settings, shop_domain, token, sleep=sleep)
