"""The schema: migrations build it from nothing, take it down again, and agree with the models."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from seeit import migrate
from seeit.db import Base
from seeit.resources import Resources
from tests.conftest import _recreate_database
from tests.private_servers import PrivatePostgres

# Live: migrations and cascades act on committed rows.
pytestmark = pytest.mark.live_database

SEED_TABLES = {"shops", "product_assets", "room_sessions", "render_jobs", "usage_daily"}


@pytest.fixture
async def scratch_database(database_url: str) -> str:
    url = database_url + "_scratch"
    await _recreate_database(url)
    return url


async def _tables(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
            return {row[0] for row in rows}
    finally:
        await engine.dispose()


async def test_upgrade_from_empty_then_downgrade_to_base(scratch_database: str) -> None:
    await asyncio.to_thread(migrate.upgrade, scratch_database)
    created = await _tables(scratch_database)
    assert created >= SEED_TABLES | {"webhook_events", "audit_events", "style_presets", "alembic_version"}

    await asyncio.to_thread(migrate.downgrade, scratch_database)
    assert await _tables(scratch_database) == {"alembic_version"}

    await asyncio.to_thread(migrate.upgrade, scratch_database)
    assert await _tables(scratch_database) == created


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres(database="seeit_elsewhere")
    server.init()
    server.start()
    yield server
    server.remove()


async def test_migrate_creates_the_database_on_the_server_the_url_names_port_included(
    private_postgres: PrivatePostgres,
) -> None:
    assert private_postgres.port != 5432
    await asyncio.to_thread(migrate.upgrade, private_postgres.url)
    assert await _tables(private_postgres.url) >= SEED_TABLES


async def test_models_and_migrations_agree(resources: Resources) -> None:
    def diff(conn: Connection) -> list[object]:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with resources.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def _insert_shop(conn: object) -> uuid.UUID:
    shop_id = uuid.uuid4()
    await conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO shops (id, shop_domain, shopify_shop_id, access_token, plan, monthly_quota, daily_quota)"
            " VALUES (:id, :domain, '1', '', 'free', 100, 10)"
        ),
        {"id": shop_id, "domain": f"{shop_id.hex[:8]}.myshopify.com"},
    )
    return shop_id


@pytest.mark.parametrize(
    ("table", "column", "bad_value"),
    [
        ("product_assets", "status", "done"),
        ("product_assets", "prep_strategy", "magic"),
        ("render_jobs", "status", "running"),
        ("room_sessions", "cleanup_status", "maybe"),
    ],
)
async def test_status_lists_are_enforced_by_the_database(
    resources: Resources, table: str, column: str, bad_value: str
) -> None:
    rows = {
        "product_assets": (
            "INSERT INTO product_assets (id, shop_id, product_id, source_image_id, source_image_url, status,"
            " prep_strategy, prompt_version) VALUES (gen_random_uuid(), :shop, 'gid://shopify/Product/1', 'i',"
            " 'u', :status, :strategy, 1)"
        ),
        "render_jobs": (
            "INSERT INTO render_jobs (id, shop_id, product_id, placement_x, placement_y, placement_scale,"
            " status) VALUES (gen_random_uuid(), :shop, 'p', 0.5, 0.5, 0.5, :status)"
        ),
        "room_sessions": (
            "INSERT INTO room_sessions (id, shop_id, expires_at, cleanup_status)"
            " VALUES (gen_random_uuid(), :shop, now(), :cleanup)"
        ),
    }
    good = {
        "status": "pending" if table == "product_assets" else "queued",
        "strategy": "batch",
        "cleanup": None,
    }
    async with resources.engine.connect() as conn:
        shop = await _insert_shop(conn)
        await conn.execute(text(rows[table]), {"shop": shop, **good})  # the good row goes in
        bad = dict(good)
        bad[{"status": "status", "prep_strategy": "strategy", "cleanup_status": "cleanup"}[column]] = bad_value
        with pytest.raises(IntegrityError, match=f"ck_{table}_{column}"):
            await conn.execute(text(rows[table]), {"shop": shop, **bad})
        await conn.rollback()


async def test_deleting_a_shop_deletes_its_rows(resources: Resources) -> None:
    async with resources.engine.begin() as conn:
        shop = await _insert_shop(conn)
        await conn.execute(
            text("INSERT INTO usage_daily (id, shop_id, date) VALUES (gen_random_uuid(), :shop, current_date)"),
            {"shop": shop},
        )
        await conn.execute(
            text("INSERT INTO room_sessions (id, shop_id, expires_at) VALUES (gen_random_uuid(), :shop, now())"),
            {"shop": shop},
        )
        await conn.execute(text("DELETE FROM shops WHERE id = :shop"), {"shop": shop})
        left = await conn.scalar(
            text("SELECT (SELECT count(*) FROM usage_daily) + (SELECT count(*) FROM room_sessions)")
        )
    assert left == 0
