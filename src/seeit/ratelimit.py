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
    if limit_per_minute <= 0:
        return
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    keys = [f"seeit:rate:shop:{shop_id}:{window}"]
    if room_session_id is not None:
        keys.append(f"seeit:rate:room:{room_session_id}:{window}")
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.incr(key)
            pipe.expire(key, WINDOW_SECONDS * 2)
        results = await pipe.execute()
    counts = results[0::2]
    if any(int(count) > limit_per_minute for count in counts):
        retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
        raise RateLimited(details={"limit_per_minute": limit_per_minute}, headers={"Retry-After": str(retry_after)})
