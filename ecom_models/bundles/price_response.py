"""The products' price response for the bundle what-if, from the pricing model when it can
give one: the one place that calls ``ecom_models.pricing`` (its interface is being
reworked; a change of signature is a one-line fix in ``_estimate``).

When pricing is unavailable or fails, the what-if uses its labelled assumption
(``BundleScenario.assumed_elasticity``) and says so (``bundle.note.elasticity_assumed``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

RESPONSE_COLUMNS = ("sku", "elasticity", "elasticity_sd", "confidence")


def _estimate(lines: pd.DataFrame) -> pd.DataFrame:
    from ecom_models.pricing import estimate_elasticities

    return estimate_elasticities(lines)


def item_elasticities(lines: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """Per SKU of ``lines`` (one currency): ``RESPONSE_COLUMNS``, only SKUs with a usable
    estimate (finite, negative, not flagged by the pricing model); and None, or the code of
    why there is none (``bundle.note.pricing_unavailable``)."""
    empty = pd.DataFrame({c: pd.Series(dtype=float if c.startswith("elast") else object)
                          for c in RESPONSE_COLUMNS})
    try:
        table = _estimate(lines)
        frame = pd.DataFrame({"sku": table["sku"].astype(str),
                              "elasticity": pd.to_numeric(table["elasticity"], errors="coerce"),
                              "elasticity_sd": pd.to_numeric(table["elasticity_sd"], errors="coerce"),
                              "confidence": table["confidence"].astype(str),
                              "flag": table.get("flag", pd.Series("", index=table.index)).fillna("")})
    except (ImportError, AttributeError, KeyError, TypeError, ValueError, np.linalg.LinAlgError):
        return empty, "bundle.note.pricing_unavailable"
    usable = (np.isfinite(frame["elasticity"]) & (frame["elasticity"] < 0)
              & np.isfinite(frame["elasticity_sd"]) & (frame["flag"] == ""))
    return frame.loc[usable, list(RESPONSE_COLUMNS)].reset_index(drop=True), None
