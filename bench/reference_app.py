"""A minimal reference app for the storefront benchmarks: the cost of an app that does less. Not the service.

    uvicorn --app-dir bench reference_app:create_app --factory   (started by bench/harness.py)

Each route does what a first version of the service would: the app proxy signature check, one SQLAlchemy
transaction, commit, an arq enqueue, a small JSON answer. None of the service's idempotency, in-flight
limit, asset choice, room check, rate limit, metrics, request ids, error envelope or OpenAPI errors; the
shop is looked up once and kept forever.

- ``POST /proxy/renders``: the quota upsert and the job insert in one transaction, then ``enqueue_job``;
- ``GET /proxy/renders/{id}``: one select of the job, answered as JSON;
- ``POST /proxy/rooms``: the multipart photo decoded, turned upright, scaled to 2048 px and re-encoded with
  Pillow in a thread, written to local storage, one insert.
"""

# No ``from __future__ import annotations``: FastAPI must resolve the route annotations, which name locals.
import asyncio
import hmac
import io
import os
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl

from arq.connections import ArqRedis, RedisSettings, create_pool
from fastapi import Depends, FastAPI, File, HTTPException, Request, UploadFile
from PIL import Image, ImageOps
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from seeit.shopify.signatures import app_proxy_digest


class Placement(BaseModel):
    x: float
    y: float
    scale: float


class RenderIn(BaseModel):
    product_id: str
    room_session_id: uuid.UUID
    placement: Placement
    quality: str = "standard"


class Shop(BaseModel):
    id: uuid.UUID
    daily_quota: int


COUNT_RENDER = text(
    """
    INSERT INTO usage_daily AS u (id, shop_id, date, composite_renders) VALUES (gen_random_uuid(), :shop_id, :day, 1)
    ON CONFLICT (shop_id, date) DO UPDATE SET composite_renders = u.composite_renders + 1
    WHERE u.composite_renders < :daily_quota
    RETURNING u.composite_renders
    """
)
INSERT_JOB = text(
    """
    INSERT INTO render_jobs (id, shop_id, product_id, room_session_id, placement_x, placement_y, placement_scale,
        quality, status, stage, attempts, created_at, usage_date)
    VALUES (:id, :shop_id, :product_id, :room_session_id, :x, :y, :scale, :quality, 'queued', 'queued', 0, now(), :day)
    """
)
READ_JOB = text(
    "SELECT id, status, stage, image_url, created_at FROM render_jobs WHERE id = :id AND shop_id = :shop_id"
)
INSERT_ROOM = text(
    """
    INSERT INTO room_sessions (id, shop_id, original_room_image_url, expires_at, last_used_at, created_at)
    VALUES (:id, :shop_id, :key, :expires_at, now(), now())
    """
)


def normalise_photo(data: bytes) -> bytes:
    """Upright, RGB, long side at most 2048 px, re-encoded as JPEG (blocking: run it in a thread)."""
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (2048, 2048))
        upright = ImageOps.exif_transpose(image) or image
        rgb = upright.convert("RGB")
        rgb.thumbnail((2048, 2048), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        rgb.save(out, "JPEG", quality=90, optimize=True)
        return out.getvalue()


def create_app() -> FastAPI:
    engine = create_async_engine(
        os.environ["SEEIT_DATABASE_URL"], pool_size=int(os.environ.get("SEEIT_DATABASE_POOL_SIZE", "20"))
    )
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    secret = os.environ["SEEIT_SHOPIFY_API_SECRET"]
    storage = Path(os.environ.get("SEEIT_STORAGE_DIR", "/tmp/seeit-bench-storage")) / "reference"
    shops: dict[str, Shop] = {}
    clients: dict[str, ArqRedis] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        clients["arq"] = await create_pool(RedisSettings.from_dsn(os.environ["SEEIT_REDIS_URL"]))
        yield
        await clients["arq"].aclose()
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    async def signed_shop(request: Request) -> Shop:
        pairs = parse_qsl(request.url.query, keep_blank_values=True)
        given = dict(pairs).get("signature", "")
        if not hmac.compare_digest(app_proxy_digest(pairs, secret), given):
            raise HTTPException(401, "bad signature")
        domain = dict(pairs)["shop"]
        if domain not in shops:
            async with sessions() as session:
                row = (
                    await session.execute(
                        text("SELECT id, daily_quota FROM shops WHERE shop_domain = :domain"), {"domain": domain}
                    )
                ).one()
            shops[domain] = Shop(id=row.id, daily_quota=row.daily_quota)
        return shops[domain]

    ShopDep = Annotated[Shop, Depends(signed_shop)]

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/proxy/renders", status_code=202)
    async def accept_render(body: RenderIn, shop: ShopDep) -> dict[str, Any]:
        job_id = uuid.uuid4()
        day = date.today()
        async with sessions.begin() as session:
            counted = await session.execute(
                COUNT_RENDER, {"shop_id": shop.id, "day": day, "daily_quota": shop.daily_quota}
            )
            if counted.first() is None:
                raise HTTPException(429, "quota")
            await session.execute(
                INSERT_JOB,
                {
                    "id": job_id,
                    "shop_id": shop.id,
                    "product_id": f"gid://shopify/Product/{body.product_id}",
                    "room_session_id": body.room_session_id,
                    "x": body.placement.x,
                    "y": body.placement.y,
                    "scale": body.placement.scale,
                    "quality": body.quality,
                    "day": day,
                },
            )
        await clients["arq"].enqueue_job("run_render", render_job_id=str(job_id), _job_id=f"render:{job_id}")
        return {"id": str(job_id), "status": "queued", "stage": "queued"}

    @app.get("/proxy/renders/{job_id}")
    async def read_render(job_id: uuid.UUID, shop: ShopDep) -> dict[str, Any]:
        async with sessions() as session:
            row = (await session.execute(READ_JOB, {"id": job_id, "shop_id": shop.id})).one_or_none()
        if row is None:
            raise HTTPException(404, "no such job")
        return {"id": str(row.id), "status": row.status, "stage": row.stage, "image_url": row.image_url,
                "created_at": row.created_at.isoformat()}  # fmt: skip

    @app.post("/proxy/rooms", status_code=201)
    async def upload_room(image: Annotated[UploadFile, File()], shop: ShopDep) -> dict[str, Any]:
        photo = await asyncio.to_thread(normalise_photo, await image.read())
        room_id = uuid.uuid4()
        path = storage / str(shop.id) / f"{room_id}.jpg"
        await asyncio.to_thread(_write, path, photo)
        expires_at = datetime.now(UTC) + timedelta(hours=24)
        async with sessions.begin() as session:
            await session.execute(
                INSERT_ROOM, {"id": room_id, "shop_id": shop.id, "key": str(path), "expires_at": expires_at}
            )
        return {"id": str(room_id), "expires_at": expires_at.isoformat()}

    return app


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
