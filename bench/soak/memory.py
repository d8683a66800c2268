"""The resident memory of every process of the run, sampled every few seconds.

A process is known by its name and pid, so a worker started again after its SIGKILL (or a restarted Redis)
is a process of its own, with its own warm-up. A worker's pixel processes are counted apart from it
(``worker-0 pool``). Growth is judged from each process's warm-up sample to its last one.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.soak.servers import Stack


@dataclass
class Track:
    name: str
    role: str  # "api", "worker", "pool" (judged against the target) or "server", "soak" (reported)
    first_seen: float
    warm: int | None = None
    warm_at: float | None = None
    last: int = 0
    last_at: float = 0.0

    def growth(self) -> float | None:
        return (self.last - self.warm) / self.warm if self.warm else None


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
    load_started: float = 0.0
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
            track = self.tracks.setdefault(name, Track(name, role, now))
            warm_from = max(track.first_seen, self.load_started) + self.warm_after
            if track.warm is None and now >= warm_from:
                track.warm, track.warm_at = rss, now
            track.last, track.last_at = rss, now

    async def run(self, until: float, interval: float = 5.0) -> None:
        while time.monotonic() < until:
            await asyncio.to_thread(self.sample)
            await asyncio.sleep(interval)
