"""Overview: KPIs with change against the previous period, revenue over time, top lists.
Filters live in the URL, so a copied link shows exactly this view."""
import streamlit as st

from ecom_models.sales import Filters, last_period_is_partial
from ui import charts, datasets, loaders, state
from ui.formatting import day, money, number, percent, signed_percent, styled
from ui.safe import md_escape
from ui.text import frozen, lang, t
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

KEYS = ["from", "to", "country", "currency", "grain"]
notices = state.bind(KEYS)
st.title(t("overview.title"))
st.caption(t("overview.caption"))
datasets.stop_when_empty()
# One currency at a time; without one in the URL, the user's own data (never the demo).
summary = loaders.currency_summary()
money_codes = summary["currency"].tolist()
currency = datasets.chosen_currency(summary, notices)
st.session_state["currency"] = currency
shown = summary.loc[summary["currency"] == currency].iloc[0]
first, last = shown["first"], shown["last"]
country_names = loaders.countries(currency)
# Another currency was chosen: its own date range and countries (a range or country of the
# other currency's data would show nothing, or be outside the date inputs' bounds).
if st.session_state.get("overview_currency") not in (None, currency):
    st.session_state["from"], st.session_state["to"] = first, last
    if state.value("country") not in ("", *country_names):
        st.session_state["country"] = ""
st.session_state["overview_currency"] = currency
if state.value("country") not in ("", *country_names):
    notices.append(state.reject("country", "link.not_country"))
for key in ("from", "to"):
    if state.value(key) is not None and not first <= state.value(key) <= last:
        notices.append(state.reject(key, "link.outside_data", first=day(first, lang()), last=day(last, lang())))
if state.value("from") and state.value("to") and state.value("from") > state.value("to"):
    notices.append(state.reject("from", "link.after_end"))
    notices.append(state.reject("to", "link.before_start"))
# Show the currency's full data range instead of empty widgets. A range the user or a link
# chose stays; one that was only the data's range follows new imports.
# A link pins its dates, so it shows the same numbers even after later imports.
old_first, old_last = st.session_state.get("overview_bounds", (None, None))
if state.value("from") in (None, old_first):
    st.session_state["from"] = first
if state.value("to") in (None, old_last):
    st.session_state["to"] = last
st.session_state["overview_bounds"] = (first, last)
for notice in notices:
    st.warning(md_escape(notice))
datasets.show_demo_notice(summary, currency)

date_format = "DD.MM.YYYY" if lang() == "de" else "YYYY-MM-DD"
c_from, c_to, c_country, c_currency, c_grain = st.columns([1, 1, 1.4, 0.8, 0.8])
c_from.date_input(t("overview.from"), key="from", min_value=first, max_value=last, format=date_format)
c_to.date_input(t("overview.to"), key="to", min_value=first, max_value=last, format=date_format)
c_country.selectbox(t("overview.country"), ["", *country_names], key="country",
                    format_func=frozen(lambda c: datasets.country_label(c) if c else t("common.all")))
c_currency.selectbox(t("overview.currency"), money_codes, key="currency",
                     disabled=len(money_codes) < 2)
c_grain.selectbox(t("overview.grain"), ["day", "week", "month"], key="grain",
                  format_func=frozen(lambda g: t(f"grain.{g}")))
state.publish(KEYS)
datasets.show_other_currencies(summary, currency)

try:
    filters = Filters(state.value("from"), state.value("to"), state.value("country") or None, currency)
except ValueError as exc:  # the user picked an end before the start in the widgets
    st.warning(str(exc))
    st.stop()

figures = loaders.overview(filters, state.value("grain"))   # shared by all sessions
now, before, previous = figures.now, figures.before, figures.previous
L = lang()


def change(key: str):
    """Relative change against the previous period, only when the data fully covers it
    (a period that starts before the first sale would make every figure 'grow')."""
    old, new = before.get(key), now.get(key)
    if not old or new is None or previous is None or previous.date_from < first:
        return None
    return signed_percent((new - old) / abs(old), L)


cols = [*st.columns(3), *st.columns(3)]   # two rows: large amounts need the width
cols[0].metric(t("kpi.revenue"), money(now["revenue"], currency, L, 0), change("revenue"),
               help=t("kpi.help.revenue") + " " + t(f"vat.{now['vat']}"))
cols[1].metric(t("kpi.orders"), number(now["orders"], L), change("orders"), help=t("kpi.help.orders"))
cols[2].metric(t("kpi.units"), number(now["units"], L), change("units"), help=t("kpi.help.units"))
cols[3].metric(t("kpi.aov"), money(now["average_order_value"], currency, L), change("average_order_value"),
               help=t("kpi.help.aov"))
cols[4].metric(t("kpi.customers"), number(now["customers"], L), change("customers"),
               help=t("kpi.help.customers"))
cols[5].metric(t("kpi.return_rate"), percent(now["return_rate"], L), change("return_rate"),
               delta_color="inverse", help=t("kpi.help.return_rate"))
if previous is not None:
    days = (previous.date_to - previous.date_from).days + 1
    compare = ("overview.vs" if previous.date_from >= first else
               "overview.vs_partial" if before.get("orders") else "overview.vs_empty")
    st.caption(t(compare, days=number(days, L), start=day(previous.date_from, L),
                 end=day(previous.date_to, L)) + " "
               + t("overview.other_revenue", amount=money(now["other_revenue"], currency, L))
               + " " + t(f"vat.{now['vat']}"))

if now["orders"] == 0:
    st.info(t("overview.no_lines"))
    st.stop()

grain = state.value("grain")
series = figures.series
st.subheader(t("overview.chart_title", grain=t(f"grain.{grain}")))
st.altair_chart(charts.revenue_over_time(series, grain, t(f"grain.{grain}"),
                                         f"{t('col.revenue')} ({currency})", L), width="stretch")
shown_to = min(state.value("to") or last, last)
if last_period_is_partial(shown_to, grain):
    st.caption(t("overview.partial", grain=t(f"grain.{grain}"), end=day(shown_to, L)))

left, right = st.columns([3, 2])   # the products table needs the width for its numbers
products = figures.products
left.subheader(t("overview.top_products"))
left.dataframe(styled(products, L, {"revenue": 2, "units": 0}), hide_index=True, width="stretch",
               column_config={   # numbers written the language's way (de: 262.585,04)
                   "sku": st.column_config.TextColumn(t("col.sku"), width="small"),
                   "product_name": st.column_config.TextColumn(t("col.product"), width="medium"),
                   "revenue": st.column_config.Column(f"{t('col.revenue')} ({currency})"),
                   "units": st.column_config.Column(t("col.units"), width="small")})
left.download_button(t("common.download_csv"), figures.products_csv, "top_products.csv",
                     "text/csv", key="dl_products")
places = figures.places
right.subheader(t("overview.top_countries"))
if places.empty:   # e.g. Shopware orders: the country comes from the customers export
    right.caption(t("overview.no_countries"))
else:
    shown_places = places.assign(country=[datasets.country_label(c, L) for c in places["country"]])
    right.altair_chart(charts.share_bars(shown_places, "country", "revenue", f"{t('col.revenue')} ({currency})", L),
                       width="stretch")
    right.download_button(t("common.download_csv"), figures.places_csv, "top_countries.csv",
                          "text/csv", key="dl_countries")
