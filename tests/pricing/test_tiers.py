"""Elasticity per customer tier: traders with their own response, tiers without enough data.

The simulated shop (``sim_shop.py``, ``trader_elasticity=-3.5``) plants standard-tier
elasticities drawn from -3.0..-0.8 (median about -1.9) and a trader elasticity of -3.5 on
the traders' own list price (20 % below the catalogue, so it moves with it); quantity-break
orders and guests do not respond to the price at all (elasticity 0).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ecom_models.pricing import build_count_panel, estimate_elasticities
from ecom_models.pricing.catalogue import build_tier_panels
from ecom_models.pricing.tiers import TIER_COLUMNS, estimate_tier_elasticities

from .sim_shop import simulate_shop

TRADER_E = -3.5


@pytest.fixture(scope="module")
def shops():
    out = []
    for seed in (0, 1):
        shop = simulate_shop(seed, trader_elasticity=TRADER_E)
        out.append((shop, estimate_tier_elasticities(shop["lines"], shop["products"])))
    return out


def _trader(shops) -> pd.DataFrame:
    frames = []
    for shop, est in shops:
        t = est[est["tier"] == "trader"].merge(shop["truth"][["sku", "elasticity", "n_changes"]],
                                               on="sku", suffixes=("", "_std_true"))
        frames.append(t)
    return pd.concat(frames, ignore_index=True)


def test_trader_tier_recovers_its_own_elasticity(shops):
    """Tolerance ±0.3 on the mean and median over the estimated trader SKUs (~120 over two
    shops). One SKU's trader estimate has a standard error of about 0.5 (lumpy orders of
    6-24 units, price moves of 5-25 %), so the mean of ~120 has about 0.05; 0.3 leaves room
    for the season held fixed and the pooling, and still tells -3.5 from the standard
    tier's ~-1.9 by five times that margin."""
    t = _trader(shops)
    est = t[t["elasticity"].notna()]
    assert len(est) >= 80
    err = est["elasticity"] - TRADER_E
    assert abs(err.mean()) < 0.3 and abs(err.median()) < 0.3
    raw_err = est["raw_elasticity"] - TRADER_E
    assert abs(raw_err.median()) < 0.3                    # the SKUs' own data, before pooling
    cover = ((est["ci_low"] <= TRADER_E) & (TRADER_E <= est["ci_high"])).mean()
    assert cover >= 0.80
    # ... and differs from the standard tier's estimate of the same SKUs
    both = est[est["standard_elasticity"].notna()]
    assert len(both) >= 50
    assert (both["elasticity"] - both["standard_elasticity"]).median() < -1.0
    assert abs(both["standard_elasticity"].median() - both["elasticity_std_true"].median()) < 0.4
    # tiers are kept apart: quantity-break orders and guests do not respond to the price
    for shop, est_all in shops:
        for tier in ("quantity_break", "guest"):
            e = est_all.loc[(est_all["tier"] == tier) & est_all["elasticity"].notna(), "elasticity"]
            assert len(e) >= 20 and abs(e.median()) < 0.6


def test_tiers_without_enough_data_are_not_estimated(shops):
    shop, est = shops[0]
    assert list(est.columns) == list(TIER_COLUMNS)
    missing = est[est["confidence"] == "not estimable"]
    assert missing["elasticity"].isna().all()
    # the rule: >= 12 weeks with tier sales and >= 2 changes of the tier's own price
    thin = est[est["n_sale_weeks"] < 12]
    assert len(thin) > 10                                # slow movers' guests: a few weeks only
    assert set(thin["confidence"]) == {"not estimable"}
    assert set(thin["reason_code"]) <= {"too_few_periods", "no_periods"}
    one = est[(est["n_sale_weeks"] >= 12) & (est["n_price_changes"] == 1)]
    assert len(one) > 5 and set(one["confidence"]) == {"not estimable"}
    assert set(one["reason_code"]) == {"tier_few_changes"}
    never = est[est["n_price_changes"] == 0]
    assert set(never["reason_code"]) <= {"price_never_changed", "too_few_periods", "no_periods"}
    assert set(never["confidence"]) == {"not estimable"}

    # a SKU rich in trader data, thinned to 5 trader orders spread over time: no trader estimate, the
    # standard one stays
    t = est[(est["tier"] == "trader") & est["elasticity"].notna()]
    sku = t.sort_values("n_sale_weeks", ascending=False)["sku"].iloc[0]
    lines = shop["lines"]
    trader_rows = np.flatnonzero((lines["sku"].astype(str) == sku).to_numpy()
                                 & (lines["customer_group"].astype(str) == "H").to_numpy())
    keep = trader_rows[10::max(len(trader_rows) // 5, 1)][:5]       # 5 orders spread over the years
    thinned = lines.drop(index=lines.index[np.setdiff1d(trader_rows, keep)])
    est2 = estimate_tier_elasticities(thinned, shop["products"], tiers=("trader",))
    row = est2.set_index("sku").loc[sku]
    assert row["confidence"] == "not estimable" and np.isnan(row["elasticity"])
    assert row["reason_code"] == "too_few_periods" and row["n_sale_weeks"] <= 5
    assert np.isfinite(row["standard_elasticity"])


def test_tier_panels_and_default_output_unchanged(shops):
    shop, _ = shops[0]
    counts, panels = build_tier_panels(shop["lines"], shop["products"])
    plain = build_count_panel(shop["lines"], shop["products"])
    pd.testing.assert_frame_equal(counts.panel, plain.panel)
    pd.testing.assert_frame_equal(counts.skus, plain.skus)
    assert set(panels) == {"quantity_break", "trader", "guest"}
    # the trader list price is the traders' own: 20 % below the catalogue price
    tr = panels["trader"].panel.merge(plain.panel[["sku", "period", "list_price"]], on=["sku", "period"],
                                      suffixes=("", "_std"))
    ratio = tr["list_price"] / tr["list_price_std"]
    assert (np.abs(ratio - 0.8) < 0.01).mean() > 0.95
    # trader units are the trader lines' units
    sold = shop["lines"]
    trader_units = sold.loc[(sold["customer_group"].astype(str) == "H").to_numpy()
                            & sold["is_product"].to_numpy() & (sold["quantity"] > 0).to_numpy()]
    per_sku = panels["trader"].panel.groupby("sku")["units"].sum()
    assert per_sku.sum() <= trader_units["quantity"].sum()   # the incomplete first/last weeks are left out
    assert per_sku.sum() > 0.95 * trader_units["quantity"].sum()
    # the default table has no tier column
    assert "tier" not in estimate_elasticities(shop["lines"], products=shop["products"]).columns
