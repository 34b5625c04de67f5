"""The pricing what-if as a scenario kind: its inputs record (``PricingInputs``), the one
place its bounds, defaults and URL keys live (``FIELDS``, ``BOUNDS``, ``DEFAULTS``), and how
its results are computed from the store.

Light on import (no pandas/numpy at module level) because ``ui/state.py`` reads the bounds
on every page. The model itself is ``ecom_models.pricing.simulate_price_change``; this
record pins what the model needs to give the same numbers again: the currency, the
products, the change, the assumed margin, the random seed and draws, the interval, and the
estimator's settings (``settings``).

Results (per week, in ``currency``): ``totals`` (units, revenue, gross profit and their
``*_low``/``*_high`` interval, the ``baseline_*`` of doing nothing, ``prob_profit_up``) and
``per_sku`` (the same per product, with its name, elasticity and confidence label).
"""
from __future__ import annotations

from dataclasses import dataclass, fields as dc_fields
from pathlib import Path
from typing import Any

from .fields import Field, check_record, record_from_dict, record_to_dict
from .registry import register

KIND = "pricing"
N_DRAWS = 2_000          # = ecom_models.pricing.response.N_DRAWS (checked in the tests)

FIELDS: tuple[Field, ...] = (
    Field("currency", "currency", "text", None, optional=True, label="currency"),
    Field("skus", "skus", "names", (), label="products"),
    Field("category", "category", "text", "", label="category"),
    Field("mode", "mode", "choice", "pct", choices=("pct", "price"), label="price change mode"),
    Field("price_change_pct", "change", "float", 5.0, -50.0, 100.0, label="price change %"),
    Field("new_price", "newprice", "float", None, 0.01, 1e7, optional=True, label="new price"),
    Field("assumed_margin_pct", "margin", "float", 40.0, 0.0, 95.0, label="assumed margin %"),
    Field("seed", None, "int", 0, 0, 2**32 - 1, label="random seed"),
    Field("n_draws", None, "int", N_DRAWS, 100, 100_000, label="simulation draws"),
    Field("interval_pct", None, "float", 90.0, 50.0, 99.0, label="interval %"),
)
# The best-price search on the same page (not part of a saved what-if): its bounds live here
# too, so the page, the URL codec and the record share one table.
BEST_PRICE_FIELDS: tuple[Field, ...] = (
    Field("min_margin_pct", "minmargin", "float", 10.0, 0.0, 95.0, label="minimum margin %"),
    Field("max_change_pct", "maxchange", "float", 15.0, 1.0, 50.0, label="maximum price change %"),
)
BY_KEY = {f.key: f for f in FIELDS + BEST_PRICE_FIELDS}
BOUNDS = {f.name: f.bounds for f in FIELDS + BEST_PRICE_FIELDS if f.kind in ("float", "int")}
DEFAULTS = {f.name: f.default for f in FIELDS + BEST_PRICE_FIELDS}


def field(url_key: str) -> Field:
    """The pricing field with this URL key (``change``, ``margin``, ``newprice``, ...)."""
    return BY_KEY[url_key]


@dataclass(frozen=True)
class PricingInputs:
    """A saved price what-if.

    ``currency``: the shop currency of the data and every amount (ISO code, e.g. ``EUR``);
    ``skus``: 1–20 products, or ``category``: every product of a category (it wins when
    given); ``mode``: ``"pct"`` (``price_change_pct``, % of today's price, -50 to +100) or
    ``"price"`` (``new_price`` in ``currency``, one product only); ``assumed_margin_pct``:
    gross margin in % of today's price for products without a unit cost (0–95);
    ``seed``/``n_draws``: the elasticity simulation; ``interval_pct``: coverage of the ranges;
    ``category_margins``: the shop's margin table at saving ((category, margin %) pairs,
    ``"*"`` = every other product), used before ``assumed_margin_pct`` for products without a
    unit cost (a setting of the Pricing page, not a URL value).
    """

    currency: str | None = None
    skus: tuple[str, ...] = ()
    category: str = ""
    mode: str = "pct"
    price_change_pct: float = 5.0
    new_price: float | None = None
    assumed_margin_pct: float = 40.0
    seed: int = 0
    n_draws: int = N_DRAWS
    interval_pct: float = 90.0
    category_margins: tuple[tuple[str, float], ...] = ()

    FIELDS = FIELDS

    def __post_init__(self) -> None:
        check_record(self, FIELDS)
        object.__setattr__(self, "category_margins", _margin_pairs(self.category_margins))
        if self.category:
            object.__setattr__(self, "skus", ())     # a category replaces a product list
        if not self.skus and not self.category:
            raise ValueError("skus: give at least one product or a category")
        if self.mode == "price":
            if self.new_price is None:
                raise ValueError("newprice: a new price is needed when mode is 'price'")
            if self.category or len(self.skus) != 1:
                raise ValueError("newprice: a new price applies to exactly one product")
        else:
            object.__setattr__(self, "new_price", None)

    def to_dict(self) -> dict:
        return {**record_to_dict(self), "category_margins": dict(self.category_margins)}

    @classmethod
    def from_dict(cls, data: dict) -> "PricingInputs":
        margins = data.get("category_margins") or {}
        if not isinstance(margins, dict):
            raise ValueError("category_margins must be a table of category -> margin %")
        return record_from_dict(cls, {**data, "category_margins": list(margins.items())})

    def model_scenario(self):
        """The model's own input record (``ecom_models.pricing.PriceScenario``)."""
        from ecom_models.pricing import PriceScenario

        if self.mode == "price":
            return PriceScenario(new_price=self.new_price, assumed_margin_pct=self.assumed_margin_pct)
        return PriceScenario(price_change_pct=self.price_change_pct,
                             assumed_margin_pct=self.assumed_margin_pct)


def _margin_pairs(value) -> tuple[tuple[str, float], ...]:
    """A margin table as sorted (category, margin %) pairs, each margin from 0 to below 100."""
    items = value.items() if isinstance(value, dict) else value
    margin = Field("category_margins", None, "float", None, 0.0, 99.999999)   # as the store allows
    pairs = []
    for item in items:
        category, pct = item
        if not isinstance(category, str) or not 0 < len(category) <= 200:
            raise ValueError("category_margins: a category is a name of at most 200 characters")
        pairs.append((category, margin.check(pct)))
    if len({c for c, _ in pairs}) != len(pairs):
        raise ValueError("category_margins: a category is listed twice")
    return tuple(sorted(pairs))


@dataclass(frozen=True)
class PricingData:
    """Today's data a pricing what-if needs: ``estimates`` (one row per SKU, as
    ``ecom_models.pricing.estimate_elasticities``), ``unit_costs`` (SKU -> cost in the
    currency) and ``names`` (SKU -> product name)."""

    estimates: Any
    unit_costs: Any
    names: Any


def estimator_settings(inputs: PricingInputs | None = None) -> dict:
    """The estimator behind the elasticities (pinned in a saved scenario): method, period
    and every parameter of ``CountElasticityEstimator`` (its defaults, as the page uses)."""
    from ecom_models.pricing.count_estimator import CountElasticityEstimator

    return {"method": "count", "freq": "W", "complete_periods_only": True,
            "params": CountElasticityEstimator().get_params()}


def load_data(db: Path, inputs: PricingInputs) -> PricingData:
    """Today's estimates for ``inputs.currency`` from the store at ``db``, estimated as the
    Pricing page does (``ui/pricing_data``: the count model on the catalogue-price panel with
    the products table for stock-outs); unit costs from product imports."""
    import pandas as pd

    from ecom_models.pricing import build_count_panel
    from ecom_models.pricing.count_estimator import CountElasticityEstimator
    from ecom_models.store.queries import order_lines, products

    lines = order_lines(db)
    lines = lines.loc[(lines["currency"] == inputs.currency).to_numpy()]
    settings, table = estimator_settings(inputs), products(db)
    panel = build_count_panel(lines, table, complete_periods_only=settings["complete_periods_only"])
    estimates = (CountElasticityEstimator(**settings["params"]).fit(panel).estimates_
                 if len(panel.skus) else pd.DataFrame(columns=["sku", "category"]))
    table = table.dropna(subset=["unit_cost"])
    costs = pd.Series(table["unit_cost"].to_numpy(dtype=float), index=table["sku"].astype(str))
    names = lines.drop_duplicates("sku").set_index("sku")["product_name"]
    return PricingData(estimates, costs, names)


def compute(inputs: PricingInputs, data: PricingData) -> dict:
    """The what-if's results, JSON-ready (Python floats; None where the model has no
    number, e.g. profit without any unit cost). Raises ``LookupError`` when a product or
    the category has no estimate in today's data."""
    from ecom_models.pricing import simulate_price_change

    known = set(data.estimates["sku"].astype(str))
    if inputs.category:
        if inputs.category not in set(data.estimates["category"].dropna().astype(str)):
            raise LookupError(f"category: no product of {inputs.category!r} has sales in {inputs.currency}")
        scope = {"category": inputs.category}
    else:
        missing = [s for s in inputs.skus if s not in known]
        if missing:
            raise LookupError(f"skus: no sales in {inputs.currency} for {', '.join(missing)}")
        scope = {"skus": list(inputs.skus)}
    result = simulate_price_change(data.estimates, inputs.model_scenario(), unit_costs=data.unit_costs,
                                   category_margins=dict(inputs.category_margins) or None,
                                   n_draws=inputs.n_draws, seed=inputs.seed,
                                   interval=inputs.interval_pct / 100, **scope)
    per_sku = result.per_sku.assign(product=[_name(data.names, s) for s in result.per_sku["sku"].astype(str)])
    return {"currency": inputs.currency, "period": "week", "interval_pct": inputs.interval_pct,
            "totals": plain(result.totals.to_dict("records")[0]),
            "per_sku": [plain(row) for row in per_sku.to_dict("records")]}


def _name(names, sku: str) -> str:
    value = names.get(sku) if hasattr(names, "get") else None
    return "" if value is None or value != value else str(value)


def plain(value: Any) -> Any:
    """``value`` with numpy/pandas scalars as Python values and non-finite floats as None,
    recursively (JSON without NaN; a float keeps every bit)."""
    import math

    import numpy as np

    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):
        return None if value != value else value.isoformat()
    return str(value)


INPUT_NAMES = tuple(f.name for f in dc_fields(PricingInputs))
PRICING = register(KIND, PricingInputs, compute, load_fn=load_data, settings_fn=estimator_settings,
                   model_sources=("pricing", "scenarios/pricing.py"))
