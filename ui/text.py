"""Every UI string of the app, by language. Pages call ``t(key, **values)``.

To complete a translation, add the missing keys to the language's table; a missing
key falls back to English, so a partial translation never breaks a page.
"""
from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from ecom_models.messages import render, render_any

from . import text_bundles, text_forecast, text_pricing, text_markets, wording

EN = {
    "app.title": "E-Commerce Decision Lab",
    "nav.overview": "Overview", "nav.data": "Data", "nav.pricing": "Pricing",
    "sidebar.language": "Language",
    "sidebar.store": "Store: {path}",
    "demo.loading": "First start: importing the demo data (UCI Online Retail, 541,909 lines) …",
    "demo.done": "Demo data imported: {rows} order lines.",
    "sidebar.loaded": "Data loaded",
    "sidebar.no_data": "No data loaded yet.",
    "shop.system": "{system} shop",
    "shop.generic": "Your shop (own export)",
    "demo.badge": "Demo",
    "demo.label": "Demo data: a UK gift shop, 2010–11.",
    "demo.first_start": "You are looking at demo data. Upload your shop's exports on the Data page.",
    "demo.go_upload": "Upload your exports on the Data page",
    "demo.remove_hint": "Your own data is in another currency (switch below); remove the demo in the sidebar.",
    "demo.mixed": "These figures include the demo data (a UK gift shop, 2010–11) beside your own; "
                  "remove it in the sidebar.",
    "demo.remove": "Remove demo data",
    "demo.remove_confirm": "This deletes the demo import and exactly its {lines} order lines. "
                           "Your own imports stay.",
    "demo.remove_yes": "Yes, remove the demo data",
    "demo.removed": "Demo data removed ({lines} order lines).",
    "currency.also_other": "Also {orders} orders in {code} ({years}).",
    "currency.also_demo": "Also {orders} orders in {code}: the demo data ({years}).",
    "currency.switch": "Switch to {code}",
    "unit.day": "{n} day", "unit.days": "{n} days", "unit.week": "{n} week", "unit.weeks": "{n} weeks",
    "pricing.too_little": "{days} of orders in {currency}: at least {needed} weeks with sales are "
                          "needed to estimate how price changes demand (this data has {weeks} with sales). "
                          "Import a longer export of your orders on the Data page.",
    "pricing.sum_of": "The figures add up the {n} chosen products ({names}); each one is in the "
                      "table below.",
    "common.all": "All",
    "common.download_csv": "Download as CSV",
    "common.empty_store": "The store has no orders yet. Import your shop's export on the Data page.",
    "common.go_data": "Go to the Data page",
    # overview
    "overview.title": "Overview",
    "overview.caption": "Net sales after returns and cancellations, for product lines only "
                        "(postage, fees and discounts are shown separately).",
    "overview.from": "From", "overview.to": "To", "overview.country": "Country",
    "overview.currency": "Currency", "overview.grain": "Per",
    "grain.day": "day", "grain.week": "week", "grain.month": "month",
    "kpi.revenue": "Revenue", "kpi.orders": "Orders", "kpi.units": "Units",
    "kpi.aov": "Avg. order value", "kpi.customers": "Customers", "kpi.return_rate": "Return rate",
    "kpi.help.revenue": "Σ quantity × unit price over product lines, net of returns.",
    "kpi.help.orders": "Orders with at least one product sold.",
    "kpi.help.units": "Units sold minus units returned.",
    "kpi.help.aov": "Revenue ÷ orders.",
    "kpi.help.customers": "Distinct customer ids with a purchase (guest orders have none).",
    "kpi.help.return_rate": "Units returned or cancelled ÷ units sold.",
    "overview.vs": "Changes compare with the {days} days before ({start} – {end}).",
    "overview.vs_partial": "No change is shown: your data does not cover all of the {days} days "
                           "before ({start} – {end}), so the comparison would be unfair.",
    "overview.vs_empty": "No change is shown: the {days} days before ({start} – {end}) have no sales.",
    "overview.other_revenue": "Non-product lines (postage, fees, discounts): {amount}.",
    "overview.chart_title": "Revenue per {grain}",
    "overview.partial": "The last {grain} is incomplete (sales up to {end}), so its point is low.",
    "overview.top_products": "Top products by revenue",
    "overview.top_countries": "Top countries by revenue",
    "overview.no_lines": "No sales match these filters.",
    "overview.no_countries": "This data has no countries (a Shopware orders export takes them from "
                             "the customers export: import that too).",
    "col.sku": "SKU", "col.product": "Product", "col.revenue": "Revenue", "col.units": "Units",
    "col.country": "Country", "col.orders": "Orders", "col.share": "Share",
    "col.period": "Period", "col.price": "Price", "col.confidence": "Confidence",
    "col.cost_source": "Unit cost from", "col.note": "Note",
    "col.current_price": "Today's price", "col.new_price": "New price", "col.elasticity": "Elasticity",
    "col.baseline_units": "Units today", "col.units_low": "Units (90 % low)",
    "col.units_high": "Units (90 % high)", "col.profit": "Gross profit",
    "col.profit_low": "Profit (90 % low)", "col.profit_high": "Profit (90 % high)",
    "detected.format": "Format", "detected.encoding": "Encoding", "detected.delimiter_name": "Delimiter",
    "detected.decimal": "Decimal mark", "detected.date_format": "Date format",
    "detected.header_line": "Header line",
    # data
    "effect.title": "What this import does to your figures:",
    "effect.new": "{n} new lines", "effect.changed": "{n} stored lines change",
    "effect.unchanged": "{n} already stored as they are",
    "effect.lacking_kept": "{orders} orders in this file lack {lines} lines the store has (kept; "
                           "tick 'Remove stored lines …' in the import settings to remove them)",
    "effect.lacking_removed": "{orders} orders in this file lack {lines} lines the store has "
                              "(they will be removed)",
    "effect.revenue": "revenue {change}", "effect.revenue_same": "unchanged",
    "vat.net": "Amounts are net of VAT (taken out where the export's prices included it).",
    "vat.as_exported": "Amounts are as exported: the export does not say whether prices include VAT.",
    "vat.mixed": "Amounts mix prices net of VAT with prices as exported (some exports do not "
                 "say whether prices include VAT).",
    # pricing
    "pricing.title": "Pricing what-if",
    "pricing.caption": "Price elasticities estimated from your own order history: weekly units "
                       "against the realised price, controlling for trend and season. Products "
                       "with little price history borrow strength from similar products. Every "
                       "figure is per week, in {currency}, with a 90 % range.",
    "pricing.products": "Products",
    "pricing.category": "…or a whole category",
    "pricing.mode": "Change the price by",
    "mode.pct": "percent", "mode.price": "new price",
    "pricing.change": "Price change (%)",
    "pricing.newprice": "New price ({currency})",
    "pricing.margin": "Assumed gross margin today (%)",
    "pricing.margin_help": "Used only for products without a unit cost from an imported product "
                           "file: unit cost = today's price × (1 − margin). The demo data has no costs.",
    "pricing.pick": "Choose one or more products, or a category.",
    "pricing.newprice_single": "A new price applies to one product; choose a single product or switch to percent.",
    "pricing.section.elasticity": "How sensitive is demand to price?",
    "pricing.elasticity_sentence": "Elasticity **{e}** (90 % range {low} to {high}): a 1 % higher "
                                   "price changes units sold by about **{one}**.",
    "pricing.confidence_line": ":{colour}-badge[Confidence: {label}] {reason}. Based on {periods} weeks "
                               "with sales and {levels} price levels; {shrink} borrowed from {toward}.",
    "pricing.not_estimable": "No elasticity can be estimated for this product: {reason}. The "
                             "what-if uses the average of similar products.",
    "pricing.flag": "Flagged: {flag}. Treat the figures with care.",
    "confidence.high": "high", "confidence.medium": "medium", "confidence.low": "low",
    "confidence.not estimable": "not estimable",
    "pricing.section.whatif": "What happens if you change the price?",
    "pricing.metric.units": "Units per week", "pricing.metric.revenue": "Revenue per week",
    "pricing.metric.profit": "Gross profit per week",
    "pricing.metric.prob": "Chance profit rises",
    "pricing.metric.prob_help": "Share of plausible elasticities (drawn from the 90 % range) under "
                                "which the new price earns more gross profit than today's.",
    "pricing.metric_help": "Do-nothing baseline: {base}. 90 % range: {low} – {high}.",
    "pricing.range": "90 %: {low} – {high} · today {base}",
    "pricing.table": "Per product",
    "pricing.section.curve": "Profit over price",
    "pricing.curve_for": "Curve for",
    "pricing.curve_caption": "Line: expected {goal} per week; band: 90 % range; dashed: today's "
                             "price; red dot: the recommended price.",
    "pricing.section.best": "Best price under your rules",
    "pricing.goal": "Maximise", "goal.profit": "gross profit", "goal.revenue": "revenue",
    "pricing.minmargin": "Minimum margin (%)",
    "pricing.maxchange": "Largest change from today (± %)",
    "pricing.ending": "Price ending", "ending.none": "any",
    "pricing.recommendation": "Recommended price **{price}** ({change}): expected {goal} {new} "
                              "per week instead of {old}. Chance it beats today's price: **{prob}**.",
    "pricing.no_recommendation": "No recommendation: {reason}",
    "pricing.keep_price": "Keep today's price: the best price within your rules ({price}) beats "
                          "it in only {prob} of plausible cases — too close to call.",
    "pricing.at_edge": "The optimum lies at the {edge} of what you allowed; the model would go further.",
    "pricing.section.check": "How good is the model?",
    "pricing.check": "On the last 20 % of weeks (from {cutoff}), predicted weekly units were off "
                     "by **{model}** (WAPE) against **{naive}** for the do-nothing forecast "
                     "'same as last week with sales'; the model was better for {better} of {n} products.",
    "pricing.caveat": "Estimates are associations in your history, not experiments: when prices "
                      "differ by customer type (e.g. wholesale tiers), elasticities look stronger "
                      "than they are. Test a recommended price before rolling it out.",
}

DE = {
    "nav.overview": "Überblick", "nav.data": "Daten", "nav.pricing": "Preise",
    "sidebar.language": "Sprache",
    "sidebar.store": "Datenbank: {path}",
    "demo.loading": "Erster Start: Demodaten werden importiert (UCI Online Retail, 541.909 Zeilen) …",
    "demo.done": "Demodaten importiert: {rows} Bestellzeilen.",
    "sidebar.loaded": "Geladene Daten",
    "sidebar.no_data": "Noch keine Daten geladen.",
    "shop.system": "Shop ({system})",
    "shop.generic": "Ihr Shop (eigener Export)",
    "demo.badge": "Demo",
    "demo.label": "Demodaten: ein britischer Geschenkartikel-Shop, 2010–11.",
    "demo.first_start": "Sie sehen Demodaten. Laden Sie die Exporte Ihres Shops auf der Seite Daten hoch.",
    "demo.go_upload": "Exporte auf der Seite Daten hochladen",
    "demo.remove_hint": "Ihre eigenen Daten sind in einer anderen Währung (unten wechseln); die Demodaten "
                        "entfernen Sie in der Seitenleiste.",
    "demo.mixed": "Diese Zahlen enthalten neben Ihren eigenen Daten die Demodaten (ein britischer "
                  "Geschenkartikel-Shop, 2010–11); entfernen Sie sie in der Seitenleiste.",
    "demo.remove": "Demodaten entfernen",
    "demo.remove_confirm": "Das löscht den Demo-Import und genau seine {lines} Bestellzeilen. "
                           "Ihre eigenen Importe bleiben.",
    "demo.remove_yes": "Ja, Demodaten entfernen",
    "demo.removed": "Demodaten entfernt ({lines} Bestellzeilen).",
    "currency.also_other": "Außerdem {orders} Bestellungen in {code} ({years}).",
    "currency.also_demo": "Außerdem {orders} Bestellungen in {code}: die Demodaten ({years}).",
    "currency.switch": "Zu {code} wechseln",
    "unit.day": "{n} Tag", "unit.days": "{n} Tage", "unit.week": "{n} Woche", "unit.weeks": "{n} Wochen",
    "pricing.too_little": "{days} mit Bestellungen in {currency}: Um zu schätzen, wie Preisänderungen "
                          "die Nachfrage verändern, braucht es mindestens {needed} Wochen mit Verkäufen "
                          "(diese Daten haben {weeks} mit Verkäufen). Importieren Sie auf der Seite Daten "
                          "einen längeren Export Ihrer Bestellungen.",
    "pricing.sum_of": "Die Zahlen addieren die {n} gewählten Produkte ({names}); jedes einzeln steht "
                      "in der Tabelle unten.",
    "common.all": "Alle",
    "common.download_csv": "Als CSV herunterladen",
    "common.empty_store": "Noch keine Bestellungen. Importieren Sie den Export Ihres Shops auf der Seite Daten.",
    "common.go_data": "Zur Seite Daten",
    "overview.title": "Überblick",
    "overview.caption": "Nettoumsatz nach Retouren und Stornos, nur Produktzeilen "
                        "(Versand, Gebühren und Rabatte werden getrennt gezeigt).",
    "overview.from": "Von", "overview.to": "Bis", "overview.country": "Land",
    "overview.currency": "Währung", "overview.grain": "Je",
    "grain.day": "Tag", "grain.week": "Woche", "grain.month": "Monat",
    "kpi.revenue": "Umsatz", "kpi.orders": "Bestellungen", "kpi.units": "Stück",
    "kpi.aov": "Ø Bestellwert", "kpi.customers": "Kunden", "kpi.return_rate": "Retourenquote",
    "overview.vs": "Veränderungen gegenüber den {days} Tagen davor ({start} – {end}).",
    "overview.vs_partial": "Keine Veränderung: Ihre Daten decken die {days} Tage davor ({start} – {end}) "
                           "nicht ganz ab; der Vergleich wäre unfair.",
    "overview.vs_empty": "Keine Veränderung: In den {days} Tagen davor ({start} – {end}) gab es keine Verkäufe.",
    "overview.other_revenue": "Nicht-Produktzeilen (Versand, Gebühren, Rabatte): {amount}.",
    "overview.chart_title": "Umsatz je {grain}",
    "overview.partial": "Der letzte Zeitraum ({grain}) ist unvollständig (Verkäufe bis {end}), daher niedriger.",
    "overview.top_products": "Top-Produkte nach Umsatz",
    "overview.top_countries": "Top-Länder nach Umsatz",
    "overview.no_lines": "Keine Verkäufe für diese Filter.",
    "overview.no_countries": "Diese Daten enthalten keine Länder (ein Shopware-Bestellexport erhält sie "
                             "aus dem Kundenexport: importieren Sie auch diesen).",
    "col.product": "Produkt", "col.revenue": "Umsatz", "col.units": "Stück",
    "col.country": "Land", "col.orders": "Bestellungen", "col.share": "Anteil",
    "col.period": "Zeitraum", "col.price": "Preis", "col.confidence": "Verlässlichkeit",
    "col.cost_source": "Stückkosten aus", "col.note": "Hinweis",
    "col.current_price": "Preis heute", "col.new_price": "Neuer Preis", "col.elasticity": "Elastizität",
    "col.baseline_units": "Stück heute", "col.units_low": "Stück (90 % unten)",
    "col.units_high": "Stück (90 % oben)", "col.profit": "Rohertrag",
    "col.profit_low": "Rohertrag (90 % unten)", "col.profit_high": "Rohertrag (90 % oben)",
    "detected.format": "Format", "detected.encoding": "Zeichensatz", "detected.delimiter_name": "Trennzeichen",
    "detected.decimal": "Dezimalzeichen", "detected.date_format": "Datumsformat",
    "detected.header_line": "Kopfzeile",
    "pricing.title": "Preis-Simulation",
    "pricing.products": "Produkte",
    "pricing.category": "…oder eine ganze Kategorie",
    "pricing.change": "Preisänderung (%)",
    "pricing.margin": "Angenommene Bruttomarge heute (%)",
    "pricing.metric.units": "Stück je Woche", "pricing.metric.revenue": "Umsatz je Woche",
    "pricing.metric.profit": "Rohertrag je Woche",
    "pricing.metric.prob": "Chance auf mehr Gewinn",
    "pricing.section.elasticity": "Wie stark reagiert die Nachfrage auf den Preis?",
    "pricing.section.whatif": "Was passiert bei einer Preisänderung?",
    "pricing.section.best": "Bester Preis nach Ihren Regeln",
    "pricing.section.check": "Wie gut ist das Modell?",
    "confidence.high": "hoch", "confidence.medium": "mittel", "confidence.low": "niedrig",
    "confidence.not estimable": "nicht schätzbar",
    "goal.profit": "Rohertrag", "goal.revenue": "Umsatz",
    "pricing.caption": "Preiselastizitäten aus Ihrer eigenen Bestellhistorie: Wochenabsatz gegen den "
                       "erzielten Preis, bereinigt um Trend und Saison. Produkte mit wenig "
                       "Preishistorie lernen von ähnlichen Produkten. Alle Zahlen je Woche, in "
                       "{currency}, mit 90-%-Bereich.",
    "pricing.mode": "Preis ändern um", "mode.pct": "Prozent", "mode.price": "neuen Preis",
    "pricing.newprice": "Neuer Preis ({currency})",
    "pricing.margin_help": "Nur für Produkte ohne Stückkosten aus einer importierten Produktdatei: "
                           "Stückkosten = heutiger Preis × (1 − Marge). Die Demodaten haben keine Kosten.",
    "pricing.pick": "Wählen Sie ein oder mehrere Produkte oder eine Kategorie.",
    "pricing.newprice_single": "Ein neuer Preis gilt für ein Produkt; wählen Sie genau eines oder wechseln Sie zu Prozent.",
    "pricing.elasticity_sentence": "Elastizität **{e}** (90-%-Bereich {low} bis {high}): 1 % höherer "
                                   "Preis ändert den Absatz um etwa **{one}**.",
    "pricing.confidence_line": ":{colour}-badge[Verlässlichkeit: {label}] {reason}. Grundlage: {periods} "
                               "Wochen mit Verkäufen und {levels} Preisstufen; {shrink} übernommen von {toward}.",
    "pricing.not_estimable": "Für dieses Produkt lässt sich keine Elastizität schätzen: {reason}. "
                             "Die Simulation nutzt den Durchschnitt ähnlicher Produkte.",
    "pricing.flag": "Auffällig: {flag}. Bitte mit Vorsicht verwenden.",
    "pricing.metric.prob_help": "Anteil plausibler Elastizitäten (aus dem 90-%-Bereich), bei denen der "
                                "neue Preis mehr Rohertrag bringt als der heutige.",
    "pricing.metric_help": "Ohne Änderung: {base}. 90-%-Bereich: {low} – {high}.",
    "pricing.range": "90 %: {low} – {high} · heute {base}",
    "pricing.table": "Je Produkt",
    "pricing.curve_for": "Kurve für",
    "pricing.curve_caption": "Linie: erwarteter {goal} je Woche; Band: 90-%-Bereich; gestrichelt: "
                             "heutiger Preis; roter Punkt: empfohlener Preis.",
    "pricing.goal": "Maximieren",
    "pricing.minmargin": "Mindestmarge (%)",
    "pricing.maxchange": "Größte Änderung ggü. heute (± %)",
    "pricing.ending": "Preisendung", "ending.none": "beliebig",
    "pricing.recommendation": "Empfohlener Preis **{price}** ({change}): erwarteter {goal} {new} "
                              "je Woche statt {old}. Chance, den heutigen Preis zu schlagen: **{prob}**.",
    "pricing.no_recommendation": "Keine Empfehlung: {reason}",
    "pricing.keep_price": "Heutigen Preis behalten: Der beste Preis nach Ihren Regeln ({price}) "
                          "schlägt ihn nur in {prob} der plausiblen Fälle – zu knapp.",
    "pricing.at_edge": "Das Optimum liegt an der Grenze ({edge}) des Erlaubten; das Modell würde weiter gehen.",
    "pricing.check": "In den letzten 20 % der Wochen (ab {cutoff}) lag der vorhergesagte Wochenabsatz "
                     "um **{model}** (WAPE) daneben, gegenüber **{naive}** für die Prognose "
                     "„wie letzte Woche mit Verkäufen“; das Modell war bei {better} von {n} Produkten besser.",
    "pricing.caveat": "Die Schätzungen sind Zusammenhänge in Ihrer Historie, keine Experimente: "
                      "Wenn Preise nach Kundentyp (z. B. Großhandelsstaffeln) abweichen, wirken "
                      "Elastizitäten stärker, als sie sind. Testen Sie einen empfohlenen Preis vor dem Ausrollen.",
    "effect.title": "Was dieser Import an Ihren Zahlen ändert:",
    "effect.new": "{n} neue Zeilen", "effect.changed": "{n} gespeicherte Zeilen ändern sich",
    "effect.unchanged": "{n} bereits unverändert gespeichert",
    "effect.lacking_kept": "{orders} Bestellungen dieser Datei fehlen {lines} gespeicherte Zeilen "
                           "(bleiben erhalten; zum Entfernen in den Import-Einstellungen "
                           "„Gespeicherte Zeilen entfernen …“ ankreuzen)",
    "effect.lacking_removed": "{orders} Bestellungen dieser Datei fehlen {lines} gespeicherte "
                              "Zeilen (werden entfernt)",
    "effect.revenue": "Umsatz {change}", "effect.revenue_same": "unverändert",
    "vat.net": "Beträge ohne Umsatzsteuer (herausgerechnet, wo die Preise im Export sie enthielten).",
    "vat.as_exported": "Beträge wie exportiert: Der Export sagt nicht, ob die Preise Umsatzsteuer enthalten.",
    "vat.mixed": "Beträge mischen Preise ohne Umsatzsteuer mit Preisen wie exportiert (manche "
                 "Exporte sagen nicht, ob die Preise Umsatzsteuer enthalten).",
    "kpi.help.revenue": "Σ Menge × Stückpreis über Produktzeilen, abzüglich Retouren.",
    "kpi.help.orders": "Bestellungen mit mindestens einem verkauften Produkt.",
    "kpi.help.units": "Verkaufte minus zurückgegebene Stück.",
    "kpi.help.aov": "Umsatz ÷ Bestellungen.",
    "kpi.help.customers": "Verschiedene Kundennummern mit Kauf (Gastbestellungen haben keine).",
    "kpi.help.return_rate": "Zurückgegebene oder stornierte Stück ÷ verkaufte Stück.",
}

# Table headers and values, detected settings, link notices (ui/wording.py); keys set above win.
from . import text_data, text_portfolio, text_scenarios  # noqa: E402  saved scenarios (issue 16); portfolio, customers (issue 20)
EN = {**wording.EN, **text_data.EN, **text_bundles.EN, **text_forecast.EN, **text_pricing.EN, **text_markets.EN, **text_scenarios.EN, **text_portfolio.EN, **EN}
DE = {**wording.DE, **text_data.DE, **text_bundles.DE, **text_forecast.DE, **text_pricing.DE, **text_markets.DE, **text_scenarios.DE, **text_portfolio.DE, **DE}
TABLES = {"en": EN, "de": DE}


def t(key: str, **values) -> str:
    """The string ``key`` in the current language (English if not yet translated)."""
    text = TABLES.get(lang(), EN).get(key) or EN[key]
    return text.format(**values) if values else text


def lang() -> str:
    return _FROZEN_LANG.get() or st.session_state.get("lang", "en")


_FROZEN_LANG: ContextVar[str | None] = ContextVar("frozen_lang", default=None)


def frozen(format_func):
    """``format_func`` that words options in this run's language even when called after the
    run (Streamlit's AppTest formats a widget's value outside the script, where the session
    and so the language are not reachable). Use it for every ``format_func`` that calls ``t``."""
    chosen = lang()

    def call(value):
        token = _FROZEN_LANG.set(chosen)
        try:
            return format_func(value)
        finally:
            _FROZEN_LANG.reset(token)
    return call


def text_in(lang_code: str, key: str, **values) -> str:
    """The string ``key`` in ``lang_code`` (for pure functions that get the language passed)."""
    text = TABLES.get(lang_code, EN).get(key) or EN[key]
    return text.format(**values) if values else text


def say(code: str, params=None) -> str:
    """A model's message code (``ecom_models.messages``) in the current language."""
    return render(code, params, lang())


def say_any(item) -> str:
    """A report entry that is a coded Message/dict (worded) or plain text (as is)."""
    return render_any(item, lang())


def working(key: str):
    """``st.spinner`` worded in the user's language (``spin.*`` keys); Streamlit shows it only
    when the block takes longer than half a second. Use it in pages, never inside a cached
    function (Streamlit would replay it)."""
    return st.spinner(t(key))
