"""Give memory a finished script run freed back to the operating system.

Streamlit runs every session's script in its own thread; glibc's malloc serves each
thread from its own arena and keeps freed pages there, so the server's resident memory
climbs with the number of sessions and stays up after they end, although Python has
released the objects. ``malloc_trim(0)`` (glibc, all arenas) returns those free pages;
it takes about a millisecond. Elsewhere (macOS, musl) it is a no-op.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def trim_heap() -> None:
    """Return freed heap pages of every malloc arena to the OS (glibc only)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
