"""Benchmark of the room upload (``POST /proxy/rooms``, a 2 MB JPEG): floor, minimal reference app, service.
Not a test.

    .venv/bin/python bench/upload.py [--seconds 8] [--shops 20]

The same database, Redis and servers as ``bench/accept.py`` (see there and ``bench/harness.py``). The photo
is a generated 3000 x 2250 JPEG of about 2 MB; every contender decodes it, turns it upright, scales it to
2048 px and re-encodes it, in a thread (never on the event loop), then stores it and inserts the room.

- floor: the service's own ``normalize_room_image`` in a thread, a file write and the room insert on an
  asyncpg connection: the work, with no HTTP, no multipart and no framework;
- reference: ``bench/reference_app.py`` (FastAPI's ``UploadFile``, Pillow in a thread, one insert);
- service: the real app under uvicorn.
``cpu ms/req`` here is the CPU of a whole upload, the image work included.
"""

from __future__ import annotations

import asyncio
import io
import random
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import numpy as np
from harness import (
    STORAGE_DIR,
    bench_arguments,
    close_bench,
    compare_each,
    http_request,
    open_bench,
    signed_query,
)
from PIL import Image

from seeit.rooms.images import normalize_room_image

CONCURRENCY = (1, 4)
BOUNDARY = "seeitbenchboundary"


def room_photo() -> bytes:
    """A photo-like JPEG of about 2 MB: smooth gradients with fine noise, 3000 x 2250."""
    rng = np.random.default_rng(7)
    height, width = 2250, 3000
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([(x / width) * 200, (y / height) * 180, ((x + y) / (width + height)) * 160], axis=-1)
    noise = rng.normal(0, 14, size=(height, width, 3))
    pixels = np.clip(base + noise + 30, 0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "JPEG", quality=85)
    return out.getvalue()


def multipart(photo: bytes) -> bytes:
    return (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="image"; filename="room.jpg"\r\n'
            f"Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + photo
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


async def main() -> None:
    args = bench_arguments(__doc__.splitlines()[0], seconds=8.0, shops=20)

    photo = room_photo()
    body = multipart(photo)
    print(f"room photo: {len(photo) / 1e6:.1f} MB JPEG, 3000 x 2250", flush=True)
    bench = await open_bench(args.shops, args.port)
    settings = bench.resources.settings
    pool = await asyncpg.create_pool(bench.database_url.replace("+asyncpg", ""), min_size=4, max_size=4)
    floor_dir = STORAGE_DIR / "floor"
    floor_dir.mkdir(parents=True, exist_ok=True)

    async def floor() -> None:
        fixture = random.choice(bench.fixtures)
        image = await asyncio.to_thread(
            normalize_room_image,
            photo,
            max_bytes=settings.max_upload_bytes,
            max_pixels=settings.max_image_pixels,
            max_side=settings.room_max_side,
        )
        room_id = uuid.uuid4()
        path = floor_dir / f"{room_id}.jpg"
        await asyncio.to_thread(path.write_bytes, image.data)
        async with pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO room_sessions (id, shop_id, original_room_image_url, expires_at, last_used_at, created_at)"
                " VALUES ($1, $2, $3, $4, now(), now())",
                room_id,
                fixture.shop_id,
                str(path),
                datetime.now(UTC) + timedelta(hours=24),
            )

    def requests() -> list[bytes]:
        return [
            http_request(
                "POST",
                f"/proxy/rooms?{signed_query(f.shop_domain)}",
                body=body,
                content_type=f"multipart/form-data; boundary={BOUNDARY}",
            )
            for f in bench.fixtures
        ]

    try:
        await compare_each(bench, CONCURRENCY, args.seconds, floor=floor, requests=requests, expected_status=201)
    finally:
        await pool.close()
        await close_bench(bench)


if __name__ == "__main__":
    asyncio.run(main())
