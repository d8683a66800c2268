"""Background jobs of billing: one shop's subscriptions re-read at Shopify, and the daily reconciliation
that does it for every installed shop, so a lost webhook is repaired within a day."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from arq import Retry

from seeit.billing import service
from seeit.billing.jobs import SYNC_SHOP_BILLING, sync_shop_billing_job
from seeit.db import transaction, utcnow
from seeit.queue import enqueue
from seeit.resources import Resources
from seeit.shopify.errors import ShopifyError
from seeit.shops import service as shops

log = logging.getLogger(__name__)

SHOPS_PER_PAGE = 500
RETRY_SECONDS = 60
RECONCILED_KEY = "seeit:billing:reconciled"


@SYNC_SHOP_BILLING.runs
async def sync_shop_billing(ctx: dict[str, Any], shop_id: str, shop_domain: str) -> str | None:
    """Re-read one shop's subscriptions and let its plan follow; the shop's plan afterwards."""
    resources: Resources = ctx["resources"]
    try:
        async with transaction(resources) as session:
            outcome = await service.sync_shop(
                session, resources, uuid.UUID(shop_id), shop_domain, actor=service.SYNC_ACTOR, source="reconcile"
            )
    except ShopifyError as exc:
        if exc.retryable and ctx.get("job_try", 1) < 5:
            raise Retry(defer=RETRY_SECONDS * ctx.get("job_try", 1)) from exc
        # Uninstalled meanwhile, token refused: tomorrow's reconciliation tries again.
        log.warning("billing sync of %s failed: %s", shop_domain, exc)
        return None
    return outcome.plan if outcome else None


async def reconcile_subscriptions(ctx: dict[str, Any]) -> int:
    """Queue today's re-read of every installed shop's subscriptions; how many were queued."""
    resources: Resources = ctx["resources"]
    day = utcnow().date().isoformat()
    # Jobs keep no result (every job must be re-sendable at once), so arq's ids cannot say "already done
    # today": a marker does, so that several workers' crons, or a restarted one, queue the day once.
    if not await resources.arq.set(f"{RECONCILED_KEY}:{day}", "1", nx=True, ex=2 * 86_400):
        return 0
    queued, after = 0, None
    while True:
        async with resources.sessionmaker() as session:
            page = await shops.installed_shops_after(session, after, SHOPS_PER_PAGE)
        for shop_id, shop_domain in page:
            queued += await enqueue(resources.arq, sync_shop_billing_job(shop_id, shop_domain, f"day:{day}"))
        if len(page) < SHOPS_PER_PAGE:
            break
        after = page[-1][0]
    log.info("billing reconciliation: %d shops queued", queued)
    return queued
