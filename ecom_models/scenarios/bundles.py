"""The bundle what-if as a scenario kind (issue 17 → issue 16): its saved inputs record
(``BundleInputs``: the Bundles page's ``b_*`` URL values that change the what-if), how its
data is loaded from the store as the page loads it (``ui/bundles_view``: baskets of the
shop/period/country, the pricing model's price responses, unit costs), and its results
(``ecom_models.bundles.BundleResult`` as JSON).

Bounds and defaults come from the model's record (``ecom_models.bundles.scenario.BOUNDS``),
so the page, the URL codec (``ui/state.py``) and this record share one table. The page's
mining settings (``b_minsup``, ``b_mincount``) do not change the what-if (its rates come
from all orders of the selection), so they are not part of the saved record.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields as dc_fields
from datetime import date
from pathlib import Path
from typing import Any

from ecom_models.bundles.scenario import BOUNDS, DEFAULTS, MAX_ITEMS, MIN_ITEMS, BundleScenario

from .fields import Field, FieldError, check_record, from_url
from .registry import register

KIND = "bundles"
_MODEL_DEFAULTS = {f.name: f.default for f in dc_fields(BundleScenario)}


def _number(name: str, key: str | None, label: str, optional: bool = False, kind: str = "float") -> Field:
    low, high = BOUNDS[name]
    return Field(name, key, kind, DEFAULTS[name], low, high, optional=optional, label=label)


FIELDS: tuple[Field, ...] = (
    Field("channel", "b_channel", "text", None, label="shop"),
    Field("date_from", "b_from", "text", None, optional=True, label="start date"),
    Field("date_to", "b_to", "text", None, optional=True, label="end date"),
    Field("country", "b_country", "text", "", label="country"),
    Field("skus", "b_items", "names", (), label="bundle products"),
    Field("mode", "b_mode", "choice", "pct", choices=("pct", "price"), label="bundle price mode"),
    _number("discount_pct", "b_discount", "bundle discount %"),
    _number("bundle_price", "b_price", "bundle price", optional=True),
    _number("assumed_elasticity", "b_elast", "assumed price response"),
    _number("assumed_margin_pct", "b_margin", "assumed margin %"),
    _number("interval_pct", None, "interval %"),
    Field("draws", None, "int", _MODEL_DEFAULTS["draws"], 100, 100_000, label="simulation draws"),
)


@dataclass(frozen=True)
class BundleInputs:
    """A saved bundle what-if: ``channel`` (the shop), the orders it stands on (``date_from``
    / ``date_to`` as ISO dates, None = the shop's first/last day; ``country``, "" = all),
    ``skus`` (2–3 products), ``mode`` ``"pct"`` (``discount_pct`` off today's prices) or
    ``"price"`` (``bundle_price`` in the shop currency), and the model's assumptions and
    simulation settings (``BundleScenario``)."""

    channel: str
    skus: tuple[str, ...]
    date_from: str | None = None
    date_to: str | None = None
    country: str = ""
    mode: str = "pct"
    discount_pct: float = DEFAULTS["discount_pct"]
    bundle_price: float | None = None
    assumed_elasticity: float = DEFAULTS["assumed_elasticity"]
    assumed_margin_pct: float = DEFAULTS["assumed_margin_pct"]
    interval_pct: float = DEFAULTS["interval_pct"]
    draws: int = _MODEL_DEFAULTS["draws"]

    FIELDS = FIELDS

    def __post_init__(self) -> None:
        check_record(self, FIELDS)
        for name, key in (("date_from", "b_from"), ("date_to", "b_to")):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise FieldError(key, "date", f"must be a date (YYYY-MM-DD), got {value[:40]!r}") from None
        if not self.channel:
            raise FieldError("b_channel", "required", "a shop is required")
        if not MIN_ITEMS <= len(self.skus) <= MAX_ITEMS:
            raise FieldError("b_items", "between", f"a bundle has {MIN_ITEMS} to {MAX_ITEMS} products, "
                             f"got {len(self.skus)}", low=str(MIN_ITEMS), high=str(MAX_ITEMS))
        if self.mode == "price" and self.bundle_price is None:
            raise FieldError("b_price", "required", "a bundle price is needed when b_mode is 'price'")
        if self.mode == "pct":
            object.__setattr__(self, "bundle_price", None)
        self.model_scenario()    # the model's own checks

    def model_scenario(self) -> BundleScenario:
        """The model's input record (``ecom_models.bundles.BundleScenario``), as the page builds it."""
        return BundleScenario(channel=self.channel, skus=self.skus, discount_pct=self.discount_pct,
                              bundle_price=self.bundle_price if self.mode == "price" else None,
                              assumed_elasticity=self.assumed_elasticity,
                              assumed_margin_pct=self.assumed_margin_pct, interval_pct=self.interval_pct,
                              draws=self.draws)


@dataclass(frozen=True)
class BundleData:
    """Today's data of a bundle what-if: the selected ``baskets``, their ``items``
    (``item_stats``), the ``responses`` (``item_elasticities``) and the code of why there
    are none (``why_not``), ``unit_costs`` by SKU and the shop's ``currency``."""

    baskets: Any
    items: Any
    responses: Any
    why_not: str | None
    unit_costs: Any
    currency: str


def shop_currency(lines, channel: str) -> str:
    """The currency most of the shop's lines are in (as the Bundles page picks it)."""
    own = lines.loc[(lines["channel"] == channel).to_numpy(), "currency"]
    counts = own.value_counts()
    return str(counts.index[0]) if len(counts) else ""


def load_data(db: Path, inputs: BundleInputs) -> BundleData:
    """The what-if's data from the store at ``db``, built as ``ui/bundles_view`` builds it."""
    import pandas as pd

    from ecom_models.bundles import build_baskets, item_elasticities, item_stats, select
    from ecom_models.store.queries import order_lines, products

    lines = order_lines(db)
    baskets = select(build_baskets(lines), channel=inputs.channel,
                     date_from=date.fromisoformat(inputs.date_from) if inputs.date_from else None,
                     date_to=date.fromisoformat(inputs.date_to) if inputs.date_to else None,
                     country=inputs.country or None)
    currency = shop_currency(lines, inputs.channel)
    keep = ((lines["channel"] == inputs.channel) & (lines["currency"] == currency)).to_numpy()
    responses, why_not = item_elasticities(lines.loc[keep].reset_index(drop=True))
    table = products(db)
    table = table.loc[(table["channel"] == inputs.channel) & table["unit_cost"].notna()]
    costs = pd.Series(table["unit_cost"].to_numpy(dtype=float), index=table["sku"].astype(str))
    return BundleData(baskets, item_stats(baskets), responses, why_not, costs, currency)


def result_json(result, why_not: str | None = None) -> dict:
    """A ``BundleResult`` as JSON-ready results (``why_not`` first among the notes, as the page)."""
    from .pricing import plain

    out = plain(asdict(result))
    notes = [[code, params] for code, params in out.pop("notes")]
    out["notes"] = ([[why_not, {}]] if why_not else []) + notes
    return out


def compute(inputs: BundleInputs, data: BundleData) -> dict:
    """The bundle's effect per week (``BundleResult`` as JSON). ``LookupError`` when a product
    has no orders in the selection."""
    from ecom_models.bundles import simulate_bundle

    if data.baskets.orders.empty:
        raise LookupError(f"b_channel: no orders of {inputs.channel!r} in the chosen period and country")
    known = set(data.items.loc[data.items["baskets"] > 0, "sku"].astype(str))
    missing = [s for s in inputs.skus if s not in known]
    if missing:
        raise LookupError(f"b_items: no orders with {', '.join(missing)} in the chosen period")
    result = simulate_bundle(data.baskets, data.items, inputs.model_scenario(), elasticities=data.responses,
                             unit_costs=data.unit_costs)
    return result_json(result, data.why_not)


def settings(inputs: BundleInputs) -> dict:
    """What the numbers depend on besides the inputs: the simulation's seed and draws and
    where the price responses come from."""
    from ecom_models.bundles.whatif import ASSUMED_SD

    return {"seed": 0, "draws": inputs.draws, "interval_pct": inputs.interval_pct, "assumed_sd": ASSUMED_SD,
            "price_response": "ecom_models.bundles.item_elasticities (pricing model, the shop's currency)"}


def default_shop(db: Path) -> str | None:
    """The shop the Bundles page opens with: the user's own shop with most orders (the demo last)."""
    from ecom_models.demo import demo_import_ids
    from ecom_models.store.queries import order_lines

    lines = order_lines(db)
    if lines.empty:
        return None
    demo = set(demo_import_ids(db))
    orders = lines.assign(demo=lines["import_id"].isin(demo)).groupby("channel", observed=True).agg(
        orders=("order_id", "nunique"), demo=("demo", "all"))
    orders = orders.loc[orders["orders"] > 0].sort_values(["demo", "orders"], ascending=[True, False])
    return str(orders.index[0]) if len(orders) else None


def build(db: Path, query: dict[str, str], **fixed) -> BundleInputs:
    """The record from ``b_*`` text; the shop defaults to the one the page opens with."""
    if not query.get("b_channel") and "channel" not in fixed:
        fixed["channel"] = default_shop(db)
    return from_url(BundleInputs, FIELDS, query, **fixed)


BUNDLES = register(KIND, BundleInputs, compute, load_fn=load_data, settings_fn=settings,
                   model_sources=("bundles", "scenarios/bundles.py"), build_fn=build)
