"""What the browser benchmarks share: a free port, a Streamlit server on a store, Chromium.

Not a test helper: tests have their own (tests/browser); a benchmark must not import tests.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_demo(db: Path) -> float:
    """Import the bundled demo into ``db`` with the CLI; seconds taken."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ecom_models", "demo", "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"demo import failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def wait_healthy(base: str, proc: subprocess.Popen, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"streamlit not healthy after {limit_s} s")


@contextmanager
def streamlit_server(db: Path, extra_env: dict | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """A headless ``streamlit run app.py`` on ``db``; yields (base url, process)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # as `make run` starts it (two malloc arenas from process start, ui/memory.py)
    env = {**os.environ, "ECOM_DB": str(db), "ECOM_NO_DEMO": "1", "MALLOC_ARENA_MAX": "2",
           **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(base, proc)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def rss_mib(pid: int) -> float:
    """Resident memory of a process (MiB), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
