"""Exchange rates: the ECB euro reference rates shipped in ``data/ecb_rates.csv`` (an editable,
dated snapshot), cross rates between any two of them, and a parser for the ECB's daily file.

Rates are quoted as the ECB quotes them: units of a currency per 1 EUR
(``GBP 0.8569`` = 1 EUR buys 0.8569 GBP). A cross rate ``local per base`` is
``rate[local] / rate[base]`` (the ECB's own advice for cross rates).

Source: https://www.ecb.europa.eu/stats/eurofxref/eurofxref.zip (``eurofxref.csv``: a header
line ``Date, USD, JPY, ...`` and one line ``08 December 2023, 1.0777, 155.53, ...``).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Mapping

import pandas as pd

from .reference import DATA_DIR

__all__ = ["ECB_DAILY_URL", "FxTable", "load_rates", "parse_ecb_daily", "write_rates"]

ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref.zip"


@dataclass(frozen=True)
class FxTable:
    """ECB reference rates of one day: ``rates[code]`` = units of ``code`` per 1 EUR."""

    as_of: date
    rates: Mapping[str, float] = field(default_factory=dict)
    source: str = ECB_DAILY_URL

    def __post_init__(self):
        bad = {k: v for k, v in self.rates.items() if not (isinstance(v, (int, float)) and v > 0)}
        if bad:
            raise ValueError(f"exchange rates must be positive numbers, got {bad}")
        object.__setattr__(self, "rates", {**dict(self.rates), "EUR": 1.0})

    def has(self, code: str) -> bool:
        return code in self.rates

    def local_per_base(self, local: str, base: str) -> float:
        """Units of ``local`` per 1 unit of ``base`` (e.g. CHF per GBP = CHF/EUR ÷ GBP/EUR)."""
        missing = [c for c in (local, base) if c not in self.rates]
        if missing:
            raise KeyError(f"no ECB reference rate for {', '.join(missing)}")
        return self.rates[local] / self.rates[base]

    def convert(self, amount: float, from_code: str, to_code: str) -> float:
        """``amount`` in ``from_code`` expressed in ``to_code`` at the reference rates."""
        return amount * self.local_per_base(to_code, from_code)

    def with_rates(self, overrides: Mapping[str, float], as_of: date | None = None) -> "FxTable":
        """A copy with some rates replaced (the user's edits)."""
        return replace(self, rates={**self.rates, **overrides}, as_of=as_of or self.as_of)


def load_rates(path: Path | str | None = None) -> FxTable:
    """The shipped (or given) rates file: ``date,currency,rate,source`` lines, ``#`` comments."""
    frame = pd.read_csv(path or DATA_DIR / "ecb_rates.csv", comment="#", dtype={"currency": str})
    day = pd.Timestamp(frame["date"].max()).date()
    return FxTable(day, dict(zip(frame["currency"], frame["rate"].astype(float))))


def parse_ecb_daily(data: bytes | str) -> FxTable:
    """Rates from the ECB daily file: the zip as downloaded, or the ``eurofxref.csv`` inside.

    The CSV has two lines: ``Date, USD, JPY, ...`` and ``08 December 2023, 1.0777, ...``
    (trailing comma; currencies without a rate that day are ``N/A``). Raises ValueError on
    anything else.
    """
    if isinstance(data, bytes) and data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise ValueError("the ECB zip holds no CSV file")
            data = archive.read(names[0])
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].split(",")[0].strip().lower() == "date":
        raise ValueError("not an ECB daily reference-rate file (expected a 'Date, USD, ...' header)")
    header = [h.strip() for h in lines[0].split(",")]
    values = [v.strip() for v in lines[1].split(",")]
    try:
        day = datetime.strptime(values[0], "%d %B %Y").date()
    except ValueError:
        raise ValueError(f"cannot read the date {values[0]!r} of the ECB file") from None
    rates = {}
    for code, value in zip(header[1:], values[1:]):
        if code and value and value.upper() != "N/A":
            rates[code] = float(value)
    if not rates:
        raise ValueError("the ECB file has no rates")
    return FxTable(day, rates)


def write_rates(table: FxTable, path: Path | str | None = None) -> Path:
    """Write ``table`` in the shipped file's layout (replacing ``data/ecb_rates.csv`` by default)."""
    target = Path(path or DATA_DIR / "ecb_rates.csv")
    lines = ["# ECB euro foreign exchange reference rates: units of each currency per 1 EUR.",
             f"# Refreshed from the ECB daily file ({ECB_DAILY_URL}) of {table.as_of.isoformat()}.",
             "date,currency,rate,source"]
    for code, rate in sorted(table.rates.items()):
        lines.append(f"{table.as_of.isoformat()},{code},{rate:g},{'definition' if code == 'EUR' else table.source}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
