"""What the embedded admin reads and sends about plans and subscriptions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from seeit.billing.repository import StoredSubscription


class PlanOut(BaseModel):
    name: str = Field(description="The plan's key; its handle in the Partner Dashboard (Shopify App Pricing)")
    title: str
    price: Decimal = Field(description="Per interval, in `currency`; 0 for the free plan")
    currency: str
    interval: Literal["EVERY_30_DAYS", "ANNUAL"]
    trial_days: int
    daily_quota: int
    monthly_quota: int
    max_concurrent_renders: int
    watermark: bool
    purchasable: bool = Field(description="Whether a merchant can subscribe to it through Shopify")
    current: bool = Field(description="Whether the shop is on this plan")


class PlansOut(BaseModel):
    plans: list[PlanOut]
    current_plan: str
    billing_mode: Literal["app_pricing", "billing_api"]


class SubscriptionOut(BaseModel):
    """The shop's app subscription at Shopify, as last heard."""

    id: str = Field(description="Shopify's GID of the subscription")
    name: str
    plan: str | None
    status: str = Field(description="Shopify's AppSubscriptionStatus: PENDING, ACTIVE, CANCELLED, ...")
    test: bool
    trial_ends_at: dt.datetime | None
    renews_at: dt.datetime | None = Field(description="The end of the current billing period")

    @classmethod
    def of(cls, stored: StoredSubscription) -> SubscriptionOut:
        return cls(
            id=stored.gid,
            name=stored.name,
            plan=stored.plan,
            status=stored.status,
            test=stored.test,
            trial_ends_at=stored.trial_ends_at,
            renews_at=stored.current_period_end,
        )


class SubscribeIn(BaseModel):
    plan: str = Field(min_length=1, max_length=64, description="A plan's name from `GET /api/admin/plans`")


class SubscribeOut(BaseModel):
    confirmation_url: str | None = Field(
        description="Where the merchant approves the charge (open it with App Bridge's redirect); null when "
        "nothing is left to approve (moving to the free plan with the Billing API cancels the subscription)"
    )
    plan: str
    billing_mode: Literal["app_pricing", "billing_api"]


class BillingOut(BaseModel):
    plan: str
    daily_quota: int
    monthly_quota: int
    subscription: SubscriptionOut | None
