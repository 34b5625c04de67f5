"""UI strings of the Markets & channels page, in English and German (merged into
``ui/text.py``). Model sentences (tax regimes, break-even rate) are message codes worded by
``ecom_models.messages`` (``market.*``)."""

EN = {
    "nav.markets": "Markets & channels",
    "markets.title": "Markets & channels",
    "markets.caption": "What one unit of a product earns in each country and on each sales channel, "
                       "after VAT, exchange rate, shipping, duties, marketplace and payment fees and "
                       "returns, and whether a new market pays off. Every number below is an "
                       "assumption you can change; the reference figures and their sources are at the end.",
    "markets.seller": "Your shop's home",
    "markets.seller.country": "Home country", "markets.seller.currency": "Base currency",
    "markets.seller.oss": "Registered for OSS (over EUR 10,000 EU cross-border sales a year)",
    "markets.seller.save": "Save", "markets.seller.saved": "Saved: margins are computed for a seller in {country}, in {currency}.",
    "markets.seller.now": "Margins are computed for a seller in {country}, in {currency}.",
    "markets.seller.default": "(from your data; not saved yet)",
    "markets.sku": "Product", "markets.country": "Market", "markets.channel": "Sales channel",
    "markets.price": "Shelf price incl. VAT ({currency})",
    "markets.price_help": "What the shopper pays per unit in the market's currency. Starts at your home "
                          "price converted, with the market's VAT, rounded to the local price ending ({ending}).",
    "channel.own": "Own shop", "channel.amazon": "Amazon", "channel.ebay": "eBay", "channel.etsy": "Etsy",
    "markets.assumptions": "Assumptions (all editable)",
    "markets.a.vat": "VAT in the price (%)", "markets.a.ship": "Shipping cost per parcel ({currency})",
    "markets.a.shipfee": "Shipping the shopper pays per order, incl. VAT ({currency})",
    "markets.a.duty": "Duty (%)", "markets.a.clearance": "Clearance fee per parcel ({currency})",
    "markets.a.fee": "Marketplace fee (%)", "markets.a.pay": "Payment fee (%)",
    "markets.a.payfix": "Payment fee per order ({currency})",
    "markets.a.fxcost": "Currency conversion cost (%)", "markets.a.ret": "Return rate (%)",
    "markets.a.retcost": "Cost per returned order ({currency})",
    "markets.a.resell": "Returned units sold again (%)", "markets.a.cost": "Unit cost ({currency})",
    "markets.a.upo": "Units per order", "markets.a.fx": "Exchange rate ({local} per {base})",
    "markets.a.fxmove": "FX move for the range (± %)", "markets.a.retspread": "Return-rate range (± points)",
    "markets.a.reset": "Back to the reference values",
    "markets.cost_assumed": "No unit cost for this product in your data: {pct} % of the net home price is assumed.",
    "markets.section.waterfall": "What is left of one sale",
    "markets.kpi.margin": "Contribution margin per unit", "markets.kpi.order": "Per order",
    "markets.kpi.pct": "Of net revenue", "markets.kpi.range": "Range (FX ± {fx} %, returns ± {ret} pts)",
    "markets.kpi.range_help": "Lowest and highest margin per unit when the exchange rate moves by the "
                              "stated share and the return rate by the stated points.",
    "markets.col.step": "Step", "markets.col.local": "Per unit ({currency})", "markets.col.base": "Per unit ({currency})",
    "step.list_price": "List price", "step.vat": "VAT", "step.fx": "Currency conversion",
    "step.shipping": "Shipping", "step.duties": "Duties & clearance", "step.marketplace_fee": "Marketplace fee",
    "step.payment_fee": "Payment fee", "step.returns": "Returns", "step.product_cost": "Product cost",
    "step.contribution_margin": "Contribution margin",
    "markets.target": "Target margin (% of net revenue)",
    "markets.target_price": "Price for a {pct} % margin: {price} (rounded to {ending}).",
    "markets.target_none": "No price reaches a {pct} % margin: fees and returns take too much of every extra unit of price.",
    "markets.whatif": "Local price what-if",
    "markets.whatif.elastic": "With this product's estimated price elasticity {e} (pricing model), a price "
                              "{change} % from your home price changes units sold by about {units} %.",
    "markets.whatif.assumed": "No price elasticity is estimated for this product; an assumed elasticity of "
                              "{e} (a labelled assumption) gives about {units} % units for a price {change} % "
                              "from your home price.",
    "markets.section.compare": "Should we sell there? Markets compared",
    "markets.compare": "Markets to compare",
    "markets.compare.caption": "Each market at its own starting price (home price converted, with its VAT and "
                               "price ending) and its reference costs, for this product and channel. Ranked by "
                               "margin per unit; the range shows the FX and return-rate risk.",
    "markets.col.market": "Market", "markets.col.price": "Shelf price", "markets.col.regime": "Tax and customs",
    "markets.col.margin": "Margin/unit ({currency})", "markets.col.pct": "Margin %",
    "markets.col.low": "Low ({currency})", "markets.col.high": "High ({currency})",
    "markets.col.breakeven": "Break-even rate",
    "markets.section.entry": "Entering the market: break-even",
    "markets.fixed": "Fixed entry costs ({currency}): translation, legal, marketing",
    "markets.comparables": "Comparable markets in your data",
    "markets.entry.demand": "Expected demand from your comparable markets (per inhabitant): about {mid} units a "
                            "month (range {low}–{high}). An assumption, not a forecast.",
    "markets.entry.no_demand": "No comparable market with sales and a population: type the expected units below.",
    "markets.units_month": "Expected units per month",
    "markets.entry.breakeven": "Break-even: {units} units, about {months} months at {per_month} units a month.",
    "markets.entry.never": "At this margin the entry costs are never earned back.",
    "markets.oss.title": "EU OSS threshold (EUR 10,000 cross-border B2C sales a year)",
    "markets.oss.crossed": "{year}: {sales} EUR, crossed on {day}.",
    "markets.oss.expected": "{year}: {sales} EUR so far; at this pace crossed about {day}.",
    "markets.oss.below": "{year}: {sales} EUR, below the threshold.",
    "markets.oss.none": "No EU cross-border sales in your data (or your home is outside the EU).",
    "markets.section.channels": "Channels compared",
    "markets.channels.caption": "The same waterfall at home for each channel: your own shop's and the "
                                "channels in your data, with the fee rate from the channel's own settlement reports where you "
                                "imported them and from the reference table otherwise (assumption), and the "
                                "return rate and units per order from your data where you have them.",
    "markets.col.channel": "Channel", "markets.col.revenue": "Revenue", "markets.col.orders": "Orders",
    "markets.col.return_rate": "Return rate %", "markets.col.per_order": "Margin/order ({currency})",
    "markets.col.fees": "Fees/unit ({currency})", "markets.col.in_data": "In your data",
    "markets.col.fee_rate": "Marketplace fee %", "markets.col.fee_source": "Fee rate from",
    "markets.fees.from_reports": "from your {channel} settlement reports",
    "markets.fees.assumption": "assumption (reference table)",
    "markets.cost.channel": "Channel", "markets.cost.currency": "Currency", "markets.cost.orders": "Orders",
    "markets.cost.product_revenue": "Product revenue", "markets.cost.marketplace_fees": "Marketplace fees",
    "markets.cost.advertising": "Advertising", "markets.cost.promotions": "Promotions",
    "markets.cost.shipping_credits": "Shipping credits", "markets.cost.refunds": "Refunds",
    "markets.cost.taxes": "Taxes", "markets.cost.other": "Other", "markets.cost.charges_total": "All charges",
    "markets.cost.fee_rate_pct": "Fee rate %", "markets.cost.fees_per_order": "Fees/order",
    "markets.section.channel_costs": "What the channels charged (their own reports)",
    "markets.channel_costs.caption": "From the fee lines of your settlement reports, per channel and currency: "
                                     "product revenue, marketplace fees (referral, fulfilment, digital services, "
                                     "transport and other fee types), advertising, promotions, shipping credits, "
                                     "refunds, taxes and other amounts; charges are negative. Fee rate = "
                                     "marketplace fees in % of product revenue. Product revenue plus all charges "
                                     "is what the channel paid out.",
    "markets.section.history": "Your sales per country",
    "markets.section.reference": "Reference figures and sources",
    "markets.ref.caption": "Shipped with the app (data/markets.csv): VAT, customs rules and cost "
                           "assumptions per market, each with its source and date. Change any figure above "
                           "in the assumptions; edits live in the link.",
    "markets.fx.title": "Exchange rates (ECB reference rates of {day}, units per EUR)",
    "markets.fx.caption": "An editable snapshot of the ECB daily file ({url}). Edits are saved in your store "
                          "for every page; refresh with `python -m ecom_models markets --refresh-fx eurofxref.zip`.",
    "markets.fx.save": "Save rates", "markets.fx.saved": "Exchange rates saved.",
    "markets.fx.missing": "No ECB rate for {code}: add it in the exchange-rate table.",
    "markets.no_sales": "No product sales in your data yet.",
    "markets.bad_sku": "The product {sku} from the link has no sales here; the best seller is shown.",
    "param.m_sku": "product", "param.m_country": "market", "param.m_channel": "channel",
    "param.m_price": "shelf price", "param.m_vat": "VAT", "param.m_ship": "shipping cost",
    "param.m_shipfee": "shipping charged", "param.m_duty": "duty", "param.m_fee": "marketplace fee",
    "param.m_pay": "payment fee", "param.m_ret": "return rate", "param.m_cost": "unit cost",
    "param.m_fxcost": "conversion cost", "param.m_upo": "units per order", "param.m_fixed": "fixed costs",
    "param.m_target": "target margin", "param.m_compare": "markets compared", "param.m_units": "units per month",
}

DE = {
    "nav.markets": "Märkte & Kanäle",
    "markets.title": "Märkte & Kanäle",
    "markets.caption": "Was eine Einheit eines Produkts in jedem Land und auf jedem Verkaufskanal verdient, "
                       "nach Umsatzsteuer, Wechselkurs, Versand, Zoll, Marktplatz- und Zahlungsgebühren "
                       "und Retouren, und ob sich ein neuer Markt lohnt. Jede Zahl hier ist eine Annahme, "
                       "die Sie ändern können; die Referenzwerte und ihre Quellen stehen am Ende.",
    "markets.seller": "Sitz Ihres Shops",
    "markets.seller.country": "Heimatland", "markets.seller.currency": "Basiswährung",
    "markets.seller.oss": "Für OSS registriert (über 10.000 EUR EU-Fernverkäufe im Jahr)",
    "markets.seller.save": "Speichern", "markets.seller.saved": "Gespeichert: Margen gelten für einen Händler in {country}, in {currency}.",
    "markets.seller.now": "Margen gelten für einen Händler in {country}, in {currency}.",
    "markets.seller.default": "(aus Ihren Daten; noch nicht gespeichert)",
    "markets.sku": "Produkt", "markets.country": "Markt", "markets.channel": "Verkaufskanal",
    "markets.price": "Regalpreis inkl. USt. ({currency})",
    "markets.price_help": "Was Kundinnen und Kunden je Stück in der Landeswährung zahlen. Startwert: Ihr "
                          "Heimatpreis umgerechnet, mit der Umsatzsteuer des Markts, auf die übliche "
                          "Preisendung ({ending}) gerundet.",
    "channel.own": "Eigener Shop", "channel.amazon": "Amazon", "channel.ebay": "eBay", "channel.etsy": "Etsy",
    "markets.assumptions": "Annahmen (alle änderbar)",
    "markets.a.vat": "Umsatzsteuer im Preis (%)", "markets.a.ship": "Versandkosten je Paket ({currency})",
    "markets.a.shipfee": "Versand, den die Kundschaft je Bestellung zahlt, inkl. USt. ({currency})",
    "markets.a.duty": "Zoll (%)", "markets.a.clearance": "Verzollungsgebühr je Paket ({currency})",
    "markets.a.fee": "Marktplatzgebühr (%)", "markets.a.pay": "Zahlungsgebühr (%)",
    "markets.a.payfix": "Zahlungsgebühr je Bestellung ({currency})",
    "markets.a.fxcost": "Kosten der Währungsumrechnung (%)", "markets.a.ret": "Retourenquote (%)",
    "markets.a.retcost": "Kosten je Retoure ({currency})",
    "markets.a.resell": "Wiederverkaufte Retouren (%)", "markets.a.cost": "Stückkosten ({currency})",
    "markets.a.upo": "Stück je Bestellung", "markets.a.fx": "Wechselkurs ({local} je {base})",
    "markets.a.fxmove": "Kursschwankung für die Spanne (± %)", "markets.a.retspread": "Spanne der Retourenquote (± Punkte)",
    "markets.a.reset": "Zurück zu den Referenzwerten",
    "markets.cost_assumed": "Für dieses Produkt gibt es keine Stückkosten in Ihren Daten: angenommen werden {pct} % des Netto-Heimatpreises.",
    "markets.section.waterfall": "Was von einem Verkauf übrig bleibt",
    "markets.kpi.margin": "Deckungsbeitrag je Stück", "markets.kpi.order": "Je Bestellung",
    "markets.kpi.pct": "Vom Nettoumsatz", "markets.kpi.range": "Spanne (Kurs ± {fx} %, Retouren ± {ret} Pkt.)",
    "markets.kpi.range_help": "Niedrigster und höchster Deckungsbeitrag je Stück, wenn sich der Wechselkurs um "
                              "den genannten Anteil und die Retourenquote um die genannten Punkte bewegt.",
    "markets.col.step": "Schritt", "markets.col.local": "Je Stück ({currency})", "markets.col.base": "Je Stück ({currency})",
    "step.list_price": "Listenpreis", "step.vat": "Umsatzsteuer", "step.fx": "Währungsumrechnung",
    "step.shipping": "Versand", "step.duties": "Zoll & Verzollung", "step.marketplace_fee": "Marktplatzgebühr",
    "step.payment_fee": "Zahlungsgebühr", "step.returns": "Retouren", "step.product_cost": "Produktkosten",
    "step.contribution_margin": "Deckungsbeitrag",
    "markets.target": "Zielmarge (% vom Nettoumsatz)",
    "markets.target_price": "Preis für {pct} % Marge: {price} (gerundet auf {ending}).",
    "markets.target_none": "Kein Preis erreicht {pct} % Marge: Gebühren und Retouren nehmen zu viel von jedem zusätzlichen Euro.",
    "markets.whatif": "Was-wäre-wenn zum lokalen Preis",
    "markets.whatif.elastic": "Mit der geschätzten Preiselastizität dieses Produkts von {e} (Preismodell) ändert "
                              "ein Preis {change} % vom Heimatpreis die verkaufte Menge um etwa {units} %.",
    "markets.whatif.assumed": "Für dieses Produkt ist keine Preiselastizität geschätzt; eine angenommene "
                              "Elastizität von {e} (gekennzeichnete Annahme) ergibt etwa {units} % Menge bei "
                              "einem Preis {change} % vom Heimatpreis.",
    "markets.section.compare": "Sollen wir dort verkaufen? Märkte im Vergleich",
    "markets.compare": "Zu vergleichende Märkte",
    "markets.compare.caption": "Jeder Markt zu seinem eigenen Startpreis (Heimatpreis umgerechnet, mit seiner "
                               "Umsatzsteuer und Preisendung) und seinen Referenzkosten, für dieses Produkt und "
                               "diesen Kanal. Sortiert nach Deckungsbeitrag je Stück; die Spanne zeigt das "
                               "Kurs- und Retourenrisiko.",
    "markets.col.market": "Markt", "markets.col.price": "Regalpreis", "markets.col.regime": "Steuer und Zoll",
    "markets.col.margin": "DB/Stück ({currency})", "markets.col.pct": "Marge %",
    "markets.col.low": "Niedrig ({currency})", "markets.col.high": "Hoch ({currency})",
    "markets.col.breakeven": "Kurs ohne Marge",
    "markets.section.entry": "Markteintritt: ab wann es sich rechnet",
    "markets.fixed": "Fixe Eintrittskosten ({currency}): Übersetzung, Recht, Marketing",
    "markets.comparables": "Vergleichbare Märkte in Ihren Daten",
    "markets.entry.demand": "Erwartete Nachfrage aus Ihren Vergleichsmärkten (je Einwohner): etwa {mid} Stück "
                            "im Monat (Spanne {low}–{high}). Eine Annahme, keine Prognose.",
    "markets.entry.no_demand": "Kein Vergleichsmarkt mit Verkäufen und Einwohnerzahl: tragen Sie die erwartete Menge unten ein.",
    "markets.units_month": "Erwartete Stück im Monat",
    "markets.entry.breakeven": "Gewinnschwelle: {units} Stück, etwa {months} Monate bei {per_month} Stück im Monat.",
    "markets.entry.never": "Bei dieser Marge werden die Eintrittskosten nie verdient.",
    "markets.oss.title": "EU-OSS-Schwelle (10.000 EUR grenzüberschreitende B2C-Verkäufe im Jahr)",
    "markets.oss.crossed": "{year}: {sales} EUR, überschritten am {day}.",
    "markets.oss.expected": "{year}: bisher {sales} EUR; bei diesem Tempo überschritten etwa am {day}.",
    "markets.oss.below": "{year}: {sales} EUR, unter der Schwelle.",
    "markets.oss.none": "Keine EU-Fernverkäufe in Ihren Daten (oder Ihr Sitz liegt außerhalb der EU).",
    "markets.section.channels": "Kanäle im Vergleich",
    "markets.channels.caption": "Derselbe Wasserfall im Heimatmarkt für jeden Kanal: Ihr eigener Shop und die "
                                "Kanäle in Ihren Daten, mit dem Gebührensatz aus den Abrechnungsberichten des Kanals, "
                                "wo importiert, sonst aus der Referenztabelle (Annahme), und Retourenquote "
                                "und Stück je Bestellung aus Ihren Daten, wo vorhanden.",
    "markets.col.channel": "Kanal", "markets.col.revenue": "Umsatz", "markets.col.orders": "Bestellungen",
    "markets.col.return_rate": "Retourenquote %", "markets.col.per_order": "DB/Bestellung ({currency})",
    "markets.col.fees": "Gebühren/Stück ({currency})", "markets.col.in_data": "In Ihren Daten",
    "markets.col.fee_rate": "Marktplatzgebühr %", "markets.col.fee_source": "Gebührensatz aus",
    "markets.fees.from_reports": "Ihren {channel}-Abrechnungsberichten",
    "markets.fees.assumption": "Annahme (Referenztabelle)",
    "markets.cost.channel": "Kanal", "markets.cost.currency": "Währung", "markets.cost.orders": "Bestellungen",
    "markets.cost.product_revenue": "Produktumsatz", "markets.cost.marketplace_fees": "Marktplatzgebühren",
    "markets.cost.advertising": "Werbung", "markets.cost.promotions": "Aktionen",
    "markets.cost.shipping_credits": "Versandgutschriften", "markets.cost.refunds": "Erstattungen",
    "markets.cost.taxes": "Steuern", "markets.cost.other": "Sonstiges", "markets.cost.charges_total": "Alle Posten",
    "markets.cost.fee_rate_pct": "Gebührensatz %", "markets.cost.fees_per_order": "Gebühren/Bestellung",
    "markets.section.channel_costs": "Was die Kanäle berechnet haben (ihre eigenen Berichte)",
    "markets.channel_costs.caption": "Aus den Gebührenzeilen Ihrer Abrechnungsberichte, je Kanal und Währung: "
                                     "Produktumsatz, Marktplatzgebühren (Verkaufsprovision, Versand durch den "
                                     "Marktplatz, Digitalsteuer-Gebühr, Transport und weitere Gebührenarten), "
                                     "Werbung, Aktionen, Versandgutschriften, Erstattungen, Steuern und sonstige "
                                     "Beträge; Kosten sind negativ. Gebührensatz = Marktplatzgebühren in % des "
                                     "Produktumsatzes. Produktumsatz plus alle Posten ist die Auszahlung des Kanals.",
    "markets.section.history": "Ihre Verkäufe je Land",
    "markets.section.reference": "Referenzwerte und Quellen",
    "markets.ref.caption": "Mit der App ausgeliefert (data/markets.csv): Umsatzsteuer, Zollregeln und "
                           "Kostenannahmen je Markt, jeweils mit Quelle und Datum. Ändern Sie jede Zahl oben "
                           "in den Annahmen; Änderungen stehen im Link.",
    "markets.fx.title": "Wechselkurse (EZB-Referenzkurse vom {day}, Einheiten je EUR)",
    "markets.fx.caption": "Ein änderbarer Stand der EZB-Tagesdatei ({url}). Änderungen werden in Ihrem Datenbestand "
                          "für alle Seiten gespeichert; aktualisieren mit `python -m ecom_models markets --refresh-fx eurofxref.zip`.",
    "markets.fx.save": "Kurse speichern", "markets.fx.saved": "Wechselkurse gespeichert.",
    "markets.fx.missing": "Kein EZB-Kurs für {code}: ergänzen Sie ihn in der Kurstabelle.",
    "markets.no_sales": "Noch keine Produktverkäufe in Ihren Daten.",
    "markets.bad_sku": "Das Produkt {sku} aus dem Link hat hier keine Verkäufe; gezeigt wird der Bestseller.",
    "param.m_sku": "Produkt", "param.m_country": "Markt", "param.m_channel": "Kanal",
    "param.m_price": "Regalpreis", "param.m_vat": "Umsatzsteuer", "param.m_ship": "Versandkosten",
    "param.m_shipfee": "berechneter Versand", "param.m_duty": "Zoll", "param.m_fee": "Marktplatzgebühr",
    "param.m_pay": "Zahlungsgebühr", "param.m_ret": "Retourenquote", "param.m_cost": "Stückkosten",
    "param.m_fxcost": "Umrechnungskosten", "param.m_upo": "Stück je Bestellung", "param.m_fixed": "Fixkosten",
    "param.m_target": "Zielmarge", "param.m_compare": "verglichene Märkte", "param.m_units": "Stück im Monat",
}
