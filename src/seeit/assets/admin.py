"""Operator actions on assets, used by the ``seeit assets`` command."""

from __future__ import annotations

from sqlalchemy import select

from seeit.assets.lifecycle import mark_outdated_assets
from seeit.config import Settings
from seeit.db import transaction
from seeit.models import Shop
from seeit.resources import Resources


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
