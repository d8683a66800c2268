"""``/api/admin/plans``, ``/api/admin/billing/*`` and the Billing API's return URL ``/billing/return``."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.billing import checkout, repository, service
from seeit.billing.plans import embedded_app_url, plan_title, purchasable
from seeit.billing.return_links import RETURN_PATH, return_signature_valid
from seeit.billing.schemas import BillingOut, PlanOut, PlansOut, SubscribeIn, SubscribeOut, SubscriptionOut
from seeit.db import SessionDep
from seeit.errors import (
    BadRequest,
    Conflict,
    InvalidSessionToken,
    InvalidSignature,
    ServiceUnavailable,
    ShopNotInstalled,
    ValidationFailed,
)
from seeit.openapi import error_responses
from seeit.resources import ResourcesDep
from seeit.shopify.signatures import valid_shop_domain
from seeit.shops import service as shops
from seeit.shops.dependencies import AdminShop

router = APIRouter(prefix="/api/admin", tags=["billing"])
return_router = APIRouter(tags=["billing"])

_AUTH_ERRORS = (InvalidSessionToken, ShopNotInstalled)


@router.get("/plans", responses=error_responses(*_AUTH_ERRORS))
async def list_plans(resources: ResourcesDep, shop: AdminShop, session: SessionDep) -> PlansOut:
    """Every configured plan with its price, interval, trial and quotas, and which one the shop is on."""
    settings = resources.settings
    record = await shops.installed_shop_record(session, shop.id)
    current = record.plan if record is not None else shop.plan
    return PlansOut(
        plans=[
            PlanOut(
                name=name,
                title=plan_title(name, plan),
                price=plan.price,
                currency=plan.currency,
                interval=plan.interval,
                trial_days=plan.trial_days,
                daily_quota=plan.daily_quota,
                monthly_quota=plan.monthly_quota,
                max_concurrent_renders=plan.max_concurrent_renders,
                watermark=plan.watermark,
                purchasable=purchasable(name, plan),
                current=name == current,
            )
            for name, plan in settings.plans.items()
        ],
        current_plan=current,
        billing_mode=settings.billing_mode,
    )


@router.post(
    "/billing/subscribe",
    responses=error_responses(*_AUTH_ERRORS, ValidationFailed, Conflict, ServiceUnavailable),
)
async def subscribe(resources: ResourcesDep, body: SubscribeIn, shop: AdminShop, session: SessionDep) -> SubscribeOut:
    """Start paying for a plan: the URL where the merchant approves it at Shopify. The shop's plan changes
    once Shopify reports the subscription active (webhook, return URL or the daily reconciliation)."""
    return await checkout.subscribe(session, resources, shop, body.plan)


@router.post("/billing/sync", responses=error_responses(*_AUTH_ERRORS, ServiceUnavailable))
async def sync(resources: ResourcesDep, shop: AdminShop, session: SessionDep) -> BillingOut:
    """Re-read the shop's subscriptions at Shopify now (e.g. when the merchant lands back from the plan page)."""
    await service.sync_shop(session, resources, shop.id, shop.shop_domain, actor=shop.actor or "unknown", source="sync")
    return await _billing(session, shop.id)


async def _billing(session: AsyncSession, shop_id: uuid.UUID) -> BillingOut:
    record = await shops.installed_shop_record(session, shop_id)
    if record is None:
        raise ShopNotInstalled()
    shown = await repository.shown_subscription(session, shop_id)
    return BillingOut(
        plan=record.plan,
        daily_quota=record.daily_quota,
        monthly_quota=record.monthly_quota,
        subscription=SubscriptionOut.of(shown) if shown else None,
    )


@return_router.get(
    RETURN_PATH,
    status_code=302,
    response_class=RedirectResponse,
    responses={
        302: {"description": "Back to the app embedded in the Shopify admin"},
        **error_responses(BadRequest, InvalidSignature, ShopNotInstalled, ServiceUnavailable),
    },
)
async def billing_return(
    resources: ResourcesDep,
    session: SessionDep,
    shop: Annotated[str, Query(description="The shop's `*.myshopify.com` domain")],
    signature: Annotated[str, Query(description="Our signature of the shop, from the return URL we gave")],
    charge_id: Annotated[str | None, Query(description="Added by Shopify: the charge just decided")] = None,
) -> RedirectResponse:
    """Where Shopify sends the merchant after approving (or declining) a charge: the shop's subscriptions
    are re-read at Shopify, then the merchant goes back to the app."""
    shop_domain = valid_shop_domain(shop)
    if shop_domain is None:
        raise BadRequest("`shop` must be a shop's myshopify.com domain.")
    if not return_signature_valid(resources.settings, shop_domain, signature):
        raise InvalidSignature("The return link is not one this app issued.")
    shop_id = await shops.shop_id_for(session, shop_domain, installed=True)
    if shop_id is None:
        raise ShopNotInstalled()
    await service.sync_shop(session, resources, shop_id, shop_domain, actor=service.RETURN_ACTOR, source="return")
    return RedirectResponse(embedded_app_url(resources.settings, shop_domain), status_code=302)
