"""The storefront's read-through of a product's settings that ``product_settings`` has not cached yet.

A product enabled in Shopify (in the Shopify admin, by a bulk edit, before the app saw it) must show the
button on its first view, so a miss at ``/proxy/config`` reads the product from Shopify once and caches
what it finds. A large catalogue must not turn misses into an Admin API storm, so in each process:

- concurrent misses of one product wait on the same read (one call, not one per shopper);
- what a read found is remembered for a while (a bounded LRU): a product Shopify does not have for
  ``NEGATIVE_SECONDS``, so bots asking for made-up ids cost one call per product in that time; one it has
  for ``FOUND_SECONDS``, the time the request that read it takes to commit it to ``product_settings``;
  a read that failed (Shopify down or throttled) for ``FAILED_SECONDS``, so an outage is not hammered;
- at most ``READS_PER_SHOP`` reads per shop run at once; a miss beyond that answers from what is known
  (nothing: not enabled) and leaves the read to the worker's refresh job.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from seeit.assets import shopify_products
from seeit.resources import Resources
from seeit.shopify.catalog import Product
from seeit.shopify.errors import ShopifyError

NEGATIVE_SECONDS = 300.0
FOUND_SECONDS = 30.0
FAILED_SECONDS = 30.0
REMEMBERED_ENTRIES = 10_000
READS_PER_SHOP = 4
# The storefront waits this long for Shopify at most; past it the product counts as not enabled this time.
READ_TIMEOUT_SECONDS = 3.0

Key = tuple[uuid.UUID, str]


@dataclass(frozen=True)
class Lookup:
    """What one read found: the product (None when Shopify has none) or that the read failed."""

    product: Product | None
    failed: bool = False


class _Remembered:
    """A bounded, expiring map of (shop, product) → what its last read found."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._found: OrderedDict[Key, tuple[float, Lookup]] = OrderedDict()

    def get(self, key: Key) -> Lookup | None:
        entry = self._found.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del self._found[key]
            return None
        self._found.move_to_end(key)
        return entry[1]

    def add(self, key: Key, found: Lookup, seconds: float) -> None:
        self._found[key] = (time.monotonic() + seconds, found)
        self._found.move_to_end(key)
        while len(self._found) > self.entries:
            self._found.popitem(last=False)

    def clear(self) -> None:
        self._found.clear()


_remembered = _Remembered(REMEMBERED_ENTRIES)
_in_flight: dict[Key, asyncio.Future[Lookup]] = {}
_per_shop: dict[uuid.UUID, asyncio.Semaphore] = {}


def remembered(shop_id: uuid.UUID, product_gid: str) -> Lookup | None:
    """What a recent read of this product found, if this process made one."""
    return _remembered.get((shop_id, product_gid))


def forget_product_lookups() -> None:
    """Drop what this process remembers (tests; the database is the lasting cache)."""
    _remembered.clear()
    _in_flight.clear()
    _per_shop.clear()


async def look_up_product(resources: Resources, shop_id: uuid.UUID, shop_domain: str, product_gid: str) -> Lookup:
    """Read one product from Shopify, once however many shoppers ask at the same moment."""
    key = (shop_id, product_gid)
    running = _in_flight.get(key)
    if running is not None:
        return await asyncio.shield(running)
    gate = _per_shop.setdefault(shop_id, asyncio.Semaphore(READS_PER_SHOP))
    if gate.locked():
        return Lookup(product=None, failed=True)
    future: asyncio.Future[Lookup] = asyncio.get_running_loop().create_future()
    _in_flight[key] = future
    try:
        async with gate:
            try:
                product = await asyncio.wait_for(
                    shopify_products.read_product(resources, shop_domain, product_gid), READ_TIMEOUT_SECONDS
                )
                found = Lookup(product=product)
            except (ShopifyError, TimeoutError):
                found = Lookup(product=None, failed=True)
        if found.failed:
            _remembered.add(key, found, FAILED_SECONDS)
        else:
            _remembered.add(key, found, NEGATIVE_SECONDS if found.product is None else FOUND_SECONDS)
        future.set_result(found)
        return found
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # retrieved: a waiter that went away must not log it as never retrieved
        raise
    finally:
        _in_flight.pop(key, None)
