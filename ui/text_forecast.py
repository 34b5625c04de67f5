"""UI strings of the Forecast & stock page (pages/forecast.py), English and German.
Registered in ``ui/text.py``; model codes (model names, notes) live in ``ecom_models/messages``."""

EN = {
    "nav.forecast": "Forecast & stock",
    "forecast.title": "Forecast & stock",
    "forecast.caption": "Units per week ahead for your best-selling products, chosen per product by "
                        "testing every method on past weeks; the seasonal-naive forecast (same week "
                        "last year, or last week when there is no year of history) is shown as the "
                        "baseline it must beat.",
    "forecast.level": "Forecast for", "forecast.level.sku": "a product", "forecast.level.country": "a country",
    "forecast.level.category": "a category", "forecast.level.total": "the whole shop",
    "forecast.series": "Product", "forecast.series_other": "Series",
    "forecast.horizon": "Weeks ahead",
    "forecast.too_little": "Too little history to forecast: at least {weeks} complete weeks are needed.",
    "forecast.no_category": "The products have no categories in this store; choose another level.",
    "forecast.section.forecast": "Forecast",
    "forecast.metric.units": "Units, next {weeks} weeks",
    "forecast.metric.units_help": "Expected units; 80 % interval {low} – {high}. Baseline (seasonal naive): {base}.",
    "forecast.metric.model": "Method chosen",
    "forecast.metric.model_help": "Chosen because it had the lowest scaled error (MASE) on past weeks.",
    "forecast.metric.beats": "Error vs baseline",
    "forecast.metric.beats_help": "Mean absolute scaled error (MASE) on past weeks: {own} for the chosen "
                                  "method, {base} for seasonal naive (lower is better).",
    "forecast.beats": "On past weeks this forecast was **{pct} more accurate** than the seasonal-naive "
                      "baseline (MASE {own} vs {base}).",
    "forecast.not_beats": "On past weeks no method beat the seasonal-naive baseline for this series, so "
                          "the baseline itself is used (MASE {base}).",
    "forecast.coverage": "Intervals: in the backtest, the 80 % band held the actual units in {c80} of "
                         "weeks and the 95 % band in {c95}. Forecasts never go below zero.",
    "forecast.chart.actual": "Actual", "forecast.chart.forecast": "Forecast",
    "forecast.chart.baseline": "Baseline (seasonal naive)", "forecast.chart.scenario": "What-if",
    "forecast.chart.band80": "80 % interval", "forecast.chart.band95": "95 % interval",
    "forecast.chart.units": "Units per week", "forecast.chart.week": "Week",
    "forecast.section.whatif": "What-if: price and promotion",
    "forecast.price_change": "Price change (%)",
    "forecast.promo_week": "Promotion in week",
    "forecast.promo_none": "no promotion",
    "forecast.promo_week_n": "week {n} (from {day})",
    "forecast.promo_discount": "Promotion discount (%)",
    "forecast.elasticity": "Price response used: elasticity {e} (interval {low} to {high}): 1 % dearer → "
                           "{one} units.",
    "forecast.no_whatif": "Change the price or pick a promotion week to see its effect beside the forecast.",
    "forecast.scenario_units": "With the what-if: **{units}** units over the next {weeks} weeks "
                               "({delta} vs the forecast).",
    "forecast.section.stock": "Stock plan",
    "forecast.stock": "Stock on hand (units)",
    "forecast.stock_help": "From your stock export where there is one; type in today's stock otherwise.",
    "forecast.stock_from_export": "Stock from your stock export: {units} units.",
    "forecast.stock_missing": "No stock export for this product: type in the stock on hand.",
    "forecast.lead": "Lead time (days)", "forecast.review": "Order every (days)",
    "forecast.service": "Service level (%)", "forecast.moq": "Minimum order (units)",
    "forecast.lead_help": "Days from placing an order until the goods can be sold.",
    "forecast.service_help": "Chance of not running out before the next delivery arrives.",
    "forecast.metric.safety": "Safety stock", "forecast.metric.rop": "Reorder point",
    "forecast.metric.order": "Order now", "forecast.metric.stockout": "Runs out",
    "forecast.metric.prob": "Risk of running out",
    "forecast.metric.safety_help": "Extra units held against forecast error over lead time + order interval.",
    "forecast.metric.rop_help": "Reorder when stock falls to this level (expected demand over the lead time plus safety).",
    "forecast.metric.order_help": "Brings the stock up to {upto} units: demand until the delivery after next plus safety stock.",
    "forecast.metric.prob_help": "Chance that demand before an order placed today arrives exceeds the stock.",
    "forecast.not_in_horizon": "not within {weeks} weeks",
    "forecast.reorder_now": "Stock is at or below the reorder point: order now.",
    "forecast.section.table": "All forecast products",
    "forecast.table_caption": "Stock plan for the {n} best-selling products with the settings above "
                              "(stock from your stock export).",
    "forecast.section.check": "How good is the forecast?",
    "forecast.check": "Honest check on the most recent past weeks (methods chosen on earlier weeks): the "
                      "chosen forecasts missed by **{wape}** of the units (WAPE), seasonal naive by "
                      "**{base}**, over {n} series.",
    "forecast.scores_caption": "Every method tested on this series (MASE: below 1 beats the naive method "
                               "in sample; WAPE: share of units missed).",
    "col.model": "Method", "col.mase": "MASE", "col.wape": "WAPE", "col.units_next": "Units ahead",
    "col.safety": "Safety stock", "col.rop": "Reorder point", "col.order": "Order",
    "col.stockout": "Runs out", "col.prob": "Risk of running out", "col.series": "Series",
    "param.f_level": "forecast level", "param.f_series": "series", "param.f_h": "weeks ahead",
    "param.f_price": "price change", "param.f_promo": "promotion week", "param.f_disc": "promotion discount",
    "param.f_stock": "stock on hand", "param.f_lead": "lead time", "param.f_review": "order interval",
    "param.f_sl": "service level", "param.f_moq": "minimum order",
}

DE = {
    "nav.forecast": "Prognose & Bestand",
    "forecast.title": "Prognose & Bestand",
    "forecast.caption": "Stück pro Woche für Ihre meistverkauften Produkte, je Produkt gewählt, indem "
                        "jede Methode an vergangenen Wochen getestet wird; die saisonal-naive Prognose "
                        "(gleiche Woche im Vorjahr oder, ohne ein Jahr Historie, letzte Woche) steht als "
                        "Vergleichswert daneben, den sie schlagen muss.",
    "forecast.level": "Prognose für", "forecast.level.sku": "ein Produkt", "forecast.level.country": "ein Land",
    "forecast.level.category": "eine Kategorie", "forecast.level.total": "den ganzen Shop",
    "forecast.series": "Produkt", "forecast.series_other": "Reihe",
    "forecast.horizon": "Wochen voraus",
    "forecast.too_little": "Zu wenig Historie für eine Prognose: mindestens {weeks} vollständige Wochen nötig.",
    "forecast.no_category": "Die Produkte haben in diesem Datenbestand keine Kategorien; wählen Sie eine andere Ebene.",
    "forecast.section.forecast": "Prognose",
    "forecast.metric.units": "Stück, nächste {weeks} Wochen",
    "forecast.metric.units_help": "Erwartete Stückzahl; 80-%-Intervall {low} – {high}. Vergleichswert (saisonal naiv): {base}.",
    "forecast.metric.model": "Gewählte Methode",
    "forecast.metric.model_help": "Gewählt, weil sie in vergangenen Wochen den kleinsten skalierten Fehler (MASE) hatte.",
    "forecast.metric.beats": "Fehler ggü. Vergleichswert",
    "forecast.metric.beats_help": "Mittlerer absoluter skalierter Fehler (MASE) in vergangenen Wochen: {own} "
                                  "für die gewählte Methode, {base} für saisonal naiv (kleiner ist besser).",
    "forecast.beats": "In vergangenen Wochen war diese Prognose **{pct} genauer** als der saisonal-naive "
                      "Vergleichswert (MASE {own} statt {base}).",
    "forecast.not_beats": "In vergangenen Wochen schlug keine Methode den saisonal-naiven Vergleichswert für "
                          "diese Reihe; deshalb wird er selbst verwendet (MASE {base}).",
    "forecast.coverage": "Intervalle: im Rückblick lag die tatsächliche Stückzahl in {c80} der Wochen im "
                         "80-%-Band und in {c95} im 95-%-Band. Prognosen sind nie negativ.",
    "forecast.chart.actual": "Tatsächlich", "forecast.chart.forecast": "Prognose",
    "forecast.chart.baseline": "Vergleichswert (saisonal naiv)", "forecast.chart.scenario": "Was-wäre-wenn",
    "forecast.chart.band80": "80-%-Intervall", "forecast.chart.band95": "95-%-Intervall",
    "forecast.chart.units": "Stück pro Woche", "forecast.chart.week": "Woche",
    "forecast.section.whatif": "Was-wäre-wenn: Preis und Aktion",
    "forecast.price_change": "Preisänderung (%)",
    "forecast.promo_week": "Aktion in Woche",
    "forecast.promo_none": "keine Aktion",
    "forecast.promo_week_n": "Woche {n} (ab {day})",
    "forecast.promo_discount": "Aktionsrabatt (%)",
    "forecast.elasticity": "Verwendete Preisreaktion: Elastizität {e} (Intervall {low} bis {high}): 1 % teurer → "
                           "{one} Stück.",
    "forecast.no_whatif": "Ändern Sie den Preis oder wählen Sie eine Aktionswoche, um die Wirkung neben der "
                          "Prognose zu sehen.",
    "forecast.scenario_units": "Mit dem Was-wäre-wenn: **{units}** Stück in den nächsten {weeks} Wochen "
                               "({delta} ggü. der Prognose).",
    "forecast.section.stock": "Bestandsplanung",
    "forecast.stock": "Lagerbestand (Stück)",
    "forecast.stock_help": "Aus Ihrem Bestandsexport, wo es einen gibt; sonst den heutigen Bestand eintragen.",
    "forecast.stock_from_export": "Bestand laut Bestandsexport: {units} Stück.",
    "forecast.stock_missing": "Kein Bestandsexport für dieses Produkt: tragen Sie den Lagerbestand ein.",
    "forecast.lead": "Lieferzeit (Tage)", "forecast.review": "Bestellen alle (Tage)",
    "forecast.service": "Servicegrad (%)", "forecast.moq": "Mindestbestellmenge (Stück)",
    "forecast.lead_help": "Tage von der Bestellung, bis die Ware verkauft werden kann.",
    "forecast.service_help": "Wahrscheinlichkeit, vor der nächsten Lieferung nicht auszuverkaufen.",
    "forecast.metric.safety": "Sicherheitsbestand", "forecast.metric.rop": "Meldebestand",
    "forecast.metric.order": "Jetzt bestellen", "forecast.metric.stockout": "Ausverkauft am",
    "forecast.metric.prob": "Risiko auszuverkaufen",
    "forecast.metric.safety_help": "Zusätzliche Stück gegen Prognosefehler über Lieferzeit + Bestellabstand.",
    "forecast.metric.rop_help": "Nachbestellen, wenn der Bestand auf diese Menge fällt (erwartete Nachfrage in der "
                                "Lieferzeit plus Sicherheit).",
    "forecast.metric.order_help": "Füllt den Bestand auf {upto} Stück auf: Nachfrage bis zur übernächsten Lieferung "
                                  "plus Sicherheitsbestand.",
    "forecast.metric.prob_help": "Wahrscheinlichkeit, dass die Nachfrage bis zum Eintreffen einer heute "
                                 "aufgegebenen Bestellung den Bestand übersteigt.",
    "forecast.not_in_horizon": "nicht innerhalb von {weeks} Wochen",
    "forecast.reorder_now": "Der Bestand liegt auf oder unter dem Meldebestand: jetzt bestellen.",
    "forecast.section.table": "Alle prognostizierten Produkte",
    "forecast.table_caption": "Bestandsplanung für die {n} meistverkauften Produkte mit den Einstellungen oben "
                              "(Bestand aus Ihrem Bestandsexport).",
    "forecast.section.check": "Wie gut ist die Prognose?",
    "forecast.check": "Ehrliche Prüfung an den jüngsten vergangenen Wochen (Methoden an früheren Wochen "
                      "gewählt): die gewählten Prognosen lagen um **{wape}** der Stückzahl daneben (WAPE), "
                      "saisonal naiv um **{base}**, über {n} Reihen.",
    "forecast.scores_caption": "Jede an dieser Reihe getestete Methode (MASE: unter 1 schlägt die naive Methode "
                               "in der Stichprobe; WAPE: Anteil verfehlter Stück).",
    "col.model": "Methode", "col.mase": "MASE", "col.wape": "WAPE", "col.units_next": "Stück voraus",
    "col.safety": "Sicherheitsbestand", "col.rop": "Meldebestand", "col.order": "Bestellen",
    "col.stockout": "Ausverkauft am", "col.prob": "Risiko auszuverkaufen", "col.series": "Reihe",
    "param.f_level": "Prognoseebene", "param.f_series": "Reihe", "param.f_h": "Wochen voraus",
    "param.f_price": "Preisänderung", "param.f_promo": "Aktionswoche", "param.f_disc": "Aktionsrabatt",
    "param.f_stock": "Lagerbestand", "param.f_lead": "Lieferzeit", "param.f_review": "Bestellabstand",
    "param.f_sl": "Servicegrad", "param.f_moq": "Mindestbestellmenge",
}

assert set(EN) == set(DE), sorted(set(EN) ^ set(DE))
