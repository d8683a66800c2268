"""The billing sync job as the code that queues it sees it (``tasks.sync_shop_billing`` runs it)."""

from __future__ import annotations

import uuid

from seeit.queue import DeferredJob, JobDeclaration

SYNC_SHOP_BILLING = JobDeclaration("sync_shop_billing", id_prefix="billing_sync")


def sync_shop_billing_job(shop_id: uuid.UUID, shop_domain: str, reason: str) -> DeferredJob:
    """The re-read of one shop's subscriptions; ``reason`` (an event, a day) makes its arq id."""
    return SYNC_SHOP_BILLING.deferred(f"{shop_id}:{reason}", shop_id=str(shop_id), shop_domain=shop_domain)
