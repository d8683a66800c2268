"""The end checks, against the database and the bucket themselves (not the API): nothing stuck, nothing lost,
every render counted exactly once and refunded at most once, no shop past its quota, storage and rows in step,
and a redacted shop gone without a trace."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from bench.soak.load import Ledger
from bench.soak.shops import SoakShop
from seeit import models  # noqa: F401  (every table on the metadata)
from seeit.db import Base
from seeit.stored_objects.tasks import PENDING_GRACE

# The sweeper of pending objects runs every minute: one pending for longer than its grace and two sweeps is one
# it failed to sweep.
PENDING_SWEPT_WITHIN = PENDING_GRACE.total_seconds() + 120

# Every table with a shop's rows: none may keep one of a redacted shop.
SHOP_TABLES = tuple(table.name for table in Base.metadata.sorted_tables if "shop_id" in table.columns)
# Keys the rows hold; an upload key is referenced but may rightly have no object (a presigned upload not sent).
KEY_COLUMNS = {
    "product_assets": ("prepared_image_url",),
    "room_sessions": ("original_room_image_url", "cleaned_room_image_url"),
    "render_jobs": ("image_url", "display_image_url"),
}

UNFINISHED = """
SELECT 'render' AS kind, id::text FROM render_jobs WHERE status IN ('queued', 'processing')
UNION ALL SELECT 'cleanup', id::text FROM room_sessions WHERE cleanup_status IN ('queued', 'processing')
UNION ALL SELECT 'prep', id::text FROM product_assets WHERE status = 'pending'
UNION ALL SELECT 'shop/redact', id::text FROM webhook_events WHERE topic = 'shop/redact' AND processed_at IS NULL
"""

# Per shop and day: what usage_daily counted, against the rows that were counted and not given back.
COUNTED_VS_ROWS = """
WITH renders AS (
    SELECT shop_id, usage_date AS day, count(*) AS n FROM render_jobs
    WHERE usage_date IS NOT NULL AND refunded_at IS NULL GROUP BY 1, 2
), cleanups AS (
    SELECT shop_id, cleanup_usage_date AS day, count(*) AS n FROM room_sessions
    WHERE cleanup_usage_date IS NOT NULL GROUP BY 1, 2
), days AS (
    SELECT shop_id, date AS day FROM usage_daily UNION SELECT shop_id, day FROM renders
    UNION SELECT shop_id, day FROM cleanups
)
SELECT s.shop_domain, d.day, s.daily_quota, s.monthly_quota,
       coalesce(u.composite_renders, 0) AS counted_composite, coalesce(r.n, 0) AS composite_rows,
       coalesce(u.cleanup_renders, 0) AS counted_cleanup, coalesce(c.n, 0) AS cleanup_rows,
       coalesce(u.prep_renders, 0) AS counted_prep
FROM days d JOIN shops s ON s.id = d.shop_id
LEFT JOIN usage_daily u ON u.shop_id = d.shop_id AND u.date = d.day
LEFT JOIN renders r ON r.shop_id = d.shop_id AND r.day = d.day
LEFT JOIN cleanups c ON c.shop_id = d.shop_id AND c.day = d.day
ORDER BY 1, 2
"""
PREP_ROWS = """
SELECT s.shop_domain, count(a.id) FILTER (WHERE a.prepared_image_url IS NOT NULL AND a.prep_strategy <> 'manual')
FROM shops s LEFT JOIN product_assets a ON a.shop_id = s.id GROUP BY 1
"""
REFUNDS = """
SELECT count(*) FILTER (WHERE status = 'failed' AND usage_date IS NOT NULL AND refunded_at IS NULL) AS failed_kept,
       count(*) FILTER (WHERE status = 'completed' AND refunded_at IS NOT NULL) AS completed_refunded,
       count(*) FILTER (WHERE refunded_at IS NOT NULL) AS refunded
FROM render_jobs
"""


@dataclass
class Audit:
    unfinished: dict[str, list[str]] = field(default_factory=dict)
    lost: dict[str, list[str]] = field(default_factory=dict)
    render_outcomes: dict[str, int] = field(default_factory=dict)
    error_codes: dict[str, int] = field(default_factory=dict)  # "code: message" of the failed renders
    asset_outcomes: dict[str, int] = field(default_factory=dict)  # status (and error code) of every asset
    taken_over_or_retried: int = 0
    counted_mismatches: list[dict[str, Any]] = field(default_factory=list)
    over_grants: list[dict[str, Any]] = field(default_factory=list)
    refunds: dict[str, int] = field(default_factory=dict)
    objects: int = 0
    pending_objects: int = 0  # written, not held by a row yet; the sweeper deletes them after its grace
    unswept_pending_objects: list[str] = field(default_factory=list)
    orphan_objects: list[str] = field(default_factory=list)
    rows_without_object: list[str] = field(default_factory=list)
    redacted_leftovers: list[str] = field(default_factory=list)
    latency: dict[str, dict[str, float]] = field(default_factory=dict)


async def wait_until_settled(database_url: str, limit: float) -> float:
    """Wait (up to ``limit`` s) until no job is unfinished; returns how long it took."""
    started = time.monotonic()
    conn = await asyncpg.connect(_dsn(database_url))
    try:
        while time.monotonic() - started < limit:
            try:
                if not await conn.fetch(UNFINISHED):
                    break
            except (OSError, asyncpg.PostgresError):
                pass
            await asyncio.sleep(1.0)
    finally:
        await conn.close()
    return time.monotonic() - started


def _dsn(database_url: str) -> str:
    return database_url.replace("+asyncpg", "")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def audit(database_url: str, s3: Any, bucket: str, ledger: Ledger, shops: list[SoakShop]) -> Audit:
    result = Audit()
    conn = await asyncpg.connect(_dsn(database_url))
    try:
        await _jobs(conn, result, ledger, shops)
        await _counts(conn, result, shops)
        keys = await _referenced_keys(conn)
        await _redacted(conn, result, shops)
    finally:
        await conn.close()
    objects = await asyncio.to_thread(_list_objects, s3, bucket)
    result.objects = len(objects)
    result.pending_objects = len(keys["pending"])
    result.unswept_pending_objects = sorted(keys["unswept"])
    result.orphan_objects = sorted(objects - keys["any"])
    result.rows_without_object = sorted(keys["must_exist"] - objects)
    for shop in shops:
        if shop.redacted and shop.id is not None:
            left = [key for key in objects if key.startswith(f"shops/{shop.id}/")]
            result.redacted_leftovers += [f"{shop.domain}: {len(left)} objects"] if left else []
    return result


async def _jobs(conn: asyncpg.Connection, result: Audit, ledger: Ledger, shops: list[SoakShop]) -> None:
    for row in await conn.fetch(UNFINISHED):
        result.unfinished.setdefault(row["kind"], []).append(row["id"])
    redacted = {shop.domain for shop in shops if shop.redacted}
    renders = {
        str(row["id"]): row
        for row in await conn.fetch(
            "SELECT id, status, quality, error_code, error_message, attempts, created_at, completed_at FROM render_jobs"
        )
    }
    lost = [
        job_id for job_id, accepted in ledger.renders.items() if accepted.shop not in redacted and job_id not in renders
    ]
    rooms = {
        str(row["id"]): row["cleanup_status"]
        for row in await conn.fetch("SELECT id, cleanup_status FROM room_sessions")
    }
    lost_cleanups = [r for r, shop in ledger.cleanups.items() if shop not in redacted and rooms.get(r) is None]
    asset_rows = await conn.fetch("SELECT id, status, prep_strategy, error_code FROM product_assets")
    assets = {str(row["id"]) for row in asset_rows}
    for row in asset_rows:
        outcome = f"{row['prep_strategy']} {row['status']}" + (f" ({row['error_code']})" if row["error_code"] else "")
        result.asset_outcomes[outcome] = result.asset_outcomes.get(outcome, 0) + 1
    lost_preps = [a for a, shop in ledger.preps.items() if shop not in redacted and a not in assets]
    result.lost = {k: v for k, v in (("render", lost), ("cleanup", lost_cleanups), ("prep", lost_preps)) if v}
    latencies: dict[str, list[float]] = {}
    for row in renders.values():
        result.render_outcomes[row["status"]] = result.render_outcomes.get(row["status"], 0) + 1
        if row["error_code"]:
            reason = f"{row['error_code']}: {row['error_message']}"
            result.error_codes[reason] = result.error_codes.get(reason, 0) + 1
        result.taken_over_or_retried += row["attempts"] > 1
        if row["status"] == "completed" and row["completed_at"] is not None:
            seconds = (row["completed_at"] - row["created_at"]).total_seconds()
            latencies.setdefault(row["quality"] or "standard", []).append(seconds)
    for quality, values in sorted(latencies.items()):
        result.latency[quality] = {
            "renders": len(values),
            "p50": percentile(values, 0.5),
            "p95": percentile(values, 0.95),
            "p99": percentile(values, 0.99),
        }


async def _counts(conn: asyncpg.Connection, result: Audit, shops: list[SoakShop]) -> None:
    preps_counted: dict[str, int] = {}
    for row in await conn.fetch(COUNTED_VS_ROWS):
        day = row["day"].isoformat()
        for kind in ("composite", "cleanup"):
            if row[f"counted_{kind}"] != row[f"{kind}_rows"]:
                result.counted_mismatches.append(
                    {
                        "shop": row["shop_domain"],
                        "day": day,
                        "kind": kind,
                        "counted": row[f"counted_{kind}"],
                        "rows": row[f"{kind}_rows"],
                    }
                )
        used = row["counted_composite"] + row["counted_cleanup"]
        if used > row["daily_quota"]:
            result.over_grants.append(
                {"shop": row["shop_domain"], "day": day, "used": used, "quota": row["daily_quota"]}
            )
        preps_counted[row["shop_domain"]] = preps_counted.get(row["shop_domain"], 0) + row["counted_prep"]
    for domain, rows in await conn.fetch(PREP_ROWS):
        if preps_counted.get(domain, 0) != rows:
            result.counted_mismatches.append(
                {"shop": domain, "kind": "prep", "counted": preps_counted.get(domain, 0), "rows": rows}
            )
    refunds = await conn.fetchrow(REFUNDS)
    result.refunds = dict(refunds) if refunds is not None else {}


async def _referenced_keys(conn: asyncpg.Connection) -> dict[str, set[str]]:
    must_exist: set[str] = set()
    for table, columns in KEY_COLUMNS.items():
        for column in columns:
            rows = await conn.fetch(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
            must_exist.update(row[0] for row in rows)
    uploads = {row[0] for row in await conn.fetch("SELECT upload_key FROM room_sessions WHERE upload_key IS NOT NULL")}
    pending = {row[0] for row in await conn.fetch("SELECT key FROM pending_objects")}
    unswept = await conn.fetch(
        "SELECT key FROM pending_objects WHERE created_at < now() - make_interval(secs => $1)", PENDING_SWEPT_WITHIN
    )
    return {
        "must_exist": must_exist,
        "any": must_exist | uploads | pending,
        "pending": pending,
        "unswept": {row[0] for row in unswept},
    }


async def _redacted(conn: asyncpg.Connection, result: Audit, shops: list[SoakShop]) -> None:
    for shop in shops:
        if not shop.redacted or shop.id is None:
            continue
        if await conn.fetchval("SELECT count(*) FROM shops WHERE id = $1", shop.id):
            result.redacted_leftovers.append(f"{shop.domain}: its shops row")
        for table in SHOP_TABLES:
            left = await conn.fetchval(f"SELECT count(*) FROM {table} WHERE shop_id = $1", shop.id)
            if left:
                result.redacted_leftovers.append(f"{shop.domain}: {left} rows in {table}")


def _list_objects(s3: Any, bucket: str) -> set[str]:
    keys: set[str] = set()
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.update(item["Key"] for item in page.get("Contents", []))
    return keys
