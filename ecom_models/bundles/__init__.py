"""Product bundles: baskets from order lines, co-purchase mining on a sparse matrix,
association measures with significance, bundle suggestions, and the bundle what-if.

Typical use::

    baskets = build_baskets(lines)                          # order lines -> orders x products
    shop = select(baskets, channel="shopware", date_from=date(2024, 1, 1))
    mined = mine(shop, min_support=0.005, min_count=10)     # pairs + triples with measures
    ideas = suggest(mined.pairs, mined.items)                # ranked, with reason codes
    simulate_bundle(shop, mined.items, BundleScenario("shopware", ("SW1", "SW2"), discount_pct=10),
                    elasticities=item_elasticities(lines)[0], unit_costs=costs)
"""
from importlib import import_module

# name -> submodule; loaded on first use, so ``ui/state.py`` can read the what-if's bounds
# (``scenario``) without importing scipy on every page
_WHERE = {
    "Baskets": "baskets", "build_baskets": "baskets", "empty_baskets": "baskets", "item_stats": "baskets", "select": "baskets",
    "size_distribution": "baskets", "PAIR_COLUMNS": "metrics", "TRIPLE_COLUMNS": "metrics",
    "itemset_table": "metrics", "pair_table": "metrics", "triple_table": "metrics",
    "Counts": "mining", "count_itemsets": "mining", "threshold": "mining", "Mined": "mined",
    "mine": "mined", "item_elasticities": "price_response", "BOUNDS": "scenario",
    "DEFAULTS": "scenario", "BundleResult": "scenario", "BundleScenario": "scenario",
    "ItemFacts": "scenario", "Range": "scenario", "benjamini_hochberg": "significance",
    "fisher_greater": "significance", "SUGGESTION_COLUMNS": "suggestions", "suggest": "suggestions",
    "sureness": "suggestions", "simulate_bundle": "whatif",
}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BOUNDS", "DEFAULTS", "PAIR_COLUMNS", "SUGGESTION_COLUMNS", "TRIPLE_COLUMNS", "Baskets",
    "BundleResult", "BundleScenario", "Counts", "empty_baskets", "ItemFacts", "Mined", "Range",
    "benjamini_hochberg", "build_baskets", "count_itemsets", "fisher_greater",
    "item_elasticities", "item_stats", "itemset_table", "mine", "pair_table", "select",
    "simulate_bundle", "size_distribution", "suggest", "sureness", "threshold", "triple_table",
]
