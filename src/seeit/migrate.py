"""Create the database if it is missing and migrate it to the newest schema."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


async def ensure_database(database_url: str) -> bool:
    """Create the URL's database when it does not exist; True when it was created."""
    url = make_url(database_url)
    name = url.database or "postgres"
    maintenance = url.set(drivername="postgresql", database="postgres")
    dsn = maintenance.render_as_string(hide_password=False)
    # A host given apart from the DSN (``?host=`` names a socket folder) makes asyncpg drop the DSN's port
    # too, so the port goes with it: else a server on another port would be asked on 5432.
    conn = await asyncpg.connect(dsn, host=url.query.get("host") or url.host, port=url.port)
    try:
        if await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return False
        quoted = '"' + name.replace('"', '""') + '"'
        await conn.execute(f"CREATE DATABASE {quoted}")
        return True
    finally:
        await conn.close()


def upgrade(database_url: str, revision: str = "head") -> None:
    asyncio.run(ensure_database(database_url))
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)
