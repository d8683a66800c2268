"""Operator actions on assets, used by the ``seeit assets`` command."""

from __future__ import annotations

from sqlalchemy import select

from seeit.assets.actions import prepare_all_job
from seeit.assets.lifecycle import mark_outdated_assets
from seeit.audit.repository import record_action
from seeit.config import Settings
from seeit.db import transaction
from seeit.models import Shop
from seeit.queue import defer_job
from seeit.resources import Resources

# Who the audit trail names for actions taken from the command line.
OPERATOR = "operator:cli"


class UnknownShop(LookupError):
    pass


async def mark_stale_assets(settings: Settings, shop_domain: str | None = None) -> int:
    """Mark every ready asset below the current prep prompt version stale (one shop, or all) and queue
    its re-preparation; the jobs are sent once the change commits. Returns how many became stale."""
    resources = await Resources.open(settings)
    try:
        async with transaction(resources) as session:
            shop_id = None
            if shop_domain is not None:
                shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == shop_domain))
                if shop_id is None:
                    raise UnknownShop(f"no shop {shop_domain!r}")
            return await mark_outdated_assets(session, shop_id)
    finally:
        await resources.close()


async def queue_prepare_all(settings: Settings, shop_domain: str) -> None:
    """Queue the preparation of every enabled product of an installed shop, paged through by the worker."""
    resources = await Resources.open(settings)
    try:
        async with transaction(resources) as session:
            shop_id = await session.scalar(
                select(Shop.id).where(Shop.shop_domain == shop_domain, Shop.uninstalled_at.is_(None))
            )
            if shop_id is None:
                raise UnknownShop(f"no installed shop {shop_domain!r}")
            record_action(session, shop_id, OPERATOR, "asset.prepare_all", None, {"via": "cli"})
            defer_job(session, prepare_all_job(shop_id, None, OPERATOR))
    finally:
        await resources.close()
