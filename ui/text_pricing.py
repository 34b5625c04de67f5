"""UI strings of the Pricing page's v2 parts (catalogue price and tiers, the decision with
its caveats, the margin table, the price test plan, the model check), in English and
German; merged into ``ui/text.py`` so every key is reached through ``t(key)``. Model
sentences (reasons, caveats) are message codes worded by ``ecom_models.messages``."""

EN = {
    "pv2.caption": "How your customers respond to price, estimated from your own order history: "
                   "weekly units of regular customers against the catalogue price, with trend, season, "
                   "promotions and stock-outs allowed for. Products with little price history borrow "
                   "strength from similar products. Every figure is per week, in {currency}, with a "
                   "90 % range.",
    "pv2.caveat": "Estimates come from the price changes in your history, not from experiments: "
                  "something else that changed at the same time can look like a price effect. "
                  "Test a recommended price (price test plan above) before rolling it out.",
    "pv2.outside": "{price} ({change}) may earn even more, but this product has never sold at "
                   "such a price (only {low} – {high}): the model would be guessing there. Test it "
                   "with the price test plan below before you roll it out.",
    # what the estimate stands on
    "pv2.catalogue": "Catalogue price today **{price}**: the price of small orders by regular "
                     "customers, {std} of the {all} units sold in your data. {apart}",
    "pv2.apart": "Traders, quantity breaks and guests buy at their own prices and are kept apart "
                 "({other} units), so a big wholesale order is not read as a price response.",
    "pv2.apart_none": "All buyers pay the same catalogue price.",
    "pv2.tiers_head": "Other customer groups, estimated on their own price where they have enough "
                      "data (at least 12 weeks with sales and 2 changes of their own price):",
    "pv2.tier.estimated": "**{tier}** (their price today {price}): elasticity **{e}** (90 % interval "
                          "{low} to {high}), from {changes} changes of their own price; confidence {label}",
    "pv2.tier.none": "**{tier}**: no estimate of their own ({reason}); the estimate above applies.",
    "pv2.tier_name.trader": "Traders", "pv2.tier_name.quantity_break": "Quantity-break orders",
    "pv2.tier_name.guest": "Guests",
    "pv2.basis": "Estimated from **{changes}** real catalogue-price changes (prices sold at: "
                 "{low} – {high}); {promo} promotion weeks are allowed for; {stockout} look like "
                 "a stock-out and are not read as zero demand.",
    "pv2.basis_none": "The catalogue price never changed ({price}), so your data cannot show how "
                      "demand responds to it: a price test can (see the price test plan). {promo} "
                      "promotion weeks are allowed for; {stockout} look like a stock-out.",
    "pv2.units_note": "Units are those of regular customers at the catalogue price (see below); "
                      "traders' and guests' orders are not in these figures.",
    "pv2.no_substitution": "A category what-if changes every product's price at once and adds up "
                           "each product's own response. Substitution between the category's "
                           "products (buyers switching to a product whose price did not change) "
                           "is not included.",
    "pv2.left_out": "{n} of the {total} chosen products have no elasticity (no own estimate and no "
                    "group to borrow from): they are left out of the figures above, today's "
                    "figures included.",
    "pv2.profit_part": "Gross profit covers the {n} of {total} products with a unit cost.",
    # the decision
    "pv2.within": "Within the prices this product has sold at ({low} – {high}).",
    "pv2.outside_head": "Outside anything you have tried: test it first.",
    "pv2.revenue_warning": "The revenue goal ignores costs: more revenue can mean less profit.",
    "pv2.cost_known": "Unit cost {cost} from the {source}: today's margin {margin}. Today's price is "
                      "right when the elasticity is **{be}** (−1 ÷ margin); chance that this product "
                      "reacts more strongly (then a lower price earns more): **{prob}**.",
    "pv2.margin_head": "**No unit cost for this product, so the answer depends on your margin.** "
                       "Today's price is right when the elasticity equals −1 ÷ margin; this "
                       "product's is {e} (90 %: {low} to {high}).",
    "pv2.at_assumed": "At the assumed {margin} margin:",
    "pv2.costs_invite": "Enter your costs for a firm answer: import a product file with purchase "
                        "prices on the Data page, or fill in the margin table below.",
    "pv2.col.margin": "If your margin is", "pv2.col.break_even": "Today's price is right at elasticity",
    "pv2.col.more_elastic": "Chance it reacts more strongly", "pv2.col.best": "Best price",
    "pv2.col.change": "Change", "pv2.col.beats": "Chance it beats today",
    "pv2.col.answer": "What to do",
    "pv2.answer.raise": "raise", "pv2.answer.cut": "cut", "pv2.answer.keep": "keep",
    "pv2.answer.none": "no answer",
    # margin table
    "pv2.margins": "Your margins per category",
    "pv2.margins_help": "Gross margin in % of today's net price, for products without a purchase "
                        "price in an imported product file. Leave a row empty when you do not "
                        "know it. Saved in the store for everyone using it.",
    "pv2.margins.category": "Category", "pv2.margins.margin": "Margin (%)",
    "pv2.margins.other": "All other products", "pv2.margins.save": "Save margins",
    "pv2.margins.saved": "Margins saved ({n} rows). The figures use them now.",
    "pv2.margins.bad": "Not saved: {error}",
    "pv2.margins.in_use": "In use: {n} of the {total} products here take their cost from this table.",
    # test plan
    "pv2.section.test": "Price test plan",
    "pv2.test.caption": "A switchback test: the price alternates week by week between today's price "
                        "and the test price, skipping weeks that had promotions; alternating weeks "
                        "share the season, so it does not blur the comparison. The test runs until "
                        "it can tell an elasticity of −1.5 from −2.5 at your volumes (10 % risk of a "
                        "false alarm, 80 % chance to see a real difference).",
    "pv2.test.which": "Test", "pv2.test.which.chosen": "the products chosen above",
    "pv2.test.which.suggested": "the products most worth testing",
    "pv2.test.which_help": "Most worth testing: products without a trustworthy estimate yet (price "
                           "never changed, or a wide range) that sell, by weekly revenue.",
    "pv2.test.change": "Test price vs today (%)",
    "pv2.test.use_rec": "Test {change} instead",
    "pv2.test.zero": "Choose a test change other than 0 %.",
    "pv2.test.none": "None of these products has sold recently: a test would not tell anything.",
    "pv2.test.none_suggested": "No product needs a test: every product with recent sales already has "
                               "a trustworthy estimate.",
    "pv2.test.result": "Testing these {n} products together takes **{weeks}** ({per} at each price), "
                       "from {start} to {end}. Tested together they tell how the group responds, not "
                       "each product on its own.",
    "pv2.test.result_one": "Testing this product takes **{weeks}** ({per} at each price), from "
                           "{start} to {end}.",
    "pv2.test.too_long": "At these volumes the test would take **{weeks}**: too long to be practical. "
                         "Test a bigger change or more products together.",
    "pv2.test.per_sku": "Per product (tested alone, at most {max} weeks is practical)",
    "pv2.test.schedule": "Which price in which week",
    "pv2.test.arm.today": "today's price", "pv2.test.arm.test": "test price",
    "pv2.col.test_price": "Test price", "pv2.col.weekly_units": "Units per week",
    "pv2.col.weeks_alone": "Weeks needed alone", "pv2.col.feasible": "Practical alone",
    "pv2.col.week_start": "Week from", "pv2.col.arm": "Price", "pv2.col.price_to_set": "Price to set",
    # model check
    "pv2.check.intro": "Checked on the last 20 % of weeks (from {cutoff}), which the model did not "
                       "see, for {n} products. Weekly units were off by:",
    "pv2.check.model": "With the price effect", "pv2.check.no_price": "Same model, price ignored",
    "pv2.check.naive": "Same as last week",
    "pv2.check.help": "WAPE: the forecast's misses added up, as a share of the units actually sold. "
                      "Lower is better.",
    "pv2.check.moved": "Where the catalogue price changed in those weeks ({moved} products), the "
                       "price effect improved the forecast for **{helps} of them** (off by {m} with "
                       "it, {z} without).",
    "pv2.check.verdict.helps": ":green-badge[The price effect is real] If price did not matter, a "
                               "result this good would come up by chance in {p} of cases: the "
                               "elasticities describe how your customers respond.",
    "pv2.check.verdict.unclear": ":orange-badge[Not clear yet] If price did not matter, a result "
                                 "this good would come up by chance in {p} of cases: treat the "
                                 "elasticities as a hint and test before acting.",
    "pv2.check.verdict.hurts": ":red-badge[The price effect does not help] Forecasts are no better "
                               "with it: do not act on the elasticities without a test.",
    "pv2.check.few": "Too few products changed price in those weeks ({moved}) to check the price "
                     "effect itself: test before acting on an elasticity.",
    "pv2.check.none": "The data has too few weeks to hold some back for a check.",
    "param.tchange": "test price change %", "param.twhich": "products to test",
}

DE = {
    "pv2.caption": "Wie Ihre Kunden auf Preise reagieren, geschätzt aus Ihrer eigenen Bestellhistorie: "
                   "Wochenabsatz der Stammkunden gegen den Listenpreis, bereinigt um Trend, Saison, "
                   "Aktionen und Ausverkäufe. Produkte mit wenig Preishistorie lernen von ähnlichen "
                   "Produkten. Alle Zahlen je Woche, in {currency}, mit 90-%-Bereich.",
    "pv2.caveat": "Die Schätzungen stammen aus den Preisänderungen Ihrer Historie, nicht aus "
                  "Experimenten: Was sich gleichzeitig änderte, kann wie ein Preiseffekt aussehen. "
                  "Testen Sie einen empfohlenen Preis (Preistest-Plan oben) vor dem Ausrollen.",
    "pv2.outside": "{price} ({change}) könnte noch mehr bringen, aber zu so einem Preis wurde das "
                   "Produkt nie verkauft (nur {low} – {high}): Dort würde das Modell raten. Testen "
                   "Sie ihn mit dem Preistest-Plan unten, bevor Sie ihn einführen.",
    "pv2.catalogue": "Listenpreis heute **{price}**: der Preis kleiner Bestellungen von "
                     "Stammkunden, {std} der {all} verkauften Stück in Ihren Daten. {apart}",
    "pv2.apart": "Händler, Mengenstaffeln und Gäste kaufen zu eigenen Preisen und werden getrennt "
                 "gehalten ({other} Stück), damit eine große Großhandelsbestellung nicht als "
                 "Preisreaktion gelesen wird.",
    "pv2.apart_none": "Alle Käufer zahlen denselben Listenpreis.",
    "pv2.tiers_head": "Andere Kundengruppen, auf ihren eigenen Preis geschätzt, wo sie genug Daten "
                      "haben (mindestens 12 Wochen mit Verkäufen und 2 Änderungen ihres eigenen Preises):",
    "pv2.tier.estimated": "**{tier}** (ihr Preis heute {price}): Elastizität **{e}** (90-%-Intervall "
                          "{low} bis {high}), aus {changes} Änderungen ihres eigenen Preises; "
                          "Verlässlichkeit {label}",
    "pv2.tier.none": "**{tier}**: keine eigene Schätzung ({reason}); es gilt die Schätzung oben.",
    "pv2.tier_name.trader": "Händler", "pv2.tier_name.quantity_break": "Mengenstaffel-Bestellungen",
    "pv2.tier_name.guest": "Gäste",
    "pv2.basis": "Geschätzt aus **{changes}** echten Listenpreisänderungen (verkauft zu "
                 "{low} – {high}); {promo} Aktionswochen sind berücksichtigt; {stockout} sehen nach "
                 "einem Ausverkauf aus und zählen nicht als Nullnachfrage.",
    "pv2.basis_none": "Der Listenpreis hat sich nie geändert ({price}), daher können Ihre Daten "
                      "nicht zeigen, wie die Nachfrage darauf reagiert: Ein Preistest kann es (siehe "
                      "Preistest-Plan). {promo} Aktionswochen sind berücksichtigt; {stockout} sehen "
                      "nach einem Ausverkauf aus.",
    "pv2.units_note": "Stückzahlen von Stammkunden zum Listenpreis (siehe unten); Bestellungen von "
                      "Händlern und Gästen sind in diesen Zahlen nicht enthalten.",
    "pv2.no_substitution": "Eine Kategorie-Simulation ändert den Preis aller Produkte zugleich und "
                           "addiert die Reaktion jedes einzelnen. Verlagerung zwischen den Produkten "
                           "der Kategorie (Käufer wechseln zu einem Produkt, dessen Preis gleich "
                           "blieb) ist nicht enthalten.",
    "pv2.left_out": "{n} der {total} gewählten Produkte haben keine Elastizität (keine eigene "
                    "Schätzung und keine Gruppe zum Vergleich): Sie fehlen in den Zahlen oben, "
                    "auch in den heutigen.",
    "pv2.profit_part": "Der Rohertrag umfasst die {n} von {total} Produkten mit Stückkosten.",
    "pv2.within": "Innerhalb der Preise, zu denen das Produkt verkauft wurde ({low} – {high}).",
    "pv2.outside_head": "Außerhalb aller erprobten Preise: erst testen.",
    "pv2.revenue_warning": "Das Umsatzziel berücksichtigt keine Kosten: Mehr Umsatz kann weniger "
                           "Gewinn bedeuten.",
    "pv2.cost_known": "Stückkosten {cost} aus der {source}: Marge heute {margin}. Der heutige Preis "
                      "ist richtig bei einer Elastizität von **{be}** (−1 ÷ Marge); Wahrscheinlichkeit, "
                      "dass das Produkt stärker reagiert (dann bringt ein niedrigerer Preis mehr): **{prob}**.",
    "pv2.margin_head": "**Für dieses Produkt fehlen Stückkosten, daher hängt die Antwort von Ihrer "
                       "Marge ab.** Der heutige Preis ist richtig, wenn die Elastizität −1 ÷ Marge "
                       "beträgt; die dieses Produkts ist {e} (90 %: {low} bis {high}).",
    "pv2.at_assumed": "Bei der angenommenen Marge von {margin}:",
    "pv2.costs_invite": "Für eine feste Antwort Kosten eingeben: eine Produktdatei mit "
                        "Einkaufspreisen auf der Seite Daten importieren oder die Margentabelle "
                        "unten ausfüllen.",
    "pv2.col.margin": "Wenn Ihre Marge", "pv2.col.break_even": "Heutiger Preis richtig bei Elastizität",
    "pv2.col.more_elastic": "Chance auf stärkere Reaktion", "pv2.col.best": "Bester Preis",
    "pv2.col.change": "Änderung", "pv2.col.beats": "Chance, heute zu schlagen",
    "pv2.col.answer": "Was tun",
    "pv2.answer.raise": "erhöhen", "pv2.answer.cut": "senken", "pv2.answer.keep": "behalten",
    "pv2.answer.none": "keine Antwort",
    "pv2.margins": "Ihre Margen je Kategorie",
    "pv2.margins_help": "Bruttomarge in % des heutigen Nettopreises, für Produkte ohne Einkaufspreis "
                        "aus einer importierten Produktdatei. Lassen Sie eine Zeile leer, wenn Sie "
                        "sie nicht kennen. Wird im Datenspeicher für alle Nutzer gespeichert.",
    "pv2.margins.category": "Kategorie", "pv2.margins.margin": "Marge (%)",
    "pv2.margins.other": "Alle übrigen Produkte", "pv2.margins.save": "Margen speichern",
    "pv2.margins.saved": "Margen gespeichert ({n} Zeilen). Die Zahlen verwenden sie jetzt.",
    "pv2.margins.bad": "Nicht gespeichert: {error}",
    "pv2.margins.in_use": "In Gebrauch: {n} der {total} Produkte hier nehmen ihre Kosten aus dieser Tabelle.",
    "pv2.section.test": "Preistest-Plan",
    "pv2.test.caption": "Ein Wechseltest: Der Preis wechselt Woche für Woche zwischen dem heutigen "
                        "Preis und dem Testpreis; Wochen mit früheren Aktionen werden übersprungen. "
                        "Abwechselnde Wochen teilen die Saison, sie verzerrt den Vergleich also "
                        "nicht. Der Test läuft, bis er bei Ihren Mengen eine Elastizität von −1,5 "
                        "von −2,5 unterscheiden kann (10 % Risiko eines Fehlalarms, 80 % Chance, "
                        "einen echten Unterschied zu sehen).",
    "pv2.test.which": "Testen", "pv2.test.which.chosen": "die oben gewählten Produkte",
    "pv2.test.which.suggested": "die Produkte, bei denen sich ein Test am meisten lohnt",
    "pv2.test.which_help": "Am meisten lohnt es sich bei Produkten ohne verlässliche Schätzung (Preis "
                           "nie geändert oder breiter Bereich), die sich verkaufen, nach Wochenumsatz.",
    "pv2.test.change": "Testpreis ggü. heute (%)",
    "pv2.test.use_rec": "Stattdessen {change} testen",
    "pv2.test.zero": "Wählen Sie eine Teständerung ungleich 0 %.",
    "pv2.test.none": "Keines dieser Produkte hat zuletzt verkauft: Ein Test würde nichts zeigen.",
    "pv2.test.none_suggested": "Kein Produkt braucht einen Test: Jedes Produkt mit Verkäufen hat "
                               "bereits eine verlässliche Schätzung.",
    "pv2.test.result": "Diese {n} Produkte gemeinsam zu testen dauert **{weeks}** ({per} je Preis), "
                       "von {start} bis {end}. Gemeinsam getestet zeigen sie, wie die Gruppe reagiert, "
                       "nicht jedes Produkt für sich.",
    "pv2.test.result_one": "Dieses Produkt zu testen dauert **{weeks}** ({per} je Preis), von "
                           "{start} bis {end}.",
    "pv2.test.too_long": "Bei diesen Mengen dauerte der Test **{weeks}**: zu lang. Testen Sie eine "
                         "größere Änderung oder mehr Produkte gemeinsam.",
    "pv2.test.per_sku": "Je Produkt (allein getestet; höchstens {max} Wochen sind praktikabel)",
    "pv2.test.schedule": "Welcher Preis in welcher Woche",
    "pv2.test.arm.today": "heutiger Preis", "pv2.test.arm.test": "Testpreis",
    "pv2.col.test_price": "Testpreis", "pv2.col.weekly_units": "Stück je Woche",
    "pv2.col.weeks_alone": "Wochen allein", "pv2.col.feasible": "Allein praktikabel",
    "pv2.col.week_start": "Woche ab", "pv2.col.arm": "Preis", "pv2.col.price_to_set": "Zu setzender Preis",
    "pv2.check.intro": "Geprüft an den letzten 20 % der Wochen (ab {cutoff}), die das Modell nicht "
                       "kannte, für {n} Produkte. Der Wochenabsatz lag daneben um:",
    "pv2.check.model": "Mit Preiseffekt", "pv2.check.no_price": "Gleiches Modell ohne Preis",
    "pv2.check.naive": "Wie letzte Woche",
    "pv2.check.help": "WAPE: die Abweichungen der Prognose zusammengezählt, als Anteil der "
                      "tatsächlich verkauften Stück. Niedriger ist besser.",
    "pv2.check.moved": "Wo sich der Listenpreis in diesen Wochen änderte ({moved} Produkte), machte "
                       "der Preiseffekt die Prognose für **{helps} davon** besser (daneben um {m} mit, "
                       "{z} ohne ihn).",
    "pv2.check.verdict.helps": ":green-badge[Der Preiseffekt ist echt] Spielte der Preis keine "
                               "Rolle, käme ein so gutes Ergebnis in {p} der Fälle zufällig zustande: "
                               "Die Elastizitäten beschreiben, wie Ihre Kunden reagieren.",
    "pv2.check.verdict.unclear": ":orange-badge[Noch nicht klar] Spielte der Preis keine Rolle, käme "
                                 "ein so gutes Ergebnis in {p} der Fälle zufällig zustande: "
                                 "Elastizitäten als Hinweis nehmen und vor dem Handeln testen.",
    "pv2.check.verdict.hurts": ":red-badge[Der Preiseffekt hilft nicht] Mit ihm sind die Prognosen "
                               "nicht besser: nicht ohne Test auf die Elastizitäten handeln.",
    "pv2.check.few": "Zu wenige Produkte änderten in diesen Wochen den Preis ({moved}), um den "
                     "Preiseffekt selbst zu prüfen: vor dem Handeln testen.",
    "pv2.check.none": "Die Daten haben zu wenige Wochen, um einige für eine Prüfung zurückzuhalten.",
    "param.tchange": "Testpreisänderung %", "param.twhich": "zu testende Produkte",
}
