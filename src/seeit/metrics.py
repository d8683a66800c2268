"""Prometheus metrics: requests by route template, jobs by kind and outcome, queue depth.

Job outcomes happen in worker processes, so they are counted in Redis (one hash) and read back at
scrape time; any API replica's ``/metrics`` then shows the whole fleet's job counts.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from seeit.logs import request_id_var

if TYPE_CHECKING:
    from prometheus_client.metrics_core import Metric
    from redis.asyncio import Redis

JOB_COUNTS_KEY = "seeit:metrics:jobs"
ARQ_QUEUE_KEY = "arq:queue"

REGISTRY = CollectorRegistry()
REQUESTS = Counter("seeit_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=REGISTRY)
LATENCY = Histogram(
    "seeit_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
QUEUE_DEPTH = Gauge("seeit_queue_depth", "Jobs waiting in the arq queue", registry=REGISTRY)
IMAGE_MODEL = Gauge(
    "seeit_image_model", "The image model and weights this deployment uses (1)", ["model", "weights"], registry=REGISTRY
)


class _JobCounts(Collector):
    """Exposes the job counts last read from Redis."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], float] = {}

    def collect(self) -> Iterable[Metric]:
        family = CounterMetricFamily(
            "seeit_jobs", "Background jobs finished, by kind and outcome", labels=["kind", "outcome"]
        )
        for (kind, outcome), value in sorted(self.counts.items()):
            family.add_metric([kind, outcome], value)
        yield family


JOB_COUNTS = _JobCounts()
REGISTRY.register(JOB_COUNTS)


async def record_job(redis: Redis, kind: str, outcome: str) -> None:
    """Count one finished job (called by the worker)."""
    await redis.hincrby(JOB_COUNTS_KEY, f"{kind}|{outcome}", 1)  # type: ignore[misc]


async def render_metrics(redis: Redis | None) -> tuple[bytes, str]:
    """The Prometheus text, refreshed from Redis when it answers."""
    if redis is not None:
        try:
            QUEUE_DEPTH.set(await redis.zcard(ARQ_QUEUE_KEY))
            raw: dict[bytes, bytes] = await redis.hgetall(JOB_COUNTS_KEY)  # type: ignore[misc]
            counts: dict[tuple[str, str], float] = {}
            for key, value in raw.items():
                kind, _, outcome = key.decode().partition("|")
                counts[(kind, outcome)] = float(value)
            JOB_COUNTS.counts = counts
        except (OSError, ConnectionError):
            pass
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


class RequestContextMiddleware:
    """Gives every request an id (echoed in ``X-Request-Id``) and records its count and latency."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming[:64] if incoming.isprintable() and incoming else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            REQUESTS.labels(method, template, str(status)).inc()
            LATENCY.labels(method, template).observe(time.perf_counter() - started)
            request_id_var.reset(token)
