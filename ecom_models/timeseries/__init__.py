"""Shared time primitives: period arithmetic (``periods``) and the long-format panel
(``panel``: ``series_id``, ``period``, ``y``) used by sales, pricing and forecasting
(docs/architecture.md §2: "Time is shared")."""
from .panel import PANEL_COLUMNS, SeriesMatrix, build_panel, to_matrix
from .periods import FREQS, period_index, period_start, period_start_days, periods_per_year

__all__ = ["FREQS", "PANEL_COLUMNS", "SeriesMatrix", "build_panel", "period_index", "period_start",
           "period_start_days", "periods_per_year", "to_matrix"]
