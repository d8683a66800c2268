"""Pending objects: what is being written to storage before a row holds it, so nothing written is left unknown.

Revision ID: 0006_pending_objects
Revises: 0005_storefront_analytics
Create Date: 2026-12-03 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_pending_objects"
down_revision: str | None = "0005_storefront_analytics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_objects",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_objects")),
        sa.UniqueConstraint("key", name=op.f("uq_pending_objects_key")),
    )
    op.create_index(op.f("ix_pending_objects_created_at"), "pending_objects", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pending_objects_created_at"), table_name="pending_objects")
    op.drop_table("pending_objects")
