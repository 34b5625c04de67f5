"""German wording of every message code (see ``ecom_models.messages``). A code missing
here falls back to English, so ``tests/ui/test_messages.py`` checks that both tables hold the
same codes and the same parameters."""

TEXT = {
    "word.times.0": "nie", "word.times.1": "einmal", "word.times.2": "zweimal", "word.times.n": "{n}-mal",
    "word.week.zero": "keine Wochen", "word.week.one": "1 Woche", "word.week.many": "{n} Wochen",
    "word.day.zero": "keine Tage", "word.day.one": "1 Tag", "word.day.many": "{n} Tage",

    "confidence.high": "hoch", "confidence.medium": "mittel", "confidence.low": "niedrig",
    "confidence.not estimable": "nicht schätzbar",
    "flag.positive": "Nachfrage stieg mit dem Preis (positive Elastizität)",
    "flag.implausible": "unplausibel starke Reaktion auf den Preis",
    "pool.all": "allen Produkten", "pool.category": "Kategorie „{name}“",
    "pool.none": "keinen (weniger als {min_skus} Produkte zum Vergleichen)",
    "pool.off": "keinen (Vergleich ausgeschaltet)",
    "goal.profit": "Rohertrag", "goal.revenue": "Umsatz",
    "edge.upper_limit": "Obergrenze", "edge.lower_limit": "Untergrenze",
    "edge.minimum_margin": "Mindestmarge",
    "cost.products_table": "Produktdatei", "cost.unknown": "unbekannt",
    "cost.assumed_margin": "angenommene Marge {margin:g} %",
    "source.own": "eigene Daten", "source.group": "Gruppenwert ({toward})",
    "common.yes": "ja", "common.no": "nein",

    "positive": "Elastizität positiv ({elasticity:+.1f}): Die Nachfrage stieg mit dem Preis, also "
                "bewegt etwas anderes (Aktionen, Saison, Lieferengpässe, Kundenmix) die Daten; "
                "wird für Empfehlungen nicht verwendet",
    "implausible": "Elastizität {elasticity:.1f} ist unplausibel stark (unter {limit:g}); "
                   "vermutlich von wenigen ungewöhnlichen Zeiträumen getrieben; wird für Empfehlungen "
                   "nicht verwendet",
    "own_positive": "die eigenen Daten allein ergaben eine positive Elastizität ({own:+.1f}); der "
                    "gezeigte Wert stützt sich auf {toward}",
    "own_implausible": "die eigenen Daten allein ergaben eine unplausibel starke Elastizität ({own:.1f}); "
                       "der gezeigte Wert stützt sich auf {toward}",
    "well_supported": "Preis {changes:times} geändert in {span:periods}; {pct:g}-%-Intervall "
                      "{low:.2f} bis {high:.2f}; Angleichung {shrink:d} %",
    "few_changes": "Preis nur {changes:times} geändert in {span:periods}",
    "few_periods": "nur {periods:periods} mit Verkäufen",
    "mostly_borrowed": "größtenteils übernommen von {toward} (Angleichung {shrink:d} %)",
    "wide_interval": "breites {pct:g}-%-Intervall ({low:.1f} bis {high:.1f})",
    "summary": "Preis {changes:times} geändert in {span:periods}; Angleichung {shrink:d} %; "
               "{pct:g}-%-Intervall {low:.1f} bis {high:.1f}",
    "no_periods": "{periods:periods} mit Verkäufen",
    "too_few_periods": "nur {periods:periods} mit Verkäufen (mindestens {min_periods:d} nötig)",
    "price_never_changed": "Preis in {span:periods} nie geändert",
    "too_few_levels": "nur {levels:d} Preisstufen in {span:periods} (mindestens {min_levels:d} nötig)",
    "collinear": "der Preis bewegte sich im Gleichschritt mit dem Trend; ihre Wirkungen lassen sich "
                 "nicht trennen",
    "tier_few_changes": "der eigene Preis dieser Kundengruppe wurde nur {changes:times} geändert in "
                        "{span:periods} (mindestens {min_changes:d} nötig); es gilt die Schätzung der "
                        "Standardgruppe",

    "no_recommendation": "keine Empfehlung: {why}",
    "cannot_estimate": "die Elastizität lässt sich nicht schätzen ({reason})",
    "flagged": "die Elastizität ist auffällig: {flag} ({reason})",
    "confidence_too_low": "die Verlässlichkeit ist {confidence} ({reason})",
    "no_recent_sales": "keine Verkäufe in letzter Zeit, auf die sich ein Preis stützen könnte",
    "cost_unknown": "Stückkosten unbekannt; importieren Sie Stückkosten oder nehmen Sie eine Marge an",
    "margin_unreachable": "kein Preis innerhalb von ±{max_change:g} % um den heutigen Preis {price:.2f} "
                          "erreicht die Mindestmarge von {min_margin:g} % (dafür wären mindestens "
                          "{floor:.2f} nötig)",
    "no_price_with_ending": "kein Preis mit der Endung {ending} liegt zwischen {low:.2f} und {high:.2f} "
                            "(±{max_change:g} % um den heutigen Preis {price:.2f})",
    "keep_price": "heutigen Preis {price:.2f} behalten: kein erlaubter Preis bringt mehr {goal}",
    "recommend": "{new_price:.2f} ({change:+.1f} %) ergibt erwarteten {goal} von {expected:,.2f} je "
                 "Zeitraum statt {today:,.2f} heute; besser als der heutige Preis in {prob:.0f} % der "
                 "plausiblen Elastizitäten",
    "at_upper_limit": "das Optimum liegt an der Grenze von +{max_change:g} %, das Modell würde höher "
                      "gehen: in Schritten erhöhen und die Verkäufe beobachten",
    "at_lower_limit": "das Optimum liegt an der Grenze von -{max_change:g} %, das Modell würde tiefer "
                      "gehen: in Schritten senken und die Verkäufe beobachten",
    "at_minimum_margin": "die Mindestmarge von {min_margin:g} % verhindert einen niedrigeren Preis",

    # ---- Preise v2: Vorbehalte der Entscheidung (ecom_models.pricing.decision)
    "edge.highest_tried": "höchster erprobter Preis", "edge.lowest_tried": "niedrigster erprobter Preis",
    "cost.category_margin": "Margentabelle je Kategorie",
    "at_highest_tried": "das Optimum liegt beim höchsten Preis, zu dem das Produkt je verkauft wurde; "
                        "darüber hinaus würde das Modell nur extrapolieren",
    "at_lowest_tried": "das Optimum liegt beim niedrigsten Preis, zu dem das Produkt je verkauft wurde; "
                       "darunter würde das Modell nur extrapolieren",
    "revenue_ignores_costs": "das Umsatzziel berücksichtigt keine Kosten: mehr Umsatz kann weniger Gewinn bedeuten",
    "outside_tried": "{outside:.2f} sähe noch besser aus, liegt aber außerhalb aller erprobten Preise "
                     "({low:.2f} bis {high:.2f}): erst testen",
    "costs_needed": "ohne Stückkosten folgt die Antwort der angenommenen Marge: Kosten eingeben "
                    "oder eine Marge je Kategorie",
    "break_even": "der heutige Preis ist richtig, wenn die Elastizität {elasticity:.2f} beträgt (bei {margin:g} % Marge); "
                  "Wahrscheinlichkeit, dass das Produkt stärker reagiert: {prob:.0f} %",
    "note_no_elasticity": "keine Elastizität verfügbar ({confidence}, und keine Gruppe zum Vergleichen)",
    "note_group_prior": "keine eigene Schätzung ({confidence}): nutzt den Wert von {toward}",
    "note_flagged": "Elastizität auffällig ({flag}): mit Vorsicht verwenden",
    "note_no_sales": "keine Verkäufe in letzter Zeit: Ausgangswert ist null",
    "note_cost_unknown": "Stückkosten unbekannt: Rohertrag nicht berechnet",

    "where.file": "{file}", "where.no_file": "die Datei", "where.line": "Zeile {line}",
    "where.column": "Spalte „{column}“",

    "gzip_damaged": "das gzip-Archiv ist beschädigt ({detail})",
    "xls_old": "dies ist eine alte Excel-97-Arbeitsmappe (.xls)",
    "xlsx_renamed": "diese Datei ist eine Excel-Arbeitsmappe (.xlsx), umbenannt in „{ext}“, kein CSV-Text",
    "not_xlsx": "die Datei endet auf .xlsx, ist aber keine Excel-Arbeitsmappe",
    "empty_file": "die Datei ist leer",
    "header_unreadable": "die Kopfzeile kann nicht gelesen werden",
    "csv_unparsable": "die Datei kann nicht als CSV gelesen werden ({detail})",
    "field_count": "diese Zeile hat {fields:d} Felder, die Kopfzeile {expected:d}",
    "field_count_many": "diese Zeile hat {fields:d} Felder, die Kopfzeile {expected:d} (insgesamt {count:,d} solche Zeilen)",
    "no_data_rows": "die Datei hat eine Kopfzeile, aber keine Datenzeilen",
    "unterminated_quote": "ein Wert in Anführungszeichen wird nie geschlossen (fehlendes Schlusszeichen)",
    "row_unreadable": "die Zeile kann nicht gelesen werden ({detail})",
    "xlsx_unreadable": "die Excel-Arbeitsmappe kann nicht gelesen werden ({detail})",
    "sheet_empty": "das erste Blatt der Arbeitsmappe ist leer",
    "xlsx_no_data_rows": "die Arbeitsmappe hat eine Kopfzeile, aber keine Datenzeilen",
    "encoding_invalid": "die Datei sieht nach {codec}-Text aus, ist aber kein gültiges {codec} (Byte {byte:d})",
    "nul_bytes": "die Datei ist kein Text (sie enthält NUL-Bytes)",
    "binary": "die Datei ist kein Text (sie enthält Binärdaten)",
    "mixed_encoding": "die Datei mischt Zeichensätze: Sie ist UTF-8, aber diese Zeile enthält ein Byte, "
                      "das kein gültiges UTF-8 ist",
    "encoding_unknown": "der Zeichensatz der Datei wurde nicht erkannt",
    "file_too_large": "die Datei ist {size_mb:,.0f} MB groß, über der Grenze für Uploads von {limit_mb:,.0f} MB",
    "unknown_format": "das Format wurde an der Kopfzeile nicht erkannt ({columns})",
    "missing_columns": "für {format} fehlen Pflichtspalten: {fields}. Die Datei hat: {columns}",
    "mapping_unknown_columns": "die Zuordnung nennt Spalten, die die Datei nicht hat: {columns}",
    "bad_number": "„{value}“ ist keine Zahl (insgesamt {count:,d} solche Werte in dieser Spalte)",
    "bad_date": "„{value}“ ist kein gültiges Datum im Format {format} (insgesamt {count:,d} solche Werte)",
    "dates_unreadable": "die Datumsangaben haben ein Format, das nicht erkannt wird",
    "cannot_open": "die Datei kann nicht geöffnet werden ({detail})",
    "disk_full": "der Datenträger ist voll oder verweigert das Schreiben: Es wurde nichts importiert",

    "hint.recompress": "komprimieren Sie den Export neu oder laden Sie ihn unkomprimiert hoch",
    "hint.save_as_xlsx": "speichern Sie sie in Excel als .xlsx oder CSV und laden Sie diese hoch",
    "hint.real_xlsx_name": "laden Sie sie unter ihrem echten .xlsx-Namen hoch oder speichern Sie sie in Excel als CSV",
    "hint.resave_xlsx_or_csv": "öffnen Sie sie in Excel und speichern Sie sie erneut als .xlsx, oder laden Sie sie als CSV hoch",
    "hint.resave_xlsx": "öffnen Sie sie in Excel und speichern Sie sie erneut als .xlsx",
    "hint.first_sheet": "legen Sie den Export auf das erste Blatt",
    "hint.export_again_rows": "exportieren Sie die Daten erneut; der Export enthielt keine Zeilen",
    "hint.choose_again": "wählen Sie die exportierte Datei erneut; sie hat weder Zeilen noch Kopfzeile",
    "hint.reexport_or_fix_line": "exportieren Sie die Datei erneut aus Ihrem Shopsystem oder korrigieren "
                                 "Sie diese Zeile in einem Texteditor",
    "hint.reexport_utf8": "exportieren Sie die Datei erneut als CSV (UTF-8) aus Ihrem Shopsystem",
    "hint.fix_line": "korrigieren oder entfernen Sie diese Zeile",
    "hint.value_missing": "ein Wert fehlt oder ein Trennzeichen ging verloren",
    "hint.unquoted_delimiter": "ein Wert enthält ein Trennzeichen ohne Anführungszeichen",
    "hint.close_quote": "schließen Sie das Anführungszeichen oder entfernen Sie das überzählige „\"“",
    "hint.export_period": "exportieren Sie einen Zeitraum mit Bestellungen",
    "hint.shorter_range": "exportieren Sie einen kürzeren Zeitraum und importieren Sie die Teile nacheinander",
    "hint.check_settings": "prüfen Sie die Importeinstellungen",
    "hint.check_path": "prüfen Sie den Pfad",
    "hint.free_disk": "schaffen Sie Platz auf dem Datenträger und importieren Sie erneut",
    "hint.skip_bad_rows": "oder setzen Sie in den Importeinstellungen das Häkchen bei „Fehlerhafte "
                          "Zeilen überspringen“, um solche Zeilen auszulassen",
    "hint.map_columns": "wählen Sie in der Spaltenzuordnung für jedes fehlende Feld die passende "
                        "Spalte, oder wählen Sie ein anderes Format",
    "hint.date_format": "wählen Sie das Datumsformat in den Importeinstellungen",
    "hint.decimal": "korrigieren Sie den Wert oder wählen Sie in den Importeinstellungen das andere "
                   "Dezimalzeichen (erkannt: „{decimal}“)",
    "hint.generic_format": "wählen Sie das Shopsystem oder das allgemeine Format mit Spaltenzuordnung",
    "hint.currency": "legen Sie die Währung in den Importeinstellungen fest",
    "hint.replace_orders": "setzen Sie das Häkchen bei „Zeilen entfernen, die die Datei nicht mehr hat“",

    "duplicate_header": "{file}, Zeile {line:d}: Die Spaltenüberschrift „{name}“ kommt mehrfach vor; "
                        "Spalte {index:d} wurde in „{renamed}“ umbenannt",
    "date_ambiguous": "Die Datumsangaben sind mehrdeutig: Jeder Wert könnte Tag-zuerst oder Monat-zuerst "
                      "sein („{value}“ ist Tag-zuerst gelesen {day_first}, Monat-zuerst gelesen "
                      "{month_first}). Gelesen werden sie {chosen} ({chosen_format}); wählen Sie "
                      "{other} ({other_format}), wenn Ihr Shop Daten so schreibt.",
    "order.day_first": "Tag-zuerst", "order.month_first": "Monat-zuerst",
    "dates_read_as": "Datumsangaben gelesen als {format}, z. B. „{value}“ = {reading}",
    "dates_iso_mixed": "ISO-Datumsangaben, teils mit, teils ohne Uhrzeit, z. B. „{value}“ = {reading}",
    "no_date_text": "die Spalte enthält keinen Datumstext (sie ist leer, oder die Zellen sind schon Datumswerte)",
    "no_date_format_fits": "kein bekanntes Datumsformat passt zu den Werten, z. B. „{value}“",
    "value_fits_no_date_format": "der Wert „{value}“ passt zu keinem bekannten Datumsformat",
    "mixed_date_formats": "kein einzelnes Datumsformat passt zu allen Werten: Die meisten lesen sich "
                          "als {format}, aber „{value}“ nicht",
    # ---- Import: Normalisieren, Speichern (ecom_models/ingest/normalize.py, pipeline.py, shop_rules.py,
    # currencies.py, customers.py); Felder als field.<name>, Exportformate als format.<name>
    "missing_field": "{field} (z. B. „{example}“)",
    "column_ambiguous": "die Spaltenüberschrift „{column}“ kommt {count:d}-mal vor (Spalten {positions}); "
                        "unklar ist, welche {field} enthält",
    "beyond_bound": "{what} {value} liegt jenseits jeder echten Bestellzeile (insgesamt {count:,d} solche Zeilen)",
    "what.quantity": "die Menge", "what.price": "der Preis", "what.amount": "der Betrag (Menge × Preis)",
    "currency_contradicts": "„{value}“ ist in {found}, die Preise dieser Datei sind aber in {currency} "
                            "(insgesamt {count:,d} solche Werte)",
    "product_not_json": "die Produktzelle ist kein gültiges JSON",
    "store_readonly": "der Datenbestand {db} kann nicht beschrieben werden: Es wurde nichts importiert",
    "store_write_failed": "der Datenbestand {db} konnte nicht geschrieben werden ({detail}): Es wurde "
                          "nichts importiert",
    "hint.pick_from": "wählen Sie aus: {columns}",
    "hint.rename_duplicates": "benennen Sie die doppelten Spaltenüberschriften in der Datei um, oder "
                              "ordnen Sie das Feld einer anderen Spalte zu",
    "hint.correct_date": "korrigieren Sie das Datum (unmögliche Daten wie 31.02. werden abgelehnt) "
                         "oder wählen Sie ein anderes Datumsformat",
    "hint.correct_export": "korrigieren Sie den Wert im Export",
    "hint.upload_too_large": "komprimieren Sie sie mit gzip (Exporte schrumpfen etwa auf ein Sechstel; "
                             ".gz-Dateien werden direkt gelesen), importieren Sie sie über die "
                             "Kommandozeile, die keine Grenze hat, oder exportieren Sie einen kürzeren Zeitraum",
    "hint.one_currency": "exportieren Sie die Datei in einer Währung, oder importieren Sie sie im "
                         "allgemeinen Format mit ihrer Währung in den Importeinstellungen",
    "hint.reexport_magento": "exportieren Sie die Bestellungen erneut aus Magento",
    "hint.store_permissions": "prüfen Sie die Zugriffsrechte des Ordners, in dem der Datenbestand liegt",
    "hint.try_again": "versuchen Sie es erneut; wenn es weiter scheitert, prüfen Sie den Datenträger",
    "no_sku": "{count:,d} Zeile(n) ohne Artikelnummer; ihr Produktname dient als Artikelnummer",
    "prices_gross": "{count:,d} Zeile(n) hatten Preise inklusive MwSt.; sie werden netto gespeichert "
                    "(Preis ÷ (1 + MwSt.-Satz))",
    "no_price": "{count:,d} Zeile(n) ohne Preis: Sie zählen als Stück, bringen aber keinen Umsatz",
    "currency_from_signs": "Währung {currency} aus den Währungszeichen der Preise übernommen",
    "no_currency": "die Datei nennt keine Währung; legen Sie eine in den Importeinstellungen fest",
    "unknown_countries": "Ländernamen ohne ISO-Code, so übernommen wie geschrieben: {names}",
    "no_date_column": "die Datei hat keine Spalte mit dem Bestelldatum: Ihre Zeilen zählen in den "
                      "Summen, aber nicht in Verläufen über die Zeit",
    "duplicate_skus": "{count:,d} Artikelnummer(n) kommen mehrfach vor; jeweils die letzte Zeile gilt",
    "pseudonyms": "Kundennummern werden als verschlüsselte Pseudonyme gespeichert, nie im Klartext "
                  "(auch E-Mail-Adressen)",
    "unknown_shopware_countries": "Shopware-Länder-IDs ohne bekanntes Land: {ids}",
    "duplicate_customers": "{count:,d} Kundennummer(n) kommen mehrfach vor; jeweils die letzte Zeile gilt",
    "customers_pseudonymised": "Kundennummern werden als verschlüsselte Pseudonyme gespeichert; "
                               "E-Mail-Adressen, Namen und Anschriften werden nicht gelesen",
    "skip.no_order_number": "keine Bestellnummer", "skip.no_sku_no_name": "weder Artikelnummer noch Produktname",
    "skip.not_a_number": "Wert ist keine Zahl", "skip.bad_date": "Datum nicht lesbar",
    "skip.no_quantity": "keine Menge", "skip.beyond_bound": "Wert jenseits jeder echten Bestellzeile",
    "skip.customer_group": "Kundengruppe {group} (nur Endkundenpreise EK werden verwendet)",
    "skip.graduated_price": "Staffelpreis ab Menge {start}", "skip.no_sku": "keine Artikelnummer",
    "skip.no_customer_number": "keine Kundennummer",
    "skip.aborted_checkout": "abgebrochener Bestellvorgang (Bestellstatus -1): nie eine Bestellung",
    "skip.download_footer": "Fußzeile des Downloads (Anzahl der Datensätze / Verkäufer-ID)",
    "skip.settlement_summary": "Summenzeile der Abrechnung (Summen der ganzen Abrechnung)",
    "field.order_id": "Bestellnummer", "field.line_id": "Positions-ID", "field.ordered_at": "Bestelldatum",
    "field.sku": "Artikelnummer", "field.product_name": "Produktname", "field.category": "Kategorie",
    "field.quantity": "Menge", "field.unit_price": "Stückpreis", "field.line_total": "Zeilensumme",
    "field.currency": "Währung", "field.customer_id": "Kundennummer", "field.country": "Land",
    "field.status": "Bestellstatus", "field.line_mode": "Zeilenart (Modus)", "field.vat_rate": "MwSt.-Satz",
    "field.customer_group": "Kundengruppe", "field.unit_cost": "Stückkosten",
    "field.current_price": "aktueller Preis", "field.sale_price": "Angebotspreis", "field.stock": "Bestand",
    "field.price_group": "Preisgruppe", "field.from_quantity": "Staffel ab Menge",
    "format.online-retail": "UCI Online Retail", "format.shopify": "Shopify-Bestellexport",
    "format.shopware": "Shopware-5-Bestellexport", "format.magento": "Magento-Bestellungen",
    "format.amazon-sales": "Amazon-Verkaufsbericht (Sale Report)",
    "format.amazon-settlement": "Amazon-Abrechnungsbericht (Flatfile)",
    "format.ebay": "eBay-Verkaufshistorie (Selling Manager)", "format.etsy": "Etsy verkaufte Bestellpositionen",
    "format.shopware-prices": "Shopware-5-Artikelpreise", "format.shopware-stock": "Shopware-5-Lagerbestand",
    "format.shopware-customers": "Shopware-5-Kunden", "format.woocommerce": "WooCommerce-Produkte",
    "format.magento-products": "Magento-Produkte", "format.shopify-products": "Shopify-Produkte",
    "format.generic": "Allgemeine Bestellungen (Spaltenzuordnung)",
    "note.online-retail.1": "Rechnungen, die mit C beginnen, sind Stornos; Pseudo-Artikelnummern (POST, M, "
                            "BANK CHARGES, …) bleiben als Zeilen ohne Produkt erhalten.",
    "note.shopify.1": "Eine Zeile je Position; Angaben zur Bestellung werden aus der ersten Zeile jeder "
                      "Bestellung übernommen.",
    "note.shopify.2": "Versand und Rabatte werden zu Zeilen ohne Produkt.",
    "note.shopware.1": "Zeilen mit mode ≠ 0 (Gutscheine, Rabatte, Zahlungsaufschläge) sind Zeilen ohne "
                       "Produkt. Bestellstatus 4 (storniert) wird verrechnet; Status -1 (Bestellvorgang "
                       "abgebrochen, nie bestellt) wird übersprungen.",
    "note.shopware.2": "Preise werden netto gespeichert: Bruttopreise (net = 0) werden durch 1 + taxRate "
                       "geteilt; der Nettoversand der Bestellung wird eine Zeile ohne Produkt.",
    "note.shopware.3": "Das Land kommt aus dem Kundenexport (importieren Sie ihn ebenfalls).",
    "note.magento.1": "Die Produktspalte enthält JSON ({{\"sku\": …, \"qty\": …}}).",
    "note.amazon-sales.1": "Stornierte und zurückgeschickte Zeilen bleiben erhalten und werden verrechnet.",
    "note.amazon-settlement.1": "Hauptbeträge (Principal) werden Produktzeilen; Gebühren, Versand und "
                                "Aktionen Zeilen ohne Produkt.",
    "note.amazon-settlement.2": "Jede Abrechnungszeile ist ein Ereignis: Eine Erstattung in einem späteren "
                                "Bericht kommt zur Bestellung hinzu und ersetzt nie den Verkauf.",
    "note.ebay.1": "Die Füllzeilen des Downloads und seine Fußzeile mit der Anzahl der Datensätze werden "
                   "ausgelassen.",
    "note.etsy.1": "Die Etsy-Angebote sind die Produkte (die SKU-Spalte ist meist leer).",
    "note.shopware-customers.1": "Kunden geben ihren Bestellungen ein Land (Rechnungsland). E-Mail-Adressen, "
                                 "Namen, Anschriften und Passwort-Hashes werden nicht gelesen; "
                                 "Kundennummern werden als verschlüsselte Pseudonyme gespeichert.",
    # ---- Bündel (ecom_models/bundles): Gründe, Sicherheit, Hinweise zur Was-wäre-wenn-Rechnung
    "bundle.reason.together": "{lift:.1f}-mal so oft zusammen gekauft, wie der Zufall ergäbe, in {count:,d} "
                              "Bestellungen ({attach_ab:.0f} % der Bestellungen mit {name_a}, {attach_ba:.0f} % "
                              "derer mit {name_b})",
    "bundle.reason.sleeper": "Ladenhüter-Rettung: {slow} verkauft sich langsam (Rang {slow_rank:d} von {sold:d}), "
                             "aber {attach:.0f} % seiner Bestellungen enthalten auch den Bestseller {best}",
    "bundle.sure.very_sure": "sehr sicher", "bundle.sure.sure": "sicher", "bundle.sure.not_sure": "nicht sicher",
    "bundle.note.elasticity_assumed": "Preisreaktion für {names} mit {value:.1f} angenommen (das Preismodell "
                                      "hat keine verwendbare Schätzung)",
    "bundle.note.pricing_unavailable": "das Preismodell war nicht nutzbar; es gilt die angenommene Preisreaktion",
    "bundle.note.cost_assumed": "Stückkosten für {names} unbekannt: {margin:g} % Marge angenommen",
    "bundle.note.few_together": "nur {count:d} Bestellungen enthielten alle diese Produkte: die Schätzung ist grob",
    "bundle.note.capped": "der Preisnachlass würde mehr Bestellungen umstimmen, als einen Teil des Bündels "
                          "enthalten; begrenzt auf diese Bestellungen",
    "bundle.note.takeup_all": "angenommen: Jede Bestellung, die schon alle Produkte enthält, nimmt das Bündel "
                              "(die größtmögliche Kannibalisierung)",
    "bundle.note.not_modelled": "nicht gezählt: Neukunden, die das Bündel anziehen könnte, und Bestellungen "
                                "mit mehr als einem Bündel",

    # ---- forecasting: Methodennamen und Hinweise zum Was-wäre-wenn
    "model.seasonal_naive": "saisonal naiv (Vergleichswert)", "model.naive": "letzte Woche (naiv)",
    "model.moving_average": "gleitender Durchschnitt", "model.ses": "exponentielle Glättung",
    "model.damped_holt": "Glättung mit gedämpftem Trend", "model.sba": "Croston–SBA (seltene Verkäufe)",
    "model.tsb": "TSB (seltene Verkäufe)", "model.seasonal_ratio": "Vorjahreswochen × Wachstum",
    "model.seasonal_ets": "saisonale exponentielle Glättung", "model.global_boosting": "Gradient Boosting über alle Produkte",
    "forecast.no_elasticity": "für dieses Produkt gibt es keine Preiselastizität; die Preisänderung "
                              "verändert die Prognose daher nicht",
    "forecast.elasticity_borrowed": "die eigene Elastizität dieses Produkts ließ sich nicht schätzen; die "
                                    "typische Elastizität des Shops ({e:.2f}) wird verwendet",
    "forecast.stock_unknown": "Lagerbestand unbekannt: tragen Sie ihn ein, um einen Bestellvorschlag zu erhalten",
    # markets (ecom_models/markets)
    "market.breakeven_fx": "bei {rate:.4f} Einheiten Landeswährung je Einheit Basiswährung ist die Marge null ({move_pct:+.1f} % vom heutigen Kurs)",
    "market.loss": "dieser Verkauf macht bei diesen Annahmen Verlust",
    "market.regime.domestic": "Inlandsverkauf: heimische Umsatzsteuer, kein Zoll",
    "market.regime.eu_home_vat": "EU-Fernverkauf unter der OSS-Schwelle von {threshold:,.0f} EUR: es gilt die heimische Umsatzsteuer ({home})",
    "market.regime.eu_oss": "EU-Fernverkauf über der OSS-Schwelle von {threshold:,.0f} EUR: Umsatzsteuer des Ziellands über OSS",
    "market.regime.import_ioss": "Einfuhr in die EU bis {limit:,.0f} {currency}: Umsatzsteuer beim Verkauf (IOSS), kein Zoll",
    "market.regime.import_uk135": "Sendung ins Vereinigte Königreich bis {limit:,.0f} {currency}: britische Umsatzsteuer beim Verkauf, kein Zoll",
    "market.regime.import_voec": "Norwegen, Artikel unter {limit:,.0f} {currency}: Umsatzsteuer beim Verkauf (VOEC), kein Zoll",
    "market.regime.import_border": "über der Grenze von {limit:,.0f} {currency}: Einfuhrumsatzsteuer und Zoll an der Grenze, Gebühr des Zustellers",
    "market.regime.import_ch": "Schweiz: Einfuhrsteuer und Verzollungsgebühr des Zustellers (Zoll standardmäßig 0 %: Industriezölle seit 2024 abgeschafft)",
    "market.regime.import_ch_below_minimum": "Schweiz: keine Einfuhrsteuer (Steuer höchstens {minimum:,.0f} {currency}); Verzollungsgebühr des Zustellers",
    "market.regime.import_no_de_minimis": "keine Zollfreigrenze: Zoll auf jedes Paket, Verzollungsgebühr des Zustellers",
    # ---- Sortiment (Issue 20): warum ein Artikel ein Ladenhüter ist, und was zu tun ist
    "portfolio.reason.idle": "seit {days} Tagen kein Verkauf",
    "portfolio.reason.declining": "Absatz {trend:.0f} % unter den 13 Wochen davor",
    "portfolio.reason.slow_cover": "Bestand reicht beim jüngsten Tempo {cover:.0f} Wochen",
    "portfolio.action.reduce_price": "Preis senken: Die Nachfrage reagiert stark (Elastizität {elasticity:.1f}, "
                                     "90 % {low:.1f} bis {high:.1f}); {cut:.0f} % weniger sollten etwa "
                                     "{units_pct:+.0f} % mehr Stück bringen",
    "portfolio.action.bundle": "mit {partner} {partner_name} bündeln (in {together:,d} Bestellungen zusammen "
                               "gekauft, {lift:.1f}-mal so oft wie zufällig)",
    "portfolio.action.delist": "auslisten: nicht nachbestellen und den Bestand abverkaufen",
    "rfm.champions": "Top-Kunden", "rfm.loyal": "treu", "rfm.new": "neu", "rfm.promising": "vielversprechend",
    "rfm.attention": "brauchen Aufmerksamkeit", "rfm.at_risk": "gefährdet", "rfm.hibernating": "eingeschlafen",
    "nps.bad_score": "„{value}“ ist keine Bewertung von 0 bis 10",
    "nps.no_score_column": "keine Bewertungsspalte gefunden (gesucht: {names})",
    "nps.unknown_column": "die Datei hat keine Spalte „{column}“",
    "nps.no_responses": "die Datei enthält keine beantwortete Bewertung",
    "nps.bad_date": "„{value}“ ist kein Datum",
    "hint.nps_score": "korrigieren Sie den Wert (ganze Zahlen 0–10) oder leeren Sie ihn, um die Antwort auszulassen",
    "hint.nps_column": "nennen Sie die Bewertungsspalte (CLI: --score-column NAME)",
}
