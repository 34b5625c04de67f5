"""`python -m ecom_models ... | head -1`: a reader that stops early gets no traceback.

Guards against the BrokenPipeError traceback Python prints when stdout's reader has gone
(ecom_models/__main__.py). The child's stdout is a pipe whose read end is closed before the
child starts, so every write fails: deterministic, no race with a real `head`.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, shared_path


def run_into_closed_pipe(*args) -> subprocess.CompletedProcess:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "ecom_models", *map(str, args)],
                              cwd=REPO, stdout=write_end, stderr=subprocess.PIPE, text=True,
                              timeout=120)
    finally:
        os.close(write_end)


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "s.db"
    imported = subprocess.run(
        [sys.executable, "-m", "ecom_models", "import",
         shared_path("shopware5", "export_orders.csv"), "--db", db, "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    return db


@pytest.mark.parametrize("json_flag", [["--json"], []])
def test_summary_into_a_closed_pipe_exits_quietly(store, json_flag):
    done = run_into_closed_pipe("summary", "--db", store, *json_flag)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == 141  # 128 + SIGPIPE, as a shell reports for `yes | head -1`
