"""One mining run as a result: the counts, the pair and triple tables with their measures,
and the products' figures, for the same baskets and thresholds (what the page caches and
the CLI prints)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .baskets import Baskets, item_stats
from .metrics import pair_table, triple_table
from .mining import Counts, count_itemsets


@dataclass(frozen=True)
class Mined:
    """``pairs``: ``metrics.PAIR_COLUMNS`` plus ``sku_a``/``sku_b``/``name_a``/``name_b``;
    ``triples``: ``metrics.TRIPLE_COLUMNS`` plus SKUs and names; ``items``:
    ``baskets.item_stats``; ``counts``: the raw counts; ``min_support``/``min_count``: the
    inputs."""

    counts: Counts
    pairs: pd.DataFrame
    triples: pd.DataFrame
    items: pd.DataFrame
    min_support: float
    min_count: int

    @property
    def n_baskets(self) -> int:
        return self.counts.n_baskets


def mine(baskets: Baskets, min_support: float = 0.005, min_count: int = 1,
         max_size: int = 3) -> Mined:
    """Pairs (and, with ``max_size`` = 3, triples) of products bought together in at least
    ``min_support`` of the orders and at least ``min_count`` orders, with every measure."""
    counts = count_itemsets(baskets.present, min_support, min_count, max_size)
    items = item_stats(baskets)
    sku, name = items["sku"].to_numpy(), items["product_name"].to_numpy()
    pairs = pair_table(counts)
    pairs = pairs.assign(sku_a=sku[pairs["a"].to_numpy(int)], sku_b=sku[pairs["b"].to_numpy(int)],
                         name_a=name[pairs["a"].to_numpy(int)], name_b=name[pairs["b"].to_numpy(int)])
    triples = triple_table(counts)
    for key in ("a", "b", "c"):
        triples[f"sku_{key}"] = sku[triples[key].to_numpy(int)]
        triples[f"name_{key}"] = name[triples[key].to_numpy(int)]
    return Mined(counts, pairs, triples, items, float(min_support), int(min_count))
