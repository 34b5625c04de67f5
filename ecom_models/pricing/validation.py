"""Hold-out check of the demand model against the do-nothing forecast.

The panel's periods are split once in calendar time: the last ``holdout_fraction`` of
periods (default 20 %) are the test set, the rest the training set. The same split for
every SKU means nothing after the cut-off leaks into the fit (the seasonal curve is
shared across SKUs, so per-SKU cut-offs would let one SKU's later weeks inform another's
test weeks).

* Model: the full estimator (trend, shared seasonality, pooled elasticity) fitted on the
  training periods, predicting each test period's units from that period's actual price
  (median forecast ``exp(E[log units])``, which suits absolute errors).
* Baseline: the SKU's units in its last training period with sales ("last period's
  units"), for every test period.
* Both are scored on test periods with sales (a period without sales has no price to feed
  the model), for SKUs with at least ``min_train_periods`` training periods with sales and
  an estimate.

Metrics: per-SKU mean absolute error (units per period) and the overall weighted absolute
percentage error, WAPE = Σ|actual − forecast| / Σ actual, the MAD/mean ratio of Kolassa &
Schütz (2007, *Foresight* 6:40–43): scale-free, and unlike MAPE fine with small counts.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .design import infer_freq
from .elasticity import ElasticityEstimator

REPORT_COLUMNS = ("sku", "n_train_periods", "n_test_periods", "mae_model", "mae_naive", "model_better")


@dataclass(frozen=True)
class HoldoutReport:
    """Result of :func:`validate_holdout`.

    ``per_sku``: DataFrame with ``REPORT_COLUMNS`` (MAE in units per period;
    ``model_better`` = model MAE < baseline MAE). ``wape_model``, ``wape_naive``: overall
    WAPE (fraction, 0.35 = 35 %). ``n_skus``: SKUs scored. ``share_model_better``: fraction
    of scored SKUs where the model's MAE is lower. ``cutoff_period``: first test period.
    """

    per_sku: pd.DataFrame
    wape_model: float
    wape_naive: float
    n_skus: int
    share_model_better: float
    cutoff_period: pd.Timestamp


def validate_holdout(panel: pd.DataFrame, *, holdout_fraction: float = 0.2,
                     min_train_periods: int = 12,
                     estimator: ElasticityEstimator | None = None) -> HoldoutReport:
    """Fit on the first 80 % of periods, forecast the last 20 %, compare with the baseline.

    ``panel``: from :func:`build_price_panel`; ``estimator``: an unfitted
    :class:`ElasticityEstimator` whose parameters are used (default parameters if None).
    """
    if not 0.0 < holdout_fraction < 1.0:
        raise ValueError("holdout_fraction must be between 0 and 1, e.g. 0.2")
    from sklearn.base import clone

    template = estimator if estimator is not None else ElasticityEstimator()
    freq = infer_freq(panel, template.get_params()["freq"])
    periods = np.sort(panel["period"].unique())
    n_test = int(np.ceil(holdout_fraction * periods.size))
    if periods.size < 2 or n_test >= periods.size:
        raise ValueError("the panel has too few periods for a hold-out split")
    cutoff = periods[periods.size - n_test]

    data = panel.sort_values(["sku", "period"], kind="stable")
    sold = (data["units"] > 0) & (data["price"] > 0)
    train = data[data["period"] < cutoff]
    test = data[(data["period"] >= cutoff) & sold]
    train_sold = train[sold.loc[train.index]]
    n_train = train_sold.groupby("sku").size()
    naive = train_sold.groupby("sku")["units"].last()

    model = clone(template).set_params(freq=freq).fit(train)   # any sklearn-style estimator
    forecast = model.predict(test)
    scored = test.assign(model=forecast, naive=test["sku"].map(naive).to_numpy())
    enough = scored["sku"].map(n_train).fillna(0).to_numpy() >= min_train_periods
    scored = scored[enough & np.isfinite(scored["model"]) & np.isfinite(scored["naive"])]
    err_m = (scored["units"] - scored["model"]).abs()
    err_n = (scored["units"] - scored["naive"]).abs()
    grouped = pd.DataFrame({"sku": scored["sku"], "m": err_m, "n": err_n}).groupby("sku")
    per_sku = pd.DataFrame({
        "n_train_periods": n_train.reindex(grouped.size().index).astype(int),
        "n_test_periods": grouped.size(),
        "mae_model": grouped["m"].mean(),
        "mae_naive": grouped["n"].mean(),
    })
    per_sku["model_better"] = per_sku["mae_model"] < per_sku["mae_naive"]
    per_sku = per_sku.rename_axis("sku").reset_index()[list(REPORT_COLUMNS)]
    total = scored["units"].sum()
    return HoldoutReport(
        per_sku=per_sku,
        wape_model=float(err_m.sum() / total) if total > 0 else np.nan,
        wape_naive=float(err_n.sum() / total) if total > 0 else np.nan,
        n_skus=len(per_sku),
        share_model_better=float(per_sku["model_better"].mean()) if len(per_sku) else np.nan,
        cutoff_period=pd.Timestamp(cutoff),
    )
