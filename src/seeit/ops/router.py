"""Operations endpoints: liveness, readiness, metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response
from sqlalchemy import text

from seeit.errors import ServiceUnavailable
from seeit.imaging.weights import loaded_weights
from seeit.metrics import IMAGE_MODEL, render_metrics
from seeit.ops.schemas import Health, Readiness
from seeit.resources import Resources, ResourcesDep

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def healthz() -> Health:
    """200 while the process runs."""
    return Health(status="ok")


async def _check_database(resources: Resources) -> None:
    async with resources.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def _check_redis(resources: Resources) -> None:
    await resources.arq.ping()


@router.get("/readyz", responses={503: {"description": "A dependency does not answer"}})
async def readyz(resources: ResourcesDep) -> Readiness:
    """200 when the database and Redis answer within the dependency timeout, else 503."""
    timeout = resources.settings.dependency_timeout_seconds
    failing: list[str] = []
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            await asyncio.wait_for(check(resources), timeout)
        except Exception:
            failing.append(name)
    if failing:
        raise ServiceUnavailable(details={"failing": failing})
    settings = resources.settings
    return Readiness(
        status="ok",
        database="ok",
        redis="ok",
        image_model=settings.image_model,
        saliency_weights=loaded_weights(settings),
    )


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
async def metrics(resources: ResourcesDep) -> Response:
    settings = resources.settings
    IMAGE_MODEL.labels(model=settings.image_model, weights=loaded_weights(settings)).set(1)
    body, content_type = await render_metrics(resources.arq)
    return Response(body, media_type=content_type)
