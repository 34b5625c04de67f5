"""Every UI string of the app, by language. Pages call ``t(key, **values)``.

To complete a translation, add the missing keys to the language's table; a missing
key falls back to English, so a partial translation never breaks a page.
"""
from __future__ import annotations

import streamlit as st

EN = {
    "app.title": "E-Commerce Decision Lab",
    "nav.overview": "Overview", "nav.data": "Data", "nav.pricing": "Pricing",
    "sidebar.language": "Language",
    "sidebar.store": "Store: {path}",
    "demo.loading": "First start: importing the demo data (UCI Online Retail, 541,909 lines) …",
    "demo.done": "Demo data imported: {rows} order lines.",
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
    "overview.vs_empty": "No change is shown: the {days} days before ({start} – {end}) have no sales.",
    "overview.other_revenue": "Non-product lines (postage, fees, discounts): {amount}.",
    "overview.chart_title": "Revenue per {grain}",
    "overview.top_products": "Top products by revenue",
    "overview.top_countries": "Top countries by revenue",
    "overview.no_lines": "No sales match these filters.",
    "col.sku": "SKU", "col.product": "Product", "col.revenue": "Revenue", "col.units": "Units",
    "col.country": "Country", "col.orders": "Orders", "col.share": "Share",
    "col.period": "Period",
    # data
    "data.title": "Data",
    "data.caption": "Import order and product exports from Shopify, Shopware, WooCommerce, "
                    "Magento, Amazon, UCI Online Retail, or any CSV/Excel with a column mapping. "
                    "Nothing is written until you press Import.",
    "data.upload": "Export files (CSV, TXT, TSV, XLSX, GZ)",
    "data.format": "Format",
    "data.settings": "Import settings (when detection got it wrong)",
    "data.decimal": "Decimal mark", "data.date_format": "Date format",
    "data.currency": "Currency when the file has none (e.g. EUR)",
    "data.skip_bad": "Skip malformed rows (they are listed in the report)",
    "data.auto": "detect",
    "data.mapping": "Column mapping for {file}",
    "data.mapping_help": "Pick the column of your file that holds each field.",
    "data.report": "Validation report: {file}",
    "data.rejected": "Cannot import",
    "data.already": "Already imported (same content as import #{id}); importing again changes nothing.",
    "data.detected": "Detected",
    "data.rows_read": "Rows read", "data.rows_imported": "Rows to import",
    "data.rows_skipped": "Rows skipped", "data.returns": "Return lines",
    "data.non_product": "Non-product lines", "data.orders": "Orders",
    "data.date_range": "Dates: {first} – {last}",
    "data.warnings": "Warnings",
    "data.skipped_reasons": "Skipped rows by reason",
    "data.preview": "Preview (first 20 rows as they will be stored)",
    "data.commit": "Import {n} file(s)",
    "data.committing": "Importing {file} …",
    "data.imported": "{file}: {rows} rows imported ({updated} replaced rows of an earlier import).",
    "data.history": "Import history",
    "data.no_history": "Nothing imported yet.",
    "data.delete": "Delete import",
    "data.delete_pick": "Import to delete",
    "data.delete_confirm": "Yes, delete this import and exactly its rows",
    "data.deleted": "Import #{id} deleted: {lines} order lines and {products} products removed.",
    "data.ambiguous": "The date column is ambiguous: every date could be day-first or month-first. "
                      "Check the preview and choose below.",
    "data.date_choice": "Dates in this file are written as",
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
    "overview.vs_empty": "Keine Veränderung: In den {days} Tagen davor ({start} – {end}) gab es keine Verkäufe.",
    "overview.other_revenue": "Nicht-Produktzeilen (Versand, Gebühren, Rabatte): {amount}.",
    "overview.chart_title": "Umsatz je {grain}",
    "overview.top_products": "Top-Produkte nach Umsatz",
    "overview.top_countries": "Top-Länder nach Umsatz",
    "overview.no_lines": "Keine Verkäufe für diese Filter.",
    "col.product": "Produkt", "col.revenue": "Umsatz", "col.units": "Stück",
    "col.country": "Land", "col.orders": "Bestellungen", "col.share": "Anteil",
    "col.period": "Zeitraum",
    "data.title": "Daten",
    "data.upload": "Exportdateien (CSV, TXT, TSV, XLSX, GZ)",
    "data.format": "Format",
    "data.commit": "{n} Datei(en) importieren",
    "data.history": "Importverlauf",
    "data.delete": "Import löschen",
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
}

TABLES = {"en": EN, "de": DE}


def t(key: str, **values) -> str:
    """The string ``key`` in the current language (English if not yet translated)."""
    lang = st.session_state.get("lang", "en")
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return text.format(**values) if values else text


def lang() -> str:
    return st.session_state.get("lang", "en")
