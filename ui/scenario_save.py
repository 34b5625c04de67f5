"""The "Save scenario" button of every what-if page (pricing, bundles, forecast, markets):
a popover with title and note that saves the page's inputs and results and shows the share
link (``ui.scenario_view.share_link``). Saving goes through ``ecom_models.scenarios``."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ecom_models.scenarios.pricing import PricingData, PricingInputs
from ecom_models.scenarios.saved import save, saved_list

from . import loaders, state
from .formatting import money, signed_percent
from .safe import md_escape
from .scenario_view import LAST_SAVED, PAGE, share_link
from .text import lang, t

def pricing_inputs(currency: str, margin_table: dict | None = None) -> PricingInputs:
    """The Pricing page's what-if inputs as the record (values from the page's URL state;
    ``margin_table``: the shop's saved category margins, pinned with the scenario)."""
    mode = state.value("mode")
    return PricingInputs(currency=currency, skus=tuple(state.value("skus")), category=state.value("category"),
                         mode=mode, price_change_pct=state.value("change"),
                         new_price=state.value("newprice") if mode == "price" else None,
                         assumed_margin_pct=state.value("margin"), category_margins=margin_table or {})


def _default_title(inputs: PricingInputs) -> str:
    change = (signed_percent(inputs.price_change_pct / 100, lang()) if inputs.mode == "pct"
              else money(inputs.new_price, inputs.currency, lang()))
    scope = t("scn.save.category", name=inputs.category) if inputs.category else ", ".join(inputs.skus[:3])
    return t("scn.save.default_title", change=change, scope=scope)[:200]


def save_button(currency: str, estimates: pd.DataFrame, unit_costs, names, margin_table=None) -> None:
    """A "Save scenario" popover for the Pricing page's what-if: it saves the inputs and the
    numbers the page shows (same estimates, costs, margin table and seed) and shows the link."""
    try:
        inputs = pricing_inputs(currency, margin_table)
    except ValueError:
        return
    _save_popover("pricing", inputs, PricingData(estimates, unit_costs, names), _default_title(inputs))


def save_kind_button(kind: str, inputs, data=None, default_title: str = "") -> None:
    """The "Save scenario" popover of the Bundles, Forecast or Markets page: saves ``inputs``
    (the kind's record) with the numbers computed on ``data`` (the page's own loaded data;
    None = loaded from the store) and shows the share link."""
    _save_popover(kind, inputs, data, default_title)


def save_bundle_button(shop, shown, scenario, date_from, date_to, country: str, mode: str,
                       responses, why_not) -> None:
    """The Bundles page's save button: its what-if (``BundleScenario``) with the orders it
    stands on and the page's loaded baskets, price responses and costs."""
    from ecom_models.scenarios.bundles import BundleData, BundleInputs

    try:
        inputs = BundleInputs(channel=shop.channel, skus=scenario.skus,
                              date_from=date_from.isoformat() if date_from else None,
                              date_to=date_to.isoformat() if date_to else None, country=country or "",
                              mode=mode, discount_pct=scenario.discount_pct, bundle_price=scenario.bundle_price,
                              assumed_elasticity=scenario.assumed_elasticity,
                              assumed_margin_pct=scenario.assumed_margin_pct, interval_pct=scenario.interval_pct,
                              draws=scenario.draws)
    except ValueError:
        return
    data = BundleData(shown.baskets, shown.mined.items, responses, why_not,
                      loaders_unit_costs(shop.channel), shop.currency)
    price = (money(inputs.bundle_price, shop.currency, lang()) if inputs.mode == "price"
             else signed_percent(-inputs.discount_pct / 100, lang()))
    save_kind_button("bundles", inputs, data, t("scn.save.title_bundles", items=" + ".join(inputs.skus),
                                                  price=price)[:200])


def loaders_unit_costs(channel: str):
    from .bundles_view import unit_costs

    return unit_costs(channel)


def save_forecast_button(run, level: str, series: str, scenario, stock_known, elasticity) -> None:
    """The Forecast page's save button: its what-if and stock settings with the page's shared
    forecasts; optionally the price change from a saved price what-if (the chain)."""
    from ecom_models.scenarios.forecast import ForecastData, ForecastInputs

    try:
        inputs = ForecastInputs(series=series, level=level, horizon_weeks=scenario.horizon_weeks,
                                price_change_pct=scenario.price_change_pct, promo_week=scenario.promo_week or 0,
                                promo_discount_pct=scenario.promo_discount_pct,
                                current_stock_units=scenario.current_stock_units,
                                lead_time_days=scenario.lead_time_days,
                                review_period_days=scenario.review_period_days,
                                service_level_pct=scenario.service_level_pct,
                                min_order_qty_units=scenario.min_order_qty_units)
    except ValueError:
        return
    save_kind_button("forecast", inputs, ForecastData(run, stock_known, None, elasticity),
                     t("scn.save.title_forecast", series=series,
                       change=signed_percent(inputs.price_change_pct / 100, lang()))[:200])


def save_market_button(inputs, sku: str, country: str, channel: str, target: float, fixed: float,
                       units: float | None, ending: str) -> None:
    """The Markets page's save button: the waterfall's inputs as shown (reference values
    and the user's edits), the target margin and the entry settings."""
    from ecom_models.scenarios.markets import MarketScenario

    try:
        record = MarketScenario.from_inputs(inputs, sku=sku, country=country, channel=channel,
                                            target_margin_pct=float(target), fixed_costs_base=float(fixed),
                                            units_per_month=None if units is None else float(units),
                                            price_ending=str(ending))
    except ValueError:
        return
    save_kind_button("markets", record, None, t("scn.save.title_markets", sku=sku, country=country,
                                                 price=money(inputs.list_price_gross_local, inputs.currency_local,
                                                             lang()))[:200])


def _parent_choice(inputs):
    """Forecast: the saved price what-if its price change may come from (the chain)."""
    from dataclasses import replace

    rows = [r for r in saved_list(loaders.db_path()) if r["kind"] == "pricing"]
    if not rows:
        return inputs, False
    titles = {r["id"]: r["title"] or t("scn.untitled") for r in rows}
    parent = st.selectbox(t("scn.save.parent"), ["", *titles], key="scn_parent",
                          format_func=lambda i: titles.get(i) or t("scn.save.parent_none"))
    return (replace(inputs, parent_id=parent), True) if parent else (inputs, False)


def _save_popover(kind: str, inputs, data, default_title: str) -> None:
    with st.popover(t("scn.save.open"), icon=":material/bookmark_add:", help=t("scn.save.help")):
        title = st.text_input(t("scn.save.title"), key="scn_title", max_chars=200,
                              placeholder=default_title)
        note = st.text_area(t("scn.save.note"), key="scn_note", max_chars=5000)
        if kind == "forecast":
            inputs, chained = _parent_choice(inputs)
            data = None if chained else data       # the price change comes from the chosen step
        if st.button(t("scn.save.button"), key="scn_save", type="primary"):
            try:
                saved = save(loaders.db_path(), kind, inputs, title=title.strip() or default_title,
                             note=note, data=data)
            except (LookupError, ValueError) as exc:
                st.error(t("scn.save.failed", reason=md_escape(exc)))
                return
            st.session_state[LAST_SAVED] = (saved.id, inputs)
    last = st.session_state.get(LAST_SAVED)
    if last and last[1] == inputs:
        st.success(t("scn.saved"))
        st.code(share_link(last[0]), language=None)
        st.page_link(PAGE, label=t("scn.open_saved"), icon=":material/link:", query_params={"scenario": last[0]})


