"""What the embedded admin reads about its shop: plan, quotas and usage."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from seeit.billing.schemas import SubscriptionOut
from seeit.shops.repository import UsageCounts


class UsageOut(BaseModel):
    prep_renders: int
    cleanup_renders: int
    composite_renders: int

    @classmethod
    def of(cls, counts: UsageCounts) -> UsageOut:
        return cls(
            prep_renders=counts.prep_renders,
            cleanup_renders=counts.cleanup_renders,
            composite_renders=counts.composite_renders,
        )


class UsageSummary(BaseModel):
    today: UsageOut
    month: UsageOut


class ShopOut(BaseModel):
    shop_domain: str
    plan: str
    daily_quota: int
    monthly_quota: int
    max_concurrent_renders: int
    watermark: bool
    installed_at: dt.datetime
    usage: UsageSummary
    subscription: SubscriptionOut | None = Field(
        description="The app subscription that pays for the plan (its status, when its period renews); else the "
        "one heard of last (pending approval, ended); null when the shop never subscribed"
    )


class UsageDay(UsageOut):
    date: dt.date

    @classmethod
    def of_day(cls, day: dt.date, counts: UsageCounts) -> UsageDay:
        return cls(
            date=day,
            prep_renders=counts.prep_renders,
            cleanup_renders=counts.cleanup_renders,
            composite_renders=counts.composite_renders,
        )


class UsageDaysOut(BaseModel):
    days: list[UsageDay]
