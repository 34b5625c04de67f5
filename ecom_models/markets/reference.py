"""The shipped reference tables of markets and sales channels (``data/``), as DataFrames.

- ``data/markets.csv``: one row per market (ISO 3166-1 alpha-2 code): currency, customs area,
  standard and reduced VAT (%), the import scheme and its limits (IOSS EUR 150, UK GBP 135,
  Norway's VOEC NOK 3,000, the Swiss CHF 5 tax minimum, the US without de minimis), default
  duty (%), carrier clearance fee (EUR per parcel), parcel shipping band from Germany (EUR),
  typical return rate (%), payment fee (% + EUR per order), customary price ending and
  population (millions). Every row carries its sources (``vat_source``, ``customs_source``,
  ``assumption_source``) and "as of" dates; figures marked as assumptions are planning
  values for the user to edit.
- ``data/channel_fees.csv``: marketplace and payment fees per sales channel (own shop,
  Amazon, eBay, Etsy) with source and date.
- ``data/amazon_referral_fees.csv``: Amazon.de referral fee by category.

The tables are read once per process and returned as read-only copies.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["DATA_DIR", "EU27", "REQUIRED_MARKETS", "amazon_referral_fees", "channel_fees",
           "channel_kind", "completeness_problems", "markets"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

EU27 = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
REQUIRED_MARKETS = EU27 | {"GB", "CH", "NO", "US"}

NUMBER_COLUMNS = ("vat_standard_pct", "scheme_limit", "duty_free_up_to", "import_vat_min_tax",
                  "duty_default_pct", "clearance_fee_eur", "ship_eur_low", "ship_eur_high",
                  "return_rate_pct", "payment_fee_pct", "payment_fee_fixed_eur", "population_m")
SOURCE_COLUMNS = ("vat_source", "customs_source", "assumption_source")
AS_OF_COLUMNS = ("vat_as_of", "customs_as_of", "assumption_as_of")


@lru_cache(maxsize=4)
def _read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)


def markets(path: Path | str | None = None) -> pd.DataFrame:
    """The market reference table, indexed by ISO code; number columns as floats (NaN where
    the table leaves a cell empty, e.g. no scheme limit)."""
    frame = _read(str(path or DATA_DIR / "markets.csv")).copy()
    for column in NUMBER_COLUMNS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    return frame.set_index("code", drop=False)


def completeness_problems(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """``(code, problem)`` for every required market that is missing or has no VAT rate, no
    source or no "as of" date (an empty list means the table is complete)."""
    problems = [(code, "missing") for code in sorted(REQUIRED_MARKETS - set(frame.index))]
    for code, row in frame.iterrows():
        if pd.isna(row["vat_standard_pct"]):
            problems.append((code, "vat_standard_pct"))
        for column in SOURCE_COLUMNS + AS_OF_COLUMNS:
            if not str(row[column]).strip():
                problems.append((code, column))
        for column in AS_OF_COLUMNS:
            try:
                pd.Timestamp(str(row[column]))
            except ValueError:
                problems.append((code, column))
    return problems


def channel_fees(path: Path | str | None = None) -> pd.DataFrame:
    """Fee defaults per channel kind (``own``, ``amazon``, ``ebay``, ``etsy``), indexed by kind."""
    frame = _read(str(path or DATA_DIR / "channel_fees.csv")).copy()
    for column in ("fee_pct", "fee_fixed_eur_per_order", "payment_fee_pct", "payment_fee_fixed_eur"):
        frame[column] = pd.to_numeric(frame[column])
    for column in ("fee_on_gross", "payment_included"):
        frame[column] = frame[column].str.lower().eq("true")
    return frame.set_index("channel", drop=False)


def amazon_referral_fees(path: Path | str | None = None) -> pd.DataFrame:
    """Amazon.de referral fee (%) by category, indexed by category."""
    frame = _read(str(path or DATA_DIR / "amazon_referral_fees.csv")).copy()
    frame["fee_pct"] = pd.to_numeric(frame["fee_pct"])
    return frame.set_index("category", drop=False)


def channel_kind(name: str) -> str:
    """The fee row for a store channel name: ``amazon``, ``ebay``, ``etsy`` when the name says
    so (``"Amazon settlement"``, ``"ebay.de"``), else ``own`` (the shop's own checkout)."""
    lowered = str(name).casefold()
    for kind in ("amazon", "ebay", "etsy"):
        if kind in lowered:
            return kind
    return "own"
