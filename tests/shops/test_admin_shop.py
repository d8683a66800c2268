"""``GET /api/admin/shop`` and ``GET /api/admin/usage``: plan, quotas and usage, for the signed-in shop only."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from seeit.db import transaction, utcnow
from seeit.models import UsageDaily
from seeit.resources import Resources
from tests.support import admin_headers, create_shop

SHOP = "usage.myshopify.com"


async def add_usage(resources: Resources, shop_id: object, day: date, prep: int, cleanup: int, composite: int) -> None:
    async with transaction(resources) as session:
        session.add(
            UsageDaily(
                shop_id=shop_id, date=day, prep_renders=prep, cleanup_renders=cleanup, composite_renders=composite
            )
        )


async def test_shop_shows_plan_quotas_and_usage_today_and_this_month(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP, plan="starter", daily_quota=100, monthly_quota=2000)
    other = await create_shop(resources, "other.myshopify.com")
    today = utcnow().date()
    await add_usage(resources, shop.id, today, 1, 2, 3)
    if today.day > 1:
        await add_usage(resources, shop.id, today - timedelta(days=1), 10, 20, 30)
    await add_usage(resources, shop.id, today.replace(day=1) - timedelta(days=1), 100, 100, 100)  # last month
    await add_usage(resources, other.id, today, 50, 50, 50)

    response = await client.get("/api/admin/shop", headers=admin_headers(SHOP))

    assert response.status_code == 200
    body = response.json()
    assert (body["shop_domain"], body["plan"], body["daily_quota"], body["monthly_quota"]) == (
        SHOP,
        "starter",
        100,
        2000,
    )
    assert body["max_concurrent_renders"] == 4
    assert body["watermark"] is False
    assert body["usage"]["today"] == {"prep_renders": 1, "cleanup_renders": 2, "composite_renders": 3}
    earlier = (10, 20, 30) if today.day > 1 else (0, 0, 0)
    assert body["usage"]["month"] == {
        "prep_renders": 1 + earlier[0],
        "cleanup_renders": 2 + earlier[1],
        "composite_renders": 3 + earlier[2],
    }


async def test_usage_lists_every_day_of_the_range_with_zeros_for_quiet_days(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    await add_usage(resources, shop.id, date(2026, 3, 2), 1, 0, 4)

    response = await client.get(
        "/api/admin/usage", params={"from": "2026-03-01", "to": "2026-03-03"}, headers=admin_headers(SHOP)
    )

    assert response.status_code == 200
    assert response.json() == {
        "days": [
            {"date": "2026-03-01", "prep_renders": 0, "cleanup_renders": 0, "composite_renders": 0},
            {"date": "2026-03-02", "prep_renders": 1, "cleanup_renders": 0, "composite_renders": 4},
            {"date": "2026-03-03", "prep_renders": 0, "cleanup_renders": 0, "composite_renders": 0},
        ]
    }


async def test_usage_defaults_to_the_last_thirty_days(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    days = (await client.get("/api/admin/usage", headers=admin_headers(SHOP))).json()["days"]
    assert len(days) == 30
    assert days[-1]["date"] == utcnow().date().isoformat()


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-03-05", "to": "2026-03-01"},
        {"from": "2024-01-01", "to": "2026-01-01"},
        {"from": "2026-02-30", "to": "2026-03-01"},
        {"from": "yesterday"},
        {"to": "0001-01-01"},  # the default 30 days before it would be before year 1
    ],
)
async def test_bad_usage_ranges_are_422(
    client: httpx.AsyncClient, resources: Resources, params: dict[str, str]
) -> None:
    await create_shop(resources, SHOP)
    response = await client.get("/api/admin/usage", params=params, headers=admin_headers(SHOP))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"]["fields"]


async def test_a_full_year_is_allowed(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    response = await client.get(
        "/api/admin/usage", params={"from": "2025-03-01", "to": "2026-03-01"}, headers=admin_headers(SHOP)
    )
    assert response.status_code == 200
    assert len(response.json()["days"]) == 366


async def test_admin_endpoints_need_a_session_token_of_an_installed_shop(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    for path in ("/api/admin/shop", "/api/admin/usage"):
        missing = await client.get(path)
        unknown = await client.get(path, headers=admin_headers("nobody.myshopify.com"))
        assert missing.status_code == 401
        assert missing.headers["X-Shopify-Retry-Invalid-Session-Request"] == "1"
        assert unknown.status_code == 403
        assert unknown.json()["error"]["code"] == "shop_not_installed"
