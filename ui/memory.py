"""Keep the server's memory near the one-session level however many sessions ran at once.

Streamlit runs every session's script in its own thread. glibc's malloc gives each new
thread its own arena (up to 8 per core) and keeps freed pages there, so ten concurrent
Overview runs left the server ~27 MiB per session higher, for good, although Python had
released every object. Two settings, made once per process before the first page
(``configure_allocators``, called by the router), and one call after every run:

- ``mallopt(M_ARENA_MAX, 2)``: threads share two arenas instead of one each. Set this
  late (the first run), it stops new arenas only: the server's own threads made 4 before,
  and a browser's first visit adds more (its page and scripts are read from disk by
  Starlette's worker threads, before any run), after which script runs share them all;
- ``mallopt(M_MMAP_THRESHOLD, 256 KiB)``: a block that large (a column, an Arrow buffer)
  gets its own mapping, returned to the OS when freed. glibc otherwise raises the
  threshold to the largest block freed so far (up to 32 MiB), so a session's frames were
  carved out of those arenas and left them fragmented after it ended: 1+5+10 browser
  sessions left the server +12 % above one session (websocket clients, which fetch no
  files and so add no arenas: +5 %);
- pyarrow allocates from the system allocator (glibc) instead of its own pool, whose
  freed pages no ``malloc_trim`` reaches;
- ``trim_heap``: ``malloc_trim(0)`` returns the free pages of every arena (about a
  millisecond).

A closed tab's session stays for ``server.disconnectedSessionTTL`` (a reconnect resumes
it), holding its session and widget state (~3 MiB on Pricing, whose SKU pickers keep
their formatted options). Streamlit's session store drops expired sessions only when the
next session disconnects, so after the last visitor left they stayed for good. A daemon
thread (``start_janitor``, one per process, no user data) drops them once a minute, then
collects cycles (Streamlit's collection after every run is off, .streamlit/config.toml)
and trims the heap.

Elsewhere (macOS, musl) the glibc calls are no-ops.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import threading
from functools import lru_cache

M_MMAP_THRESHOLD = -3   # glibc's mallopt parameters (malloc.h)
M_ARENA_MAX = -8
ARENAS = 2
MMAP_THRESHOLD = 256 * 1024   # blocks this large get their own mapping, unmapped on free
JANITOR_S = 60.0     # how often expired sessions are dropped


@lru_cache(maxsize=1)
def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


@lru_cache(maxsize=1)
def configure_allocators() -> None:
    """Once per process: at most ``ARENAS`` malloc arenas, unless $MALLOC_ARENA_MAX says
    otherwise, and pyarrow on the system allocator."""
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        if not os.environ.get("MALLOC_ARENA_MAX"):
            libc.mallopt(M_ARENA_MAX, ARENAS)
        if not os.environ.get("MALLOC_MMAP_THRESHOLD_"):
            libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def trim_heap() -> None:
    """Return freed heap pages of every malloc arena to the OS (glibc only)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def drop_expired_sessions() -> int:
    """Remove the disconnected sessions whose reconnect time is over from Streamlit's
    session store and shut them down (their media files and dataframe sources are
    released, as when Streamlit closes a session); how many. Reaches into Streamlit's runtime (1.67: its session manager's
    ``MemorySessionStorage``): on another layout it does nothing and returns 0."""
    try:
        from streamlit import runtime

        if not runtime.exists():
            return 0
        manager = runtime.get_instance()._session_mgr
        cache = manager._session_storage._cache
        with getattr(manager, "_storage_lock", threading.Lock()):
            removed = cache.expire()
    except Exception:   # housekeeping must never break the server
        return 0
    for _, info in removed:   # as Streamlit closes a session: its files and frames go too
        try:
            info.session.shutdown()
        except Exception:
            pass
    return len(removed)


def _janitor() -> None:
    stop = threading.Event()
    while not stop.wait(JANITOR_S):
        if drop_expired_sessions():
            gc.collect()
            trim_heap()


@lru_cache(maxsize=1)
def start_janitor() -> None:
    """Once per process: the daemon thread that drops expired sessions (module docstring)."""
    threading.Thread(target=_janitor, name="ecom-memory-janitor", daemon=True).start()
