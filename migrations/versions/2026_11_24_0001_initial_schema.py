"""Initial schema: the seed tables, the spec's additions, webhook events, audit trail, style presets.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 08:38:56.220707+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shops",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_domain", sa.Text(), nullable=False),
        sa.Column("shopify_shop_id", sa.Text(), nullable=False),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("monthly_quota", sa.Integer(), nullable=False),
        sa.Column("daily_quota", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("uninstalled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refresh_token", sa.Text(), nullable=True),
        sa.Column("access_token_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refresh_token_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("max_concurrent_renders", sa.Integer(), nullable=True),
        sa.CheckConstraint("daily_quota >= 0 AND monthly_quota >= 0", name=op.f("ck_shops_quotas_not_negative")),
        sa.CheckConstraint(
            "max_concurrent_renders IS NULL OR max_concurrent_renders > 0",
            name=op.f("ck_shops_concurrency_positive"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shops")),
        sa.UniqueConstraint("shop_domain", name=op.f("uq_shops_shop_domain")),
    )
    op.create_table(
        "webhook_events",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("event_key", sa.Text(), nullable=False),
        sa.Column("shop_domain", sa.Text(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_events")),
        sa.UniqueConstraint("event_key", name=op.f("uq_webhook_events_event_key")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_audit_events_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_shop_id_created_at"), "audit_events", ["shop_id", "created_at"], unique=False)
    op.create_table(
        "product_assets",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.Text(), nullable=False),
        sa.Column("variant_id", sa.Text(), nullable=True),
        sa.Column("source_image_id", sa.Text(), nullable=False),
        sa.Column("source_image_url", sa.Text(), nullable=False),
        sa.Column("prepared_image_url", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("prep_strategy", sa.Text(), nullable=False),
        sa.Column("prompt_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("prompt_id", sa.Text(), nullable=True),
        sa.Column("model_id", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("error_code", sa.Text(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "prep_strategy IN ('batch', 'fallback', 'manual')", name=op.f("ck_product_assets_prep_strategy")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'ready', 'failed', 'stale', 'orphaned')",
            name=op.f("ck_product_assets_status"),
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_product_assets_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_assets")),
    )
    op.create_index(
        op.f("ix_product_assets_shop_id_product_id"),
        "product_assets",
        ["shop_id", "product_id"],
        unique=False,
    )
    op.create_table(
        "product_settings",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("default_asset_id", sa.Text(), nullable=True),
        sa.Column("style_preset", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_product_settings_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_settings")),
        sa.UniqueConstraint("shop_id", "product_id", name=op.f("uq_product_settings_shop_id_product_id")),
    )
    op.create_table(
        "room_sessions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("original_room_image_url", sa.Text(), nullable=True),
        sa.Column("cleaned_room_image_url", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cleanup_status", sa.Text(), nullable=True),
        sa.Column("cleanup_error", sa.Text(), nullable=True),
        sa.Column("upload_key", sa.Text(), nullable=True),
        sa.Column("cleanup_usage_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "cleanup_status IS NULL OR cleanup_status IN ('queued', 'processing', 'completed', 'failed')",
            name=op.f("ck_room_sessions_cleanup_status"),
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_room_sessions_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_sessions")),
    )
    op.create_index(op.f("ix_room_sessions_expires_at"), "room_sessions", ["expires_at"], unique=False)
    op.create_table(
        "style_presets",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("prompt_template", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("usage_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_style_presets_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_style_presets")),
        sa.UniqueConstraint("shop_id", "name", name=op.f("uq_style_presets_shop_id_name")),
    )
    op.create_table(
        "usage_daily",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("prep_renders", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("cleanup_renders", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("composite_renders", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            "prep_renders >= 0 AND cleanup_renders >= 0 AND composite_renders >= 0",
            name=op.f("ck_usage_daily_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_usage_daily_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage_daily")),
        sa.UniqueConstraint("shop_id", "date", name=op.f("uq_usage_daily_shop_id_date")),
    )
    op.create_table(
        "render_jobs",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.Text(), nullable=False),
        sa.Column("variant_id", sa.Text(), nullable=True),
        sa.Column("product_asset_id", sa.UUID(), nullable=True),
        sa.Column("room_session_id", sa.UUID(), nullable=True),
        sa.Column("placement_x", sa.Float(), nullable=False),
        sa.Column("placement_y", sa.Float(), nullable=False),
        sa.Column("placement_scale", sa.Float(), nullable=False),
        sa.Column("style_preset", sa.Text(), nullable=True),
        sa.Column("quality", sa.Text(), nullable=True),
        sa.Column("config_json", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("image_url", sa.Text(), nullable=True),
        sa.Column("model_id", sa.Text(), nullable=True),
        sa.Column("prompt_id", sa.Text(), nullable=True),
        sa.Column("prompt_version", sa.Integer(), nullable=True),
        sa.Column("error_code", sa.Text(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stage", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("processing_ms", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.Text(), nullable=True),
        sa.Column("usage_date", sa.Date(), nullable=True),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("display_image_url", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "quality IS NULL OR quality IN ('draft', 'standard', 'high')", name=op.f("ck_render_jobs_quality")
        ),
        sa.CheckConstraint(
            "stage IS NULL OR stage IN ('queued', 'waiting_for_asset', 'compositing', 'harmonizing', 'storing', 'done')",
            name=op.f("ck_render_jobs_stage"),
        ),
        sa.CheckConstraint(
            "status IN ('queued', 'processing', 'completed', 'failed')", name=op.f("ck_render_jobs_status")
        ),
        sa.CheckConstraint(
            "placement_x BETWEEN 0 AND 1 AND placement_y BETWEEN 0 AND 1 AND placement_scale > 0 AND placement_scale <= 1",
            name=op.f("ck_render_jobs_placement_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["product_asset_id"],
            ["product_assets.id"],
            name=op.f("fk_render_jobs_product_asset_id_product_assets"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_session_id"],
            ["room_sessions.id"],
            name=op.f("fk_render_jobs_room_session_id_room_sessions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_render_jobs_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_render_jobs")),
        sa.UniqueConstraint("shop_id", "idempotency_key", name=op.f("uq_render_jobs_shop_id_idempotency_key")),
    )
    op.create_index(op.f("ix_render_jobs_shop_id_created_at"), "render_jobs", ["shop_id", "created_at"], unique=False)
    op.create_index(op.f("ix_render_jobs_status_created_at"), "render_jobs", ["status", "created_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_render_jobs_status_created_at"), table_name="render_jobs")
    op.drop_index(op.f("ix_render_jobs_shop_id_created_at"), table_name="render_jobs")
    op.drop_table("render_jobs")
    op.drop_table("usage_daily")
    op.drop_table("style_presets")
    op.drop_index(op.f("ix_room_sessions_expires_at"), table_name="room_sessions")
    op.drop_table("room_sessions")
    op.drop_table("product_settings")
    op.drop_index(op.f("ix_product_assets_shop_id_product_id"), table_name="product_assets")
    op.drop_table("product_assets")
    op.drop_index(op.f("ix_audit_events_shop_id_created_at"), table_name="audit_events")
    op.drop_table("audit_events")
    op.drop_table("webhook_events")
    op.drop_table("shops")
