"""Returns: where they happen and what they cost.

Return lines are lines with a negative quantity (returns and cancellations booked as a
netting line, docs/architecture.md §4.1). Per group (product, category or country) over
the window:

- ``units_sold`` = Σ quantity over lines with quantity > 0; ``units_returned`` = Σ |quantity|
  over lines with quantity < 0; ``return_rate`` = units_returned / units_sold (NaN when
  nothing was sold);
- ``revenue_lost`` = Σ |quantity| × unit_price over the return lines (the revenue given back);
- ``margin_lost`` = Σ |quantity| × (unit_price − unit_cost) + units_returned × handling
  cost: the gross profit the returned units would have made plus the cost of handling each
  returned unit (shipping back, checking, repacking; an input, 0 when unknown). NaN for a
  product without unit cost.

A product is *unprofitable because of returns* when its gross profit before returns,
units_sold × (price − cost), is positive but its profit after returns and handling,
gross profit before returns − margin_lost, is ≤ 0.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .summary import product_lines

RETURN_COLUMNS = ("units_sold", "units_returned", "return_rate", "revenue_sold", "revenue_lost",
                  "margin_lost", "profit_before_returns", "profit_after_returns")


def _with_cost(lines: pd.DataFrame, products: pd.DataFrame | None, start=None) -> pd.DataFrame:
    pl = product_lines(lines)
    if start is not None:
        pl = pl.loc[(pl["ordered_at"] >= start).to_numpy()]
    cost = pd.Series(dtype=float)
    if products is not None and not products.empty and "unit_cost" in products:
        known = products.dropna(subset=["unit_cost"])
        cost = pd.Series(pd.to_numeric(known["unit_cost"], errors="coerce").to_numpy(),
                         index=pd.MultiIndex.from_arrays([known.get("channel", pd.Series("", index=known.index))
                                                          .astype(str), known["sku"].astype(str)]))
        cost = cost[~cost.index.duplicated()]
    idx = pd.MultiIndex.from_arrays([pl["channel"], pl["sku"]])
    pl["unit_cost"] = cost.reindex(idx).to_numpy() if len(cost) else np.nan
    q = pl["quantity"].to_numpy(float)
    p = pl["unit_price"].to_numpy(float)
    c = pl["unit_cost"].to_numpy(float)
    pl["sold"] = np.where(q > 0, q, 0.0)
    pl["returned"] = np.where(q < 0, -q, 0.0)
    pl["revenue_sold"] = pl["sold"] * p
    pl["revenue_lost"] = pl["returned"] * p
    pl["profit_sold"] = pl["sold"] * (p - c)
    pl["profit_returned"] = pl["returned"] * (p - c)
    return pl


def returns_by(lines: pd.DataFrame, by: str | list[str], products: pd.DataFrame | None = None, *,
               handling_cost: float = 0.0, start=None) -> pd.DataFrame:
    """Return figures per ``by`` (e.g. ``["channel", "sku"]``, ``"category"``, ``"country"``):
    the columns ``RETURN_COLUMNS``, sorted by margin lost (revenue lost when unknown).
    Lines whose ``by`` is missing are grouped under None."""
    pl = _with_cost(lines, products, start)
    keys = [by] if isinstance(by, str) else list(by)
    for k in keys:
        pl[k] = pl[k].astype(object).where(pl[k].notna(), None) if k in pl else None
    g = pl.groupby(keys, dropna=False, sort=False)
    out = pd.DataFrame({"units_sold": g["sold"].sum(), "units_returned": g["returned"].sum(),
                        "revenue_sold": g["revenue_sold"].sum(), "revenue_lost": g["revenue_lost"].sum(),
                        "profit_before_returns": g["profit_sold"].sum(min_count=1),
                        "profit_returned": g["profit_returned"].sum(min_count=1),
                        "cost_known": g["unit_cost"].apply(lambda s: bool(s.notna().all()))})
    with np.errstate(divide="ignore", invalid="ignore"):
        out["return_rate"] = (out["units_returned"] / out["units_sold"]).where(out["units_sold"] > 0)
    out["margin_lost"] = (out["profit_returned"] + handling_cost * out["units_returned"]).where(out["cost_known"])
    out["profit_before_returns"] = out["profit_before_returns"].where(out["cost_known"])
    out["profit_after_returns"] = out["profit_before_returns"] - out["margin_lost"]
    out = out.reset_index()
    order = out["margin_lost"].fillna(out["revenue_lost"])
    out = out.iloc[np.argsort(-order.to_numpy(), kind="mergesort")]
    return out[keys + list(RETURN_COLUMNS)].reset_index(drop=True)


def return_rates(lines: pd.DataFrame, products: pd.DataFrame | None = None, *, handling_cost: float = 0.0,
                 start=None) -> dict[str, pd.DataFrame]:
    """``returns_by`` for product (channel, sku), category and country."""
    return {"product": returns_by(lines, ["channel", "sku"], products, handling_cost=handling_cost, start=start),
            "category": returns_by(lines, "category", products, handling_cost=handling_cost, start=start),
            "country": returns_by(lines, "country", products, handling_cost=handling_cost, start=start)}


def unprofitable(by_product: pd.DataFrame) -> pd.DataFrame:
    """Products profitable before returns whose returns (with handling) take all of it."""
    keep = (by_product["profit_before_returns"] > 0) & (by_product["profit_after_returns"] <= 0)
    return by_product.loc[keep.fillna(False).to_numpy()].reset_index(drop=True)
