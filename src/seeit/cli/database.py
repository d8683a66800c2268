"""An operator command's database: one connection of its own, one transaction that commits when the command
succeeds. The commands that queue jobs open the whole ``Resources`` instead (they need Redis)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.config import Settings
from seeit.db import create_engine, create_sessionmaker

# Who the audit trail names for actions taken from the command line.
OPERATOR = "operator:cli"


@asynccontextmanager
async def operator_transaction(settings: Settings) -> AsyncIterator[AsyncSession]:
    engine = create_engine(settings.database_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            yield session
    finally:
        await engine.dispose()
