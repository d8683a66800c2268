"""How Shopify's product changes move assets: the webhook handlers call these.

Contract (the assets domain implements the bodies): status moves are conditional updates; a stale
asset keeps serving renders until its replacement is ready; an orphaned one never serves again.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


async def product_changed(session: AsyncSession, shop_id: uuid.UUID, product: dict[str, Any]) -> int:
    """Handle a ``products/update`` payload (the REST product object); returns how many assets moved."""
    return 0


async def product_deleted(session: AsyncSession, shop_id: uuid.UUID, product_gid: str) -> int:
    """Handle ``products/delete``: every asset of the product becomes ``orphaned``; returns how many."""
    return 0
