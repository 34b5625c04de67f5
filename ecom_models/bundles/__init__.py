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
from .baskets import Baskets, build_baskets, item_stats, select, size_distribution
from .metrics import PAIR_COLUMNS, TRIPLE_COLUMNS, itemset_table, pair_table, triple_table
from .mining import Counts, count_itemsets, threshold
from .mined import Mined, mine
from .price_response import item_elasticities
from .scenario import BOUNDS, DEFAULTS, BundleResult, BundleScenario, ItemFacts, Range
from .significance import benjamini_hochberg, fisher_greater
from .suggestions import SUGGESTION_COLUMNS, suggest, sureness
from .whatif import simulate_bundle

__all__ = [
    "BOUNDS", "DEFAULTS", "PAIR_COLUMNS", "SUGGESTION_COLUMNS", "TRIPLE_COLUMNS", "Baskets",
    "BundleResult", "BundleScenario", "Counts", "ItemFacts", "Mined", "Range",
    "benjamini_hochberg", "build_baskets", "count_itemsets", "fisher_greater",
    "item_elasticities", "item_stats", "itemset_table", "mine", "pair_table", "select",
    "simulate_bundle", "size_distribution", "suggest", "sureness", "threshold", "triple_table",
]
