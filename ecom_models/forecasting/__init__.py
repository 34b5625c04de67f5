"""Demand forecasting and stock planning (issue 18).

* ``series``: net units per SKU / category / country / total and period (long panel or matrix);
* models with one scikit-learn-style interface (``base``): ``baselines`` (naive, seasonal
  naive, moving average, growth-adjusted seasonal naive), ``smoothing`` (SES, damped
  Holt; vectorised), ``intermittent`` (Croston/SBA, TSB; vectorised), ``ets`` (statsmodels
  seasonal ETS), ``global_model`` (gradient boosting across all series, ``features``,
  ``events``);
* ``backtest`` (rolling origin, ``sklearn.base.clone``), ``metrics`` (MASE, WAPE),
  ``intervals`` (calibrated on backtest errors), ``pipeline.forecast`` (choose per series);
* ``scenario`` (what-if inputs and result), ``whatif``, ``inventory`` (safety stock,
  reorder point, order quantity, stock-out date and probability).

Nothing heavy is imported here; import the submodules.
"""
__all__ = ["backtest", "baselines", "candidates", "events", "global_model", "intermittent", "intervals",
           "inventory", "metrics", "pipeline", "scenario", "series", "smoothing", "whatif"]
