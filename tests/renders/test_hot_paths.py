"""The accept and polling paths run their statements on the pooled connection's driver: a connection that
breaks under them answers 503 and leaves the pool, and what they answer is what the full path answers."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import text

from seeit.db import transaction
from seeit.resources import Resources
from seeit.shops.principal import forget_all_shops
from tests.factories import add_style_preset
from tests.renders.scene import make_scene, usage_today

# What asyncpg raises when it has read the server's goodbye but not yet seen the socket close.
BROKEN = asyncpg.exceptions.InternalClientError("cannot switch to state 15; another operation (2) is in progress")


def break_the_next_statement(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The next ``fetchrow`` on any connection fails as on a broken protocol; returns that connection."""
    fetchrow = asyncpg.Connection.fetchrow
    broken: list[Any] = []

    async def fetchrow_once_broken(self: asyncpg.Connection, query: str, *args: Any, **kwargs: Any) -> Any:
        if not broken:
            broken.append(self)
            raise BROKEN
        return await fetchrow(self, query, *args, **kwargs)

    monkeypatch.setattr(asyncpg.Connection, "fetchrow", fetchrow_once_broken)
    return broken


@pytest.mark.live_database
async def test_a_render_whose_connection_broke_answers_503_counts_nothing_and_the_next_is_accepted(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = await make_scene(client, resources)
    forget_all_shops()
    await client.get(scene.url(f"/proxy/rooms/{scene.room_id}"))  # the shop is cached: the accept breaks
    broken = break_the_next_statement(monkeypatch)

    first = await client.post(scene.url("/proxy/renders"), json=scene.body())

    assert first.status_code == 503, first.text
    assert first.json()["error"]["code"] == "service_unavailable"
    assert broken[0].is_closed()  # dropped from the pool, not handed to the next request
    assert await usage_today(resources, scene.shop_id) == {"prep": 0, "cleanup": 0, "composite": 0}
    second = await client.post(scene.url("/proxy/renders"), json=scene.body())
    assert second.status_code == 202, second.text
    assert await usage_today(resources, scene.shop_id) == {"prep": 0, "cleanup": 0, "composite": 1}
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM render_jobs")) == 1


@pytest.mark.live_database
async def test_a_poll_whose_connection_broke_answers_503_and_the_next_answers_the_job(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = await make_scene(client, resources)
    job = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    broken = break_the_next_statement(monkeypatch)

    first = await client.get(scene.url(f"/proxy/renders/{job['id']}"))

    assert first.status_code == 503
    assert first.json()["error"]["code"] == "service_unavailable"
    assert broken[0].is_closed()
    second = await client.get(scene.url(f"/proxy/renders/{job['id']}"))
    assert second.status_code == 200
    assert second.json() == job


async def test_a_replay_answers_the_first_job_as_the_first_answer_showed_it(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources)
    headers = {"Idempotency-Key": "order-42"}
    first = await client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers)

    replay = await client.post(scene.url("/proxy/renders"), json=scene.body(), headers=headers)

    assert replay.status_code == 202
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert replay.json() == first.json()
    assert replay.headers["content-type"] == first.headers["content-type"] == "application/json"


async def test_a_shops_own_style_preset_is_accepted_on_the_full_path(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    scene = await make_scene(client, resources)
    async with transaction(resources) as session:
        await add_style_preset(session, scene.shop_id, "loft", "A loft with the product.")

    response = await client.post(scene.url("/proxy/renders"), json=scene.body(style_preset="loft"))

    assert response.status_code == 202, response.text
    assert response.json()["style_preset"] == "loft"
    assert await resources.arq.exists(f"arq:job:render:{response.json()['id']}")
    assert await usage_today(resources, scene.shop_id) == {"prep": 0, "cleanup": 0, "composite": 1}
