"""The long-lived clients a process holds: database, Redis/arq, storage, HTTP. One per API or worker process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import httpx
from arq.connections import ArqRedis, RedisSettings, create_pool
from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from seeit.config import Settings
from seeit.db import create_engine, create_sessionmaker
from seeit.storage import Storage, create_storage


def redis_settings(settings: Settings) -> RedisSettings:
    parsed = RedisSettings.from_dsn(settings.redis_url)
    parsed.conn_timeout = max(1, int(settings.dependency_timeout_seconds))
    parsed.conn_retries = 1
    return parsed


@dataclass
class Resources:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    arq: ArqRedis
    storage: Storage
    http: httpx.AsyncClient

    @classmethod
    async def open(cls, settings: Settings, *, arq: ArqRedis | None = None) -> Resources:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.database_pool_size,
            timeout=settings.dependency_timeout_seconds,
        )
        if arq is None:
            arq = await create_pool(redis_settings(settings), retry=0)
        return cls(
            settings=settings,
            engine=engine,
            sessionmaker=create_sessionmaker(engine),
            arq=arq,
            storage=create_storage(settings),
            http=httpx.AsyncClient(timeout=httpx.Timeout(20.0, connect=5.0), follow_redirects=False),
        )

    async def close(self, *, close_arq: bool = True) -> None:
        await self.http.aclose()
        await self.storage.close()
        if close_arq:
            await self.arq.aclose()
        await self.engine.dispose()


def request_resources(request: Request) -> Resources:
    """The clients of the process serving the request (the app factory puts them on ``app.state``)."""
    resources: Resources = request.app.state.resources
    return resources


ResourcesDep = Annotated[Resources, Depends(request_resources)]
