"""A worker killed with SIGKILL leaves no image pool process running."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import psutil

# A process that starts a pool with two children, says their pids, and waits to be killed.
_PARENT = """
import os, sys, time
from seeit.imaging.pool import PixelPool
pool = PixelPool(2)
import asyncio
async def main():
    await asyncio.gather(*(pool.run(os.getpid) for _ in range(8)))
asyncio.run(main())
children = [p.pid for p in pool._pool()._processes.values()]
print(" ".join(map(str, children)), flush=True)
time.sleep(600)
"""


def test_pool_processes_exit_when_their_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    children: list[int] = []
    try:
        assert parent.stdout is not None
        children = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(children) == 2
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        alive = children
        while alive and time.monotonic() < deadline:
            alive = [pid for pid in children if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]
            time.sleep(0.1)
        assert alive == [], "pool processes outlived their parent"
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
