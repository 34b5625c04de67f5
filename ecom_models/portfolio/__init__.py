"""Portfolio: which products carry the shop and which just sit there.

- ``summary``: one row per product (channel, SKU) over an analysis window: revenue,
  units, returns, gross profit, stock, last sale, trend.
- ``abcxyz``: ABC by revenue or gross-profit share, XYZ by the variability of weekly demand.
- ``sleepers``: best-sellers and sleepers, each sleeper with a suggested action as a
  message code (reduce the price, bundle it, or delist it) and its evidence.
- ``returns``: return rates by product, category and country, revenue and margin lost.
"""
from .abcxyz import abc_classes, abcxyz, matrix, xyz_classes
from .returns import return_rates, returns_by, unprofitable
from .sleepers import best_sellers, partners, sleepers
from .summary import product_summary

__all__ = ["abc_classes", "abcxyz", "best_sellers", "matrix", "partners", "product_summary",
           "return_rates", "returns_by", "sleepers", "unprofitable", "xyz_classes"]
