"""``POST /webhooks``: HMAC first, once per event, every topic doing what the spec says."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import func, select, text

from seeit.assets import service as assets_service
from seeit.config import Settings
from seeit.db import transaction, utcnow
from seeit.models import RenderJob, RoomSession, Shop, UsageDaily, WebhookEvent
from seeit.resources import Resources
from seeit.shops import service as shops_service
from seeit.webhooks import service as webhook_topics
from tests.conftest import TEST_SECRET
from tests.support import admin_headers, create_shop, proxy_url

SHOP = "hooks.myshopify.com"
ALL_TOPICS = [
    "app/uninstalled",
    "products/update",
    "products/delete",
    "customers/data_request",
    "customers/redact",
    "shop/redact",
]


def webhook_headers(
    topic: str,
    body: bytes,
    *,
    shop: str = SHOP,
    event_id: str | None = None,
    secret: str = TEST_SECRET,
    new_style: bool = False,
) -> dict[str, str]:
    digest = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    headers = {
        "X-Shopify-Hmac-Sha256": digest,
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-API-Version": "2026-04",
        "X-Shopify-Webhook-Id": str(uuid.uuid4()),
        "X-Shopify-Event-Id": event_id or str(uuid.uuid4()),
        "X-Shopify-Triggered-At": utcnow().isoformat(),
        "Content-Type": "application/json",
    }
    if new_style:  # Shopify's newer event system: the same names, lower case, without "X-"
        headers = {k.lower().removeprefix("x-"): v for k, v in headers.items()}
    return headers


async def deliver(client: httpx.AsyncClient, topic: str, payload: dict[str, Any], **options: Any) -> httpx.Response:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return await client.post("/webhooks", content=body, headers=webhook_headers(topic, body, **options))


async def events(resources: Resources) -> list[WebhookEvent]:
    async with resources.sessionmaker() as session:
        return list((await session.scalars(select(WebhookEvent).order_by(WebhookEvent.received_at))).all())


@pytest.mark.parametrize("topic", [*ALL_TOPICS, "orders/create"])
async def test_a_wrong_or_missing_hmac_is_401_on_every_topic(
    client: httpx.AsyncClient, resources: Resources, topic: str
) -> None:
    await create_shop(resources, SHOP)
    body = json.dumps({"shop_domain": SHOP, "id": 1}).encode()
    forged = webhook_headers(topic, body, secret="not-the-secret")
    missing = {k: v for k, v in forged.items() if k != "X-Shopify-Hmac-Sha256"}

    for headers in (forged, missing):
        response = await client.post("/webhooks", content=body, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_signature"
    assert await events(resources) == []
    assert (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).status_code == 200


async def test_the_hmac_is_over_the_raw_bytes_not_reserialised_json(client: httpx.AsyncClient) -> None:
    raw = b'{ "shop_domain" : "hooks.myshopify.com",  "customer": {"id": 1}, "data_request": {"id": 9} }'
    good = await client.post("/webhooks", content=raw, headers=webhook_headers("customers/data_request", raw))
    tampered = await client.post(
        "/webhooks", content=raw.replace(b"9", b"8"), headers=webhook_headers("customers/data_request", raw)
    )
    assert (good.status_code, tampered.status_code) == (200, 401)


async def test_both_header_spellings_are_accepted(client: httpx.AsyncClient, resources: Resources) -> None:
    old_style = await deliver(client, "customers/redact", {"shop_domain": SHOP, "customer": {"id": 1}})
    new_style = await deliver(client, "customers/redact", {"shop_domain": SHOP, "customer": {"id": 2}}, new_style=True)

    assert old_style.json() == new_style.json() == {"status": "processed"}
    assert [e.topic for e in await events(resources)] == ["customers/redact", "customers/redact"]


@pytest.mark.live_database
async def test_the_same_delivery_sent_ten_times_at_once_is_processed_once(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    await create_shop(resources, SHOP)
    calls: list[str] = []
    real = webhook_topics.HANDLERS["products/delete"]

    async def counting(
        session: Any, settings: Settings, event_id: uuid.UUID, delivery: webhook_topics.Delivery
    ) -> bool:
        calls.append(delivery.event_key)
        await asyncio.sleep(0.05)  # keep the first transaction open while the others arrive
        return await real(session, settings, event_id, delivery)

    monkeypatch.setitem(webhook_topics.HANDLERS, "products/delete", counting)
    body = json.dumps({"id": 8123}).encode()
    headers = webhook_headers("products/delete", body, event_id="event-once")

    responses = await asyncio.gather(*(client.post("/webhooks", content=body, headers=headers) for _ in range(10)))

    assert [r.status_code for r in responses] == [200] * 10
    assert sorted(r.json()["status"] for r in responses) == ["duplicate"] * 9 + ["processed"]
    assert calls == ["event-once"]
    [event] = await events(resources)
    assert event.processed_at is not None


async def test_a_failed_processing_is_not_recorded_so_shopifys_retry_is_handled(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    await create_shop(resources, SHOP)
    attempts: list[int] = []

    async def flaky(session: Any, settings: Settings, event_id: uuid.UUID, delivery: webhook_topics.Delivery) -> bool:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database hiccup")
        return True

    monkeypatch.setitem(webhook_topics.HANDLERS, "products/update", flaky)

    first = await deliver(client, "products/update", {"id": 1, "title": "x"}, event_id="retry-me")
    assert first.status_code == 500
    assert await events(resources) == []
    retried = await deliver(client, "products/update", {"id": 1, "title": "x"}, event_id="retry-me")

    assert retried.json() == {"status": "processed"}
    assert len(attempts) == 2


async def test_without_an_event_id_the_webhook_id_deduplicates(client: httpx.AsyncClient, resources: Resources) -> None:
    body = json.dumps({"shop_domain": SHOP, "customer": {"id": 5}}).encode()
    headers = webhook_headers("customers/redact", body)
    del headers["X-Shopify-Event-Id"]

    first = await client.post("/webhooks", content=body, headers=headers)
    second = await client.post("/webhooks", content=body, headers=headers)

    assert (first.json()["status"], second.json()["status"]) == ("processed", "duplicate")
    [event] = await events(resources)
    assert event.event_key == headers["X-Shopify-Webhook-Id"]


async def test_other_topics_are_acknowledged_and_ignored(client: httpx.AsyncClient, resources: Resources) -> None:
    response = await deliver(client, "orders/paid", {"id": 1})
    assert response.json() == {"status": "ignored"}
    assert await events(resources) == []


async def test_customer_data_requests_are_answered_and_recorded(
    client: httpx.AsyncClient, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    payload = {
        "shop_id": 1,
        "shop_domain": SHOP,
        "orders_requested": [],
        "customer": {"id": 42, "email": "a@example.com", "phone": None},
        "data_request": {"id": 77},
    }
    with caplog.at_level("INFO", logger="seeit.webhooks.service"):
        response = await deliver(client, "customers/data_request", payload, event_id="dr-1")

    assert response.json() == {"status": "processed"}
    [event] = await events(resources)
    assert (event.event_key, event.topic, event.shop_domain) == ("dr-1", "customers/data_request", SHOP)
    assert any("attributed orders are kept" in r.getMessage() and "77" in r.getMessage() for r in caplog.records)


async def test_product_webhooks_reach_the_asset_lifecycle(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = await create_shop(resources, SHOP)
    seen: list[tuple[str, Any]] = []

    async def changed(session: Any, shop_id: uuid.UUID, product: dict[str, Any]) -> int:
        seen.append(("changed", (shop_id, product["id"])))
        return 0

    async def deleted(session: Any, shop_id: uuid.UUID, product_gid: str) -> int:
        seen.append(("deleted", (shop_id, product_gid)))
        return 0

    monkeypatch.setattr(assets_service, "product_changed", changed)
    monkeypatch.setattr(assets_service, "product_deleted", deleted)

    update = {"id": 8123, "admin_graphql_api_id": "gid://shopify/Product/8123", "images": [], "media": []}
    assert (await deliver(client, "products/update", update)).status_code == 200
    assert (await deliver(client, "products/delete", {"id": 8123})).status_code == 200

    assert seen == [("changed", (shop.id, 8123)), ("deleted", (shop.id, "gid://shopify/Product/8123"))]


async def test_deliveries_for_an_unknown_shop_are_acknowledged(client: httpx.AsyncClient, resources: Resources) -> None:
    deliveries: list[tuple[str, dict[str, Any]]] = [
        ("app/uninstalled", {"id": 1}),
        ("products/update", {"id": 1, "images": []}),
        ("products/delete", {"id": 1}),
        ("customers/redact", {"customer": {"id": 1}}),
    ]
    for topic, payload in deliveries:
        response = await deliver(client, topic, payload, shop="gone.myshopify.com")
        assert response.status_code == 200, (topic, response.text)


async def test_a_signed_delivery_with_an_invalid_shop_domain_is_400(client: httpx.AsyncClient) -> None:
    response = await deliver(client, "app/uninstalled", {}, shop="evil.example.com")
    assert response.status_code == 400


# --- app/uninstalled --------------------------------------------------------------------------------------


async def queue_work(resources: Resources, shop_id: uuid.UUID, day: date) -> dict[str, uuid.UUID]:
    """A queued and a processing render, a queued cleanup, and the usage they were counted in."""
    ids = {"queued": uuid.uuid4(), "processing": uuid.uuid4(), "room": uuid.uuid4(), "refunded": uuid.uuid4()}
    async with transaction(resources) as session:
        session.add(
            RoomSession(
                id=ids["room"],
                shop_id=shop_id,
                expires_at=utcnow() + timedelta(hours=1),
                cleanup_status="queued",
                cleanup_usage_date=day,
            )
        )
        for key, status, refunded in (
            ("queued", "queued", None),
            ("processing", "processing", None),
            ("refunded", "queued", utcnow()),
        ):
            session.add(
                RenderJob(
                    id=ids[key],
                    shop_id=shop_id,
                    product_id="gid://shopify/Product/1",
                    placement_x=0.5,
                    placement_y=0.5,
                    placement_scale=0.3,
                    status=status,
                    usage_date=day,
                    refunded_at=refunded,
                )
            )
        session.add(UsageDaily(shop_id=shop_id, date=day, composite_renders=3, cleanup_renders=1))
    return ids


@pytest.mark.live_database
async def test_uninstall_erases_tokens_cancels_queued_work_with_refunds_and_refuses_later_calls(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP, access_token="v1.x.ciphertext", refresh_token="v1.x.refresh")
    day = utcnow().date()
    ids = await queue_work(resources, shop.id, day)
    assert (await client.get(proxy_url("/proxy/config", SHOP, product_id="1"))).status_code != 403
    assert (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).status_code == 200

    response = await deliver(client, "app/uninstalled", {"id": 1, "myshopify_domain": SHOP})

    assert response.json() == {"status": "processed"}
    async with resources.sessionmaker() as session:
        row = await session.get(Shop, shop.id)
        jobs = {j.id: j for j in (await session.scalars(select(RenderJob))).all()}
        room = await session.get(RoomSession, ids["room"])
        usage = (await session.scalars(select(UsageDaily))).one()
    assert row is not None
    assert row.uninstalled_at is not None
    assert (row.access_token, row.refresh_token, row.access_token_expires_at) == ("", None, None)
    cancelled = jobs[ids["queued"]]
    assert (cancelled.status, cancelled.error_code) == ("failed", "cancelled")
    assert cancelled.error_message
    assert cancelled.refunded_at is not None
    assert jobs[ids["processing"]].status == "processing"  # running work finishes on its own
    assert room is not None
    assert room.cleanup_status == "failed"
    assert room.cleanup_usage_date is None
    # One queued render refunded (the already-refunded one is not refunded twice), one cleanup refunded.
    assert (usage.composite_renders, usage.cleanup_renders) == (2, 0)
    admin = await client.get("/api/admin/shop", headers=admin_headers(SHOP))
    proxy = await client.get(proxy_url("/proxy/config", SHOP, product_id="1"))
    assert (admin.status_code, proxy.status_code) == (403, 403)
    assert admin.json()["error"]["code"] == proxy.json()["error"]["code"] == "shop_not_installed"


@pytest.mark.live_database
async def test_a_repeated_uninstall_refunds_nothing_more(client: httpx.AsyncClient, resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await queue_work(resources, shop.id, utcnow().date())
    await deliver(client, "app/uninstalled", {"id": 1})
    await deliver(client, "app/uninstalled", {"id": 1})  # a new event id: processed again, nothing left to do
    async with resources.sessionmaker() as session:
        usage = (await session.scalars(select(UsageDaily))).one()
    assert (usage.composite_renders, usage.cleanup_renders) == (2, 0)


# --- shop/redact ----------------------------------------------------------------------------------------


async def test_shop_redact_deletes_every_row_and_stored_object_in_the_worker(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, "keeper.myshopify.com")
    await queue_work(resources, shop.id, utcnow().date())
    await resources.storage.put(f"shops/{shop.id}/rooms/a.png", b"a", "image/png")
    await resources.storage.put(f"shops/{shop.id}/renders/b.png", b"b", "image/png")
    await resources.storage.put(f"shops/{other.id}/rooms/c.png", b"c", "image/png")
    await deliver(client, "app/uninstalled", {"id": 1})

    response = await deliver(client, "shop/redact", {"shop_id": 1, "shop_domain": SHOP}, event_id="redact-1")

    assert response.json() == {"status": "queued"}
    for _ in range(200):
        [event] = [e for e in await events(resources) if e.event_key == "redact-1"]
        if event.processed_at is not None:
            break
        await asyncio.sleep(0.05)
    assert event.processed_at is not None
    async with resources.sessionmaker() as session:
        assert await session.get(Shop, shop.id) is None
        for model in (RenderJob, RoomSession, UsageDaily):
            assert await session.scalar(select(func.count()).select_from(model).where(model.shop_id == shop.id)) == 0
        assert await session.get(Shop, other.id) is not None
    assert not await resources.storage.exists(f"shops/{shop.id}/rooms/a.png")
    assert not await resources.storage.exists(f"shops/{shop.id}/renders/b.png")
    assert await resources.storage.exists(f"shops/{other.id}/rooms/c.png")


async def test_shop_redact_never_wipes_a_shop_that_is_installed(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    shop = await create_shop(resources, SHOP)
    await resources.storage.put(f"shops/{shop.id}/rooms/a.png", b"a", "image/png")

    await deliver(client, "shop/redact", {"shop_id": 1, "shop_domain": SHOP}, event_id="stray")

    for _ in range(200):
        [event] = await events(resources)
        if event.processed_at is not None:
            break
        await asyncio.sleep(0.05)
    assert event.processed_at is not None
    assert await resources.storage.exists(f"shops/{shop.id}/rooms/a.png")
    assert (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).status_code == 200


async def test_a_lost_redaction_job_is_sent_again_by_the_sweeper(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    from seeit.webhooks.tasks import resend_pending_redactions

    await deliver(client, "shop/redact", {"shop_domain": SHOP}, event_id="lost")
    await resources.arq.flushdb()  # the queued job is lost
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE webhook_events SET received_at = now() - interval '1 hour'"))

    assert await resend_pending_redactions({"resources": resources}) == 1
    assert await resources.arq.zcard("arq:queue") == 1


async def test_a_failed_redaction_is_sent_again_at_once_by_the_sweeper(
    client: httpx.AsyncClient, resources: Resources, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seeit.webhooks.jobs import redact_shop_job
    from seeit.webhooks.tasks import resend_pending_redactions

    await create_shop(resources, SHOP)
    await deliver(client, "app/uninstalled", {"id": 1})
    real_redact = shops_service.redact_shop
    calls: list[str] = []

    async def fails_once(*args: Any, **kwargs: Any) -> bool:
        calls.append("called")
        if len(calls) == 1:
            raise RuntimeError("storage answered 503")
        return bool(await real_redact(*args, **kwargs))

    monkeypatch.setattr(shops_service, "redact_shop", fails_once)
    await deliver(client, "shop/redact", {"shop_domain": SHOP}, event_id="flaky")
    [event] = [e for e in await events(resources) if e.event_key == "flaky"]
    job_key = f"arq:job:{redact_shop_job(event.id, SHOP).job_id}"
    for _ in range(200):
        if calls and not await resources.arq.exists(job_key):
            break
        await asyncio.sleep(0.05)
    assert calls == ["called"]
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE webhook_events SET received_at = now() - interval '1 hour'"))

    assert await resend_pending_redactions({"resources": resources}) == 1
    for _ in range(200):
        [event] = [e for e in await events(resources) if e.event_key == "flaky"]
        if event.processed_at is not None:
            break
        await asyncio.sleep(0.05)
    assert event.processed_at is not None
    assert len(calls) == 2


async def test_a_redaction_that_meets_a_storage_outage_finishes_once_storage_answers_again(
    client: httpx.AsyncClient, resources: Resources, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seeit.storage import StorageError

    shop = await create_shop(resources, SHOP)
    await resources.storage.put(f"shops/{shop.id}/rooms/a.png", b"a", "image/png")
    await deliver(client, "app/uninstalled", {"id": 1})
    real_redact = shops_service.redact_shop
    calls: list[float] = []

    async def storage_down_at_first(*args: Any, **kwargs: Any) -> bool:
        calls.append(asyncio.get_running_loop().time())
        if len(calls) == 1:
            raise StorageError("Could not connect to the endpoint URL")
        return bool(await real_redact(*args, **kwargs))

    monkeypatch.setattr(shops_service, "redact_shop", storage_down_at_first)
    await deliver(client, "shop/redact", {"shop_domain": SHOP}, event_id="outage")
    for _ in range(300):  # 30 s: far sooner than the sweeper's ten minutes
        [event] = [e for e in await events(resources) if e.event_key == "outage"]
        if event.processed_at is not None:
            break
        await asyncio.sleep(0.1)

    assert event.processed_at is not None, "the redaction waits for the sweeper"
    assert len(calls) == 2
    assert not await resources.storage.exists(f"shops/{shop.id}/rooms/a.png")
