"""What a soak run does and when: its size, and the faults and events on its timeline (as fractions of the
load's duration)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bench.soak.faults import Faults

FAULTS = ("worker-kill", "redis", "postgres", "storage", "gemini")


class Target(Protocol):
    """What the timeline's steps act on: the running soak (``run.Soak``)."""

    faults: Faults

    async def reinstall(self) -> None: ...

    async def redact(self) -> None: ...


@dataclass(frozen=True)
class Step:
    at: float  # fraction of the load's duration
    name: str
    action: Callable[[Target], Awaitable[object]]


@dataclass(frozen=True)
class Options:
    mode: str  # "full" or "short"
    load_seconds: float
    shops: int
    shoppers_per_shop: int
    gemini: bool
    faults: tuple[str, ...]
    settle_limit: float  # the sweepers' grace: how long unfinished jobs may take to finish after the load
    event_pause: float  # seconds between an uninstall and the reinstall or shop/redact that follows it
    warm_after: float  # seconds of load (and of a process's life) before its memory is sampled as warm
    uploaded_products: int  # per shop, the merchant's own cut-out uploaded before the load
    prepared_products: int  # per shop, cut out by the worker before the load (the rest get fallback preps)


def full(minutes: float, *, gemini: bool, faults: tuple[str, ...] | None = None) -> Options:
    chosen = faults if faults is not None else tuple(f for f in FAULTS if gemini or f != "gemini")
    return Options(
        mode="full",
        load_seconds=minutes * 60,
        shops=12,
        shoppers_per_shop=2,
        gemini=gemini,
        faults=chosen,
        settle_limit=150.0,
        event_pause=10.0,
        warm_after=max(60.0, minutes * 6),
        uploaded_products=2,
        prepared_products=2,
    )


def short(*, gemini: bool, faults: tuple[str, ...] | None = None) -> Options:
    return Options(
        mode="short",
        load_seconds=40.0,
        shops=5,
        shoppers_per_shop=1,
        gemini=gemini,
        faults=faults or ("worker-kill",),
        settle_limit=75.0,
        event_pause=5.0,
        warm_after=15.0,
        uploaded_products=3,
        prepared_products=0,
    )


def timeline(options: Options) -> list[Step]:
    """The faults chosen and the shop events, spread over the load so that their windows do not overlap."""
    faults = {
        "worker-kill": Step(0, "worker SIGKILL mid-render", lambda soak: soak.faults.kill_worker(0)),
        "redis": Step(0, "Redis restart", lambda soak: soak.faults.restart_redis()),
        "postgres": Step(0, "PostgreSQL restart", lambda soak: soak.faults.restart_postgres()),
        "storage": Step(0, "storage unreachable 30 s", lambda soak: soak.faults.storage_outage(30.0)),
        "gemini": Step(0, "Gemini 429/500/timeouts", lambda soak: soak.faults.gemini_faults(45.0)),
    }
    events = [
        Step(0, "uninstall, then reinstall", lambda soak: soak.reinstall()),
        Step(0, "uninstall, then shop/redact", lambda soak: soak.redact()),
    ]
    chosen = [faults[name] for name in options.faults]
    # Faults and events take turns, the first fault early so its aftermath is watched the longest.
    order: list[Step] = []
    for index in range(max(len(chosen), len(events))):
        order += chosen[index : index + 1] + events[index : index + 1]
    first, last = 0.12, 0.8 if options.mode == "full" else 0.6
    gap = (last - first) / max(1, len(order) - 1)
    return [Step(first + i * gap, step.name, step.action) for i, step in enumerate(order)]
