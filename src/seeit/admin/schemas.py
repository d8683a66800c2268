"""What the embedded admin's Home reads about its shop: plan, quotas, usage and subscription."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from seeit.billing.service import SubscriptionOut
from seeit.shops.service import UsageOut


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
