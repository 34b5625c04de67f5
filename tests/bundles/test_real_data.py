"""Bundles on real data: the CLI on the demo store against an independent count, equality
with mlxtend's fpgrowth + association_rules on a real sample, and the two-year Shopware
shop's planted pairs (../shared/data, synthetic; the planted values are not published, so
the test recovers them from the data: products linked far beyond chance)."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from ecom_models.bundles import build_baskets, itemset_table, mine, select, suggest
from ecom_models.bundles.mining import count_itemsets
from ecom_models.store.queries import order_lines
from tests.conftest import REPO, shared_path


def independent_pairs(lines: pd.DataFrame, min_support: float, with_zero_price: bool) -> dict:
    """Pairs counted without ecom_models.bundles: net quantity > 0 per (channel, order, SKU)
    over product lines, a scipy COO matrix, and the Gram matrix XᵀX."""
    part = lines.loc[lines["is_product"] & ((lines["unit_price"] > 0) | with_zero_price)]
    part = part.assign(basket=part["channel"].astype(str) + "\x00" + part["order_id"].astype(str),
                       item=part["channel"].astype(str) + "\x00" + part["sku"].astype(str))
    net = part.groupby(["basket", "item"], observed=True)["quantity"].sum()
    net = net[net > 0].reset_index()
    b_codes, b_names = pd.factorize(net["basket"])
    i_codes, i_names = pd.factorize(net["item"])
    x = sp.coo_matrix((np.ones(len(net)), (b_codes, i_codes)), shape=(len(b_names), len(i_names))).tocsc()
    n = x.shape[0]
    item_n = np.asarray(x.sum(axis=0)).ravel()
    gram = (x.T @ x).toarray()
    out = {}
    for i, j in zip(*np.nonzero(np.triu(gram, k=1) >= np.ceil(min_support * n))):
        a, b = i_names[i].split("\x00")[1], i_names[j].split("\x00")[1]
        s_ab = gram[i, j] / n
        out[frozenset((a, b))] = {"support": s_ab, "conf": {a: s_ab / (item_n[i] / n), b: s_ab / (item_n[j] / n)},
                                  "lift": s_ab / ((item_n[i] / n) * (item_n[j] / n))}
    return out


@pytest.mark.parametrize("zero_price", [False, True], ids=["without_zero_price", "with_zero_price"])
def test_cli_pairs_on_the_demo_equal_an_independent_count(demo_db, zero_price):
    args = [sys.executable, "-m", "ecom_models", "bundles", "--db", str(demo_db), "--min-support", "0.01",
            "--top", "0", "--json"] + (["--include-zero-price"] if zero_price else [])
    out = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    expected = independent_pairs(order_lines(demo_db), 0.01, zero_price)
    assert len(records) == len(expected) > 500
    for record in records:
        a, b = record["items"]
        truth = expected[frozenset((a, b))]
        assert record["support"] == pytest.approx(truth["support"], rel=1e-12)
        assert record["confidence"] == pytest.approx(truth["conf"][a], rel=1e-12)
        assert record["confidence_ba"] == pytest.approx(truth["conf"][b], rel=1e-12)
        assert record["lift"] == pytest.approx(truth["lift"], rel=1e-12)
        assert 0 <= record["p_value"] <= record["q_value"] <= 1
    # the zero-price lines matter on the demo: the two runs differ
    other = independent_pairs(order_lines(demo_db), 0.01, not zero_price)
    assert {k: v["support"] for k, v in other.items()} != {k: v["support"] for k, v in expected.items()}


def test_equal_to_mlxtend_on_a_real_sample(demo_db):
    """Itemsets up to three, their support, and every rule's confidence, lift, leverage and
    conviction equal mlxtend's (fpgrowth + association_rules) to floating-point precision."""
    mlx = pytest.importorskip("mlxtend.frequent_patterns")
    baskets = build_baskets(order_lines(demo_db))
    sample = select(baskets, date_to=pd.Timestamp("2011-03-31").date())     # four months, ~5,000 orders
    onehot = pd.DataFrame.sparse.from_spmatrix(sample.present.astype(bool),
                                               columns=list(range(sample.present.shape[1])))
    frequent = mlx.fpgrowth(onehot, min_support=0.01, max_len=3)
    ours = itemset_table(count_itemsets(sample.present, 0.01, max_size=3))
    theirs = dict(zip(frequent["itemsets"], frequent["support"]))
    mine_ = dict(zip(ours["itemsets"], ours["support"]))
    assert set(mine_) == set(theirs) and sum(len(s) == 3 for s in mine_) > 10
    assert all(mine_[k] == pytest.approx(theirs[k], rel=1e-12) for k in theirs)

    pairs_only = frequent.loc[frequent["itemsets"].map(len) <= 2]
    rules = mlx.association_rules(pairs_only, num_itemsets=sample.n_baskets, metric="lift", min_threshold=0)
    table = mine(sample, 0.01, max_size=2).pairs.set_index(["a", "b"])
    assert len(rules) == 2 * len(table)
    for rule in rules.itertuples(index=False):
        (x,), (y,) = tuple(rule.antecedents), tuple(rule.consequents)
        row = table.loc[(min(x, y), max(x, y))]
        forward = x < y
        assert row["confidence_ab" if forward else "confidence_ba"] == pytest.approx(rule.confidence, rel=1e-12)
        assert row["lift"] == pytest.approx(rule.lift, rel=1e-12)
        assert row["leverage"] == pytest.approx(rule.leverage, rel=1e-9, abs=1e-15)
        conviction = row["conviction_ab" if forward else "conviction_ba"]
        assert conviction == pytest.approx(rule.conviction, rel=1e-9) or (np.isinf(conviction) and np.isinf(rule.conviction))


@pytest.fixture(scope="module")
def shopware_baskets(tmp_path_factory):
    from ecom_models.ingest.pipeline import import_file

    db = tmp_path_factory.mktemp("shopware") / "shop.db"
    for name in ("export_articles_instock.csv", "export_articles_prices.csv", "export_customers.csv",
                 "export_orders.csv"):
        result = import_file(shared_path("shopware5-shop-2y", name), db)
        assert result["status"] == "imported", result.get("error")
    return build_baskets(order_lines(db))


def test_shopware_planted_pairs_lead_the_suggestions(shopware_baskets):
    mined = mine(shopware_baskets, min_support=0.001, min_count=10, max_size=3)
    top = suggest(mined.pairs, mined.items)
    strong = mined.pairs.loc[mined.pairs["lift"] >= 3]
    # a few pairs stand far out: everything else is at most slightly above chance
    assert 3 <= len(strong) <= 10
    assert mined.pairs.loc[mined.pairs["lift"] < 3, "lift"].max() < 2
    leading = top.head(len(strong))
    assert set(zip(leading["a"], leading["b"])) == set(zip(strong["a"], strong["b"]))
    assert (leading["q_value"] < 1e-10).all() and (leading["sure"] == "very_sure").all()
    # whatever else is suggested is far weaker than the planted pairs
    assert (top.iloc[len(strong):]["lift"] < 2).all()
    # one of them is a sleeper rescue (a slow seller carried by a best-seller)
    assert (top["kind"] == "sleeper").any()
