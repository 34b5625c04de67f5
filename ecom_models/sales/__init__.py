"""Sales figures over the stored order lines: KPIs, time series, top lists."""
from .kpis import (Filters, apply_filters, countries, currencies, kpis, kpis_with_change,
                   previous_period)
from .breakdowns import last_period_is_partial, revenue_over_time, top_countries, top_products

__all__ = ["Filters", "apply_filters", "countries", "currencies", "kpis", "kpis_with_change", "previous_period",
           "last_period_is_partial", "revenue_over_time", "top_countries", "top_products"]
