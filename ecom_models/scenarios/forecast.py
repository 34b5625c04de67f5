"""The forecast → stock what-if as a scenario kind (issue 18 → issue 16): its saved inputs
record (``ForecastInputs``: the Forecast & stock page's ``f_*`` URL values), how its data is
loaded from the store as ``ui/forecast_view`` loads it (the backtested forecasts of the
level's best sellers, the stock export, the pricing model's elasticity), and its results
(``ecom_models.forecasting.ForecastOutcome`` as JSON).

The chain price → forecast → stock: a forecast scenario may name a saved pricing scenario
(``parent_id``); the price change then comes from it (the product's own change in that
scenario, or the scenario's % change) instead of ``f_price``, and the saved record shows
both steps. Bounds and defaults come from ``ecom_models.forecasting.scenario.BOUNDS``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ecom_models.forecasting.scenario import BOUNDS, ForecastScenario

from .fields import Field, FieldError, check_record, from_url
from .registry import register

KIND = "forecast"
TOP = 50                  # best-selling series forecast (as the page)
MIN_WEEKS = 16            # complete weeks needed before the page forecasts
HORIZONS = (4, 8, 13, 26)
LEVELS = ("sku", "country", "category", "total")


def _bound(name: str, key: str, label: str, kind: str = "float") -> Field:
    low, high, default = BOUNDS[name]
    return Field(name, key, kind, default, low, high, label=label)


FIELDS: tuple[Field, ...] = (
    Field("level", "f_level", "choice", "sku", choices=LEVELS, label="forecast level"),
    Field("series", "f_series", "text", None, label="series"),
    Field("horizon_weeks", "f_h", "int", 8, *BOUNDS["horizon_weeks"][:2], label="weeks ahead"),
    _bound("price_change_pct", "f_price", "price change %"),
    Field("promo_week", "f_promo", "int", 0, 0, BOUNDS["horizon_weeks"][1], label="promotion week"),
    _bound("promo_discount_pct", "f_disc", "promotion discount %"),
    Field("current_stock_units", "f_stock", "float", None, 0.0, 1e9, optional=True, label="stock on hand"),
    _bound("lead_time_days", "f_lead", "lead time (days)", "int"),
    _bound("review_period_days", "f_review", "order interval (days)", "int"),
    _bound("service_level_pct", "f_sl", "service level %"),
    _bound("min_order_qty_units", "f_moq", "minimum order"),
    Field("parent_id", None, "text", None, optional=True, label="price change from scenario"),
)


@dataclass(frozen=True)
class ForecastInputs:
    """A saved forecast what-if: ``level`` and ``series`` (a SKU, country, category or
    ``total``), ``horizon_weeks`` (4, 8, 13 or 26, as the page offers), the price change
    (``price_change_pct``, or from the pricing scenario ``parent_id``), a promotion week
    (``promo_week``, 0 = none) with its discount, and the stock plan's settings
    (``ForecastScenario``; ``current_stock_units`` None = from the stock export)."""

    series: str
    level: str = "sku"
    horizon_weeks: int = 8
    price_change_pct: float = BOUNDS["price_change_pct"][2]
    promo_week: int = 0
    promo_discount_pct: float = BOUNDS["promo_discount_pct"][2]
    current_stock_units: float | None = None
    lead_time_days: int = BOUNDS["lead_time_days"][2]
    review_period_days: int = BOUNDS["review_period_days"][2]
    service_level_pct: float = BOUNDS["service_level_pct"][2]
    min_order_qty_units: float = BOUNDS["min_order_qty_units"][2]
    parent_id: str | None = None

    FIELDS = FIELDS

    def __post_init__(self) -> None:
        check_record(self, FIELDS)
        if not self.series:
            raise FieldError("f_series", "required", "a series is required")
        if self.horizon_weeks not in HORIZONS:
            raise FieldError("f_h", "choice", f"must be one of {', '.join(map(str, HORIZONS))}, "
                             f"got {self.horizon_weeks}", allowed=", ".join(map(str, HORIZONS)))
        if self.promo_week > self.horizon_weeks:
            raise FieldError("f_promo", "between", f"must be a week from 0 to {self.horizon_weeks}",
                             low="0", high=str(self.horizon_weeks))
        if not self.promo_week:
            object.__setattr__(self, "promo_discount_pct", 0.0)   # as the page: no promotion, no discount
        self.model_scenario()

    def model_scenario(self, price_change_pct: float | None = None) -> ForecastScenario:
        """The model's input record; ``price_change_pct``: the change from the parent step."""
        return ForecastScenario(
            horizon_weeks=self.horizon_weeks, lead_time_days=self.lead_time_days,
            review_period_days=self.review_period_days, service_level_pct=self.service_level_pct,
            current_stock_units=self.current_stock_units, min_order_qty_units=self.min_order_qty_units,
            price_change_pct=self.price_change_pct if price_change_pct is None else float(price_change_pct),
            promo_week=self.promo_week or None, promo_discount_pct=self.promo_discount_pct)


@dataclass(frozen=True)
class ForecastData:
    """Today's data of a forecast what-if: the shared ``run`` (``pipeline.ForecastRun``),
    the series' ``stock_known`` from the stock export (None = unknown), the price change
    used (``price_change_pct``, from the parent when there is one, else None) and the
    ``elasticity`` (``whatif.Elasticity``, None when the pricing model has none)."""

    run: Any
    stock_known: float | None
    price_change_pct: float | None
    elasticity: Any


def sku_currency(lines, sku: str) -> str | None:
    """The currency most of the SKU's lines are in (the pricing model works per currency)."""
    mine = lines.loc[(lines["sku"] == sku).to_numpy(), "currency"].astype(str)
    counts = mine.value_counts()
    if counts.empty:
        return None
    top = counts.loc[counts == counts.max()].index
    return str(sorted(top)[0])


def run_for(lines, level: str, horizon: int):
    """The backtested forecasts of the level's best sellers (None: too little history)."""
    from ecom_models.forecasting.pipeline import forecast
    from ecom_models.forecasting.series import build_series

    matrix = build_series(lines, level, "week", top=TOP)
    if matrix.values.shape[0] == 0 or matrix.values.shape[1] < MIN_WEEKS:
        return None
    return forecast(matrix, horizon)


def parent_change(db: Path, parent_id: str, series: str) -> float:
    """The price change (%) of ``series`` in the saved pricing scenario ``parent_id``."""
    from .saved import open_saved

    parent = open_saved(db, parent_id)
    if parent is None or parent.kind != "pricing":
        raise LookupError("parent_id: no saved pricing scenario with this id")
    for row in parent.results.get("per_sku", []):
        if str(row.get("sku")) == series and row.get("price_change_pct") is not None:
            return float(row["price_change_pct"])
    if parent.inputs.mode == "pct":
        return float(parent.inputs.price_change_pct)
    raise LookupError(f"parent_id: the pricing scenario sets no price for {series!r}")


def load_data(db: Path, inputs: ForecastInputs) -> ForecastData:
    """The what-if's data from the store at ``db``, built as the Forecast page builds it."""
    from ecom_models.forecasting.inventory import stock_lookup
    from ecom_models.forecasting.whatif import elasticity_from_table
    from ecom_models.pricing import estimate_elasticities
    from ecom_models.store.queries import order_lines, products

    lines = order_lines(db)
    run = run_for(lines, inputs.level, inputs.horizon_weeks)
    if run is None:
        raise LookupError(f"f_level: too little history to forecast (at least {MIN_WEEKS} weeks)")
    if inputs.series not in set(run.chosen.index):
        raise LookupError(f"f_series: {inputs.series!r} is not among the {TOP} best sellers forecast")
    change = parent_change(db, inputs.parent_id, inputs.series) if inputs.parent_id else None
    stock = stock_lookup(products(db), [inputs.series]).get(inputs.series)
    stock = None if stock is None or stock != stock else float(stock)
    scenario = inputs.model_scenario(change)
    elasticity = None
    if _whatif_on(scenario) and inputs.level == "sku":
        currency = sku_currency(lines, inputs.series)
        if currency:
            elasticity = elasticity_from_table(
                estimate_elasticities(lines.loc[(lines["currency"] == currency).to_numpy()]), inputs.series)
    return ForecastData(run, stock, change, elasticity)


def _whatif_on(scenario: ForecastScenario) -> bool:
    return scenario.price_change_pct != 0 or (scenario.promo_week is not None and scenario.promo_discount_pct > 0)


def outcome_json(run, outcome, *, level: str, price_change_pct: float, parent_id: str | None,
                 elasticity, stock_known: float | None) -> dict:
    """A ``ForecastOutcome`` (and the series' backtest scores) as JSON-ready results."""
    from .pricing import plain

    weeks = outcome.weeks
    scores = run.scores.loc[run.scores["series_id"] == outcome.series_id].set_index("model")
    own = scores["mase"].get(outcome.model)
    base = scores["mase"].get("seasonal_naive")
    return plain({
        "series_id": outcome.series_id, "level": level, "model": outcome.model,
        "horizon_weeks": int(len(weeks)), "price_change_pct": price_change_pct, "price_from": parent_id,
        "units_forecast": outcome.units_forecast, "units_scenario": outcome.units_scenario,
        "units_lo80": float(weeks["lo80"].sum()), "units_hi80": float(weeks["hi80"].sum()),
        "units_baseline": float(weeks["baseline"].sum()),
        "scenario_lo80": float(weeks["scenario_lo80"].sum()), "scenario_hi80": float(weeks["scenario_hi80"].sum()),
        "mase": own, "mase_seasonal_naive": base,
        "coverage": {str(k): v for k, v in run.coverage.items()},
        "elasticity": None if elasticity is None else asdict(elasticity), "stock_known": stock_known,
        "stock": asdict(outcome.stock),
        "weeks": weeks.assign(period=weeks["period"].dt.date.astype(str)).to_dict("records"),
        "notes": [[code, params] for code, params in outcome.notes],
    })


def compute(inputs: ForecastInputs, data: ForecastData) -> dict:
    """Forecast vs what-if and the stock plan for the series (JSON-ready)."""
    from ecom_models.forecasting.whatif import evaluate

    scenario = inputs.model_scenario(data.price_change_pct)
    elasticity = data.elasticity if _whatif_on(scenario) and inputs.level == "sku" else None
    try:
        outcome = evaluate(data.run, inputs.series, scenario, elasticity, data.stock_known)
    except KeyError as exc:
        raise LookupError(f"f_series: {exc}") from None
    return outcome_json(data.run, outcome, level=inputs.level, price_change_pct=scenario.price_change_pct,
                        parent_id=inputs.parent_id, elasticity=elasticity, stock_known=data.stock_known)


def settings(inputs: ForecastInputs) -> dict:
    """What the forecasts depend on besides the inputs: series kept, history needed, the
    method choice and where the elasticity comes from."""
    return {"top": TOP, "min_weeks": MIN_WEEKS, "freq": "week",
            "selection": "rolling-origin backtest per series (pipeline.forecast defaults)",
            "elasticity": "pricing.estimate_elasticities in the SKU's own currency; shop median when missing"}


def default_series(db: Path, level: str) -> str | None:
    """The series the page opens with: the level's best seller."""
    from ecom_models.forecasting.series import build_series
    from ecom_models.store.queries import order_lines

    matrix = build_series(order_lines(db), level, "week", top=TOP)
    return str(matrix.ids[0]) if matrix.values.shape[0] else None


def build(db: Path, query: dict[str, str], **fixed) -> ForecastInputs:
    """The record from ``f_*`` text; the series defaults to the level's best seller."""
    if not query.get("f_series") and "series" not in fixed:
        level = query.get("f_level") or "sku"
        fixed["series"] = default_series(db, level) if level in LEVELS else None
    return from_url(ForecastInputs, FIELDS, query, **fixed)


FORECAST = register(KIND, ForecastInputs, compute, load_fn=load_data, settings_fn=settings,
                    model_sources=("forecasting", "scenarios/forecast.py"), build_fn=build)
