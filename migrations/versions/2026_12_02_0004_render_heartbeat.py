"""Render jobs: the claim's heartbeat, so a dead worker's render is taken over within a minute.

Revision ID: 0004_render_heartbeat
Revises: 0003_shop_settings
Create Date: 2026-12-02 17:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_render_heartbeat"
down_revision: str | None = "0003_shop_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("render_jobs", sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("render_jobs", "heartbeat_at")
