"""The demo's queries: its shop, which of its products have a ready cut-out, which are enabled."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import ProductAsset, ProductSettings, Shop


async def lock_demo_setup(session: AsyncSession) -> None:
    """Serialise demo set-ups (several API processes may start at once) until this transaction ends."""
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('seeit-demo-setup'))"))


async def ensure_shop(
    session: AsyncSession, shop_domain: str, *, access_token: str, plan: str, daily: int, monthly: int
) -> uuid.UUID:
    """The demo shop's id, inserting it as an installed shop the first time; a demo shop stored before it had
    a token (an empty one) gets ``access_token``, the encrypted token of the demo's stand-in Admin API."""
    statement = insert(Shop).values(
        id=uuid.uuid4(),
        shop_domain=shop_domain,
        shopify_shop_id="0",
        access_token=access_token,
        plan=plan,
        daily_quota=daily,
        monthly_quota=monthly,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[Shop.shop_domain],
            set_={"access_token": statement.excluded.access_token},
            where=Shop.access_token == "",
        )
    )
    shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == shop_domain))
    assert shop_id is not None
    return shop_id


async def products_with_ready_asset(session: AsyncSession, shop_id: uuid.UUID, product_ids: Iterable[str]) -> set[str]:
    rows = await session.scalars(
        select(ProductAsset.product_id).where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id.in_(list(product_ids)),
            ProductAsset.status.in_(("ready", "stale")),
        )
    )
    return set(rows.all())


async def enabled_products(session: AsyncSession, shop_domain: str) -> dict[str, bool]:
    """Product GID → the cached ``see_it.enabled`` of every product of the shop that has settings."""
    rows = await session.execute(
        select(ProductSettings.product_id, ProductSettings.enabled)
        .join(Shop, Shop.id == ProductSettings.shop_id)
        .where(Shop.shop_domain == shop_domain)
    )
    return {product_id: enabled for product_id, enabled in rows.all()}
