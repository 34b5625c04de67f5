"""Every session-state key of the app, and how each is written into the URL.

A page declares which parameters it uses; ``bind`` fills st.session_state from the URL
(validated; an invalid value falls back to the default and produces a notice), and
``publish`` writes the current values back into the URL, so a copied link reproduces
the view. The codec (``encode``/``decode``) is pure and property-tested.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ecom_models.bundles.scenario import BOUNDS as BUNDLE_BOUNDS, DEFAULTS as BUNDLE_DEFAULTS
from ecom_models.forecasting.scenario import BOUNDS as _FC  # forecast what-if: (low, high, default)
from ecom_models.markets.scenario import BOUNDS as _MK  # market what-if: (low, high, default)
from ecom_models.scenarios.pricing import BOUNDS as PRICE_BOUNDS, DEFAULTS as PRICE_DEFAULTS  # pricing record

from .text import TABLES, text_in


class Invalid(ValueError):
    """A URL value that cannot be used: ``key`` of the text table (``link.err.*``) + values."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("link.err.date") from None


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise Invalid("link.err.number") from None


def _parse_choice(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise Invalid("link.err.choice", allowed=", ".join(allowed))
        return text
    return parse


def _parse_text(text: str) -> str:
    if len(text) > 200 or any(ord(c) < 32 for c in text):
        raise Invalid("link.err.name")
    return text


def _parse_names(text: str) -> tuple[str, ...]:
    """Comma-separated names (e.g. several SKUs), at most 20."""
    names = tuple(_parse_text(part) for part in text.split(",") if part)
    if len(names) > 20:
        raise Invalid("link.err.too_many", n=20)
    return names


def _parse_price(text: str) -> float:
    value = _float(text)
    low, high = PRICE_BOUNDS["new_price"]
    if not (low <= value <= high):
        raise Invalid("link.err.price")
    return value


def _parse_float(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = _float(text)
        if not (low <= value <= high):  # also rejects nan
            raise Invalid("link.err.between", low=f"{low:g}", high=f"{high:g}")
        return value
    return parse


def _dump(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        return repr(round(float(value), 6)).removesuffix(".0")
    return str(value)


def _parse_choice_int(*allowed: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise Invalid("link.err.choice", allowed=", ".join(map(str, allowed))) from None
        if value not in allowed:
            raise Invalid("link.err.choice", allowed=", ".join(map(str, allowed)))
        return value
    return parse


@dataclass(frozen=True)
class Param:
    """One piece of view state: its URL/session key, default, and text parser."""

    key: str
    default: Any
    parse: Callable[[str], Any]
    label: str


PARAMS: dict[str, Param] = {p.key: p for p in [
    Param("lang", "en", _parse_choice("en", "de"), "language"),
    Param("from", None, _parse_date, "start date"),
    Param("to", None, _parse_date, "end date"),
    Param("country", "", _parse_text, "country"),          # "" = all countries
    Param("currency", None, _parse_text, "currency"),
    Param("grain", "week", _parse_choice("day", "week", "month"), "time grain"),
    Param("skus", (), _parse_names, "products"),
    Param("category", "", _parse_text, "category"),        # "" = no category chosen
    Param("mode", "pct", _parse_choice("pct", "price"), "price change mode"),
    Param("change", PRICE_DEFAULTS["price_change_pct"], _parse_float(*PRICE_BOUNDS["price_change_pct"]),
          "price change %"),
    Param("newprice", None, _parse_price, "new price"),
    Param("focus", None, _parse_text, "product shown in detail"),
    Param("margin", PRICE_DEFAULTS["assumed_margin_pct"], _parse_float(*PRICE_BOUNDS["assumed_margin_pct"]),
          "assumed margin %"),
    Param("minmargin", PRICE_DEFAULTS["min_margin_pct"], _parse_float(*PRICE_BOUNDS["min_margin_pct"]),
          "minimum margin %"),
    Param("maxchange", PRICE_DEFAULTS["max_change_pct"], _parse_float(*PRICE_BOUNDS["max_change_pct"]),
          "maximum price change %"),
    Param("ending", "none", _parse_choice("none", ".99", ".95", ".90", "whole"), "price ending"),
    Param("goal", "profit", _parse_choice("profit", "revenue"), "goal"),
    # Pricing page's price test plan: the test price vs today (%) and which products
    Param("tchange", 10.0, _parse_float(-30.0, 30.0), "test price change %"),
    Param("twhich", "chosen", _parse_choice("chosen", "suggested"), "products to test"),
    # Bundles page (pages/bundles.py); the what-if's bounds and defaults come from its record
    Param("b_channel", None, _parse_text, "shop"),
    Param("b_from", None, _parse_date, "start date"),
    Param("b_to", None, _parse_date, "end date"),
    Param("b_country", "", _parse_text, "country"),        # "" = all countries
    Param("b_minsup", 0.1, _parse_float(0.01, 50.0), "minimum share of orders %"),
    Param("b_mincount", 20, lambda text: int(_parse_float(1, 100000)(text)), "minimum orders together"),
    Param("b_items", (), _parse_names, "bundle products"),
    Param("b_mode", "pct", _parse_choice("pct", "price"), "bundle price mode"),
    Param("b_discount", BUNDLE_DEFAULTS["discount_pct"], _parse_float(*BUNDLE_BOUNDS["discount_pct"]),
          "bundle discount %"),
    Param("b_price", None, _parse_float(*BUNDLE_BOUNDS["bundle_price"]), "bundle price"),
    Param("b_elast", BUNDLE_DEFAULTS["assumed_elasticity"], _parse_float(*BUNDLE_BOUNDS["assumed_elasticity"]),
          "assumed price response"),
    Param("b_margin", BUNDLE_DEFAULTS["assumed_margin_pct"], _parse_float(*BUNDLE_BOUNDS["assumed_margin_pct"]),
          "assumed margin %"),    # Forecast & stock page (pages/forecast.py); bounds and defaults from its scenario record
    Param("f_level", "sku", _parse_choice("sku", "country", "category", "total"), "forecast level"),
    Param("f_series", None, _parse_text, "series"),
    Param("f_h", 8, _parse_choice_int(4, 8, 13, 26), "weeks ahead"),
    Param("f_price", _FC["price_change_pct"][2], _parse_float(*_FC["price_change_pct"][:2]), "price change %"),
    Param("f_promo", 0, lambda text: int(_parse_float(0, _FC["horizon_weeks"][1])(text)), "promotion week"),
    Param("f_disc", _FC["promo_discount_pct"][2], _parse_float(*_FC["promo_discount_pct"][:2]), "promotion discount %"),
    Param("f_stock", None, _parse_float(0.0, 1e9), "stock on hand"),
    Param("f_lead", _FC["lead_time_days"][2], lambda text: int(_parse_float(*_FC["lead_time_days"][:2])(text)), "lead time"),
    Param("f_review", _FC["review_period_days"][2],
          lambda text: int(_parse_float(*_FC["review_period_days"][:2])(text)), "order interval"),
    Param("f_sl", _FC["service_level_pct"][2], _parse_float(*_FC["service_level_pct"][:2]), "service level %"),
    Param("f_moq", _FC["min_order_qty_units"][2], _parse_float(*_FC["min_order_qty_units"][:2]), "minimum order"),
    # Markets & channels page (pages/markets.py); None = the reference value; bounds from MarketInputs
    Param("m_sku", None, _parse_text, "product"),
    Param("m_country", None, _parse_text, "market"),
    Param("m_channel", "own", _parse_choice("own", "amazon", "ebay", "etsy"), "channel"),
    Param("m_price", None, _parse_float(*_MK["list_price_gross_local"][:2]), "shelf price"),
    Param("m_vat", None, _parse_float(*_MK["vat_pct"][:2]), "VAT"),
    Param("m_ship", None, _parse_float(*_MK["shipping_cost_base_per_order"][:2]), "shipping cost"),
    Param("m_shipfee", None, _parse_float(*_MK["shipping_fee_gross_local_per_order"][:2]), "shipping charged"),
    Param("m_duty", None, _parse_float(*_MK["duty_pct"][:2]), "duty"),
    Param("m_fee", None, _parse_float(*_MK["marketplace_fee_pct"][:2]), "marketplace fee"),
    Param("m_pay", None, _parse_float(*_MK["payment_fee_pct"][:2]), "payment fee"),
    Param("m_ret", None, _parse_float(*_MK["return_rate_pct"][:2]), "return rate"),
    Param("m_cost", None, _parse_float(*_MK["unit_cost_base"][:2]), "unit cost"),
    Param("m_fxcost", None, _parse_float(*_MK["fx_cost_pct"][:2]), "conversion cost"),
    Param("m_upo", None, _parse_float(*_MK["units_per_order"][:2]), "units per order"),
    Param("m_target", 30.0, _parse_float(0.0, 90.0), "target margin"),
    Param("m_fixed", 5000.0, _parse_float(0.0, 1e8), "fixed costs"),
    Param("m_units", None, _parse_float(0.0, 1e7), "units per month"),
    Param("m_compare", ("AT", "CH", "FR", "GB", "NL", "US"), _parse_names, "markets compared"),
    # Portfolio page (pages/portfolio.py): ABC/XYZ thresholds, window, sleepers, returns
    Param("p_currency", None, _parse_text, "currency"),
    Param("p_by", "revenue", _parse_choice("revenue", "profit"), "ABC by"),
    Param("p_a", 80.0, _parse_float(50.0, 95.0), "A share %"),
    Param("p_b", 15.0, _parse_float(1.0, 45.0), "B share %"),
    Param("p_x", 0.5, _parse_float(0.1, 2.0), "X variability"),
    Param("p_y", 1.0, _parse_float(0.2, 5.0), "Y variability"),
    Param("p_weeks", 52, _parse_choice_int(13, 26, 52, 104), "weeks analysed"),
    Param("p_idle", 60, lambda text: int(_parse_float(7, 365)(text)), "days without a sale"),
    Param("p_rcost", 5.0, _parse_float(0.0, 1000.0), "handling cost per return"),
    # Customers page (pages/customers.py): group, CLV horizon, survey shown and its segment
    Param("c_currency", None, _parse_text, "currency"),
    Param("c_group", "", _parse_text, "customer group"),     # "" = all groups
    Param("c_horizon", 52, _parse_choice_int(13, 26, 52, 104), "weeks ahead"),
    Param("c_survey", None, lambda text: int(_parse_float(1, 1e12)(text)), "survey"),
    Param("c_seg", "", _parse_text, "survey segment"),         # "" = all segments
]}


# Session keys that deliberately stay out of the URL: the upload flow and one-off buttons
# (a shared link must never re-run an import or a delete).
LOCAL_KEYS = frozenset({
    "uploads", "upload_round", "import_format", "import_decimal", "import_date_format",
    "import_currency", "import_skip_bad", "commit_imports", "delete_id", "delete_sure",
    "dl_products", "dl_countries", "dl_whatif", "import_messages", "map|<file>|<field>", "datefmt|<file>",
    "_prepared_uploads", "overview_bounds", "_lang_shown",
    # the session has run through the router once (ui/router.py)
    "_routed",
    # which currency a page last showed, the picker's one-time default, the product the
    # new price was filled for, the demo's remove button and its message, currency switches
    "overview_currency", "pricing_currency", "pricing_defaulted", "newprice_for",
    "remove_demo", "demo_removed_message", "switch_currency",
    # the bundle what-if's one-time default (top suggestion) per shop
    "bundles_defaulted", "bundles_shop", "dl_bundle_pairs",
    # the import's shop name and merge choice, the effect previews, imports not yet finished
    "import_channel", "import_replace", "_import_effects", "import_pending",
    # the default currency a page last showed (a currency that was only the default follows new data)
    "currency_default",
    # the Pricing page's margin-table editor and its save button, the test plan's download,
    # the button that copies the recommended change into the test plan
    "margin_editor", "save_margins", "dl_testplan", "use_rec_change",
    # saving a scenario, the Scenarios page's management widgets and downloads
    "scn_title", "scn_note", "scn_save", "scn_pick", "scn_compare", "scn_rename", "scn_renote",
    "scn_update", "scn_delete", "scn_delete_sure", "scn_recompute", "dl_scn_html", "dl_scn_csv",
    "dl_scn_xlsx", "scn_parent",   # scn_parent: the forecast's price step (a saved price what-if)
    # Forecast & stock page: the stock table's download; Markets & channels page: the seller
    # form (saved to the store, not the URL), the exchange-rate editor and its save button,
    # and the (product, market, channel) the reference values were filled for
    "dl_stock", "m_seller_country", "m_seller_currency", "m_seller_oss", "m_fx_editor", "m_fx_save",
    "markets_filled_for",
    # Customers page: the survey upload, its score-column override and the upload it processed
    "nps_upload", "nps_score_column", "nps_done",
})


def decode(query: Mapping[str, str], keys: list[str], lang: str = "en") -> tuple[dict, list[str]]:
    """Values for ``keys`` from URL parameters, and a notice (in ``lang``) for each invalid one."""
    values, notices = {}, []
    for key in keys:
        param = PARAMS[key]
        raw = query.get(key)
        if raw is None or raw == "":
            values[key] = param.default
            continue
        try:
            values[key] = param.parse(str(raw))
        except (ValueError, TypeError) as exc:
            values[key] = param.default
            error = (text_in(lang, exc.key, **exc.values) if isinstance(exc, Invalid)
                     else text_in(lang, "link.err.name"))
            notices.append(text_in(lang, "link.invalid", label=text_in(lang, f"param.{key}"), error=error))
    return values, notices


def encode(values: Mapping[str, Any]) -> dict[str, str]:
    """URL parameters for ``values`` (defaults and empty values are left out)."""
    return {key: _dump(value) for key, value in values.items()
            if value is not None and value != () and value != PARAMS[key].default}


SHADOW = "_state_"  # session copy that survives page switches (widget keys do not)


# Widgets whose option labels depend on the language (besides PARAMS). Keys of widgets
# created with an explicit index/value are left out: re-setting them makes Streamlit warn.
WORDED_WIDGETS = ("import_decimal", "import_date_format", "import_format", "delete_id")
WORDED_PREFIXES = ("datefmt|",)
LANG_SHOWN = "_lang_shown"


def keep_values_on_language_change() -> None:
    """After a language switch, write every choice widget's value back as its stable code.

    Why: radios and select boxes send their *label* to the server (Streamlit serialises the
    formatted option), so after a switch the browser still sends the English label, which
    no German option matches: the radio lost its selection and select boxes kept their
    English label until a reload. Read here, before any widget of this run is created, a
    key still decodes with the previous run's labels; writing the code back makes
    Streamlit use it and re-send the label in the new language. Widgets therefore take
    stable codes as options and translate only in ``format_func``."""
    current = st.session_state.get("lang", "en")
    shown = st.session_state.get(LANG_SHOWN)
    st.session_state[LANG_SHOWN] = current
    if shown is None or shown == current:
        return
    for key in list(st.session_state.keys()):
        if not isinstance(key, str) or key == "lang":
            continue
        if key in PARAMS or key in WORDED_WIDGETS or key.startswith(WORDED_PREFIXES):
            try:
                st.session_state[key] = st.session_state[key]
            except StreamlitAPIException:  # a key Streamlit does not let us set stays as is
                pass


def bind(keys: list[str]) -> list[str]:
    """Put each key's value into st.session_state (URL > earlier value this session > default)
    unless a widget already holds it; returns notices for invalid URL values."""
    shadow = st.session_state.setdefault(SHADOW, {})
    values, notices = decode(st.query_params.to_dict(), keys, st.session_state.get("lang", "en"))
    for key in keys:
        if key in st.session_state:
            continue
        from_url = st.query_params.get(key) not in (None, "")
        chosen = values[key] if from_url or key not in shadow else shadow[key]
        st.session_state[key] = list(chosen) if isinstance(chosen, tuple) else chosen
    keep_values_on_language_change()   # after "lang" is bound, before any widget exists
    return notices


def reject(key: str, reason: str, **values) -> str:
    """Reset ``key`` to its default (e.g. a country that is not in the data) with a notice.
    ``reason``: a ``link.*`` key of the text table (e.g. ``"link.not_currency"``), worded in
    the user's language with ``values``."""
    param = PARAMS[key]
    default = param.default
    st.session_state[key] = list(default) if isinstance(default, tuple) else default
    lang = st.session_state.get("lang", "en")
    words = text_in(lang, reason, **values) if reason in TABLES["en"] else reason
    return text_in(lang, "link.rejected", label=text_in(lang, f"param.{key}"), reason=words)


def value(key: str) -> Any:
    return st.session_state.get(key, PARAMS[key].default)


def _normalise(value: Any) -> Any:
    """Widget values in codec form (a multiselect gives a list; the codec keeps tuples)."""
    return tuple(value) if isinstance(value, list) else value


def publish(keys: list[str]) -> None:
    """Write the current values of ``keys`` (plus the language) into the URL."""
    shadow = st.session_state.setdefault(SHADOW, {})
    current = {key: _normalise(st.session_state.get(key, PARAMS[key].default)) for key in keys}
    shadow.update(current)
    wanted = encode({**current, "lang": st.session_state.get("lang", "en")})
    for key in list(st.query_params.keys()):
        if key not in wanted:
            del st.query_params[key]
    for key, text in wanted.items():
        if st.query_params.get(key) != text:
            st.query_params[key] = text
