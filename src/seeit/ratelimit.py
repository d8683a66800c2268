"""Storefront request limits (``SEEIT_RATE_LIMIT_PER_MINUTE``) per shop and per room session.

A fixed one-minute window per key in Redis: every counter of a request is bumped in one pipelined round
trip. ``0`` turns the limit off. Fixed windows let a burst of up to twice the limit straddle a minute
boundary; that is fine for a guard against abuse, which is all this is (quotas are exact elsewhere).
"""

from __future__ import annotations

import time
import uuid

from redis.asyncio import Redis

from seeit.errors import RateLimited

WINDOW_SECONDS = 60


async def check_storefront_rate(
    redis: Redis, limit_per_minute: int, shop_id: uuid.UUID, room_session_id: uuid.UUID | None = None
) -> None:
    """Count this request; raise 429 ``rate_limited`` with ``Retry-After`` when a window is full."""
    limits = [(f"shop:{shop_id}", limit_per_minute)]
    if room_session_id is not None:
        limits.append((f"room:{room_session_id}", limit_per_minute))
    await check_rates(redis, limits)


async def check_rates(redis: Redis, limits: list[tuple[str, int]]) -> None:
    """Count one request against each ``(key, limit per minute)``; a limit of 0 or less is off."""
    limits = [(key, limit) for key, limit in limits if limit > 0]
    if not limits:
        return
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    async with redis.pipeline(transaction=False) as pipe:
        for key, _ in limits:
            pipe.incr(f"seeit:rate:{key}:{window}")
            pipe.expire(f"seeit:rate:{key}:{window}", WINDOW_SECONDS * 2)
        results = await pipe.execute()
    counts = results[0::2]
    full = [limit for (_, limit), count in zip(limits, counts, strict=True) if int(count) > limit]
    if full:
        retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
        raise RateLimited(details={"limit_per_minute": min(full)}, headers={"Retry-After": str(retry_after)})
