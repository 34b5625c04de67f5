"""The market what-if as a scenario kind (issue 19 → issue 16): its saved inputs record
(``MarketScenario``: the product, market and channel, every number of the margin waterfall
as ``ecom_models.markets.MarketInputs`` holds it, and the target margin and entry
settings), and its results (``MarketResult.to_dict()`` plus the price for the target margin
and the entry break-even).

The last link of the chain price → forecast → stock → market: a market scenario may name a
saved forecast or pricing scenario (``parent_id``); the entry's units per month then come
from it instead of ``m_units``: a forecast of the product (level ``sku``) gives its what-if
units over the horizon ÷ weeks × 52/12; a pricing scenario the product's units per week at
the new price × 52/12. The parent's saved results are read, so the numbers stay reproducible.

Every assumption is pinned in the record (the user's edits and the reference values they
started from), so the results depend on the inputs and the model only: "recompute on
today's data" gives the same numbers unless the model changed. Bounds and defaults come from
``ecom_models.markets.scenario.BOUNDS``; the URL keys are the Markets page's ``m_*`` keys.
"""
from __future__ import annotations

from dataclasses import dataclass, fields as dc_fields
from pathlib import Path

from ecom_models.markets.scenario import BOUNDS, MarketInputs

from .fields import Field, FieldError, check_record, from_url
from .registry import register

KIND = "markets"
CHANNELS = ("own", "amazon", "ebay", "etsy")
FX_KEY = "markets.fx_overrides"        # the user's edited exchange rates (store setting)
ASSUMED_MARGIN_PCT = 40                # unit cost = 60 % of the net home price when the data has none
# URL key of each waterfall input the page lets the user edit (None: pinned, not in the URL)
URL_KEYS = {"list_price_gross_local": "m_price", "vat_pct": "m_vat", "shipping_cost_base_per_order": "m_ship",
            "shipping_fee_gross_local_per_order": "m_shipfee", "duty_pct": "m_duty",
            "marketplace_fee_pct": "m_fee", "payment_fee_pct": "m_pay", "return_rate_pct": "m_ret",
            "unit_cost_base": "m_cost", "fx_cost_pct": "m_fxcost", "units_per_order": "m_upo"}
_MARKET_DEFAULTS = {f.name: f.default for f in dc_fields(MarketInputs)}


def _market_field(name: str) -> Field:
    if name in BOUNDS:
        low, high, default = BOUNDS[name]
        return Field(name, URL_KEYS.get(name), "float", float(default), low, high, label=name.replace("_", " "))
    if name == "fee_on_gross":
        return Field(name, None, "choice", True, choices=(True, False), label="fee on the gross amount")
    return Field(name, None, "text", _MARKET_DEFAULTS[name], label=name.replace("_", " "))


FIELDS: tuple[Field, ...] = (
    Field("sku", "m_sku", "text", None, label="product"),
    Field("country", "m_country", "text", None, label="market"),
    Field("channel", "m_channel", "choice", "own", choices=CHANNELS, label="channel"),
    *(_market_field(f.name) for f in dc_fields(MarketInputs)),
    Field("target_margin_pct", "m_target", "float", 30.0, 0.0, 90.0, label="target margin %"),
    Field("fixed_costs_base", "m_fixed", "float", 5000.0, 0.0, 1e8, label="fixed entry costs"),
    Field("units_per_month", "m_units", "float", None, 0.0, 1e7, optional=True, label="units per month"),
    Field("price_ending", None, "text", "none", label="price ending"),
    Field("parent_id", None, "text", None, optional=True, label="units per month from scenario"),
)
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True, kw_only=True)
class MarketScenario(MarketInputs):
    """A saved market what-if: ``sku`` sold in ``country`` through ``channel``, the margin
    waterfall's inputs (it extends ``MarketInputs``), ``target_margin_pct`` for the
    price it needs (rounded to the market's ``price_ending``), and a market entry's
    ``fixed_costs_base`` with the expected ``units_per_month`` (None = not given)."""

    sku: str
    country: str
    channel: str = "own"
    target_margin_pct: float = 30.0
    fixed_costs_base: float = 5000.0
    units_per_month: float | None = None
    price_ending: str = "none"
    parent_id: str | None = None

    FIELDS = FIELDS

    def __post_init__(self) -> None:
        check_record(self, FIELDS)
        if not self.sku:
            raise FieldError("m_sku", "required", "a product is required")
        if not (len(self.country) == 2 and self.country.isalpha() and self.country.isupper()):
            raise FieldError("m_country", "text", f"must be a country code such as AT, got {self.country[:20]!r}")
        try:
            self.market_inputs()
        except ValueError as exc:
            name = str(exc).split(" ", 1)[0]
            raise FieldError(URL_KEYS.get(name, name), "between", str(exc)) from None

    def market_inputs(self) -> MarketInputs:
        """The model's input record (``ecom_models.markets.MarketInputs``)."""
        return MarketInputs(**{f.name: getattr(self, f.name) for f in dc_fields(MarketInputs)})

    @classmethod
    def from_inputs(cls, inputs: MarketInputs, **rest) -> "MarketScenario":
        """The record of a page's ``MarketInputs`` plus ``sku``, ``country``, ``channel`` ..."""
        return cls(**inputs.to_dict(), **rest)


def parent_units_per_month(db: Path, parent_id: str, sku: str) -> tuple[float, str]:
    """``(units per month, parent kind)`` of ``sku`` in the saved forecast or pricing
    scenario ``parent_id`` (``LookupError`` naming ``parent_id`` when it has none)."""
    from .saved import open_saved

    parent = open_saved(db, parent_id)
    if parent is None or parent.kind not in ("forecast", "pricing"):
        raise LookupError("parent_id: no saved forecast or pricing scenario with this id")
    results = parent.results or {}
    if parent.kind == "forecast":
        if results.get("level") != "sku" or str(results.get("series_id")) != sku:
            raise LookupError(f"parent_id: the forecast scenario is for {results.get('series_id')!r} "
                              f"(level {results.get('level')}), not the product {sku!r}")
        units = results.get("units_scenario")
        units = results.get("units_forecast") if units is None else units
        weeks = results.get("horizon_weeks") or 0
        if units is None or not weeks:
            raise LookupError("parent_id: the forecast scenario has no units")
        return float(units) / float(weeks) * WEEKS_PER_MONTH, "forecast"
    for row in results.get("per_sku", []):
        if str(row.get("sku")) == sku and row.get("units") is not None:
            return float(row["units"]) * WEEKS_PER_MONTH, "pricing"       # pricing results are per week
    raise LookupError(f"parent_id: the pricing scenario has no units for {sku!r}")


def load_data(db: Path, inputs: MarketScenario) -> dict | None:
    """The parent step's units per month (None without a parent): every other number is in
    the inputs."""
    if not inputs.parent_id:
        return None
    units, kind = parent_units_per_month(db, inputs.parent_id, inputs.sku)
    return {"units_per_month": units, "parent_kind": kind}


def compute(inputs: MarketScenario, data=None) -> dict:
    """The margin waterfall (``MarketResult.to_dict()``), the price for the target margin and
    the entry break-even (JSON-ready). ``data``: ``load_data``'s units per month of the parent
    step (used instead of ``units_per_month``), else not used."""
    from ecom_models.markets import break_even_units, compute as waterfall, months_to_break_even, price_for_margin

    from .pricing import plain

    market = inputs.market_inputs()
    result = waterfall(market)
    from_parent = isinstance(data, dict) and data.get("units_per_month") is not None
    units = float(data["units_per_month"]) if from_parent else inputs.units_per_month
    months = (months_to_break_even(inputs.fixed_costs_base, result.contribution_margin_base, units)
              if units is not None else None)
    return plain({**result.to_dict(), "currency": inputs.currency_base,
                  "target_price_local": price_for_margin(market, inputs.target_margin_pct, inputs.price_ending),
                  "break_even_units": break_even_units(inputs.fixed_costs_base, result.contribution_margin_base),
                  "months_to_break_even": months, "units_per_month": units,
                  "units_from": inputs.parent_id if from_parent else None})


def settings(inputs: MarketScenario) -> dict:
    """Nothing is estimated: the numbers follow from the pinned assumptions."""
    return {"fx_range": "all four corners of the FX move and the return-rate spread"}


# ------------------------------------------------------------------- the page's defaults

def page_defaults(db: Path, sku: str, country: str, channel: str, price: float | None) -> dict:
    """The record's values the Markets page starts from for ``sku`` in ``country`` through
    ``channel`` (``price``: the shelf price given, None = from the home price): the seller
    setting (or the one the data suggests), the shipped reference table and exchange rates
    with the user's edits, the product's home price and unit cost, the comparable-market demand."""
    from ecom_models.markets import (comparable_demand, default_inputs, load_rates, local_price_from_home,
                                     markets, SELLER_KEY)
    from ecom_models.markets.history import by_country
    from ecom_models.markets.seller import store_seller
    from ecom_models.store.queries import order_lines, products
    from ecom_models.store.settings import get_json

    lines = order_lines(db)
    overrides = get_json(db, FX_KEY, {}) or {}
    fx = load_rates().with_rates({str(k): float(v) for k, v in overrides.items()
                                  if isinstance(v, (int, float)) and v > 0})
    seller = store_seller(get_json(db, SELLER_KEY), lines, fx)
    table = markets()
    if country not in table.index:
        raise FieldError("m_country", "choice", f"{country!r} is not in the market table")
    row = table.loc[country]
    if not fx.has(str(row["currency"])) or not fx.has(seller.currency):
        raise LookupError(f"m_country: no exchange rate for {row['currency']}")
    home_vat = float(table.loc[seller.country, "vat_standard_pct"]) if seller.country in table.index else 0.0
    home = by_country(lines, sku=sku, home_vat_pct=home_vat)
    prices = home.loc[home["currency"] == seller.currency]
    home_gross = (float((prices["avg_gross_price"] * prices["units"]).sum() / prices["units"].sum())
                  if prices["units"].sum() else 10.0)
    known = products(db).dropna(subset=["unit_cost"])
    costs = known.loc[known["sku"].astype(str) == sku, "unit_cost"]
    unit_cost = (float(costs.iloc[0]) if len(costs) else
                 round(home_gross / (1 + home_vat / 100) * (1 - ASSUMED_MARGIN_PCT / 100), 2))
    everywhere = by_country(lines, sku=None, home_vat_pct=home_vat)
    orders = everywhere["orders"].sum()
    upo = round(float(everywhere["units"].sum() / orders), 2) if orders else 1.0
    x = fx.local_per_base(str(row["currency"]), seller.currency)
    start = local_price_from_home(home_gross, home_vat, float(row["vat_standard_pct"]), x, row["price_ending"])
    defaults, _ = default_inputs(seller, table, country, fx, price_gross_local=price or start,
                                 unit_cost_base=unit_cost, channel_kind=channel, units_per_order=max(1.0, upo))
    sold = everywhere.loc[everywhere["key"].astype(str).str.len() == 2]
    per_month = dict(zip(sold["key"], sold["units_per_month"]))
    comparables = {c: u for c, u in per_month.items() if c != country and c != seller.country}
    demand = comparable_demand(comparables or per_month, dict(zip(table.index, table["population_m"])),
                               float(row["population_m"]))
    return {**defaults.to_dict(), "list_price_gross_local": price or start,
            "units_per_month": round(demand.mid, 1) if demand else 0.0, "price_ending": str(row["price_ending"])}


def default_product(db: Path) -> str | None:
    """The product the page opens with: the one sold most (units)."""
    from ecom_models.store.queries import order_lines

    lines = order_lines(db)
    sold = lines.loc[lines["is_product"].to_numpy() & ~lines["is_return"].to_numpy()]
    if sold.empty:
        return None
    return str(sold.groupby(sold["sku"].astype(str), observed=True)["quantity"].sum().idxmax())


def build(db: Path, query: dict[str, str], **fixed) -> MarketScenario:
    """The record from ``m_*`` text: the values left out are the page's reference values."""
    by_key = {f.key: f for f in FIELDS}
    given = {by_key[k].name for k in query if k in by_key}
    sku = by_key["m_sku"].parse(query.get("m_sku", "")) or default_product(db)
    country = by_key["m_country"].parse(query.get("m_country", "")) or "AT"
    channel = by_key["m_channel"].parse(query.get("m_channel", ""))
    price = by_key["m_price"].parse(query["m_price"]) if query.get("m_price") else None
    if sku is None:
        raise FieldError("m_sku", "required", "the store has no product sales")
    defaults = page_defaults(db, sku, country, channel, price)
    fill = {k: v for k, v in defaults.items() if k not in given}
    return from_url(MarketScenario, FIELDS, query, **{"sku": sku, "country": country, **fill, **fixed})


MARKETS = register(KIND, MarketScenario, compute, load_fn=load_data, settings_fn=settings,
                   model_sources=("markets", "scenarios/markets.py"), build_fn=build)
