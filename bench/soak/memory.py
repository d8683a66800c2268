"""The resident memory of every process of the run, sampled every few seconds.

A process is known by its name and pid, so a worker started again after its SIGKILL (or a restarted Redis)
is a process of its own, with its own warm-up. A worker's pixel processes are counted apart from it
(``worker-0 pool``). Growth is judged from the process's RSS after its warm-up to its RSS at the end, each
the median of the samples of a 30 s window, so one large picture held for a moment is not taken for growth.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.soak.servers import Stack

WINDOW_SECONDS = 30.0


@dataclass
class Track:
    name: str
    role: str  # "api", "worker", "pool" (judged against the target) or "server", "soak" (reported)
    first_seen: float
    warm_from: float
    samples: list[tuple[float, int]] = field(default_factory=list)

    def _median(self, start: float, end: float) -> int | None:
        window = sorted(rss for at, rss in self.samples if start <= at <= end)
        return window[len(window) // 2] if window else None

    @property
    def warm_at(self) -> float | None:
        return self.warm_from if self.samples and self.samples[-1][0] >= self.warm_from + WINDOW_SECONDS else None

    @property
    def warm(self) -> int | None:
        return self._median(self.warm_from, self.warm_from + WINDOW_SECONDS) if self.warm_at is not None else None

    @property
    def last_at(self) -> float:
        return self.samples[-1][0] if self.samples else 0.0

    @property
    def last(self) -> int:
        return self._median(self.last_at - WINDOW_SECONDS, self.last_at) or 0

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.samples), default=0)

    def timeline(self, every: float = 60.0) -> list[int]:
        """The median RSS of each ``every`` seconds of the process's life, to tell a plateau from a climb."""
        if not self.samples:
            return []
        start, end = self.samples[0][0], self.samples[-1][0]
        points = []
        at = start
        while at < end:
            median = self._median(at, at + every)
            if median is not None:
                points.append(median)
            at += every
        return points

    def growth(self) -> float | None:
        warm = self.warm
        return (self.last - warm) / warm if warm else None


def _rss(pid: int | None, *, with_children: bool = False, only_children: bool = False) -> int | None:
    if pid is None:
        return None
    try:
        process = psutil.Process(pid)
        members = process.children(recursive=True) if with_children or only_children else []
        if not only_children:
            members.append(process)
        return sum(member.memory_info().rss for member in members if member.is_running()) or None
    except psutil.Error:
        return None


def _postmaster(datadir: Path) -> int | None:
    try:
        return int((datadir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class MemoryWatch:
    stack: Stack
    warm_after: float  # seconds a process must have run (and the load must have run) before its warm sample
    load_started: float = float("inf")  # set when the load starts; nothing is warm before it
    tracks: dict[str, Track] = field(default_factory=dict)

    def _readings(self) -> list[tuple[str, str, int | None]]:
        stack = self.stack
        readings: list[tuple[str, str, int | None]] = []
        for api in stack.apis:
            readings.append((f"{api.name} (pid {api.pid})", "api", _rss(api.pid)))
        for worker in stack.workers:
            readings.append((f"{worker.name} (pid {worker.pid})", "worker", _rss(worker.pid)))
            readings.append((f"{worker.name} pool (pid {worker.pid})", "pool", _rss(worker.pid, only_children=True)))
        postmaster = _postmaster(stack.postgres.datadir)
        readings.append((f"postgres (pid {postmaster})", "server", _rss(postmaster, with_children=True)))
        redis_pid = stack.redis.process.pid if stack.redis.process is not None else None
        readings.append((f"redis (pid {redis_pid})", "server", _rss(redis_pid)))
        readings.append((f"s3 (pid {stack.moto.pid})", "server", _rss(stack.moto.pid)))
        readings.append(("soak driver", "soak", _rss(psutil.Process().pid)))
        return readings

    def sample(self) -> None:
        now = time.monotonic()
        for name, role, rss in self._readings():
            if rss is None or "pid None" in name:
                continue
            if name not in self.tracks:
                self.tracks[name] = Track(name, role, now, max(now, self.load_started) + self.warm_after)

            self.tracks[name].samples.append((now, rss))

    async def run(self, until: float, interval: float = 5.0) -> None:
        while time.monotonic() < until:
            await asyncio.to_thread(self.sample)
            await asyncio.sleep(interval)
