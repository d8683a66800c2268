"""Heavy pixel work off the event loop: a lazily started process pool (spawned, never forked).

The worker holds sockets and threads, which a forked child would inherit in an undefined state, so
children are spawned; each loads the ONNX session once, on first use. With ``workers=0`` the work runs
in a thread instead (tests, and machines where spawning processes is not wanted).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import ParamSpec, TypeVar

from seeit.imaging.errors import ImagingError

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
                max_workers=self._workers, mp_context=multiprocessing.get_context("spawn")
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


def _call(fn: Callable[..., T], args: tuple[object, ...], kwargs: dict[str, object]) -> T:
    return fn(*args, **kwargs)
