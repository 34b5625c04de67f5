"""UI strings of saved scenarios (the save button, the Scenarios page, the management report),
in English and German; merged into ``ui/text.py`` so every key is reached through ``t(key)``.
"""

EN = {
    "nav.scenarios": "Scenarios",
    # saving (on a what-if page)
    "scn.save.open": "Save scenario",
    "scn.save.help": "Saves these inputs and the numbers shown, with a link that shows exactly "
                     "these numbers later, even after new data is imported.",
    "scn.save.title": "Title", "scn.save.note": "Note (optional)", "scn.save.button": "Save",
    "scn.save.default_title": "Price {change} · {scope}",
    "scn.save.category": "category {name}",
    "scn.save.failed": "Could not save: {reason}",
    "scn.saved": "Saved. Anyone with this link sees exactly these numbers:",
    "scn.open_saved": "Open the saved scenario",
    # the page
    "scn.page.title": "Scenarios",
    "scn.page.caption": "Saved what-ifs with the numbers as they were saved. A link opens one "
                        "read-only; rename, annotate, compare or delete them here.",
    "scn.not_found": "Scenario not found.",
    "scn.not_found_hint": "The link may be incomplete, or the scenario was deleted.",
    "scn.go_list": "All saved scenarios",
    "scn.kind.pricing": "Price what-if",
    "scn.readonly": "Read-only: the numbers as saved on {when} ({kind}).",
    "scn.inputs": "Inputs", "scn.input": "Input", "scn.value": "Value",
    "scn.saved_numbers": "As saved ({when})",
    "scn.today_numbers": "On today's data",
    "scn.side_by_side": "Saved and today side by side",
    "scn.col.saved": "As saved", "scn.col.today": "Today",
    "scn.data_changed": "The data changed since this scenario was saved ({added} import(s) added, "
                        "{removed} removed). The saved numbers below are unchanged; today's numbers "
                        "are shown beside them.",
    "scn.model_changed": "The model changed since this scenario was saved (version {old}, now {new}). "
                         "The saved numbers are unchanged; today's numbers are shown beside them.",
    "scn.same_today": "Recomputed on today's data: the numbers are the same.",
    "scn.unchanged": "Data and model are the same as when this scenario was saved.",
    "scn.today_error": "Today's numbers cannot be computed: {reason}",
    "scn.recompute": "Recompute on today's data",
    "scn.chain": "Linked what-ifs",
    "scn.chain_caption": "Each step builds on the one before (price → forecast → stock → market).",
    "scn.chain_step": "Step {n}: {kind} — {title}",
    "scn.per_sku": "Per product (as saved)",
    "scn.open_in_page": "Try these inputs on the Pricing page (today's data)",
    "scn.fingerprint": "Data fingerprint {short} ({n} import(s)); model {model}.",
    "scn.note": "Note: {note}",
    "scn.untitled": "(untitled)",
    # list and management
    "scn.list.title": "Saved scenarios",
    "scn.list.empty": "No saved scenarios yet. Save one on the Pricing page.",
    "scn.col.title": "Title", "scn.col.kind": "Kind", "scn.col.created": "Saved",
    "scn.col.note": "Note", "scn.col.link": "Link",
    "scn.pick": "Scenario",
    "scn.manage": "Rename, annotate or delete",
    "scn.rename": "Title", "scn.renote": "Note", "scn.update": "Save title and note",
    "scn.updated": "Title and note saved.",
    "scn.delete": "Delete scenario", "scn.delete_sure": "Yes, delete it (its link stops working)",
    "scn.deleted": "Scenario deleted; its link now shows \"not found\".",
    "scn.compare": "Compare scenarios (two or more)",
    "scn.compare.need": "Pick at least two scenarios to compare them side by side.",
    "scn.compare.caption": "Inputs that differ between the scenarios are highlighted. \"Do nothing\" "
                           "is today's price at the time of saving; ranges are {interval} % intervals.",
    "scn.baseline": "Do nothing",
    "scn.row.kind": "Kind", "scn.row.currency": "Currency", "scn.row.scope": "Products",
    "scn.row.mode": "Price given as", "scn.row.change": "Price change %", "scn.row.newprice": "New price",
    "scn.row.margin": "Assumed margin %", "scn.row.saved": "Saved", "scn.row.data": "Data fingerprint",
    "scn.row.units": "Units per week", "scn.row.revenue": "Revenue per week",
    "scn.row.profit": "Gross profit per week", "scn.row.prob": "Chance profit rises",
    "scn.range": "{value} ({low} – {high})",
    # downloads and the report
    "scn.dl.html": "Management report (HTML)", "scn.dl.csv": "Numbers (CSV)",
    "scn.dl.xlsx": "Numbers (Excel)",
    "report.heading": "Scenario: {title}",
    "report.saved": "Saved {when}. Link: {link}",
    "report.summary": "Summary (per week, {currency})",
    "report.charts": "Charts",
    "report.per_sku": "Per product",
    "report.assumptions": "Assumptions",
    "report.assume.elasticity": "Demand follows each product's estimated price elasticity; the ranges "
                                "cover the uncertainty of that estimate only ({interval} % intervals), "
                                "not week-to-week noise.",
    "report.assume.baseline": "\"Do nothing\" is the recent weekly sales at today's price when the "
                              "scenario was saved.",
    "report.assume.cost": "Products without a unit cost from a product import are costed at an "
                          "assumed gross margin of {margin} % of today's price.",
    "report.assume.seed": "Simulation: {draws} draws of the elasticity, random seed {seed}; the "
                          "same inputs on the same data give the same numbers.",
    "report.confidence": "How sure: each product's elasticity is labelled high, medium or low "
                         "confidence (width of its interval and how often its price moved).",
    "report.provenance": "What the numbers stand on",
    "report.fingerprint": "Data fingerprint (sha256 over the content hashes of {n} import(s)): {fp}",
    "report.model": "Model version: {model}",
    "report.settings": "Estimator settings: {settings}",
    "report.today_differs": "Recomputed on today's data, the numbers differ (data or model changed "
                            "since saving); this report shows the saved numbers.",
    "report.chart_units": "Units per week: do nothing vs scenario (with range)",
    "report.chart_profit": "Gross profit per week: do nothing vs scenario (with range)",
    "report.no_chart": "Charts could not be drawn here; their Vega-Lite specification follows.",
    "report.what": "What", "report.low": "Low", "report.high": "High",
}

DE = {
    "nav.scenarios": "Szenarien",
    "scn.save.open": "Szenario speichern",
    "scn.save.help": "Speichert diese Eingaben und die gezeigten Zahlen mit einem Link, der später "
                     "genau diese Zahlen zeigt, auch nach neuen Importen.",
    "scn.save.title": "Titel", "scn.save.note": "Notiz (optional)", "scn.save.button": "Speichern",
    "scn.save.default_title": "Preis {change} · {scope}",
    "scn.save.category": "Kategorie {name}",
    "scn.save.failed": "Speichern nicht möglich: {reason}",
    "scn.saved": "Gespeichert. Wer diesen Link hat, sieht genau diese Zahlen:",
    "scn.open_saved": "Gespeichertes Szenario öffnen",
    "scn.page.title": "Szenarien",
    "scn.page.caption": "Gespeicherte Was-wäre-wenn-Rechnungen mit den Zahlen wie gespeichert. Ein "
                        "Link öffnet eines schreibgeschützt; hier umbenennen, kommentieren, "
                        "vergleichen oder löschen.",
    "scn.not_found": "Szenario nicht gefunden.",
    "scn.not_found_hint": "Der Link ist vielleicht unvollständig, oder das Szenario wurde gelöscht.",
    "scn.go_list": "Alle gespeicherten Szenarien",
    "scn.kind.pricing": "Preis-Was-wäre-wenn",
    "scn.readonly": "Schreibgeschützt: die Zahlen wie am {when} gespeichert ({kind}).",
    "scn.inputs": "Eingaben", "scn.input": "Eingabe", "scn.value": "Wert",
    "scn.saved_numbers": "Wie gespeichert ({when})",
    "scn.today_numbers": "Mit den heutigen Daten",
    "scn.side_by_side": "Gespeichert und heute nebeneinander",
    "scn.col.saved": "Wie gespeichert", "scn.col.today": "Heute",
    "scn.data_changed": "Die Daten haben sich seit dem Speichern geändert ({added} Import(e) "
                        "hinzugekommen, {removed} entfernt). Die gespeicherten Zahlen unten sind "
                        "unverändert; die heutigen stehen daneben.",
    "scn.model_changed": "Das Modell hat sich seit dem Speichern geändert (Version {old}, jetzt {new}). "
                         "Die gespeicherten Zahlen sind unverändert; die heutigen stehen daneben.",
    "scn.same_today": "Mit den heutigen Daten neu berechnet: die Zahlen sind gleich.",
    "scn.unchanged": "Daten und Modell sind dieselben wie beim Speichern.",
    "scn.today_error": "Die heutigen Zahlen lassen sich nicht berechnen: {reason}",
    "scn.recompute": "Mit heutigen Daten neu berechnen",
    "scn.chain": "Verknüpfte Rechnungen",
    "scn.chain_caption": "Jeder Schritt baut auf dem vorigen auf (Preis → Prognose → Bestand → Markt).",
    "scn.chain_step": "Schritt {n}: {kind} — {title}",
    "scn.per_sku": "Je Produkt (wie gespeichert)",
    "scn.open_in_page": "Diese Eingaben auf der Preisseite ausprobieren (heutige Daten)",
    "scn.fingerprint": "Daten-Fingerabdruck {short} ({n} Import(e)); Modell {model}.",
    "scn.note": "Notiz: {note}",
    "scn.untitled": "(ohne Titel)",
    "scn.list.title": "Gespeicherte Szenarien",
    "scn.list.empty": "Noch keine gespeicherten Szenarien. Speichern Sie eines auf der Preisseite.",
    "scn.col.title": "Titel", "scn.col.kind": "Art", "scn.col.created": "Gespeichert",
    "scn.col.note": "Notiz", "scn.col.link": "Link",
    "scn.pick": "Szenario",
    "scn.manage": "Umbenennen, kommentieren oder löschen",
    "scn.rename": "Titel", "scn.renote": "Notiz", "scn.update": "Titel und Notiz speichern",
    "scn.updated": "Titel und Notiz gespeichert.",
    "scn.delete": "Szenario löschen", "scn.delete_sure": "Ja, löschen (der Link funktioniert dann nicht mehr)",
    "scn.deleted": "Szenario gelöscht; sein Link zeigt jetzt „nicht gefunden“.",
    "scn.compare": "Szenarien vergleichen (zwei oder mehr)",
    "scn.compare.need": "Wählen Sie mindestens zwei Szenarien, um sie nebeneinander zu vergleichen.",
    "scn.compare.caption": "Eingaben, die sich unterscheiden, sind hervorgehoben. „Nichts tun“ ist "
                           "der heutige Preis zum Zeitpunkt des Speicherns; Spannen sind "
                           "{interval}-%-Intervalle.",
    "scn.baseline": "Nichts tun",
    "scn.row.kind": "Art", "scn.row.currency": "Währung", "scn.row.scope": "Produkte",
    "scn.row.mode": "Preis angegeben als", "scn.row.change": "Preisänderung %",
    "scn.row.newprice": "Neuer Preis", "scn.row.margin": "Angenommene Marge %",
    "scn.row.saved": "Gespeichert", "scn.row.data": "Daten-Fingerabdruck",
    "scn.row.units": "Stück pro Woche", "scn.row.revenue": "Umsatz pro Woche",
    "scn.row.profit": "Rohertrag pro Woche", "scn.row.prob": "Chance, dass der Rohertrag steigt",
    "scn.range": "{value} ({low} – {high})",
    "scn.dl.html": "Management-Bericht (HTML)", "scn.dl.csv": "Zahlen (CSV)",
    "scn.dl.xlsx": "Zahlen (Excel)",
    "report.heading": "Szenario: {title}",
    "report.saved": "Gespeichert {when}. Link: {link}",
    "report.summary": "Überblick (pro Woche, {currency})",
    "report.charts": "Diagramme",
    "report.per_sku": "Je Produkt",
    "report.assumptions": "Annahmen",
    "report.assume.elasticity": "Die Nachfrage folgt der geschätzten Preiselastizität jedes Produkts; "
                                "die Spannen decken nur die Unsicherheit dieser Schätzung ab "
                                "({interval}-%-Intervalle), nicht das Auf und Ab von Woche zu Woche.",
    "report.assume.baseline": "„Nichts tun“ sind die jüngsten Wochenverkäufe zum heutigen Preis beim "
                              "Speichern des Szenarios.",
    "report.assume.cost": "Produkte ohne Stückkosten aus einem Produktimport werden mit einer "
                          "angenommenen Bruttomarge von {margin} % des heutigen Preises gerechnet.",
    "report.assume.seed": "Simulation: {draws} Ziehungen der Elastizität, Zufallsstartwert {seed}; "
                          "gleiche Eingaben auf gleichen Daten ergeben gleiche Zahlen.",
    "report.confidence": "Wie sicher: die Elastizität jedes Produkts ist mit hoher, mittlerer oder "
                         "niedriger Sicherheit gekennzeichnet (Breite ihres Intervalls und wie oft "
                         "sich der Preis bewegt hat).",
    "report.provenance": "Worauf die Zahlen beruhen",
    "report.fingerprint": "Daten-Fingerabdruck (SHA-256 über die Inhalts-Hashes von {n} Import(en)): {fp}",
    "report.model": "Modellversion: {model}",
    "report.settings": "Einstellungen des Schätzers: {settings}",
    "report.today_differs": "Mit den heutigen Daten neu berechnet, weichen die Zahlen ab (Daten oder "
                            "Modell haben sich seit dem Speichern geändert); dieser Bericht zeigt die "
                            "gespeicherten Zahlen.",
    "report.chart_units": "Stück pro Woche: nichts tun vs. Szenario (mit Spanne)",
    "report.chart_profit": "Rohertrag pro Woche: nichts tun vs. Szenario (mit Spanne)",
    "report.no_chart": "Die Diagramme ließen sich hier nicht zeichnen; ihre Vega-Lite-Beschreibung folgt.",
    "report.what": "Was", "report.low": "Untergrenze", "report.high": "Obergrenze",
}
