"""Customers: who comes back, what they are worth, how satisfied they are.

- ``orders``: order lines → one row per order of a known customer; guests apart.
- ``activity``: new vs returning revenue, repeat-purchase rate, time between orders.
- ``cohorts``: monthly cohorts and retention curves.
- ``rfm``: recency / frequency / monetary scores and segments.
- ``bgnbd`` + ``gamma_gamma`` + ``clv``: customer lifetime value with an interval
  (Fader, Hardie & Lee 2005), on scipy.
- ``nps``: survey import and the Net Promoter Score with a confidence interval.
"""
from .activity import between_orders, new_vs_returning, repeat_rates
from .clv import by_group, customer_value, holdout_check, summary_frame
from .cohorts import cohort_table, retention_curve
from .orders import customer_orders, guest_orders
from .rfm import rfm_table, segment_summary

__all__ = ["between_orders", "by_group", "cohort_table", "customer_orders", "customer_value", "guest_orders",
           "holdout_check", "new_vs_returning", "repeat_rates", "retention_curve", "rfm_table",
           "segment_summary", "summary_frame"]
