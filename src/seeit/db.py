"""Database wiring: declarative base with a naming convention, engine, sessions, the request's transaction."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import asyncpg
from fastapi import Depends, Request
from sqlalchemy import ClauseElement, DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.compiler import SQLCompiler

from seeit.errors import ServiceUnavailable
from seeit.queue import DeferredJob, send_deferred_jobs, take_deferred_jobs

if TYPE_CHECKING:
    from arq.connections import ArqRedis


class Database(Protocol):
    """What the database helpers need of a process's clients (``seeit.resources.Resources``)."""

    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    arq: ArqRedis


NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)
        datetime: DateTime(timezone=True),
        uuid.UUID: UUID(as_uuid=True),
    }


class UUIDPrimaryKey:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


def create_engine(database_url: str, *, pool_size: int = 10, timeout: float = 5.0) -> AsyncEngine:
    engine = create_async_engine(
        database_url,
        pool_size=pool_size,
        # No overflow: a connection opened past the pool is closed again on return, so a burst of requests
        # would open and close connections at Postgres's cost (measured: 224 new sessions in 6 s at 64
        # clients, and a third less throughput). Past the pool, requests wait up to ``pool_timeout``.
        max_overflow=0,
        # No pre-ping: it costs a round trip per request on the hot path. A connection broken by a
        # database restart fails its request with 503 and is dropped from the pool.
        pool_pre_ping=False,
        pool_recycle=1800,
        pool_timeout=timeout,
        connect_args={"timeout": timeout, "command_timeout": 30},
    )
    event.listen(engine.sync_engine, "handle_error", _broken_protocol_is_a_disconnect)
    return engine


def _broken_protocol_is_a_disconnect(context: ExceptionContext) -> None:
    # When the server ends a pooled connection (a restart, pg_terminate_backend), asyncpg can read the
    # server's FATAL message before it sees the socket close, and the next query then fails with
    # "cannot switch to state ...; another operation is in progress". The connection is unusable either
    # way: calling it a disconnect drops it from the pool and lets the request answer 503.
    if type(context.original_exception).__name__ == "InternalClientError":
        context.is_disconnect = True


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def transaction(resources: Database) -> AsyncIterator[AsyncSession]:
    """A session whose work commits when the block ends cleanly; deferred jobs are sent after the commit."""
    async with resources.sessionmaker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
    await send_deferred_jobs(session, resources.arq)


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    # scope="function" below makes this commit before the response is sent, so a failed
    # commit becomes an error response instead of a 2xx for work that was lost.
    async with transaction(request.app.state.resources) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(_request_session, scope="function")]


# --- the storefront's hottest statements, straight on the pooled connection's driver ---------------------
#
# On the accept and poll paths SQLAlchemy's execution layer (greenlet hand-offs, execution context, result
# wrapping) cost as much CPU as the statement itself: measured 0.73 ms per accepted render through a Core
# connection against 0.47 ms for the same statement and transaction on its asyncpg connection. These paths
# keep SQLAlchemy's pool and its compiler (each statement is written with SQLAlchemy and compiled once) and
# send the compiled statement through the connection's driver.

_DRIVER_DIALECT = asyncpg_dialect()  # type: ignore[no-untyped-call]
# What the driver raises when the connection, not the statement, failed.
_CONNECTION_ERRORS = (asyncpg.InterfaceError, asyncpg.InternalClientError, OSError, TimeoutError)


@dataclass(frozen=True)
class DriverStatement:
    """A SQLAlchemy statement compiled once for asyncpg: its SQL and the order of its named parameters."""

    sql: str
    names: tuple[str, ...]

    @classmethod
    def compile(cls, statement: ClauseElement) -> DriverStatement:
        compiled = statement.compile(dialect=_DRIVER_DIALECT)
        assert isinstance(compiled, SQLCompiler)
        # Every type these statements bind is one asyncpg takes as it is (uuid, text, int, date, interval).
        assert not compiled._bind_processors, "a parameter needs a SQLAlchemy bind processor"
        return cls(compiled.string, tuple(compiled.positiontup or ()))

    def args(self, params: Mapping[str, Any]) -> list[Any]:
        return [params[name] for name in self.names]


@asynccontextmanager
async def driver_connection(resources: Database, *, transaction: bool) -> AsyncIterator[Any]:
    """A pooled connection's asyncpg connection (see ``driver_of``), given back to the pool after the block."""
    async with resources.engine.connect() as conn, driver_of(conn, transaction=transaction) as driver:
        yield driver


@asynccontextmanager
async def driver_of(conn: AsyncConnection, *, transaction: bool) -> AsyncIterator[Any]:
    """The connection's asyncpg connection, in a transaction that commits when the block ends cleanly
    (``transaction=False``: each statement on its own). A failure of the connection itself drops it from
    the pool and answers 503, as on SQLAlchemy's paths (``_broken_protocol_is_a_disconnect``)."""
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    # A pooled connection is handed out outside any transaction; whatever it was in, it goes back in.
    was_in_transaction = driver.is_in_transaction()
    try:
        if transaction:
            async with driver.transaction():
                yield driver
        else:
            yield driver
    except _CONNECTION_ERRORS as exc:
        await conn.invalidate()
        raise ServiceUnavailable() from exc
    except asyncpg.PostgresError:
        if driver.is_closed():
            await conn.invalidate()
            raise ServiceUnavailable() from None
        raise
    finally:
        if not driver.is_closed() and driver.is_in_transaction() and not was_in_transaction:
            # Cut short (cancelled) before the driver could end its transaction: the pool must not hand
            # the connection out mid-transaction.
            await conn.invalidate()


@asynccontextmanager
async def session_on(conn: AsyncConnection, outbox: list[DeferredJob]) -> AsyncIterator[AsyncSession]:
    """``transaction`` on a connection the caller already holds: a session whose transaction on it commits
    when the block ends cleanly. Its deferred jobs go to ``outbox``, for the caller to send after the commit."""
    async with AsyncSession(bind=conn, expire_on_commit=False, autoflush=False) as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
        outbox.extend(take_deferred_jobs(session))
