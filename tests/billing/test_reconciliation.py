"""The daily reconciliation: every installed shop's subscriptions re-read, so a lost webhook is repaired."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from typing import Any

import httpx
from arq.worker import Worker

from seeit.billing.tasks import reconcile_subscriptions
from seeit.resources import Resources
from seeit.worker import WorkerSettings
from tests.billing.conftest import SHOP, deliver_all, shop_row, subscriptions
from tests.support import create_shop


async def plan_becomes(resources: Resources, plan: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while (await shop_row(resources)).plan != plan:
        assert time.monotonic() < deadline, f"the shop never moved to {plan}"
        await asyncio.sleep(0.05)


async def renewal_read(resources: Resources, gid: str, timeout: float = 30.0) -> datetime:
    """The subscription's period end, once a read of Shopify has stored it."""
    deadline = time.monotonic() + timeout
    while (renews := (await subscriptions(resources))[gid].current_period_end) is None:
        assert time.monotonic() < deadline, "the renewal date was never read"
        await asyncio.sleep(0.05)
    return renews


def test_the_worker_runs_the_reconciliation_daily() -> None:
    [job] = [job for job in WorkerSettings.cron_jobs if job.coroutine is reconcile_subscriptions]
    assert (job.hour, job.run_at_startup) == ({4}, False)


async def test_a_lost_approval_webhook_is_repaired_by_the_reconciliation(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, worker: Worker
) -> None:
    await create_shop(resources, "tokenless.myshopify.com")  # no usable token: its sync fails alone
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    fake_shopify.take_webhooks()  # lost
    assert (await shop_row(resources)).plan == "free"

    queued = await reconcile_subscriptions({"resources": resources})

    assert queued == 2
    await plan_becomes(resources, "pro")
    assert await reconcile_subscriptions({"resources": resources}) == 0  # once a day per shop


async def test_a_lost_cancellation_webhook_is_repaired_by_the_reconciliation(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, worker: Worker
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    await deliver_all(fake_shopify, client)
    [paid] = fake_shopify.active_subscriptions(SHOP)
    await renewal_read(resources, paid.gid)  # the activation's own read is done
    fake_shopify.end_subscription(SHOP, paid.gid, "CANCELLED")
    fake_shopify.take_webhooks()  # lost

    await reconcile_subscriptions({"resources": resources})

    await plan_becomes(resources, "free")
    assert (await subscriptions(resources))[paid.gid].status == "CANCELLED"
    asked = [r for r in fake_shopify.graphql_requests(SHOP) if "SeeItSubscriptions" in r.query]
    assert asked[-1].body["variables"] == {"ids": [paid.gid]}


async def test_after_an_activation_webhook_the_renewal_date_is_read_from_shopify(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, worker: Worker
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    await deliver_all(fake_shopify, client)  # the payload carries no billing period
    [paid] = fake_shopify.active_subscriptions(SHOP)

    renews = await renewal_read(resources, paid.gid)

    assert abs(renews.timestamp() - (paid.current_period_end or 0)) < 1


async def test_an_ended_subscription_is_followed_by_a_read_that_finds_its_replacement(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, worker: Worker
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "starter")
    await deliver_all(fake_shopify, client)
    [starter] = fake_shopify.active_subscriptions(SHOP)
    await renewal_read(resources, starter.gid)  # the activation's own read is done
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    cancelled_old, _activated_new = fake_shopify.take_webhooks()  # the activation is lost

    assert (await fake_shopify.deliver(client, cancelled_old)).status_code == 200

    await plan_becomes(resources, "pro")
