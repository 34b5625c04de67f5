"""Server-side time of each script run, for the load benchmark (bench/load.py).

When ``$ECOM_TIMING_LOG`` names a file, every run of the app appends one JSON line:
{"page": url path, "seconds": run time, "session": session id}. Without it nothing is
measured or written. A run ended early by ``st.stop()`` or a rerun still counts.
"""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from typing import Iterator



@contextmanager
def timed_run() -> Iterator[dict]:
    """Yields a dict where the router puts the page's url path (``run["page"]``)."""
    run: dict = {}
    log = os.environ.get("ECOM_TIMING_LOG")
    if not log:
        yield run
        return
    start = time.perf_counter()
    try:
        yield run
    finally:
        seconds = time.perf_counter() - start
        try:
            from streamlit.runtime.scriptrunner import get_script_run_ctx

            ctx = get_script_run_ctx()
            session = ctx.session_id if ctx else ""
        except Exception:   # the benchmark hook must never break a page
            session = ""
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps({"page": run.get("page", ""), "seconds": round(seconds, 4),
                                  "session": session}) + "\n")
