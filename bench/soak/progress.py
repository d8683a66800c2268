"""One line on stderr as each phase of a run starts, so a long run shows where it is."""

from __future__ import annotations

import sys
import time

_STARTED = time.monotonic()


def progress(message: str) -> None:
    print(f"[soak +{time.monotonic() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)
