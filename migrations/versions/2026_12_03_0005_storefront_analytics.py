"""Storefront events (what shoppers did in the block), their counts by day, and orders attributed to renders.

Revision ID: 0005_storefront_analytics
Revises: 0004_render_heartbeat
Create Date: 2026-12-03 10:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005_storefront_analytics"
down_revision: str | None = "0004_render_heartbeat"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_KINDS = ("opened", "room_uploaded", "rendered", "shared", "downloaded", "added_to_cart")


def upgrade() -> None:
    kinds = ", ".join(f"'{kind}'" for kind in EVENT_KINDS)
    op.create_table(
        "storefront_events",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("visitor_id", sa.UUID(), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("product_id", sa.Text(), nullable=False),
        sa.Column("variant_id", sa.Text(), nullable=True),
        sa.Column("render_id", sa.UUID(), nullable=True),
        sa.CheckConstraint(f"kind IN ({kinds})", name=op.f("ck_storefront_events_kind")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_storefront_events_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storefront_events")),
    )
    op.create_index(
        op.f("ix_storefront_events_shop_id_customer_id"),
        "storefront_events",
        ["shop_id", "customer_id"],
        postgresql_where=sa.text("customer_id IS NOT NULL"),
    )
    op.create_index(op.f("ix_storefront_events_shop_id_visitor_id"), "storefront_events", ["shop_id", "visitor_id"])

    op.create_table(
        "storefront_event_counts",
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("product_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.CheckConstraint(f"kind IN ({kinds})", name=op.f("ck_storefront_event_counts_kind")),
        sa.CheckConstraint("events > 0", name=op.f("ck_storefront_event_counts_events_positive")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_storefront_event_counts_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("shop_id", "day", "product_id", "kind", name=op.f("pk_storefront_event_counts")),
    )

    op.create_table(
        "order_attributions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("shop_id", sa.UUID(), nullable=False),
        sa.Column("order_id", sa.Text(), nullable=False),
        sa.Column("order_name", sa.Text(), nullable=True),
        sa.Column("ordered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("customer_id", sa.Text(), nullable=True),
        sa.Column("visitor_id", sa.UUID(), nullable=True),
        sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("lines", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_order_attributions_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_order_attributions_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_attributions")),
        sa.UniqueConstraint("shop_id", "order_id", name=op.f("uq_order_attributions_shop_id_order_id")),
    )
    op.create_index(op.f("ix_order_attributions_shop_id_ordered_at"), "order_attributions", ["shop_id", "ordered_at"])


def downgrade() -> None:
    op.drop_table("order_attributions")
    op.drop_table("storefront_event_counts")
    op.drop_table("storefront_events")
