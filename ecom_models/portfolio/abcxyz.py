"""ABC/XYZ classification of products.

ABC (Pareto): rank products by a value (revenue or gross profit over the window), largest
first; with the cumulative share of the products ranked *above* a product s (0 for the
first), the product is A when s < a, B when s < a + b, else C (default a = 80 %, b = 15 %:
the products that make the first 80 % of the value are A, the next 15 % B, the last 5 % C;
the product that crosses a boundary belongs to the class it starts in). Products with a
value ≤ 0 are C; products without a value (gross profit of a product without unit cost)
get no class (None). Source: the usual inventory ABC analysis, e.g. Silver, Pyke & Thomas
(2017), *Inventory and Production Management in Supply Chains*, 4th ed., §2.4.

XYZ: coefficient of variation of weekly net units, CV = σ / μ (population σ, ddof = 0)
over the complete weeks of the window from the product's first sale on (a week without
sales is a 0; weeks before the first sale do not count; ``ecom_models.timeseries``).
X when CV ≤ x (default 0.5), Y when CV ≤ y (default 1.0), else Z; μ ≤ 0 is Z. Products
with fewer than ``min_weeks`` weeks get no class (None: too new to judge). Source: e.g.
Scholz-Reiter et al. (2012), "Classification of demand patterns", and common practice
(thresholds 0.5 / 1.0).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ecom_models.timeseries.panel import build_matrix

ABC = ("A", "B", "C")
XYZ = ("X", "Y", "Z")


def abc_classes(values, a_pct: float = 80.0, b_pct: float = 15.0) -> np.ndarray:
    """ABC class per value (object array of 'A'/'B'/'C', None where the value is NaN)."""
    v = np.asarray(values, dtype=float)
    out = np.full(v.shape, None, dtype=object)
    known = ~np.isnan(v)
    positive = known & (v > 0)
    out[known & ~positive] = "C"
    idx = np.flatnonzero(positive)
    if idx.size:
        order = idx[np.argsort(-v[idx], kind="mergesort")]
        total = v[order].sum()
        before = (np.cumsum(v[order]) - v[order]) / total * 100.0
        out[order] = np.where(before < a_pct - 1e-9, "A", np.where(before < a_pct + b_pct - 1e-9, "B", "C"))
    return out


def xyz_classes(cv, x_max: float = 0.5, y_max: float = 1.0) -> np.ndarray:
    """XYZ class per coefficient of variation (None where CV is NaN; inf is Z)."""
    c = np.asarray(cv, dtype=float)
    out = np.where(c <= x_max, "X", np.where(c <= y_max, "Y", "Z")).astype(object)
    out[np.isnan(c)] = None
    return out


def weekly_cv(lines: pd.DataFrame, start=None, min_weeks: int = 8) -> pd.DataFrame:
    """Per product (channel, sku): ``weeks`` observed, ``mean_units`` and ``cv`` of weekly
    net units over the complete weeks from ``start`` (a timestamp or None) on."""
    pl = lines.loc[lines["is_product"].to_numpy(dtype=bool) & lines["sku"].notna().to_numpy(),
                   ["channel", "sku", "ordered_at", "quantity"]]
    if start is not None:
        pl = pl.loc[(pl["ordered_at"] >= start).to_numpy()]
    codes, keys = pd.MultiIndex.from_arrays([pl["channel"].astype(str), pl["sku"].astype(str)]).factorize()
    m = build_matrix(pl.assign(key=codes), "key", "week")
    if m.values.size == 0:
        return pd.DataFrame({"channel": [], "sku": [], "weeks": [], "mean_units": [], "cv": []})
    vals = m.values
    n = (~np.isnan(vals)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(np.where(n[:, None] > 0, vals, 0.0), axis=1)
        sd = np.nanstd(vals, axis=1)
        cv = np.where(mean > 0, sd / np.where(mean > 0, mean, 1.0), np.inf)
    cv = np.where(n >= min_weeks, cv, np.nan)
    which = keys[m.ids.astype(int)]
    return pd.DataFrame({"channel": which.get_level_values(0), "sku": which.get_level_values(1),
                         "weeks": n, "mean_units": mean, "cv": cv})


def abcxyz(summary: pd.DataFrame, lines: pd.DataFrame, *, by: str = "revenue", a_pct: float = 80.0,
           b_pct: float = 15.0, x_max: float = 0.5, y_max: float = 1.0, start=None,
           min_weeks: int = 8) -> pd.DataFrame:
    """``summary`` (``product_summary``) with ``value`` (the ranked figure: ``by`` =
    'revenue' or 'gross_profit'), ``share`` of the total positive value, ``abc``, ``cv``,
    ``xyz`` and ``weeks``. ``start``: first day of the window (as in the summary)."""
    if by not in ("revenue", "gross_profit"):
        raise ValueError("by must be 'revenue' or 'gross_profit'")
    out = summary.copy()
    out["value"] = out[by].astype(float)
    positive = out["value"].clip(lower=0).sum()
    out["share"] = out["value"].clip(lower=0) / positive if positive > 0 else 0.0
    out["abc"] = abc_classes(out["value"], a_pct, b_pct)
    cv = weekly_cv(lines, start, min_weeks)
    merged = out[["channel", "sku"]].astype(str).merge(cv, how="left", on=["channel", "sku"])
    out["weeks"] = merged["weeks"].fillna(0).astype(int).to_numpy()
    out["cv"] = merged["cv"].to_numpy(dtype=float)
    # listed but never sold in the window: no demand at all is the least predictable
    out.loc[(out["weeks"] == 0).to_numpy() & (out["units_sold"] == 0).to_numpy(), "cv"] = np.inf
    out["xyz"] = xyz_classes(out["cv"], x_max, y_max)
    return out


def matrix(classified: pd.DataFrame) -> pd.DataFrame:
    """The 3 × 3 ABC/XYZ matrix: one row per (abc, xyz) with ``products``, ``revenue``,
    ``revenue_share`` (of all classified products' revenue); products without an XYZ class
    are counted in xyz '–'."""
    frame = classified.assign(xyz=classified["xyz"].fillna("–"), abc=classified["abc"].fillna("–"))
    grid = pd.MultiIndex.from_product([list(ABC) + ["–"], list(XYZ) + ["–"]], names=["abc", "xyz"])
    g = frame.groupby(["abc", "xyz"])
    out = pd.DataFrame({"products": g.size(), "revenue": g["revenue"].sum()}).reindex(grid, fill_value=0)
    total = out["revenue"].clip(lower=0).sum()
    out["revenue_share"] = out["revenue"] / total if total > 0 else 0.0
    out = out.reset_index()
    dash = (out["abc"] == "–") | (out["xyz"] == "–")
    out = out.loc[~dash | (out["products"] > 0)]
    return out.reset_index(drop=True)
