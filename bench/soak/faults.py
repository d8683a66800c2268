"""The faults the soak injects, each recorded as a window of time: a 5xx inside a window (plus the moments
after it that a client may still see the fault in) is forgiven, one outside it is a defect.

- a worker killed with SIGKILL while it renders, started again a few seconds later (a supervisor would);
- Redis restarted (it keeps nothing: the queue is lost, the sweepers re-send what the rows say is unfinished);
- PostgreSQL restarted (every open connection is cut);
- storage unreachable for 30 s (the proxy in front of the S3 server refuses connections);
- the fake Gemini answering 429, 500 or nothing at all (when the Gemini provider is on).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import asyncpg
import psutil

from bench.soak.servers import Stack
from seeit.renders.tasks import HEARTBEAT_SECONDS

# After a fault ends a client may still meet it: a pooled connection broken by a restart fails its next
# request, an answer under way finishes late.
RECOVERY_SECONDS = 15.0

# Renders of the shops that stay installed: another shop's may be cancelled by its uninstall before any
# worker could take it over.
PROCESSING = (
    "SELECT r.id, r.heartbeat_at FROM render_jobs r JOIN shops s ON s.id = r.shop_id"
    " WHERE r.status = 'processing' AND s.shop_domain = ANY($1::text[])"
)
PROCESSING_AMONG = "SELECT id, heartbeat_at FROM render_jobs WHERE status = 'processing' AND id = ANY($1::uuid[])"
TAKEN_OVER_AMONG = (
    "SELECT count(*) FROM render_jobs WHERE attempts > 1 AND status <> 'processing' AND id = ANY($1::uuid[])"
)


@dataclass
class Window:
    name: str
    started: float
    ended: float = 0.0
    notes: dict[str, object] = field(default_factory=dict)

    def covers(self, started: float, ended: float) -> bool:
        return started <= self.ended + RECOVERY_SECONDS and ended >= self.started


@dataclass
class Faults:
    stack: Stack
    database_url: str
    steady_shops: list[str] = field(default_factory=list)  # domains neither uninstalled nor redacted
    windows: list[Window] = field(default_factory=list)
    interrupted: list[object] = field(default_factory=list)  # renders a worker kill stopped mid-work

    def _open(self, name: str) -> Window:
        window = Window(name, time.monotonic())
        self.windows.append(window)
        return window

    def outside(self, started: float, ended: float) -> bool:
        return not any(window.covers(started, ended) for window in self.windows)

    async def _busy(self, index: int) -> bool:
        """Whether the worker's pixel processes are computing right now (a render or a cut-out in hand)."""
        pid = self.stack.workers[index].pid
        if pid is None:
            return False
        children = psutil.Process(pid).children(recursive=True)
        for child in children:
            child.cpu_percent(None)
        await asyncio.sleep(0.3)
        return any(child.cpu_percent(None) > 20 for child in children if child.is_running())

    async def kill_worker(
        self, index: int = 0, *, restart_after: float = 5.0, wait_limit: float = 45.0, tries: int = 4
    ) -> None:
        """SIGKILL a worker while it renders, and start it again ``restart_after`` later (a supervisor would).

        Renders here take about a second, so a kill can land just after the render it aimed at finished, or on
        a worker busy with a cut-out while the render is the other worker's. A kill counts only when a render
        it caught mid-work then stopped beating; otherwise it is tried again (``tries`` in all)."""
        window: Window | None = None  # opened at the first kill: 5xx before it are not the fault's
        conn = await asyncpg.connect(self.database_url.replace("+asyncpg", ""))
        try:
            deadline = time.monotonic() + wait_limit
            for kill in range(1, tries + 1):
                caught: dict[object, object] = {}
                while time.monotonic() < deadline and not caught:
                    if await self._busy(index):
                        rows = await conn.fetch(PROCESSING, self.steady_shops)
                        caught = {row["id"]: row["heartbeat_at"] for row in rows}
                    else:
                        await asyncio.sleep(0.2)
                killed_at = time.monotonic()
                window = window or self._open(f"worker-{index} SIGKILL")
                await asyncio.to_thread(self.stack.workers[index].kill)
                await asyncio.sleep(restart_after)
                self.stack.workers[index].start()
                # A render held by a live worker beats every HEARTBEAT_SECONDS; one that missed two beats was
                # the killed worker's (one beat may be late on a loaded machine). Its takeover comes later.
                await asyncio.sleep(max(0.0, killed_at + 2 * HEARTBEAT_SECONDS + 1.5 - time.monotonic()))
                rows = await conn.fetch(PROCESSING_AMONG, list(caught))
                interrupted = [row["id"] for row in rows if caught.get(row["id"]) == row["heartbeat_at"]]
                window.notes.update(kills=kill, renders_processing=len(caught), renders_interrupted=len(interrupted))
                self.interrupted += interrupted
                if interrupted or time.monotonic() >= deadline:
                    break
        finally:
            await conn.close()
            if window is not None:
                window.ended = time.monotonic()

    async def count_taken_over(self) -> None:
        """After the load: how many of the renders a kill interrupted another worker took over and finished."""
        window = next((w for w in self.windows if w.name.endswith("SIGKILL")), None)
        if window is None:
            return
        conn = await asyncpg.connect(self.database_url.replace("+asyncpg", ""))
        try:
            window.notes["renders_taken_over"] = int(await conn.fetchval(TAKEN_OVER_AMONG, self.interrupted))
        finally:
            await conn.close()

    async def restart_redis(self, down: float = 5.0) -> None:
        window = self._open("Redis restart")
        await asyncio.to_thread(self.stack.redis.stop)
        await asyncio.sleep(down)
        await asyncio.to_thread(self.stack.redis.start)
        window.ended = time.monotonic()

    async def restart_postgres(self, down: float = 5.0) -> None:
        window = self._open("PostgreSQL restart")
        await asyncio.to_thread(self.stack.postgres.stop, "fast")
        await asyncio.sleep(down)
        await asyncio.to_thread(self.stack.postgres.start)
        window.ended = time.monotonic()

    async def storage_outage(self, seconds: float = 30.0) -> None:
        window = self._open("storage unreachable")
        self.stack.cut_storage()
        await asyncio.sleep(seconds)
        self.stack.restore_storage()
        window.ended = time.monotonic()

    async def gemini_faults(self, seconds: float = 45.0) -> None:
        gemini = self.stack.gemini
        if gemini is None:
            return
        window = self._open("Gemini 429/500/timeouts")
        before = dict(gemini.answers)
        gemini.fail_for(seconds)
        await asyncio.sleep(seconds + gemini.hang_seconds)
        window.ended = time.monotonic()
        window.notes["answers"] = {k: v - before.get(k, 0) for k, v in gemini.answers.items() if v - before.get(k, 0)}
