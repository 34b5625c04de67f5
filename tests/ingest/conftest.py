"""Fixtures for the ingest tests: locating the shared real-export folder.

The real exports live outside the repository (``/work/shared/data`` next to the
checkout; several may not be copied into the repo, see its README). A fresh clone
without that folder skips the tests that need it; under CI (``CI=true``) the folder
is always provisioned, so its absence is a failure instead of a silent skip.
"""
from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pandas as pd
import pytest

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def shared_file(*parts: str) -> Path:
    """Path of a file under the shared data folder; skip (or fail under CI) if absent."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared data folder {SHARED_DATA} is missing, and CI=true requires it")
        pytest.skip(f"shared data folder {SHARED_DATA} is not available")
    path = SHARED_DATA.joinpath(*parts)
    if not path.is_file():  # the folder is there, so a missing file means the data changed
        pytest.fail(f"expected shared data file {path} is missing")
    return path


@pytest.fixture
def shared():
    """The :func:`shared_file` helper, as a fixture."""
    return shared_file


@pytest.fixture(scope="session")
def uci_raw() -> bytes:
    """The full UCI Online Retail CSV (541,909 rows), un-gzipped: 45,047,766 bytes."""
    return gzip.decompress(shared_file("online-retail", "online_retail.csv.gz").read_bytes())


@pytest.fixture(scope="session")
def uci_frame(uci_raw) -> pd.DataFrame:
    """The full UCI file as all-text columns, the way the importer reads exports."""
    return pd.read_csv(io.BytesIO(uci_raw), dtype=str, keep_default_na=False)
