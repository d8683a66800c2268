"""Shop rules: what uninstalling and redacting do, the merchant's usage and settings, the operator's plan changes;
and what the other domains use of a shop (its principal, its Admin API, its plan)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from seeit.audit.service import record_action
from seeit.config import Settings
from seeit.errors import ValidationFailed
from seeit.models import Shop
from seeit.shops import repository
from seeit.shops.principal import ShopContext, forget_shop, installed_shop
from seeit.shops.repository import ROOM_RETENTION_SQL, InstalledShop, ShopPlan, ShopRecord, is_installed, room_retention
from seeit.shops.schemas import ShopSettingsIn, ShopSettingsOut, UsageDay, UsageOut
from seeit.shops.tokens import admin_api, cipher_for
from seeit.storage import Storage
from seeit.usage import service as usage

# What the other domains use of shops: the request's shop, the shop's Admin API, its plan and its lifecycle.
__all__ = [
    "InstalledShop",
    "ShopContext",
    "ShopPlan",
    "ShopRecord",
    "UsageOut",
    "admin_api",
    "apply_plan",
    "cipher_for",
    "ensure_shop",
    "forget_shop_after_commit",
    "installed_shop",
    "installed_shop_record",
    "installed_shops_after",
    "is_installed",
    "lock_shop_plan",
    "redact_shop",
    "room_retention",
    "room_retention_sql",
    "shop_id_for",
    "shop_watermark",
    "uninstall_shop",
    "watermarked",
]

log = logging.getLogger(__name__)

MAX_USAGE_DAYS = 366
DEFAULT_USAGE_DAYS = 30
# The handle of the theme app extension's block (its Liquid file's name).
APP_BLOCK_HANDLE = "see-it"


class UnknownShop(LookupError):
    """No shop of that domain (an operator's command)."""


class UnknownPlan(LookupError):
    """No configured plan of that name (an operator's command)."""


def forget_shop_after_commit(session: AsyncSession, shop_domain: str) -> None:
    """Drop the cached shop now and again once this transaction commits, so no reader re-caches the old state."""
    forget_shop(shop_domain)

    def forget(_: Session) -> None:
        forget_shop(shop_domain)

    event.listen(session.sync_session, "after_commit", forget, once=True)


async def uninstall_shop(session: AsyncSession, shop_domain: str) -> uuid.UUID | None:
    """``app/uninstalled``: mark the shop uninstalled and erase its tokens (its queued work is the caller's).

    Returns the shop's id, or None for a shop we never knew (a late or foreign delivery).
    """
    shop_id = await repository.mark_uninstalled(session, shop_domain)
    if shop_id is None:
        log.info("app/uninstalled for unknown shop %s: nothing to do", shop_domain)
        return None
    forget_shop_after_commit(session, shop_domain)
    return shop_id


async def redact_shop(session: AsyncSession, storage: Storage, shop_domain: str) -> bool:
    """``shop/redact``: delete every stored object and every row of an uninstalled shop.

    A shop that is installed again is left alone (Shopify does not send ``shop/redact`` then; a stray one
    must not wipe a live shop). Safe to run twice.
    """
    shop_id = await repository.shop_id_for(session, shop_domain, installed=False)
    if shop_id is None:
        log.info("shop/redact for %s: no uninstalled shop of that name, nothing to delete", shop_domain)
        return False
    # Objects first: if the deletion fails the row (and so the prefix) stays, and the job is retried.
    await storage.delete_prefix(f"shops/{shop_id}")
    await repository.delete_shop(session, shop_id)
    forget_shop_after_commit(session, shop_domain)
    log.info("redacted %s: every row and stored object deleted", shop_domain)
    return True


async def installed_shop_record(session: AsyncSession, shop_id: uuid.UUID) -> ShopRecord | None:
    """The shop's plan and quotas, unless it is uninstalled."""
    return await repository.installed_shop_record(session, shop_id)


async def shop_watermark(session: AsyncSession, settings: Settings, shop_id: uuid.UUID) -> bool:
    """Whether the shop's renders carry the watermark now (a shop gone meanwhile: the free plan's rule)."""
    plan, own = await repository.watermark_columns(session, shop_id) or ("free", False)
    return watermarked(settings, plan, own)


async def shop_preferences_watermark(session: AsyncSession, settings: Settings, shop: ShopContext, plan: str) -> bool:
    """The watermark the merchant's Home shows for the shop on ``plan``."""
    return watermarked(settings, plan, (await repository.shop_preferences(session, shop.id)).watermark)


async def usage_summary(session: AsyncSession, shop_id: uuid.UUID, today: date) -> tuple[UsageOut, UsageOut]:
    """Renders counted today and this UTC month."""
    day = await usage.usage_totals(session, shop_id, today, today)
    month = await usage.usage_totals(session, shop_id, today.replace(day=1), today)
    return UsageOut.of(day), UsageOut.of(month)


async def lock_shop_plan(session: AsyncSession, shop_id: uuid.UUID) -> ShopPlan | None:
    """The shop's plan and quotas, its row locked until the transaction ends: plan changes queue per shop."""
    return await repository.lock_shop_plan(session, shop_id)


async def apply_plan(
    session: AsyncSession, shop_id: uuid.UUID, plan: str, *, daily_quota: int, monthly_quota: int
) -> ShopPlan | None:
    """Move the shop to ``plan`` with the plan's quotas, except where an operator's override stands."""
    return await repository.apply_plan(session, shop_id, plan, daily_quota=daily_quota, monthly_quota=monthly_quota)


async def installed_shops_after(
    session: AsyncSession, after: uuid.UUID | None, limit: int
) -> list[tuple[uuid.UUID, str]]:
    """Installed shops ordered by id, the page after ``after`` (sweeps over all shops)."""
    return await repository.installed_shops_after(session, after, limit)


async def ensure_shop(
    session: AsyncSession, shop_domain: str, *, access_token: str, plan: str, daily_quota: int, monthly_quota: int
) -> uuid.UUID:
    """The id of an installed shop of that domain, created on ``plan`` the first time (the local demo's)."""
    return await repository.ensure_shop(
        session, shop_domain, access_token=access_token, plan=plan, daily_quota=daily_quota, monthly_quota=monthly_quota
    )


def usage_range(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """The inclusive day range asked for (default: the last 30 days), refused when reversed or too long."""
    last = last or today
    if first is None:
        if last - date.min < timedelta(days=DEFAULT_USAGE_DAYS - 1):  # the default range would start before year 1
            raise ValidationFailed(
                "`to` is too early.",
                details={"fields": [{"loc": ["query", "to"], "message": "too early for the default range"}]},
            )
        first = last - timedelta(days=DEFAULT_USAGE_DAYS - 1)
    if first > last:
        raise ValidationFailed(
            "`from` must not be after `to`.",
            details={"fields": [{"loc": ["query", "from"], "message": "must not be after `to`"}]},
        )
    if (last - first).days + 1 > MAX_USAGE_DAYS:
        raise ValidationFailed(
            f"The range may span at most {MAX_USAGE_DAYS} days.",
            details={"fields": [{"loc": ["query", "from"], "message": f"at most {MAX_USAGE_DAYS} days before `to`"}]},
        )
    return first, last


async def usage_days(session: AsyncSession, shop: ShopContext, first: date, last: date) -> list[UsageDay]:
    """One entry per day from ``first`` to ``last``; days with no row are zeros."""
    counted = await usage.usage_by_day(session, shop.id, first, last)
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        days.append(UsageDay.of_day(day, counted.get(day, usage.UsageCounts())))
    return days


def watermarked(settings: Settings, plan: str, shop_watermark: bool) -> bool:
    """Whether a render of this shop carries the watermark: the plan requires it, or the merchant asked."""
    return settings.plan(plan).watermark or shop_watermark


def theme_editor_url(settings: Settings, shop_domain: str) -> str:
    """The theme editor on a product template with the See It app block added (Shopify's deep link)."""
    return (
        f"https://{shop_domain}/admin/themes/current/editor?template=product"
        f"&addAppBlockId={settings.shopify_api_key}/{APP_BLOCK_HANDLE}"
    )


def _settings_out(settings: Settings, shop: ShopContext, prefs: repository.ShopPreferences) -> ShopSettingsOut:
    required = settings.plan(prefs.plan).watermark
    return ShopSettingsOut(
        room_retention_hours=prefs.room_retention_hours or settings.room_ttl_hours,
        room_retention_default_hours=settings.room_ttl_hours,
        custom_room_retention=prefs.room_retention_hours is not None,
        watermark=watermarked(settings, prefs.plan, prefs.watermark),
        watermark_required=required,
        theme_editor_url=theme_editor_url(settings, shop.shop_domain),
    )


async def shop_settings(session: AsyncSession, settings: Settings, shop: ShopContext) -> ShopSettingsOut:
    return _settings_out(settings, shop, await repository.shop_preferences(session, shop.id))


async def update_shop_settings(
    session: AsyncSession, settings: Settings, shop: ShopContext, body: ShopSettingsIn
) -> ShopSettingsOut:
    """Change the given settings (``room_retention_hours: null`` goes back to the default); a plan that
    requires the watermark refuses ``watermark: false``."""
    prefs = await repository.shop_preferences(session, shop.id, for_update=True)
    values: dict[str, Any] = {}
    if "room_retention_hours" in body.model_fields_set:
        values["room_retention_hours"] = body.room_retention_hours
    if "watermark" in body.model_fields_set:
        if body.watermark is None:
            raise _invalid("watermark", "Must be true or false.")
        if not body.watermark and settings.plan(prefs.plan).watermark:
            raise _invalid("watermark", f"The {prefs.plan} plan puts the watermark on every render.")
        values["watermark"] = body.watermark
    await repository.save_shop_preferences(session, shop.id, values)
    if values:
        record_action(session, shop.id, shop.actor, "shop.settings", None, {"set": values})
    return _settings_out(settings, shop, replace(prefs, **values))


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, details={"fields": [{"loc": ["body", field], "message": message}]})


async def all_shops(session: AsyncSession) -> list[Shop]:
    """Every shop, installed or not, by domain."""
    return await repository.shops_by_domain(session)


async def set_plan_by_operator(
    session: AsyncSession,
    settings: Settings,
    shop_domain: str,
    plan: str,
    *,
    actor: str,
    daily_quota: int | None = None,
    monthly_quota: int | None = None,
    max_concurrent_renders: int | None = None,
) -> Shop:
    """Move a shop to ``plan``. A quota given here becomes an override that later plan changes (a
    subscription's included) keep until ``clear_quota_override``; a quota not given keeps any override."""
    if plan not in settings.plans:
        raise UnknownPlan(f"no plan named {plan!r}; plans: {', '.join(sorted(settings.plans))}")
    tier = settings.plans[plan]
    shop = await repository.lock_shop_by_domain(session, shop_domain)
    if shop is None:
        raise UnknownShop(f"no shop {shop_domain!r}")
    if daily_quota is not None:
        shop.daily_quota_override = daily_quota
    if monthly_quota is not None:
        shop.monthly_quota_override = monthly_quota
    previous = shop.plan
    shop.plan = plan
    shop.daily_quota = tier.daily_quota if shop.daily_quota_override is None else shop.daily_quota_override
    shop.monthly_quota = tier.monthly_quota if shop.monthly_quota_override is None else shop.monthly_quota_override
    shop.max_concurrent_renders = max_concurrent_renders
    record_action(
        session,
        shop.id,
        actor,
        "shop.plan_set",
        None,
        {
            "from": previous,
            "to": plan,
            "daily_quota_override": shop.daily_quota_override,
            "monthly_quota_override": shop.monthly_quota_override,
            "max_concurrent_renders": max_concurrent_renders,
        },
    )
    return shop


async def clear_quota_override(session: AsyncSession, settings: Settings, shop_domain: str, *, actor: str) -> Shop:
    """Drop an operator's quota override: the shop's quotas are its plan's again."""
    shop = await repository.lock_shop_by_domain(session, shop_domain)
    if shop is None:
        raise UnknownShop(f"no shop {shop_domain!r}")
    tier = settings.plan(shop.plan)
    cleared = {"daily_quota_override": shop.daily_quota_override, "monthly_quota_override": shop.monthly_quota_override}
    shop.daily_quota_override = shop.monthly_quota_override = None
    shop.daily_quota, shop.monthly_quota = tier.daily_quota, tier.monthly_quota
    record_action(session, shop.id, actor, "shop.quota_override_cleared", None, cleared)
    return shop


async def shop_id_for(session: AsyncSession, shop_domain: str, *, installed: bool | None = None) -> uuid.UUID | None:
    """The id of the shop with this domain (``installed``: only an installed one, or only an uninstalled one)."""
    return await repository.shop_id_for(session, shop_domain, installed=installed)


def room_retention_sql() -> str:
    """The shop's own room retention (an interval, or null), as SQL that binds ``:shop_id``."""
    return ROOM_RETENTION_SQL
