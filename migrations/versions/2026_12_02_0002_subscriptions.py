"""Subscriptions: shops' app subscriptions at Shopify, and operators' quota overrides on shops.

Revision ID: 0002_subscriptions
Revises: 0001
Create Date: 2026-12-02 16:50:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_subscriptions"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = "'PENDING', 'ACCEPTED', 'ACTIVE', 'DECLINED', 'EXPIRED', 'FROZEN', 'CANCELLED'"


def upgrade() -> None:
    op.add_column("shops", sa.Column("daily_quota_override", sa.Integer(), nullable=True))
    op.add_column("shops", sa.Column("monthly_quota_override", sa.Integer(), nullable=True))
    op.create_check_constraint(
        op.f("ck_shops_quota_overrides_not_negative"),
        "shops",
        "(daily_quota_override IS NULL OR daily_quota_override >= 0)"
        " AND (monthly_quota_override IS NULL OR monthly_quota_override >= 0)",
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("shopify_gid", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("test", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("trial_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("current_period_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shopify_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shopify_updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(f"status IN ({_STATUSES})", name=op.f("ck_subscriptions_status")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_subscriptions_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("shopify_gid", name=op.f("uq_subscriptions_shopify_gid")),
    )
    op.create_index(op.f("ix_subscriptions_shop_id_status"), "subscriptions", ["shop_id", "status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_subscriptions_shop_id_status"), table_name="subscriptions")
    op.drop_table("subscriptions")
    op.drop_constraint(op.f("ck_shops_quota_overrides_not_negative"), "shops", type_="check")
    op.drop_column("shops", "monthly_quota_override")
    op.drop_column("shops", "daily_quota_override")
