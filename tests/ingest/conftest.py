"""Fixtures for the ingest tests: locating the shared real-export folder.

The real exports live outside the repository (``/work/shared/data`` next to the
checkout; several may not be copied into the repo, see its README). A fresh clone
without that folder skips the tests that need it; under CI (``CI=true``) the folder
is always provisioned, so its absence is a failure instead of a silent skip.
"""
from __future__ import annotations

import gzip
import io
import pandas as pd
import pytest

from tests.conftest import shared_path as shared_file  # one locator for the shared data


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
