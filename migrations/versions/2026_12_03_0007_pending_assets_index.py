"""Pending assets by age: the stalled-prep sweep runs every 15 s and reads only the pending rows.

Revision ID: 0007_pending_assets_index
Revises: 0006_pending_objects
Create Date: 2026-12-03 14:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_pending_assets_index"
down_revision: str | None = "0006_pending_objects"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_product_assets_updated_at"),
        "product_assets",
        ["updated_at"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_product_assets_updated_at"), table_name="product_assets")
