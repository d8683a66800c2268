"""Shop settings the merchant sets in the embedded admin: how long room photos are kept, and the watermark.

Revision ID: 0003_shop_settings
Revises: 0002_subscriptions
Create Date: 2026-12-02 17:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_shop_settings"
down_revision: str | None = "0002_subscriptions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("shops", sa.Column("room_retention_hours", sa.Integer(), nullable=True))
    op.add_column("shops", sa.Column("watermark", sa.Boolean(), server_default=sa.text("false"), nullable=False))
    op.create_check_constraint(
        op.f("ck_shops_room_retention_in_range"),
        "shops",
        "room_retention_hours IS NULL OR room_retention_hours BETWEEN 1 AND 720",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_shops_room_retention_in_range"), "shops", type_="check")
    op.drop_column("shops", "watermark")
    op.drop_column("shops", "room_retention_hours")
