"""The render accept path: validation, exact quotas under concurrency, renders in flight, idempotency."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text

from seeit.db import transaction
from seeit.resources import Resources
from tests.factories import add_usage
from tests.renders.scene import PRODUCT_GID, make_scene, usage_today


async def test_accepted_render_is_queued_and_counted(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources)

    response = await client.post(scene.url("/proxy/renders"), json=scene.body(product_id=PRODUCT_GID))

    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] == "queued"
    assert job["stage"] == "queued"
    assert job["product_id"] == PRODUCT_GID
    assert job["placement"] == {"x": 0.5, "y": 0.8, "scale": 0.3}
    assert job["image_url"] is None
    assert await usage_today(resources, scene.shop_id) == {"prep": 0, "cleanup": 0, "composite": 1}
    assert await resources.arq.exists(f"arq:job:render:{job['id']}")  # sent after the commit
    fetched = await client.get(scene.url(f"/proxy/renders/{job['id']}"))
    assert fetched.json()["id"] == job["id"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"placement": {"x": 1.5, "y": 0.5, "scale": 0.3}}, "x"),
        ({"placement": {"x": 0.5, "y": 0.5, "scale": 0}}, "scale"),
        ({"quality": "ultra"}, "quality"),
        ({"product_id": "gid://shopify/Collection/1"}, "product_id"),
        ({"product_id": "abc"}, "product_id"),
        ({"style_preset": "no-such-style"}, "style_preset"),
        ({"config": {"note": "nul\x00byte"}}, "config"),  # PostgreSQL's jsonb cannot hold it
    ],
)
async def test_invalid_requests_are_refused_and_count_nothing(
    client: httpx.AsyncClient, resources: Resources, change: dict[str, object], field: str
) -> None:
    scene = await make_scene(client, resources)
    response = await client.post(scene.url("/proxy/renders"), json=scene.body(**change))
    assert response.status_code == 422, response.text
    assert field in str(response.json()["error"]["details"]["fields"])
    assert (await usage_today(resources, scene.shop_id))["composite"] == 0


async def test_expired_room_answers_410_and_counts_nothing(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources)
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE room_sessions SET expires_at = now() - interval '1 second'"))
    response = await client.post(scene.url("/proxy/renders"), json=scene.body())
    assert response.status_code == 410
    assert (await usage_today(resources, scene.shop_id))["composite"] == 0


@pytest.mark.live_database
async def test_two_hundred_concurrent_renders_against_a_daily_quota_of_fifty(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources, daily_quota=50, monthly_quota=10_000)

    responses = await asyncio.gather(*(client.post(scene.url("/proxy/renders"), json=scene.body()) for _ in range(200)))

    statuses = [r.status_code for r in responses]
    assert statuses.count(202) == 50, sorted(set(statuses))
    refused = [r for r in responses if r.status_code == 429]
    assert len(refused) == 150
    error = refused[0].json()["error"]
    assert error["code"] == "quota_exceeded"
    assert error["details"]["scope"] == "daily"
    assert error["details"]["limit"] == 50
    assert error["details"]["used"] == 50
    resets_at = datetime.fromisoformat(error["details"]["resets_at"])
    assert resets_at == datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    assert 0 < int(refused[0].headers["Retry-After"]) <= 86_400
    assert (await usage_today(resources, scene.shop_id))["composite"] == 50
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM render_jobs")) == 50


@pytest.mark.live_database
async def test_concurrent_renders_stop_at_the_monthly_quota(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources, daily_quota=1000, monthly_quota=30)
    today = datetime.now(UTC).date()
    earlier = today - timedelta(days=1) if today.day > 1 else today
    async with transaction(resources) as session:
        await add_usage(session, scene.shop_id, earlier, cleanup_renders=12)

    responses = await asyncio.gather(*(client.post(scene.url("/proxy/renders"), json=scene.body()) for _ in range(60)))

    assert [r.status_code for r in responses].count(202) == 18
    error = next(r for r in responses if r.status_code == 429).json()["error"]
    assert error["details"]["scope"] == "monthly"
    assert error["details"]["limit"] == 30
    assert error["details"]["used"] == 30


@pytest.mark.live_database
async def test_near_midnight_renders_and_a_cleanup_queue_on_the_month_lock_and_stop_at_the_quota(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("seeit.usage.repository.near_midnight", lambda now: True)
    scene = await make_scene(client, resources, daily_quota=1000, monthly_quota=30)
    async with transaction(resources) as session:
        await add_usage(session, scene.shop_id, datetime.now(UTC).date(), cleanup_renders=12)

    cleanup = client.post(scene.url(f"/proxy/rooms/{scene.room_id}/cleanup"))
    renders = (client.post(scene.url("/proxy/renders"), json=scene.body()) for _ in range(40))
    responses = await asyncio.gather(cleanup, *renders)

    assert {r.status_code for r in responses} <= {200, 202, 429}, [r.text for r in responses if r.status_code >= 500]
    async with resources.engine.connect() as conn:
        month = await conn.scalar(
            text("SELECT sum(cleanup_renders + composite_renders) FROM usage_daily WHERE shop_id = :s"),
            {"s": scene.shop_id},
        )
    assert month == 30
    assert [r.status_code for r in responses[1:]].count(202) == 30 - 12 - (responses[0].status_code == 202)


async def test_renders_in_flight_are_limited_per_shop(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources, max_concurrent_renders=2)
    first = [await client.post(scene.url("/proxy/renders"), json=scene.body()) for _ in range(2)]
    assert [r.status_code for r in first] == [202, 202]

    third = await client.post(scene.url("/proxy/renders"), json=scene.body())

    assert third.status_code == 429
    assert third.json()["error"]["code"] == "rate_limited"
    assert "Retry-After" in third.headers
    assert (await usage_today(resources, scene.shop_id))["composite"] == 2


async def test_idempotent_replay_returns_the_first_job_and_counts_once(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources)
    headers = {"Idempotency-Key": "order-123-try"}
    first = await client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers)
    again = await client.post(scene.url("/proxy/renders"), json=scene.body(quality="high"), headers=headers)

    assert first.status_code == 202
    assert again.status_code == 202
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["quality"] == "draft"  # the first job, as it was asked for
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1


@pytest.mark.live_database
async def test_idempotent_replay_race_creates_one_job_and_counts_once(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources)
    headers = {"Idempotency-Key": "same-click-twice"}

    responses = await asyncio.gather(
        *(client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers) for _ in range(30))
    )

    assert {r.status_code for r in responses} == {202}
    assert len({r.json()["id"] for r in responses}) == 1
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM render_jobs")) == 1


async def test_an_idempotency_key_older_than_a_day_no_longer_matches(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources)
    headers = {"Idempotency-Key": "yesterday"}
    first = await client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers)
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE render_jobs SET created_at = now() - interval '25 hours'"))

    second = await client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers)

    assert second.status_code == 202
    assert second.json()["id"] != first.json()["id"]
    assert (await usage_today(resources, scene.shop_id))["composite"] == 2


async def test_a_product_with_no_asset_queues_a_fallback_prep_ahead(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources, with_asset=False)

    response = await client.post(scene.url("/proxy/renders"), json=scene.body())

    assert response.status_code == 202, response.text
    assert response.json()["stage"] == "waiting_for_asset"
    async with resources.engine.connect() as conn:
        asset = (await conn.execute(text("SELECT id, status, prep_strategy FROM product_assets"))).one()
        job_asset = await conn.scalar(text("SELECT product_asset_id FROM render_jobs"))
    assert (asset.status, asset.prep_strategy) == ("pending", "fallback")
    assert job_asset == asset.id
    assert await resources.arq.exists(f"arq:job:prep:{asset.id}")


async def test_rate_limit_per_room_session(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources)
    resources.settings.rate_limit_per_minute = 3
    try:
        statuses = [(await client.post(scene.url("/proxy/renders"), json=scene.body())).status_code for _ in range(5)]
    finally:
        resources.settings.rate_limit_per_minute = 0
    assert statuses[:3] == [202, 202, 202]
    assert statuses[3:] == [429, 429]
