"""UI strings of the Bundles page, in English and German (merged into ``ui/text.py``, so
every key is reached through ``t(key)``). Model sentences (suggestion reasons, what-if
notes) are message codes worded by ``ecom_models.messages`` (``bundle.*``)."""

EN = {
    "nav.bundles": "Bundles",
    "bundles.title": "Bundles",
    "bundles.caption": "Which products are bought together, which bundle to offer, and what it does "
                       "to revenue and gross profit, including the single sales it eats. Orders are "
                       "counted per shop; returns, cancellations, postage, fees and free items are left out.",
    "bundles.shop": "Shop", "bundles.from": "From", "bundles.to": "To", "bundles.country": "Country",
    "bundles.settings": "How strict the search is",
    "bundles.minsup": "Minimum share of orders (%)",
    "bundles.minsup_help": "A pair is listed only when it is in at least this share of the orders "
                           "(support). Lower finds rarer pairs and takes longer.",
    "bundles.mincount": "Minimum orders together",
    "bundles.mincount_help": "A pair is listed only when at least this many orders hold both.",
    "bundles.no_orders": "No orders with products match these filters. Widen the dates or pick "
                         "another country.",
    # what the numbers stand on
    "bundles.section.base": "What the numbers stand on",
    "bundles.base.orders": "Orders", "bundles.base.products": "Products sold",
    "bundles.base.median": "Products per order", "bundles.base.multi": "Orders with 2+ products",
    "bundles.base.help_orders": "Orders with at least one product in the period and shop chosen.",
    "bundles.base.help_median": "The median: half of the orders hold fewer different products, half more.",
    "bundles.base.help_multi": "Only these can show products bought together.",
    "bundles.base.chart_x": "Different products in the order",
    "bundles.base.chart_y": "Orders",
    "bundles.base.large": "Orders here are large (median {median} products; a wholesaler's baskets): "
                          "many products meet by chance, so look at the lift and how sure a pair is, "
                          "not only at how often it occurs.",
    "bundles.base.weeks": "{orders} orders over {weeks} weeks, {first} to {last}.",
    # suggestions
    "bundles.section.suggest": "Suggested bundles",
    "bundles.suggest.caption": "Pairs bought together more often than chance, ranked by how many "
                               "orders hold both beyond chance. Lift 3× = three times as often as "
                               "if the two had nothing to do with each other. \"How sure\" corrects "
                               "for testing {tested} possible pairs at once (Benjamini–Hochberg): "
                               "among pairs called sure, at most about 1 in 20 is a fluke.",
    "bundles.suggest.none": "No pair is bought together significantly more often than chance in "
                            "these orders (with {orders} orders and the minimum of {need} orders "
                            "together). Lower the minimums under \"How strict the search is\", or "
                            "widen the period.",
    "bundles.suggest.sleepers": "Sleeper rescues ({n}): a slow seller that often goes with a "
                                "best-seller; a bundle lets the best-seller carry it.",
    "bundles.col.bundle": "Bundle", "bundles.col.kind": "Kind", "bundles.col.together": "Orders together",
    "bundles.col.lift": "Lift (× chance)", "bundles.col.attach_ab": "Of A's orders, also B",
    "bundles.col.attach_ba": "Of B's orders, also A", "bundles.col.sure": "How sure",
    "bundles.col.why": "Why", "bundles.col.q": "q-value (corrected p)",
    "bundles.kind.together": "bought together", "bundles.kind.sleeper": "sleeper rescue",
    # what-if
    "bundles.section.whatif": "Bundle what-if",
    "bundles.whatif.caption": "Pick 2–3 products and a bundle price. Figures are per week against "
                              "not offering the bundle, with the {pct} % range of likely outcomes.",
    "bundles.items": "Products in the bundle",
    "bundles.items_help": "2 or 3 products of this shop; the best suggestion is filled in.",
    "bundles.pick": "Pick 2 or 3 products to see what the bundle does.",
    "bundles.mode": "Set the bundle's", "bundles.mode.pct": "discount", "bundles.mode.price": "price",
    "bundles.discount": "Discount on the sum of prices (%)",
    "bundles.price": "Bundle price ({currency})",
    "bundles.assumptions": "Assumptions",
    "bundles.elast": "Assumed price response (elasticity)",
    "bundles.elast_help": "Used for products the pricing model cannot estimate: −1.5 means 10 % "
                          "cheaper sells about 15 % more.",
    "bundles.margin": "Assumed gross margin (%)",
    "bundles.margin_help": "For products without a unit cost in your product data.",
    "bundles.m.bundles": "Bundles per week", "bundles.m.revenue": "Extra revenue",
    "bundles.m.profit": "Extra gross profit", "bundles.m.chance": "Chance profit rises",
    "bundles.m.help_bundles": "{together} orders a week already hold all of them (they switch to "
                              "the bundle) plus orders that complete it because of the lower price.",
    "bundles.m.help_revenue": "Against not offering the bundle: new sales minus the discount given "
                              "on sales you would have made anyway.",
    "bundles.m.help_profit": "Extra revenue minus the unit costs of the extra units sold.",
    "bundles.m.help_chance": "Share of the simulated outcomes in which gross profit rises.",
    "bundles.range": "{pct} % range: {low} to {high}",
    "bundles.price_line": "Bundle price {price} instead of {list} ({discount} off).",
    "bundles.verdict.good": "Likely worth it: gross profit rises in {chance} of the simulated outcomes.",
    "bundles.verdict.bad": "Likely not worth it at this price: gross profit falls in {chance} of the "
                           "simulated outcomes. Try a smaller discount.",
    "bundles.verdict.unsure": "Unclear: gross profit rises in {chance} of the simulated outcomes; "
                              "the data cannot tell yet.",
    "bundles.flow.title": "Where the bundles come from, per week",
    "bundles.flow.together": "Orders that already hold all of them switch to the bundle",
    "bundles.flow.new": "Orders that held only some of them complete the bundle",
    "bundles.flow.units": "Single units replaced by the bundle (cannibalised)",
    "bundles.flow.discount": "Discount given on sales you would have made anyway",
    "bundles.col.what": "What", "bundles.col.value": "Per week",
    "bundles.items.title": "The products",
    "bundles.col.sku": "SKU", "bundles.col.product": "Product", "bundles.col.price": "Price today",
    "bundles.col.cost": "Unit cost", "bundles.col.cost_source": "Cost from",
    "bundles.col.orders_week": "Orders per week", "bundles.col.elasticity": "Price response",
    "bundles.col.elasticity_source": "Price response from",
    "bundles.source.pricing": "pricing model", "bundles.source.assumption": "assumption",
    "bundles.cost.products_table": "product data", "bundles.cost.assumed_margin": "assumed margin",
    "bundles.notes": "Assumptions behind these figures:",
    "bundles.bad_items": "These products have no orders in the shop and period chosen: {skus}.",
    "bundles.too_many": "A bundle has 2 or 3 products; the first 3 are used.",
    # all pairs
    "bundles.section.pairs": "All pairs found ({n})",
    "bundles.pairs.caption": "Support = share of orders with both; confidence A→B = share of A's "
                             "orders that also hold B; leverage = support beyond chance; conviction "
                             "(Brin et al. 1997) = how much more often A comes without B if they were "
                             "unrelated; p = one-sided Fisher exact test; q = p corrected with "
                             "Benjamini–Hochberg over {tested} possible pairs.",
    "bundles.section.triples": "Three products together ({n})",
    "bundles.triples.skipped": "With {n} pairs, triples are not counted here (it would take long); "
                               "raise the minimum share of orders to see them.",
    "bundles.triples.caption": "Triples whose three pairs are all frequent. Lift = times as often as "
                               "three unrelated products; p = the weakest of its three tests "
                               "(each product against the other two).",
    "bundles.col.a": "Product A", "bundles.col.b": "Product B", "bundles.col.c": "Product C",
    "bundles.col.count": "Orders", "bundles.col.support": "Support", "bundles.col.conf_ab": "Confidence A→B",
    "bundles.col.conf_ba": "Confidence B→A", "bundles.col.leverage": "Leverage",
    "bundles.col.conviction_ab": "Conviction A→B", "bundles.col.conviction_ba": "Conviction B→A",
    "bundles.col.p": "p-value",
    "bundles.method": "Counted on a sparse order × product matrix: the same pairs and numbers as "
                      "mlxtend's fpgrowth + association_rules. Take-up is estimated from how often "
                      "the products are bought together today, their attach rates and their price "
                      "response; the range comes from simulating what the data cannot pin down.",
    "param.b_channel": "shop", "param.b_from": "start date", "param.b_to": "end date",
    "param.b_country": "country", "param.b_minsup": "minimum share of orders",
    "param.b_mincount": "minimum orders together", "param.b_items": "bundle products",
    "param.b_mode": "bundle price mode", "param.b_discount": "bundle discount %",
    "param.b_price": "bundle price", "param.b_elast": "assumed price response",
    "param.b_margin": "assumed margin %",
    "link.not_shop": "is not a shop in your data",
}

DE = {
    "nav.bundles": "Bündel",
    "bundles.title": "Bündel",
    "bundles.caption": "Welche Produkte zusammen gekauft werden, welches Bündel sich lohnt und was es "
                       "für Umsatz und Rohertrag bedeutet, einschließlich der Einzelverkäufe, die es "
                       "ersetzt. Gezählt wird je Shop; Retouren, Stornos, Versand, Gebühren und "
                       "Gratisartikel bleiben außen vor.",
    "bundles.shop": "Shop", "bundles.from": "Von", "bundles.to": "Bis", "bundles.country": "Land",
    "bundles.settings": "Wie streng die Suche ist",
    "bundles.minsup": "Mindestanteil der Bestellungen (%)",
    "bundles.minsup_help": "Ein Paar erscheint nur, wenn es in mindestens diesem Anteil der "
                           "Bestellungen vorkommt (Support). Niedriger findet seltenere Paare und dauert länger.",
    "bundles.mincount": "Mindestens gemeinsame Bestellungen",
    "bundles.mincount_help": "Ein Paar erscheint nur, wenn mindestens so viele Bestellungen beide enthalten.",
    "bundles.no_orders": "Keine Bestellungen mit Produkten passen zu diesen Filtern. Erweitern Sie den "
                         "Zeitraum oder wählen Sie ein anderes Land.",
    "bundles.section.base": "Worauf die Zahlen beruhen",
    "bundles.base.orders": "Bestellungen", "bundles.base.products": "Verkaufte Produkte",
    "bundles.base.median": "Produkte je Bestellung", "bundles.base.multi": "Bestellungen mit 2+ Produkten",
    "bundles.base.help_orders": "Bestellungen mit mindestens einem Produkt im gewählten Zeitraum und Shop.",
    "bundles.base.help_median": "Der Median: Die Hälfte der Bestellungen enthält weniger verschiedene Produkte, die Hälfte mehr.",
    "bundles.base.help_multi": "Nur diese können gemeinsam gekaufte Produkte zeigen.",
    "bundles.base.chart_x": "Verschiedene Produkte in der Bestellung",
    "bundles.base.chart_y": "Bestellungen",
    "bundles.base.large": "Die Bestellungen sind hier groß (Median {median} Produkte; Großhandelskörbe): "
                          "Viele Produkte treffen zufällig zusammen. Achten Sie auf den Lift und darauf, "
                          "wie sicher ein Paar ist, nicht nur darauf, wie oft es vorkommt.",
    "bundles.base.weeks": "{orders} Bestellungen in {weeks} Wochen, {first} bis {last}.",
    "bundles.section.suggest": "Vorgeschlagene Bündel",
    "bundles.suggest.caption": "Paare, die öfter zusammen gekauft werden als zufällig, geordnet nach der "
                               "Zahl der Bestellungen mit beiden über den Zufall hinaus. Lift 3× = dreimal "
                               "so oft, wie wenn die beiden nichts miteinander zu tun hätten. „Wie sicher“ "
                               "berücksichtigt, dass {tested} mögliche Paare zugleich geprüft werden "
                               "(Benjamini–Hochberg): Unter den als sicher bezeichneten Paaren ist höchstens "
                               "etwa jedes zwanzigste ein Zufallstreffer.",
    "bundles.suggest.none": "Kein Paar wird in diesen Bestellungen signifikant öfter zusammen gekauft als "
                            "zufällig (bei {orders} Bestellungen und mindestens {need} gemeinsamen). "
                            "Senken Sie die Mindestwerte unter „Wie streng die Suche ist“ oder erweitern "
                            "Sie den Zeitraum.",
    "bundles.suggest.sleepers": "Ladenhüter-Rettungen ({n}): ein langsamer Artikel, der oft mit einem "
                                "Bestseller gekauft wird; im Bündel zieht der Bestseller ihn mit.",
    "bundles.col.bundle": "Bündel", "bundles.col.kind": "Art", "bundles.col.together": "Gemeinsame Bestellungen",
    "bundles.col.lift": "Lift (× Zufall)", "bundles.col.attach_ab": "Von A-Bestellungen auch B",
    "bundles.col.attach_ba": "Von B-Bestellungen auch A", "bundles.col.sure": "Wie sicher",
    "bundles.col.why": "Warum", "bundles.col.q": "q-Wert (korrigiertes p)",
    "bundles.kind.together": "zusammen gekauft", "bundles.kind.sleeper": "Ladenhüter-Rettung",
    "bundles.section.whatif": "Was wäre, wenn: Bündel",
    "bundles.whatif.caption": "Wählen Sie 2–3 Produkte und einen Bündelpreis. Zahlen je Woche gegenüber "
                              "keinem Bündel, mit dem {pct}-%-Bereich der wahrscheinlichen Ergebnisse.",
    "bundles.items": "Produkte im Bündel",
    "bundles.items_help": "2 oder 3 Produkte dieses Shops; der beste Vorschlag ist vorausgewählt.",
    "bundles.pick": "Wählen Sie 2 oder 3 Produkte, um zu sehen, was das Bündel bewirkt.",
    "bundles.mode": "Festlegen über", "bundles.mode.pct": "Rabatt", "bundles.mode.price": "Preis",
    "bundles.discount": "Rabatt auf die Summe der Preise (%)",
    "bundles.price": "Bündelpreis ({currency})",
    "bundles.assumptions": "Annahmen",
    "bundles.elast": "Angenommene Preisreaktion (Elastizität)",
    "bundles.elast_help": "Gilt für Produkte, die das Preismodell nicht schätzen kann: −1,5 heißt, "
                          "10 % billiger verkauft etwa 15 % mehr.",
    "bundles.margin": "Angenommene Rohertragsmarge (%)",
    "bundles.margin_help": "Für Produkte ohne Stückkosten in Ihren Produktdaten.",
    "bundles.m.bundles": "Bündel je Woche", "bundles.m.revenue": "Mehrumsatz",
    "bundles.m.profit": "Mehr-Rohertrag", "bundles.m.chance": "Chance, dass der Rohertrag steigt",
    "bundles.m.help_bundles": "{together} Bestellungen je Woche enthalten schon alle (sie wechseln zum "
                              "Bündel), dazu Bestellungen, die es wegen des Preises vervollständigen.",
    "bundles.m.help_revenue": "Gegenüber keinem Bündel: neue Verkäufe minus der Rabatt auf Verkäufe, die "
                              "ohnehin stattgefunden hätten.",
    "bundles.m.help_profit": "Mehrumsatz minus die Stückkosten der zusätzlich verkauften Stücke.",
    "bundles.m.help_chance": "Anteil der simulierten Ergebnisse, in denen der Rohertrag steigt.",
    "bundles.range": "{pct}-%-Bereich: {low} bis {high}",
    "bundles.price_line": "Bündelpreis {price} statt {list} ({discount} Rabatt).",
    "bundles.verdict.good": "Lohnt sich wahrscheinlich: Der Rohertrag steigt in {chance} der simulierten Ergebnisse.",
    "bundles.verdict.bad": "Lohnt sich zu diesem Preis wahrscheinlich nicht: Der Rohertrag sinkt in {chance} "
                           "der simulierten Ergebnisse. Versuchen Sie einen kleineren Rabatt.",
    "bundles.verdict.unsure": "Unklar: Der Rohertrag steigt in {chance} der simulierten Ergebnisse; die "
                              "Daten können es noch nicht sagen.",
    "bundles.flow.title": "Woher die Bündel kommen, je Woche",
    "bundles.flow.together": "Bestellungen, die schon alle enthalten, wechseln zum Bündel",
    "bundles.flow.new": "Bestellungen mit nur einem Teil vervollständigen das Bündel",
    "bundles.flow.units": "Einzelstücke, die das Bündel ersetzt (kannibalisiert)",
    "bundles.flow.discount": "Rabatt auf Verkäufe, die ohnehin stattgefunden hätten",
    "bundles.col.what": "Was", "bundles.col.value": "Je Woche",
    "bundles.items.title": "Die Produkte",
    "bundles.col.sku": "Artikelnummer", "bundles.col.product": "Produkt", "bundles.col.price": "Preis heute",
    "bundles.col.cost": "Stückkosten", "bundles.col.cost_source": "Kosten aus",
    "bundles.col.orders_week": "Bestellungen je Woche", "bundles.col.elasticity": "Preisreaktion",
    "bundles.col.elasticity_source": "Preisreaktion aus",
    "bundles.source.pricing": "Preismodell", "bundles.source.assumption": "Annahme",
    "bundles.cost.products_table": "Produktdaten", "bundles.cost.assumed_margin": "angenommene Marge",
    "bundles.notes": "Annahmen hinter diesen Zahlen:",
    "bundles.bad_items": "Diese Produkte haben im gewählten Shop und Zeitraum keine Bestellungen: {skus}.",
    "bundles.too_many": "Ein Bündel hat 2 oder 3 Produkte; die ersten 3 werden verwendet.",
    "bundles.section.pairs": "Alle gefundenen Paare ({n})",
    "bundles.pairs.caption": "Support = Anteil der Bestellungen mit beiden; Konfidenz A→B = Anteil der "
                             "A-Bestellungen, die auch B enthalten; Leverage = Support über dem Zufall; "
                             "Conviction (Brin u. a. 1997) = wie viel öfter A ohne B käme, wenn sie nichts "
                             "miteinander zu tun hätten; p = einseitiger exakter Fisher-Test; q = p, "
                             "korrigiert nach Benjamini–Hochberg über {tested} mögliche Paare.",
    "bundles.section.triples": "Drei Produkte zusammen ({n})",
    "bundles.triples.skipped": "Bei {n} Paaren werden hier keine Dreiergruppen gezählt (es dauerte zu lange); "
                               "erhöhen Sie den Mindestanteil der Bestellungen, um sie zu sehen.",
    "bundles.triples.caption": "Dreiergruppen, deren drei Paare alle häufig sind. Lift = so oft wie bei drei "
                               "unabhängigen Produkten; p = der schwächste ihrer drei Tests (jedes Produkt "
                               "gegen die anderen beiden).",
    "bundles.col.a": "Produkt A", "bundles.col.b": "Produkt B", "bundles.col.c": "Produkt C",
    "bundles.col.count": "Bestellungen", "bundles.col.support": "Support", "bundles.col.conf_ab": "Konfidenz A→B",
    "bundles.col.conf_ba": "Konfidenz B→A", "bundles.col.leverage": "Leverage",
    "bundles.col.conviction_ab": "Conviction A→B", "bundles.col.conviction_ba": "Conviction B→A",
    "bundles.col.p": "p-Wert",
    "bundles.method": "Gezählt auf einer dünn besetzten Matrix Bestellung × Produkt: dieselben Paare und "
                      "Zahlen wie mlxtends fpgrowth + association_rules. Die Annahme des Bündels wird aus "
                      "heutigen gemeinsamen Käufen, Zukaufquoten und der Preisreaktion geschätzt; der Bereich "
                      "kommt aus einer Simulation dessen, was die Daten nicht genau festlegen.",
    "param.b_channel": "Shop", "param.b_from": "Startdatum", "param.b_to": "Enddatum",
    "param.b_country": "Land", "param.b_minsup": "Mindestanteil der Bestellungen",
    "param.b_mincount": "Mindestens gemeinsame Bestellungen", "param.b_items": "Bündelprodukte",
    "param.b_mode": "Art der Bündelpreis-Eingabe", "param.b_discount": "Bündelrabatt %",
    "param.b_price": "Bündelpreis", "param.b_elast": "angenommene Preisreaktion",
    "param.b_margin": "angenommene Marge %",
    "link.not_shop": "ist kein Shop in Ihren Daten",
}
