"""UI strings of the Portfolio and Customers pages (issue 20), English and German.
Model codes (sleeper reasons and actions, RFM segments, survey errors) are worded in
``ecom_models.messages``."""

EN = {
    "nav.portfolio": "Portfolio", "nav.customers": "Customers",
    "param.p_currency": "currency", "param.p_by": "ABC by", "param.p_a": "A share %", "param.p_b": "B share %",
    "param.p_x": "X variability", "param.p_y": "Y variability", "param.p_weeks": "weeks analysed",
    "param.p_idle": "days without a sale", "param.p_rcost": "handling cost per return",
    "param.c_currency": "currency", "param.c_group": "customer group", "param.c_horizon": "weeks ahead",
    "param.c_survey": "survey", "param.c_seg": "survey segment",
    # ---- Portfolio
    "portfolio.title": "Portfolio",
    "portfolio.caption": "Which products carry the shop and which just sit there, what returns cost, "
                         "and what to do about the sleepers. Net revenue after returns, product lines only, "
                         "in {currency}, over the last {weeks} weeks of your data (to {end}).",
    "portfolio.currency": "Currency", "portfolio.weeks": "Weeks analysed", "portfolio.by": "ABC by",
    "by.revenue": "revenue", "by.profit": "gross profit",
    "portfolio.a": "A: first % of the value", "portfolio.b": "B: next %",
    "portfolio.x": "X: variability up to", "portfolio.y": "Y: variability up to",
    "portfolio.xy_help": "Variability = standard deviation ÷ mean of weekly units (coefficient of variation).",
    "portfolio.idle": "Sleeper after days without a sale", "portfolio.rcost": "Handling cost per returned unit ({currency})",
    "portfolio.rcost_help": "Return shipping, checking and repacking per returned unit; added to the margin lost.",
    "portfolio.no_cost": "Gross profit needs unit costs: import a product file with purchase prices. ABC uses revenue.",
    "portfolio.section.abc": "ABC/XYZ: what carries the shop",
    "portfolio.abc_summary": "**{a} A-products** make {a_share} of the {by}; **{c} C-products** make {c_share}. "
                             "{x} products sell steadily (X), {z} erratically (Z){new}.",
    "portfolio.abc_new": "; {n} are too new to judge",
    "portfolio.matrix_caption": "Products (and share of revenue) per class. A: the first {a} % of the {by}, "
                                "B: the next {b} %, C: the rest. X: variability ≤ {x}, Y: ≤ {y}, Z: above.",
    "portfolio.section.best": "Best-sellers",
    "portfolio.thresholds": "Class limits (ABC shares, XYZ variability)",
    "portfolio.best_short": "**{n} best-sellers are out of stock or last less than 4 weeks** at the recent rate: {names}.",
    "portfolio.to_forecast": "Plan their stock on the Forecast & stock page",
    "col.stock_value": "Stock at cost",
    "portfolio.section.sleepers": "Sleepers: in stock, hardly selling",
    "portfolio.sleepers_caption": "In stock (or sold in the window when there is no stock export) and "
                                  "no sale for {idle} days, units down by half while in class C, or "
                                  "stock for half a year at the recent rate (B and C).",
    "portfolio.sleepers_none": "No sleepers with these settings.",
    "portfolio.sleepers_n": "**{n} sleepers** tie up {value} of stock at cost.",
    "portfolio.sleepers_n_nocost": "**{n} sleepers**.",
    "portfolio.act_on": "Act on a sleeper", "portfolio.try_price": "Try a {cut} % price cut for {sku}",
    "portfolio.try_bundle": "Try the bundle {sku} + {partner}",
    "portfolio.section.returns": "Returns: where they eat the margin",
    "portfolio.returns_summary": "{units} units came back ({rate} of units sold): {revenue} revenue and "
                                 "{margin} margin lost, counting {rcost} handling per returned unit.",
    "portfolio.returns_summary_nocost": "{units} units came back ({rate} of units sold): {revenue} revenue.",
    "portfolio.unprofitable": "**{n} products are unprofitable because of their returns**: {names}.",
    "portfolio.unprofitable_none": "No product is made unprofitable by its returns at this handling cost.",
    "portfolio.returns_by": "Return rate by", "returns.product": "product", "returns.category": "category",
    "returns.country": "country",
    "portfolio.no_category": "Your data have no product categories.",
    "portfolio.note": "In short: {a} A-products make {a_share} of the {by}; {sleepers} sleepers; returns cost "
                      "{margin} of margin.",
    "col.sku": "SKU", "col.abc": "ABC", "col.xyz": "XYZ", "col.cv": "Variability", "col.stock": "Stock",
    "col.trend": "Trend (13 wk)", "col.idle": "Days without sale", "col.cover": "Weeks of stock",
    "col.reasons": "Why", "col.action": "Suggested action", "col.return_rate": "Return rate",
    "col.revenue_lost": "Revenue lost", "col.margin_lost": "Margin lost", "col.units_returned": "Units returned",
    "col.profit_after": "Profit after returns", "col.products": "Products", "col.category": "Category",
    "col.class": "Class", "col.units_sold": "Units sold",
    # ---- Customers
    "customers.title": "Customers",
    "customers.caption": "Do customers come back, what are they worth, how satisfied are they? Orders of "
                         "known customers in {currency} (net after returns); guest orders are counted apart.",
    "customers.group": "Customer group", "customers.group_all": "All groups",
    "customers.guests": "Guest orders (no customer number): {orders} orders, {revenue}; not in the figures below.",
    "customers.no_customers": "These data have no customer numbers, so there is nothing to analyse per customer.",
    "customers.section.new": "New and returning customers",
    "customers.metric.customers": "Customers", "customers.metric.repeat": "Repeat rate",
    "customers.metric.repeat_help": "Customers with at least two orders ÷ customers.",
    "customers.metric.fair": "Back within a year",
    "customers.metric.fair_help": "Of the {n} customers whose first order is at least a year before the end "
                                  "of the data: share who ordered again within 365 days.",
    "customers.metric.gap": "Median days between orders",
    "customers.metric.opc": "Orders per customer",
    "customers.new_caption": "Revenue per month from first orders (new) and later orders (returning). "
                             "Customers who bought before your data start look new in the first months.",
    "customers.new": "new", "customers.returning": "returning", "customers.month": "Month",
    "customers.revenue": "Revenue",
    "customers.by_group": "Per customer group",
    "customers.section.cohorts": "Cohorts: who is still buying months later",
    "customers.cohorts_caption": "Share of each month's new customers who ordered again k months later "
                                 "(empty where that month is not over yet).",
    "customers.curve": "On average {m1} order again in the month after their first order, {m6} in month 6 and "
                       "{m12} in month 12.",
    "customers.section.rfm": "RFM segments",
    "customers.months_after": "Months after the first order", "customers.retention": "Ordering again",
    "customers.note": "In short: {customers} customers; repeat rate {rates}; {m1} order again in the month after "
                      "their first order, {m12} in month 12; value ahead in {weeks} weeks: {value}.",
    "customers.rfm_caption": "R: how recently (quintiles), F: how often (1, 2, 3, 4–5, 6+ orders), M: mean "
                             "order value (quintiles).",
    "customers.section.clv": "Customer value ahead",
    "customers.horizon": "Weeks ahead",
    "customers.clv": "Expected revenue from today's customers in the next {weeks} weeks: **{total}** "
                     "(90 % range {low} – {high}).",
    "customers.clv_no_range": "Expected revenue from today's customers in the next {weeks} weeks: "
                              "**{total}**. Too few repeat purchases to say how sure this is: treat it "
                              "as a rough guide.",
    "customers.clv_caption": "BG/NBD (how often each customer buys and whether they still do) × Gamma-Gamma "
                             "(how much per order), fitted to your orders; the range shows how sure the fit is.",
    "customers.clv_few": "Too few customers (at least 20 with a past order) to estimate their value.",
    "customers.check": "Honest check: fitted on the orders before {cut}, the model expected **{pred}** repeat "
                       "orders in the {weeks} weeks after; **{actual}** happened ({diff}).",
    "customers.top": "Most valuable customers (pseudonyms)",
    "col.customer": "Customer", "col.group": "Group", "col.p_alive": "Still active (%)", "col.purchases": "Orders ahead",
    "col.spend": "Per order", "col.clv": "Value ahead", "col.clv_low": "90 % low", "col.clv_high": "90 % high",
    "col.segment": "Segment", "col.customers": "Customers", "col.share_customers": "Share of customers (%)",
    "col.share_revenue": "Share of revenue (%)", "col.recency": "Days since last order", "col.repeat": "Repeat rate (%)",
    "col.fair": "Back within a year (%)", "col.gap": "Median days between", "col.opc": "Orders per customer",
    "col.cohort": "Cohort", "col.per_customer": "Per customer", "nps.segment_all": "All segments",
    "customers.group.EK": "end customers (EK)", "customers.group.H": "traders (H)", "col.size": "Customers",
    # ---- NPS
    "nps.section": "Satisfaction (NPS)",
    "nps.upload": "Survey export (CSV/TXT; a 0–10 score column, optional date, segment and comment)",
    "nps.score_column": "Score column (if not found automatically)",
    "nps.saved": "Survey '{file}' saved: {n} responses.",
    "nps.already": "This survey was already imported ('{file}').",
    "nps.pick": "Survey", "nps.none": "No survey yet: upload a survey export to see the Net Promoter Score.",
    "nps.result": "NPS **{nps}** (95 % range {low} to {high}) from {n} responses: {p} promoters (9–10), "
                  "{pa} passives (7–8), {d} detractors (0–6).",
    "nps.segment": "Segment", "nps.trend": "NPS per month", "nps.by_segment": "NPS per segment",
    "nps.words": "Words detractors use most", "nps.no_comments": "No detractor comments.",
    "nps.skipped": "{n} responses without a score were left out.",
    "col.nps": "NPS", "col.n": "Responses", "col.low": "95 % low", "col.high": "95 % high",
    "col.word": "Word", "col.count": "Mentions",
}

DE = {
    "nav.portfolio": "Sortiment", "nav.customers": "Kunden",
    "param.p_currency": "Währung", "param.p_by": "ABC nach", "param.p_a": "A-Anteil %", "param.p_b": "B-Anteil %",
    "param.p_x": "X-Schwankung", "param.p_y": "Y-Schwankung", "param.p_weeks": "ausgewertete Wochen",
    "param.p_idle": "Tage ohne Verkauf", "param.p_rcost": "Bearbeitungskosten je Retoure",
    "param.c_currency": "Währung", "param.c_group": "Kundengruppe", "param.c_horizon": "Wochen voraus",
    "param.c_survey": "Umfrage", "param.c_seg": "Umfragesegment",
    "portfolio.title": "Sortiment",
    "portfolio.caption": "Welche Artikel den Shop tragen und welche nur liegen, was Retouren kosten und was "
                         "mit Ladenhütern zu tun ist. Nettoumsatz nach Retouren, nur Produktzeilen, in "
                         "{currency}, über die letzten {weeks} Wochen Ihrer Daten (bis {end}).",
    "portfolio.currency": "Währung", "portfolio.weeks": "Ausgewertete Wochen", "portfolio.by": "ABC nach",
    "by.revenue": "Umsatz", "by.profit": "Rohertrag",
    "portfolio.a": "A: erste % des Werts", "portfolio.b": "B: nächste %",
    "portfolio.x": "X: Schwankung bis", "portfolio.y": "Y: Schwankung bis",
    "portfolio.xy_help": "Schwankung = Standardabweichung ÷ Mittelwert des Wochenabsatzes (Variationskoeffizient).",
    "portfolio.idle": "Ladenhüter nach Tagen ohne Verkauf",
    "portfolio.rcost": "Bearbeitungskosten je retourniertem Stück ({currency})",
    "portfolio.rcost_help": "Rückversand, Prüfung und Neuverpackung je retourniertem Stück; zählt zur verlorenen Marge.",
    "portfolio.no_cost": "Rohertrag braucht Stückkosten: Importieren Sie eine Artikeldatei mit Einkaufspreisen. "
                         "ABC nutzt den Umsatz.",
    "portfolio.section.abc": "ABC/XYZ: was den Shop trägt",
    "portfolio.abc_summary": "**{a} A-Artikel** bringen {a_share} des {by}; **{c} C-Artikel** bringen {c_share}. "
                             "{x} Artikel verkaufen sich gleichmäßig (X), {z} sprunghaft (Z){new}.",
    "portfolio.abc_new": "; {n} sind zu neu für ein Urteil",
    "portfolio.matrix_caption": "Artikel (und Umsatzanteil) je Klasse. A: die ersten {a} % des {by}, B: die "
                                "nächsten {b} %, C: der Rest. X: Schwankung ≤ {x}, Y: ≤ {y}, Z: darüber.",
    "portfolio.section.best": "Renner",
    "portfolio.thresholds": "Klassengrenzen (ABC-Anteile, XYZ-Schwankung)",
    "portfolio.best_short": "**{n} Renner sind ausverkauft oder reichen beim jüngsten Tempo keine 4 Wochen**: {names}.",
    "portfolio.to_forecast": "Ihren Bestand auf der Seite Prognose & Bestand planen",
    "col.stock_value": "Bestand zu Einkaufspreisen",
    "portfolio.section.sleepers": "Ladenhüter: auf Lager, kaum verkauft",
    "portfolio.sleepers_caption": "Auf Lager (oder ohne Bestandsexport im Zeitraum verkauft) und seit {idle} "
                                  "Tagen kein Verkauf, Absatz halbiert in Klasse C, oder Bestand für ein "
                                  "halbes Jahr beim jüngsten Tempo (B und C).",
    "portfolio.sleepers_none": "Keine Ladenhüter mit diesen Einstellungen.",
    "portfolio.sleepers_n": "**{n} Ladenhüter** binden {value} Bestand zu Einkaufspreisen.",
    "portfolio.sleepers_n_nocost": "**{n} Ladenhüter**.",
    "portfolio.act_on": "Ladenhüter bearbeiten", "portfolio.try_price": "{cut} % Preissenkung für {sku} durchspielen",
    "portfolio.try_bundle": "Bündel {sku} + {partner} durchspielen",
    "portfolio.section.returns": "Retouren: wo sie die Marge fressen",
    "portfolio.returns_summary": "{units} Stück kamen zurück ({rate} der verkauften): {revenue} Umsatz und "
                                 "{margin} Marge verloren, mit {rcost} Bearbeitung je retourniertem Stück.",
    "portfolio.returns_summary_nocost": "{units} Stück kamen zurück ({rate} der verkauften): {revenue} Umsatz.",
    "portfolio.unprofitable": "**{n} Artikel sind wegen ihrer Retouren unrentabel**: {names}.",
    "portfolio.unprofitable_none": "Kein Artikel wird bei diesen Bearbeitungskosten durch Retouren unrentabel.",
    "portfolio.returns_by": "Retourenquote nach", "returns.product": "Artikel", "returns.category": "Kategorie",
    "returns.country": "Land",
    "portfolio.no_category": "Ihre Daten enthalten keine Artikelkategorien.",
    "portfolio.note": "Kurz: {a} A-Artikel bringen {a_share} des {by}; {sleepers} Ladenhüter; Retouren kosten "
                      "{margin} Marge.",
    "col.sku": "Artikelnr.", "col.abc": "ABC", "col.xyz": "XYZ", "col.cv": "Schwankung", "col.stock": "Bestand",
    "col.trend": "Trend (13 Wo.)", "col.idle": "Tage ohne Verkauf", "col.cover": "Reichweite (Wochen)",
    "col.reasons": "Warum", "col.action": "Vorschlag", "col.return_rate": "Retourenquote",
    "col.revenue_lost": "Umsatz verloren", "col.margin_lost": "Marge verloren", "col.units_returned": "Stück retour",
    "col.profit_after": "Gewinn nach Retouren", "col.products": "Artikel", "col.category": "Kategorie",
    "col.class": "Klasse", "col.units_sold": "Stück verkauft",
    "customers.title": "Kunden",
    "customers.caption": "Kommen Kunden wieder, was sind sie wert, wie zufrieden sind sie? Bestellungen "
                         "bekannter Kunden in {currency} (netto nach Retouren); Gastbestellungen zählen getrennt.",
    "customers.group": "Kundengruppe", "customers.group_all": "Alle Gruppen",
    "customers.guests": "Gastbestellungen (ohne Kundennummer): {orders} Bestellungen, {revenue}; nicht in den "
                        "Zahlen unten.",
    "customers.no_customers": "Diese Daten haben keine Kundennummern; je Kunde lässt sich nichts auswerten.",
    "customers.section.new": "Neue und wiederkehrende Kunden",
    "customers.metric.customers": "Kunden", "customers.metric.repeat": "Wiederkaufrate",
    "customers.metric.repeat_help": "Kunden mit mindestens zwei Bestellungen ÷ Kunden.",
    "customers.metric.fair": "Zurück binnen eines Jahres",
    "customers.metric.fair_help": "Von den {n} Kunden, deren erste Bestellung mindestens ein Jahr vor Datenende "
                                  "liegt: Anteil, der binnen 365 Tagen wieder bestellte.",
    "customers.metric.gap": "Median Tage zwischen Bestellungen",
    "customers.metric.opc": "Bestellungen je Kunde",
    "customers.new_caption": "Umsatz je Monat aus Erstbestellungen (neu) und späteren Bestellungen "
                             "(wiederkehrend). Wer vor Beginn Ihrer Daten kaufte, wirkt in den ersten Monaten neu.",
    "customers.new": "neu", "customers.returning": "wiederkehrend", "customers.month": "Monat",
    "customers.revenue": "Umsatz",
    "customers.by_group": "Je Kundengruppe",
    "customers.section.cohorts": "Kohorten: wer Monate später noch kauft",
    "customers.cohorts_caption": "Anteil der Neukunden eines Monats, die k Monate später wieder bestellten "
                                 "(leer, wo dieser Monat noch nicht vorbei ist).",
    "customers.curve": "Im Schnitt bestellen {m1} im Monat nach der ersten Bestellung wieder, {m6} im Monat 6 "
                       "und {m12} im Monat 12.",
    "customers.section.rfm": "RFM-Segmente",
    "customers.months_after": "Monate nach der ersten Bestellung", "customers.retention": "Bestellen wieder",
    "customers.note": "Kurz: {customers} Kunden; Wiederkaufrate {rates}; {m1} bestellen im Monat nach der ersten "
                      "Bestellung wieder, {m12} im Monat 12; Wert der nächsten {weeks} Wochen: {value}.",
    "customers.rfm_caption": "R: wie kürzlich (Quintile), F: wie oft (1, 2, 3, 4–5, 6+ Bestellungen), M: "
                             "mittlerer Bestellwert (Quintile).",
    "customers.section.clv": "Kundenwert voraus",
    "customers.horizon": "Wochen voraus",
    "customers.clv": "Erwarteter Umsatz der heutigen Kunden in den nächsten {weeks} Wochen: **{total}** "
                     "(90-%-Bereich {low} – {high}).",
    "customers.clv_no_range": "Erwarteter Umsatz der heutigen Kunden in den nächsten {weeks} Wochen: "
                              "**{total}**. Zu wenige Wiederholungskäufe, um zu sagen, wie sicher das ist: "
                              "nur ein grober Anhaltspunkt.",
    "customers.clv_caption": "BG/NBD (wie oft jeder Kunde kauft und ob noch) × Gamma-Gamma (wie viel je "
                             "Bestellung), angepasst an Ihre Bestellungen; der Bereich zeigt, wie sicher die Anpassung ist.",
    "customers.clv_few": "Zu wenige Kunden (mindestens 20 mit einer früheren Bestellung), um ihren Wert zu schätzen.",
    "customers.check": "Ehrliche Prüfung: Angepasst an die Bestellungen vor dem {cut} erwartete das Modell "
                       "**{pred}** Wiederholungsbestellungen in den {weeks} Wochen danach; **{actual}** gab es ({diff}).",
    "customers.top": "Wertvollste Kunden (Pseudonyme)",
    "col.customer": "Kunde", "col.group": "Gruppe", "col.p_alive": "Noch aktiv (%)", "col.purchases": "Bestellungen voraus",
    "col.spend": "Je Bestellung", "col.clv": "Wert voraus", "col.clv_low": "90 % unten", "col.clv_high": "90 % oben",
    "col.segment": "Segment", "col.customers": "Kunden", "col.share_customers": "Anteil Kunden (%)",
    "col.share_revenue": "Anteil Umsatz (%)", "col.recency": "Tage seit letzter Bestellung", "col.repeat": "Wiederkaufrate (%)",
    "col.fair": "Zurück binnen eines Jahres (%)", "col.gap": "Median Tage dazwischen", "col.opc": "Bestellungen je Kunde",
    "col.cohort": "Kohorte", "col.per_customer": "Je Kunde", "nps.segment_all": "Alle Segmente",
    "customers.group.EK": "Endkunden (EK)", "customers.group.H": "Händler (H)", "col.size": "Kunden",
    "nps.section": "Zufriedenheit (NPS)",
    "nps.upload": "Umfrageexport (CSV/TXT; eine Bewertungsspalte 0–10, optional Datum, Segment und Kommentar)",
    "nps.score_column": "Bewertungsspalte (falls nicht automatisch gefunden)",
    "nps.saved": "Umfrage „{file}“ gespeichert: {n} Antworten.",
    "nps.already": "Diese Umfrage wurde bereits importiert („{file}“).",
    "nps.pick": "Umfrage", "nps.none": "Noch keine Umfrage: Laden Sie einen Umfrageexport hoch, um den Net Promoter Score zu sehen.",
    "nps.result": "NPS **{nps}** (95-%-Bereich {low} bis {high}) aus {n} Antworten: {p} Promotoren (9–10), "
                  "{pa} Passive (7–8), {d} Kritiker (0–6).",
    "nps.segment": "Segment", "nps.trend": "NPS je Monat", "nps.by_segment": "NPS je Segment",
    "nps.words": "Häufigste Wörter der Kritiker", "nps.no_comments": "Keine Kommentare von Kritikern.",
    "nps.skipped": "{n} Antworten ohne Bewertung wurden ausgelassen.",
    "col.nps": "NPS", "col.n": "Antworten", "col.low": "95 % unten", "col.high": "95 % oben",
    "col.word": "Wort", "col.count": "Nennungen",
}
