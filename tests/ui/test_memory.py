"""ui.memory: the allocator settings and the dropping of expired sessions (issue: memory
must return to the one-session level after many sessions ended)."""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pyarrow as pa
from streamlit import runtime
from streamlit.runtime.memory_session_storage import MemorySessionStorage

from ui import memory


def test_pyarrow_allocates_from_the_system_allocator():
    """Guards against pyarrow's own pool (mimalloc/jemalloc), whose freed pages no
    malloc_trim returns: memory stayed up after concurrent sessions."""
    memory.configure_allocators()
    assert pa.default_memory_pool().backend_name == "system"


def _runtime_with(storage: MemorySessionStorage, monkeypatch) -> None:
    manager = SimpleNamespace(_session_storage=storage, _storage_lock=threading.Lock())
    monkeypatch.setattr(runtime, "exists", lambda: True)
    monkeypatch.setattr(runtime, "get_instance", lambda: SimpleNamespace(_session_mgr=manager))


def _stored(session_id: str, shut: list):
    session = SimpleNamespace(id=session_id, shutdown=lambda: shut.append(session_id))
    return SimpleNamespace(session=session, client=None)


def test_expired_sessions_leave_the_store_without_another_disconnect(monkeypatch):
    """Streamlit's store keeps an expired session until the next write; the janitor's call
    removes it (and leaves a session still within its reconnect time)."""
    shut: list[str] = []
    storage = MemorySessionStorage(ttl_seconds=0.2)
    storage.save(_stored("old", shut))
    time.sleep(0.3)
    assert storage.get("old") is None and len(storage._cache._data) == 1   # expired, yet held
    _runtime_with(storage, monkeypatch)
    assert memory.drop_expired_sessions() == 1
    assert len(storage._cache._data) == 0 and shut == ["old"]   # shut down like a closed tab
    storage_fresh = MemorySessionStorage(ttl_seconds=60)
    storage_fresh.save(_stored("fresh", shut))
    _runtime_with(storage_fresh, monkeypatch)
    assert memory.drop_expired_sessions() == 0
    assert storage_fresh.get("fresh") is not None and shut == ["old"]


def test_without_a_runtime_nothing_is_dropped(monkeypatch):
    monkeypatch.setattr(runtime, "exists", lambda: False)
    assert memory.drop_expired_sessions() == 0


def test_large_blocks_get_their_own_mapping(monkeypatch):
    """Guards against glibc's sliding mmap threshold: set after the server's threads made
    their arenas, the arena limit alone left freed frames fragmenting them (browser
    sessions stayed +12 % above one session after they ended)."""
    calls: list[tuple[int, int]] = []
    fake = SimpleNamespace(mallopt=lambda param, value: calls.append((param, value)),
                           malloc_trim=lambda pad: 0)
    monkeypatch.setattr(memory, "_libc", lambda: fake)
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    memory.configure_allocators.__wrapped__()
    assert (memory.M_MMAP_THRESHOLD, memory.MMAP_THRESHOLD) in calls
    assert (memory.M_ARENA_MAX, memory.ARENAS) in calls
    calls.clear()
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "1048576")   # glibc already applied it
    memory.configure_allocators.__wrapped__()
    assert all(param != memory.M_MMAP_THRESHOLD for param, _ in calls)
