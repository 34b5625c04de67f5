"""The models a forecast chooses from, and the baseline it must beat.

Names are stable codes (the page and the CLI word them; ``messages`` ``model.*``).
"""
from __future__ import annotations

from ..timeseries.periods import grain, season_length
from .baselines import Naive, SeasonalNaive, SeasonalRatio, WindowAverage
from .ets import SeasonalETS
from .global_model import GlobalBoosting
from .intermittent import TSB, Croston
from .smoothing import SES, DampedHolt

BASELINE = "seasonal_naive"
MODELS = ("seasonal_naive", "naive", "moving_average", "ses", "damped_holt", "sba", "tsb",
          "seasonal_ratio", "seasonal_ets", "global_boosting")
FAMILIES = {"seasonal_naive": "baseline", "naive": "baseline", "moving_average": "smoothing",
            "ses": "smoothing", "damped_holt": "smoothing", "sba": "intermittent",
            "tsb": "intermittent", "seasonal_ratio": "seasonal", "seasonal_ets": "seasonal",
            "global_boosting": "global"}


def default_candidates(freq: str = "week", horizon: int = 8, country: str = "DE",
                       include: tuple[str, ...] | None = None, prices=None) -> dict:
    """Unfitted forecasters by name (``MODELS``; ``include`` picks a subset). ``prices``:
    ``price_features.PriceInputs`` for the global model's price features (None: none)."""
    g = grain(freq)
    m = season_length(g)
    models = {
        # daily data: the baseline repeats last week's same weekday; weekly: last year's week
        "seasonal_naive": SeasonalNaive(season_length=7 if g == "day" else m),
        "naive": Naive(),
        "moving_average": WindowAverage(window=13 if g == "week" else 28),
        "ses": SES(),
        "damped_holt": DampedHolt(),
        "sba": Croston(variant="sba"),
        "tsb": TSB(),
        "seasonal_ratio": SeasonalRatio(season_length=m, window=8 if g == "week" else 28),
        "seasonal_ets": SeasonalETS(season_length=m),
        "global_boosting": GlobalBoosting(max_horizon=horizon, freq=g, country=country, prices=prices),
    }
    if g == "day":     # a 365-day seasonal ETS per series is too slow to be worth it
        models.pop("seasonal_ets")
    return {k: v for k, v in models.items() if include is None or k in include}
