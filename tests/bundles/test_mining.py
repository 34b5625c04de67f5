"""Unit tests of baskets, counting, measures and significance against hand counts and
independent sources (scipy, statsmodels)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from ecom_models.bundles import (benjamini_hochberg, build_baskets, count_itemsets, fisher_greater,
                                 mine, pair_table, select, suggest, threshold)


def lines_of(orders: dict[str, list[tuple[str, float, float]]], **extra) -> pd.DataFrame:
    """Order lines from {order: [(sku, quantity, unit_price), ...]}."""
    rows = [(o, s, q, p) for o, items in orders.items() for s, q, p in items]
    frame = pd.DataFrame(rows, columns=["order_id", "sku", "quantity", "unit_price"])
    frame["channel"] = extra.get("channel", "shop")
    frame["product_name"] = "Name " + frame["sku"]
    frame["currency"], frame["country"], frame["import_id"] = "EUR", "DE", 1
    frame["ordered_at"] = pd.Timestamp("2024-03-01")
    frame["is_product"] = ~frame["sku"].isin(["SHIPPING"])
    frame["is_return"] = frame["quantity"] < 0
    return frame


def test_baskets_net_returns_and_drop_non_products_and_free_items():
    lines = lines_of({
        "1": [("A", 1, 5.0), ("B", 2, 3.0), ("SHIPPING", 1, 4.9)],
        "2": [("A", 1, 5.0), ("A", -1, 5.0), ("C", 1, 2.0)],      # A cancelled within the order
        "3": [("B", -1, 3.0)],                                   # a return only: no basket
        "4": [("C", 1, 0.0), ("B", 1, 3.0)],                     # C free here
    })
    baskets = build_baskets(lines)
    held = {o: set(baskets.items["sku"].to_numpy()[baskets.present[i].indices])
            for i, o in enumerate(baskets.orders["order_id"])}
    assert held == {"1": {"A", "B"}, "2": {"C"}, "4": {"B"}}
    with_free = build_baskets(lines, include_zero_price=True)
    assert with_free.n_baskets == 3
    assert set(with_free.items["sku"].to_numpy()[with_free.present[2].indices]) == {"B", "C"}
    revenue = dict(zip(baskets.items["sku"], np.asarray(baskets.revenue.sum(axis=0)).ravel()))
    assert revenue["B"] == pytest.approx(2 * 3.0 + 3.0)


def test_select_filters_orders_by_channel_date_and_country():
    lines = pd.concat([lines_of({"1": [("A", 1, 1.0)]}, channel="x"), lines_of({"1": [("A", 1, 1.0)]}, channel="y")])
    lines.loc[lines["channel"] == "y", "country"] = "AT"
    baskets = build_baskets(lines.reset_index(drop=True))
    assert baskets.n_baskets == 2                      # same order id in two channels = two baskets
    assert select(baskets, channel="y").orders["country"].tolist() == ["AT"]
    assert select(baskets, country="DE").orders["channel"].tolist() == ["x"]
    assert select(baskets, date_from=pd.Timestamp("2024-03-02").date()).n_baskets == 0
    assert select(baskets, date_to=pd.Timestamp("2024-03-01").date()).n_baskets == 2


def test_threshold_is_mlxtends_rule():
    assert threshold(200, 0.005) == 1
    assert threshold(20500, 0.005) == math.ceil(0.005 * 20500) == 103
    assert threshold(1000, 0.01, min_count=25) == 25
    assert threshold(3, 1 / 3) == 1 and 1 / 3.0 >= 1 / 3


def test_pair_and_triple_counts_by_hand():
    # orders: {A,B,C}, {A,B}, {A,C}, {B,C}, {A,B,C}, {D}
    x = sp.csr_matrix(np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 1, 0],
                                [0, 0, 0, 1]]))
    counts = count_itemsets(x, min_support=2 / 6, max_size=3)
    assert counts.threshold == 2
    assert counts.frequent.tolist() == [0, 1, 2]
    assert counts.pairs.values.tolist() == [[0, 1, 3], [0, 2, 3], [1, 2, 3]]
    assert counts.triples.values.tolist() == [[0, 1, 2, 2]]
    table = pair_table(counts)
    ab = table.iloc[0]
    # hand: s_ab = 3/6, s_a = 4/6, s_b = 4/6 -> conf 0.75, lift 0.75/(4/6) = 1.125,
    # leverage 0.5 - 4/9, conviction (1 - 4/6) / (1 - 0.75) = 4/3
    assert ab["confidence_ab"] == pytest.approx(0.75)
    assert ab["lift"] == pytest.approx(1.125)
    assert ab["leverage"] == pytest.approx(0.5 - 4 / 9)
    assert ab["conviction_ab"] == pytest.approx(4 / 3)


def test_fisher_matches_scipy_hypergeometric_tail():
    from scipy.stats import hypergeom

    rng = np.random.default_rng(3)
    n = rng.integers(20, 40000, 3000)
    a = (rng.random(3000) * n * 0.4).astype(int)
    b = (rng.random(3000) * n * 0.4).astype(int)
    low, high = np.maximum(0, a + b - n), np.minimum(a, b)
    k = low + (rng.random(3000) * (high - low + 1)).astype(int)
    ours, reference = fisher_greater(k, a, b, n), hypergeom.sf(k - 1, n, a, b)
    assert np.allclose(ours, reference, rtol=1e-8, atol=1e-13)


def test_benjamini_hochberg_matches_statsmodels_and_grows_with_the_family():
    from statsmodels.stats.multitest import multipletests

    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216])
    assert np.allclose(benjamini_hochberg(p), multipletests(p, method="fdr_bh")[1])
    # counting ten untested pairs as p = 1 is the same as a family of 20
    padded = multipletests(np.concatenate([p, np.ones(10)]), method="fdr_bh")[1][:10]
    assert np.allclose(benjamini_hochberg(p, m=20), padded)
    with pytest.raises(ValueError):
        benjamini_hochberg(p, m=5)


def test_planted_pair_is_found_at_the_top_and_independent_items_are_not_significant():
    from tests.bundles.synthetic import planted_lines

    lines, planted_lift = planted_lines()
    mined = mine(build_baskets(lines), min_support=0.001, min_count=1)   # every pair is counted
    top = suggest(mined.pairs, mined.items)
    assert {top["sku_a"].iloc[0], top["sku_b"].iloc[0]} == {"A", "B"}
    assert top["sure"].iloc[0] == "very_sure"
    ab = mined.pairs.loc[mined.pairs["sku_a"].isin(["A", "B"]) & mined.pairs["sku_b"].isin(["A", "B"])].iloc[0]
    assert ab["lift"] == pytest.approx(planted_lift, rel=0.15)      # 6.25 planted
    independent = mined.pairs.loc[mined.pairs["sku_a"].str.startswith("I") & mined.pairs["sku_b"].str.startswith("I")]
    assert len(independent) == 190
    assert independent["lift"].median() == pytest.approx(1.0, abs=0.05)
    assert (independent["q_value"] > 0.05).all()                    # none survives the correction
    assert set(top["sku_a"]) | set(top["sku_b"]) <= {"A", "B"}
