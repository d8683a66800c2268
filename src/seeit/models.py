"""ORM models: the seed schema plus the spec's additions, in one module so relations read in one place."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from seeit.db import Base, UUIDPrimaryKey, utcnow

ASSET_STATUSES = ("pending", "ready", "failed", "stale", "orphaned")
PREP_STRATEGIES = ("batch", "fallback", "manual")
RENDER_STATUSES = ("queued", "processing", "completed", "failed")
RENDER_STAGES = ("queued", "waiting_for_asset", "compositing", "harmonizing", "storing", "done")
CLEANUP_STATUSES = ("queued", "processing", "completed", "failed")
QUALITIES = ("draft", "standard", "high")
# What the storefront block reports (``POST /proxy/events``).
EVENT_KINDS = ("opened", "room_uploaded", "rendered", "shared", "downloaded", "added_to_cart")
# Shopify's AppSubscriptionStatus values.
SUBSCRIPTION_STATUSES = ("PENDING", "ACCEPTED", "ACTIVE", "DECLINED", "EXPIRED", "FROZEN", "CANCELLED")


def _one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    check = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {check}" if nullable else check


def _shop_fk() -> Mapped[uuid.UUID]:
    return mapped_column(ForeignKey("shops.id", ondelete="CASCADE"), nullable=False)


NOW = text("now()")


class Shop(UUIDPrimaryKey, Base):
    __tablename__ = "shops"

    shop_domain: Mapped[str] = mapped_column(Text, unique=True)
    shopify_shop_id: Mapped[str] = mapped_column(Text)
    # Ciphertext (AES-GCM); empty once the shop uninstalls.
    access_token: Mapped[str] = mapped_column(Text)
    plan: Mapped[str] = mapped_column(Text)
    monthly_quota: Mapped[int] = mapped_column(Integer)
    daily_quota: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    uninstalled_at: Mapped[datetime | None]
    scope: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)
    refresh_token: Mapped[str | None] = mapped_column(Text)
    access_token_expires_at: Mapped[datetime | None]
    refresh_token_expires_at: Mapped[datetime | None]
    max_concurrent_renders: Mapped[int | None] = mapped_column(Integer)
    # An operator's quotas (``seeit shops set-plan --daily/--monthly``): they win over the plan's numbers
    # whatever the subscription does, until ``seeit shops clear-override`` sets them back to null.
    daily_quota_override: Mapped[int | None] = mapped_column(Integer)
    monthly_quota_override: Mapped[int | None] = mapped_column(Integer)
    # The merchant's settings: hours a room photo is kept after its last use (null: SEEIT_ROOM_TTL_HOURS),
    # and a watermark on renders even where the plan does not require one.
    room_retention_hours: Mapped[int | None] = mapped_column(Integer)
    watermark: Mapped[bool] = mapped_column(server_default=text("false"), default=False)

    __table_args__ = (
        CheckConstraint("daily_quota >= 0 AND monthly_quota >= 0", name="quotas_not_negative"),
        CheckConstraint(
            "(daily_quota_override IS NULL OR daily_quota_override >= 0)"
            " AND (monthly_quota_override IS NULL OR monthly_quota_override >= 0)",
            name="quota_overrides_not_negative",
        ),
        CheckConstraint("max_concurrent_renders IS NULL OR max_concurrent_renders > 0", name="concurrency_positive"),
        CheckConstraint(
            "room_retention_hours IS NULL OR room_retention_hours BETWEEN 1 AND 720", name="room_retention_in_range"
        ),
    )


class ProductAsset(UUIDPrimaryKey, Base):
    __tablename__ = "product_assets"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    product_id: Mapped[str] = mapped_column(Text)
    variant_id: Mapped[str | None] = mapped_column(Text)
    source_image_id: Mapped[str] = mapped_column(Text)
    source_image_url: Mapped[str] = mapped_column(Text)
    # Storage key of the transparent PNG; responses carry a signed URL made from it.
    prepared_image_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    prep_strategy: Mapped[str] = mapped_column(Text)
    prompt_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow, onupdate=utcnow)
    prompt_id: Mapped[str | None] = mapped_column(Text)
    model_id: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    error_code: Mapped[str | None] = mapped_column(Text)
    error_message: Mapped[str | None] = mapped_column(Text)

    shop: Mapped[Shop] = relationship(lazy="raise")

    __table_args__ = (
        Index(None, "shop_id", "product_id"),
        # The stalled-prep sweep looks for pending assets every 15 s; the few pending rows are all it reads.
        Index(None, "updated_at", postgresql_where=text("status = 'pending'")),
        CheckConstraint(_one_of("status", ASSET_STATUSES), name="status"),
        CheckConstraint(_one_of("prep_strategy", PREP_STRATEGIES), name="prep_strategy"),
    )


class ProductSettings(UUIDPrimaryKey, Base):
    """The product's ``$app:see_it`` metafields as last written or read by us: the storefront reads these
    instead of asking Shopify on every page view."""

    __tablename__ = "product_settings"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    product_id: Mapped[str] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(server_default=text("false"), default=False)
    default_asset_id: Mapped[str | None] = mapped_column(Text)
    style_preset: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("shop_id", "product_id"),)


class RoomSession(UUIDPrimaryKey, Base):
    __tablename__ = "room_sessions"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    # Storage keys (unguessable); responses carry signed, expiring URLs made from them.
    original_room_image_url: Mapped[str | None] = mapped_column(Text)
    cleaned_room_image_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    cleanup_status: Mapped[str | None] = mapped_column(Text)
    cleanup_error: Mapped[str | None] = mapped_column(Text)
    # Where a presigned direct upload lands before it is confirmed.
    upload_key: Mapped[str | None] = mapped_column(Text)
    # The UTC day the cleanup render was counted on, so a failure refunds that day.
    cleanup_usage_date: Mapped[date | None] = mapped_column(Date)

    shop: Mapped[Shop] = relationship(lazy="raise")

    __table_args__ = (
        Index(None, "expires_at"),
        CheckConstraint(_one_of("cleanup_status", CLEANUP_STATUSES, nullable=True), name="cleanup_status"),
    )


class RenderJob(UUIDPrimaryKey, Base):
    __tablename__ = "render_jobs"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    product_id: Mapped[str] = mapped_column(Text)
    variant_id: Mapped[str | None] = mapped_column(Text)
    product_asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product_assets.id", ondelete="SET NULL"))
    room_session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("room_sessions.id", ondelete="SET NULL"))
    placement_x: Mapped[float] = mapped_column(Float)
    placement_y: Mapped[float] = mapped_column(Float)
    placement_scale: Mapped[float] = mapped_column(Float)
    style_preset: Mapped[str | None] = mapped_column(Text)
    quality: Mapped[str | None] = mapped_column(Text)
    config_json: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(Text)
    image_url: Mapped[str | None] = mapped_column(Text)
    model_id: Mapped[str | None] = mapped_column(Text)
    prompt_id: Mapped[str | None] = mapped_column(Text)
    prompt_version: Mapped[int | None] = mapped_column(Integer)
    error_code: Mapped[str | None] = mapped_column(Text)
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    completed_at: Mapped[datetime | None]
    stage: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    started_at: Mapped[datetime | None]
    # Kept fresh by the worker holding the claim while the render runs; a silent one's worker is gone.
    heartbeat_at: Mapped[datetime | None]
    processing_ms: Mapped[int | None] = mapped_column(Integer)
    idempotency_key: Mapped[str | None] = mapped_column(Text)
    # The UTC day the render was counted on, and when it was refunded (at most once).
    usage_date: Mapped[date | None] = mapped_column(Date)
    refunded_at: Mapped[datetime | None]
    display_image_url: Mapped[str | None] = mapped_column(Text)

    shop: Mapped[Shop] = relationship(lazy="raise")
    product_asset: Mapped[ProductAsset | None] = relationship(lazy="raise")
    room_session: Mapped[RoomSession | None] = relationship(lazy="raise")

    __table_args__ = (
        UniqueConstraint("shop_id", "idempotency_key"),
        Index(None, "shop_id", "created_at"),
        Index(None, "status", "created_at"),
        CheckConstraint(_one_of("status", RENDER_STATUSES), name="status"),
        CheckConstraint(_one_of("stage", RENDER_STAGES, nullable=True), name="stage"),
        CheckConstraint(_one_of("quality", QUALITIES, nullable=True), name="quality"),
        CheckConstraint(
            "placement_x BETWEEN 0 AND 1 AND placement_y BETWEEN 0 AND 1"
            " AND placement_scale > 0 AND placement_scale <= 1",
            name="placement_in_range",
        ),
    )


class UsageDaily(UUIDPrimaryKey, Base):
    __tablename__ = "usage_daily"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    date: Mapped[date] = mapped_column(Date)
    prep_renders: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    cleanup_renders: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    composite_renders: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)

    __table_args__ = (
        UniqueConstraint("shop_id", "date"),
        CheckConstraint(
            "prep_renders >= 0 AND cleanup_renders >= 0 AND composite_renders >= 0",
            name="counts_not_negative",
        ),
    )


class PendingObject(UUIDPrimaryKey, Base):
    """An object being written to storage that no row holds yet: recorded (and committed) before the write, and
    dropped in the transaction that records the row holding it. One left behind (its writer was killed, or its
    transaction failed) names an object nobody holds, which the sweeper deletes."""

    __tablename__ = "pending_objects"

    key: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)

    __table_args__ = (Index(None, "created_at"),)


class WebhookEvent(UUIDPrimaryKey, Base):
    __tablename__ = "webhook_events"

    event_key: Mapped[str] = mapped_column(Text, unique=True)
    shop_domain: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    processed_at: Mapped[datetime | None]


class AuditEvent(UUIDPrimaryKey, Base):
    """A merchant's action: who (the session token's ``sub``), what, on which subject, when."""

    __tablename__ = "audit_events"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)

    __table_args__ = (Index(None, "shop_id", "created_at"),)


class StylePreset(UUIDPrimaryKey, Base):
    """A shop's own style preset: a prompt template and how often renders used it."""

    __tablename__ = "style_presets"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    name: Mapped[str] = mapped_column(Text)
    prompt_template: Mapped[str] = mapped_column(Text)
    # Raised whenever the template's text changes; recorded on every render as its prompt version.
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    usage_count: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("shop_id", "name"),)


class Subscription(UUIDPrimaryKey, Base):
    """A shop's app subscription at Shopify, as last heard from any source (webhook, return URL, a read).

    ``shopify_updated_at`` is the version: Shopify's ``updated_at`` for a webhook, the time of the read for a
    read of Shopify's current state. A write carrying an older version changes nothing.
    """

    __tablename__ = "subscriptions"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    shopify_gid: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    # The configured plan it maps to (``plan_handle`` or name); null when no configured plan matches.
    plan: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    test: Mapped[bool] = mapped_column(server_default=text("false"), default=False)
    trial_ends_at: Mapped[datetime | None]
    current_period_end: Mapped[datetime | None]
    shopify_created_at: Mapped[datetime | None]
    shopify_updated_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow, onupdate=utcnow)

    shop: Mapped[Shop] = relationship(lazy="raise")

    __table_args__ = (
        Index(None, "shop_id", "status"),
        CheckConstraint(_one_of("status", SUBSCRIPTION_STATUSES), name="status"),
    )


class StorefrontEvent(UUIDPrimaryKey, Base):
    """One thing a shopper did in the block: opened it, uploaded a room, rendered, shared, downloaded, added to
    cart. Who is only an anonymous visitor id from the storefront's storage and, when the shopper is logged
    in, Shopify's customer id; nothing else about them is kept."""

    __tablename__ = "storefront_events"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    # When the service received it: the shopper's clock is not trusted.
    occurred_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)
    kind: Mapped[str] = mapped_column(Text)
    visitor_id: Mapped[uuid.UUID]
    customer_id: Mapped[str | None] = mapped_column(Text)
    product_id: Mapped[str] = mapped_column(Text)  # Product GID
    variant_id: Mapped[str | None] = mapped_column(Text)  # ProductVariant GID
    # No foreign key: appending stays one cheap insert, and an event outlives its render's row.
    render_id: Mapped[uuid.UUID | None]

    __table_args__ = (
        # Attribution looks up a customer's or a visitor's renders; redaction erases them.
        Index(None, "shop_id", "customer_id", postgresql_where=text("customer_id IS NOT NULL")),
        Index(None, "shop_id", "visitor_id"),
        CheckConstraint(_one_of("kind", EVENT_KINDS), name="kind"),
    )


class StorefrontEventCount(Base):
    """Events per shop, UTC day, product and kind, counted as they are appended (in the same statement), so
    the funnel reads a few rows a day instead of every event."""

    __tablename__ = "storefront_event_counts"

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    product_id: Mapped[str] = mapped_column(Text, primary_key=True)  # Product GID
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    events: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint(_one_of("kind", EVENT_KINDS), name="kind"),
        CheckConstraint("events > 0", name="events_positive"),
    )


class OrderAttribution(UUIDPrimaryKey, Base):
    """An order that followed a render, once per order: the lines it owes to See It and their amount.

    ``lines`` holds each attributed line item: ``product_id`` (GID), ``variant_id``, ``quantity``, ``amount``
    (a decimal string in ``currency``), ``render_id`` and ``matched_by`` (``render``: the line carried the
    render's id; ``customer`` or ``visitor``: the same shopper rendered that product within the window).
    """

    __tablename__ = "order_attributions"

    shop_id: Mapped[uuid.UUID] = _shop_fk()
    order_id: Mapped[str] = mapped_column(Text)  # Shopify's numeric order id
    order_name: Mapped[str | None] = mapped_column(Text)
    ordered_at: Mapped[datetime]
    customer_id: Mapped[str | None] = mapped_column(Text)
    visitor_id: Mapped[uuid.UUID | None]
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(Text)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(server_default=NOW, default=utcnow)

    __table_args__ = (
        UniqueConstraint("shop_id", "order_id"),
        Index(None, "shop_id", "ordered_at"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )
