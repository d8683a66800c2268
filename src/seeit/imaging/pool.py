"""Heavy pixel work off the event loop: a lazily started process pool (spawned, never forked).

The worker holds sockets and threads, which a forked child would inherit in an undefined state, so
children are spawned; each loads the ONNX session once, on first use. With ``workers=0`` the work runs
in a thread instead (tests, and machines where spawning processes is not wanted).

A worker killed outright (SIGKILL, the OOM killer) runs no code to stop its pool, so each child watches its
parent and exits on its own once the parent is gone, instead of living on as an orphan holding its memory.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import ParamSpec, TypeVar

from seeit.imaging.errors import ImagingError
from seeit.process_memory import release_free_memory

P = ParamSpec("P")
T = TypeVar("T")


class PixelWorkError(ImagingError):
    """A pool process died (out of memory, killed): worth another try."""

    code = "internal_error"
    retryable = True
    default_message = "The image worker stopped unexpectedly."


class PixelPool:
    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        return self._executor

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` in the pool (or a thread) and await it; the event loop stays free."""
        if self._workers <= 0:
            return await asyncio.to_thread(fn, *args, **kwargs)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool(), _call, fn, args, kwargs)
        except BrokenProcessPool as exc:
            # A dead child breaks the whole executor: start a fresh one for the next call.
            self._executor = None
            raise PixelWorkError() from exc

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent_pid: int) -> None:
    """In a pool child: exit as soon as the process that started it is gone (re-parented children see
    another parent pid)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _call(fn: Callable[..., T], args: tuple[object, ...], kwargs: dict[str, object]) -> T:
    try:
        return fn(*args, **kwargs)
    finally:
        release_free_memory()  # a pool process would otherwise keep its largest job's memory
