"""Writing objects the database always knows about: ``expect_objects`` before the write (committed on its own),
``settle_objects`` in the transaction that records the row holding them."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.db import transaction
from seeit.resources import Resources
from seeit.storage import StorageError
from seeit.stored_objects import repository


class ObjectsSwept(StorageError):
    """The sweeper deleted an object before its row could hold it (its writer took longer than the grace)."""


async def expect_objects(resources: Resources, keys: Collection[str]) -> None:
    """Record ``keys`` as pending, committed before anything is written, so a writer that dies leaves a trace."""
    async with transaction(resources) as session:
        await repository.expect(session, keys)


async def expect_objects_in(session: AsyncSession, keys: Collection[str]) -> None:
    """``expect_objects`` in the caller's transaction, for a writer that commits one just before writing."""
    await repository.expect(session, keys)


async def settle_objects(session: AsyncSession, keys: Collection[str]) -> None:
    """In the transaction that records the row holding ``keys``: they are no longer pending. Raises (rolling
    that transaction back) when the sweeper already took one, whose object is then gone."""
    if await repository.settle(session, keys) != len(set(keys)):
        raise ObjectsSwept("A stored object was swept before its row held it.")


async def discard_objects(resources: Resources, keys: Collection[str]) -> None:
    """Delete objects no row will hold (another writer won), then their pending records."""
    for key in keys:
        await resources.storage.delete(key)
    async with transaction(resources) as session:
        await repository.settle(session, keys)
