"""Tokens: encrypted at rest with rotatable keys, refreshed before expiry, exactly once under concurrency."""

from __future__ import annotations

import asyncio
import base64
import os
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, update

from seeit.db import utcnow
from seeit.models import Shop
from seeit.resources import Resources
from seeit.shopify.errors import ShopifyError, ShopifyTokenUnavailable
from seeit.shopify.token_cipher import TokenCipher, TokenKeyError
from seeit.shops.tokens import get_access_token
from tests.fakes.shopify import FakeShopify
from tests.support import session_token

# Live: concurrent refreshes race on their own connections.
pytestmark = pytest.mark.live_database

SHOP = "tokens.myshopify.com"


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def test_ciphertext_names_its_key_and_hides_the_token() -> None:
    cipher = TokenCipher(new_key())
    sealed = cipher.encrypt("shpat_secret", context="a.myshopify.com:access_token")
    assert sealed.startswith(f"v1.{cipher.current_key_id}.")
    assert "shpat_secret" not in sealed
    assert sealed != cipher.encrypt("shpat_secret", context="a.myshopify.com:access_token")  # fresh nonce
    assert cipher.decrypt(sealed, context="a.myshopify.com:access_token") == "shpat_secret"


def test_a_ciphertext_moved_to_another_shop_or_column_does_not_decrypt() -> None:
    cipher = TokenCipher(new_key())
    sealed = cipher.encrypt("shpat_secret", context="a.myshopify.com:access_token")
    with pytest.raises(TokenKeyError):
        cipher.decrypt(sealed, context="b.myshopify.com:access_token")
    with pytest.raises(TokenKeyError):
        cipher.decrypt(sealed, context="a.myshopify.com:refresh_token")


def test_rotation_new_key_first_encrypts_and_the_old_key_still_decrypts() -> None:
    old, new = new_key(), new_key()
    before = TokenCipher(old).encrypt("tok", context="c")
    rotated = TokenCipher(f"{new}, {old}")
    assert rotated.decrypt(before, context="c") == "tok"
    after = rotated.encrypt("tok", context="c")
    assert after.split(".")[1] == TokenCipher(new).current_key_id
    with pytest.raises(TokenKeyError):
        TokenCipher(old).decrypt(after, context="c")  # the old key alone cannot read new rows
    with pytest.raises(TokenKeyError):
        TokenCipher(new).decrypt(before, context="c")  # dropping the old key too early is loud


@pytest.mark.parametrize("setting", ["", "not base64 !", base64.urlsafe_b64encode(b"short").decode()])
def test_a_malformed_key_setting_is_refused(setting: str) -> None:
    with pytest.raises(TokenKeyError):
        TokenCipher(setting)


async def install(client: httpx.AsyncClient, shop: str = SHOP) -> None:
    response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {session_token(shop)}"})
    assert response.status_code == 200, response.text


async def expire_soon(resources: Resources, shop: str = SHOP, seconds: int = 30) -> None:
    async with resources.engine.begin() as conn:
        await conn.execute(
            update(Shop)
            .where(Shop.shop_domain == shop)
            .values(access_token_expires_at=utcnow() + timedelta(seconds=seconds))
        )


async def test_a_fresh_token_is_handed_out_without_asking_shopify(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    [issued] = fake_shopify.shop(SHOP).access_tokens
    assert await get_access_token(resources, SHOP) == issued
    assert fake_shopify.token_requests("refresh") == []


async def test_twenty_concurrent_callers_with_an_expiring_token_cause_exactly_one_refresh(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    await expire_soon(resources)
    old = set(fake_shopify.shop(SHOP).access_tokens)
    fake_shopify.token_delay = 0.05  # a refresh that takes a while, so the callers really overlap

    tokens = await asyncio.gather(*(get_access_token(resources, SHOP) for _ in range(20)))

    [refresh] = fake_shopify.token_requests("refresh")
    assert refresh.status == 200
    assert len(set(tokens)) == 1
    assert tokens[0] not in old
    assert tokens[0] in fake_shopify.shop(SHOP).access_tokens
    async with resources.sessionmaker() as session:
        expires_at = await session.scalar(select(Shop.access_token_expires_at).where(Shop.shop_domain == SHOP))
    assert expires_at is not None
    assert expires_at > utcnow() + timedelta(minutes=50)
    assert await get_access_token(resources, SHOP) == tokens[0]  # stored: no second refresh
    assert len(fake_shopify.token_requests("refresh")) == 1


async def test_twenty_processes_refreshing_at_once_cause_exactly_one_refresh(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    # Each caller gets its own in-process lock table, as separate processes would: only Redis serialises them.
    await install(client)
    await expire_soon(resources)
    fake_shopify.token_delay = 0.05

    tokens = await asyncio.gather(*(get_access_token(resources, SHOP, local_locks={}) for _ in range(20)))

    assert len(fake_shopify.token_requests("refresh")) == 1
    assert len(set(tokens)) == 1
    assert all(r.outcome == "issued" for r in fake_shopify.token_requests())


async def test_refresh_rotates_the_refresh_token_and_the_next_refresh_uses_the_new_one(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    await expire_soon(resources)
    await get_access_token(resources, SHOP)
    await expire_soon(resources)

    await get_access_token(resources, SHOP)

    first, second = fake_shopify.token_requests("refresh")
    assert first.body["refresh_token"] != second.body["refresh_token"]
    assert (first.status, second.status) == (200, 200)


async def test_an_expired_refresh_token_means_no_token_until_the_merchant_returns(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    async with resources.engine.begin() as conn:
        await conn.execute(
            update(Shop)
            .where(Shop.shop_domain == SHOP)
            .values(access_token_expires_at=utcnow() - timedelta(minutes=1), refresh_token_expires_at=utcnow())
        )
    with pytest.raises(ShopifyTokenUnavailable):
        await get_access_token(resources, SHOP)
    assert fake_shopify.token_requests("refresh") == []


async def test_a_refresh_token_shopify_refuses_is_a_token_problem_not_a_crash(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    await expire_soon(resources)
    fake_shopify.revoke(SHOP)

    with pytest.raises(ShopifyError) as raised:
        await get_access_token(resources, SHOP)

    assert raised.value.retryable is False
    [refused] = fake_shopify.token_requests("refresh")
    assert refused.status == 400


async def test_an_uninstalled_shop_has_no_token(resources: Resources, fake_shopify: FakeShopify) -> None:
    with pytest.raises(ShopifyTokenUnavailable):
        await get_access_token(resources, "unknown.myshopify.com")


async def test_rows_written_under_an_old_key_still_work_after_rotation(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    await install(client)
    [issued] = fake_shopify.shop(SHOP).access_tokens
    rotated = resources.settings.model_copy(
        update={"token_encryption_key": f"{new_key()},{resources.settings.token_encryption_key}"}
    )
    rotated_resources = replace(resources, settings=rotated)
    assert await get_access_token(rotated_resources, SHOP) == issued
