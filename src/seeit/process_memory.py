"""Freed memory given back to the system.

glibc keeps the pages of large freed buffers (a decoded room photo, a composite at full size, the network's
tensors) in its heaps for reuse, and its arenas rarely shrink on their own: a process that once handled the
largest picture would hold that much memory for good. The soak measured pixel processes at 260 MB after
warm-up and 430 MB at the end of ten minutes, and back at 210 MB each time once trimmed. ``malloc_trim``
hands the free pages back (about a millisecond); elsewhere than glibc it does nothing.

Trimming frees only what lies at a heap's top, though. glibc also raises its mmap threshold each time a large
mapped buffer is freed, so that after the first few photos every later one (a few MB each) is carved out of
the heaps between small long-lived objects, where it cannot be handed back; and each thread that touches
storage gets an arena of its own. A worker's own process (not its pixel processes) grew 14-16 % over a
ten-minute soak that way while the Python objects it held stayed flat (traced). A fixed threshold keeps large
buffers in their own mappings, returned whole when freed, and two arenas bound the rest. The threshold is
glibc's own starting value, 128 KiB: at 1 MiB (buffers of a few hundred KB then carved out of the heaps)
the workers still grew 12-14 % over a ten-minute soak, at 128 KiB 4-6 % in the next run, for no measurable
cost (a room upload and a draft composite took 254-258 ms of CPU against 268-276 ms).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


# mallopt's parameters (glibc's malloc.h).
_M_MMAP_THRESHOLD, _M_ARENA_MAX = -3, -8
LARGE_BUFFER = 128 << 10  # bytes from which a buffer gets a mapping of its own
ARENAS = 2


def configure_allocator() -> None:
    """At a service process's start: large buffers mapped on their own, few arenas (see above)."""
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BUFFER)
        libc.mallopt(_M_ARENA_MAX, ARENAS)


def release_free_memory() -> None:
    """Give the heaps' free pages back to the system, after work that held large buffers."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
