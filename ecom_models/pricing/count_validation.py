"""Model check that checks the elasticity: what the price effect adds on held-out weeks.

One calendar split for all SKUs: the last ``holdout_fraction`` of weeks are the test set.
Three forecasts of each test week's standard-tier units, all fitted on the weeks before
the cut-off only (the training panel is built from the training lines, so nothing after
the cut-off leaks in; the test weeks' catalogue prices and promotion flags come from the
full panel, as a manager planning a price knows them):

* ``model``: the count model (price, trend, season, promotion);
* ``no_price``: the same model with elasticity 0 — the difference to ``model`` is what the
  price effect adds;
* ``naive``: "same as the last training week".

Scored on SKUs that both models estimate, on every available test week (zero weeks
included; inferred stock-out weeks left out). Metrics: WAPE = Σ|actual − forecast| /
Σ actual (Kolassa & Schütz 2007, *Foresight* 6:40–43), and the mean Poisson deviance
``2 Σ [y log(y/mu) − (y − mu)] / n`` (McCullagh & Nelder 1989 §2.3), overall and on the
SKUs whose catalogue price in the test weeks differs from the last training week's (the
only place a price effect can show).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .catalogue import build_count_panel
from .count_estimator import CountElasticityEstimator


@dataclass(frozen=True)
class CountHoldoutReport:
    """WAPE (fraction) and mean Poisson deviance of the three forecasts, overall and on
    ``n_skus_price_moved`` SKUs whose price moved; ``share_price_helps``: share of those
    SKUs where the price model's deviance is lower than the no-price model's."""

    wape_model: float
    wape_no_price: float
    wape_naive: float
    deviance_model: float
    deviance_no_price: float
    n_skus: int
    n_skus_price_moved: int
    wape_model_moved: float
    wape_no_price_moved: float
    share_price_helps: float
    cutoff_period: pd.Timestamp


def _wape(y, f) -> float:
    return float(np.abs(y - f).sum() / y.sum()) if y.sum() > 0 else np.nan


def _deviance(y, mu) -> np.ndarray:
    mu = np.maximum(mu, 1e-12)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(y / mu), 0.0)
    return 2 * (term - (y - mu))


def validate_count_holdout(lines: pd.DataFrame, products: pd.DataFrame | None = None, *,
                           holdout_fraction: float = 0.2,
                           estimator: CountElasticityEstimator | None = None) -> CountHoldoutReport:
    """Fit on the first weeks, forecast the last ``holdout_fraction`` of them (see module)."""
    if not 0.0 < holdout_fraction < 1.0:
        raise ValueError("holdout_fraction must be between 0 and 1, e.g. 0.2")
    full = build_count_panel(lines, products)
    periods = np.sort(full.panel["period"].unique())
    n_test = int(np.ceil(holdout_fraction * periods.size))
    if periods.size < 10 or n_test >= periods.size:
        raise ValueError("the data have too few weeks for a hold-out split")
    cutoff = pd.Timestamp(periods[periods.size - n_test])
    train = build_count_panel(lines.loc[(lines["ordered_at"] < cutoff).to_numpy()], products=None)
    from sklearn.base import clone

    template = estimator if estimator is not None else CountElasticityEstimator()
    with_price = clone(template).set_params(price_term=True).fit(train)
    no_price = clone(template).set_params(price_term=False).fit(train)
    test = full.panel[(full.panel["period"] >= cutoff).to_numpy() & ~full.panel["unavailable"].to_numpy()]
    f_model, f_zero = with_price.predict(test), no_price.predict(test)
    last_train = train.panel.groupby("sku", observed=True).tail(1).set_index("sku")
    naive = test["sku"].astype(str).map(last_train["units"]).to_numpy(dtype=float)
    estimable = with_price.estimates_.set_index("sku")["elasticity"].notna()
    keep = (test["sku"].astype(str).map(estimable).fillna(False).to_numpy(dtype=bool)
            & np.isfinite(f_model) & np.isfinite(f_zero) & np.isfinite(naive))
    y = test["units"].to_numpy(dtype=float)[keep]
    fm, fz, fn = f_model[keep], f_zero[keep], naive[keep]
    sku = test["sku"].astype(str).to_numpy()[keep]
    price_then = sku_price = test["list_price"].to_numpy(dtype=float)[keep]
    sku_price = pd.Series(sku).map(last_train["list_price"]).to_numpy(dtype=float)
    moved_row = np.abs(np.log(price_then / sku_price)) > np.log1p(0.01)
    moved_skus = set(sku[moved_row])
    moved = np.isin(sku, list(moved_skus))
    dm, dz = _deviance(y, fm), _deviance(y, fz)
    per = pd.DataFrame({"sku": sku[moved], "dm": dm[moved], "dz": dz[moved]}).groupby("sku").sum()
    return CountHoldoutReport(
        wape_model=_wape(y, fm), wape_no_price=_wape(y, fz), wape_naive=_wape(y, fn),
        deviance_model=float(dm.mean()) if dm.size else np.nan,
        deviance_no_price=float(dz.mean()) if dz.size else np.nan,
        n_skus=int(np.unique(sku).size), n_skus_price_moved=len(moved_skus),
        wape_model_moved=_wape(y[moved], fm[moved]), wape_no_price_moved=_wape(y[moved], fz[moved]),
        share_price_helps=float((per["dm"] < per["dz"]).mean()) if len(per) else np.nan,
        cutoff_period=cutoff)
