"""UI strings of the Data page (imports, their reports and history), English and German.
Import problems themselves are worded in ``ecom_models.messages``."""

EN = {
    "data.title": "Data",
    "data.caption": "Import order and product exports from Shopify, Shopware, WooCommerce, "
                    "Magento, Amazon, eBay, Etsy, UCI Online Retail, or any CSV/Excel with a column mapping. "
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
    "data.imported": "{file}: {effect}",
    "data.channel": "Shop or sales channel (optional)",
    "data.channel_help": "Orders, products and customers are told apart by shop: name the shop "
                         "when two shops use the same shop system (e.g. 'Shop Nord'). Empty: the shop system.",
    "data.replace": "Remove stored lines that a newer export of the same orders no longer has",
    "data.replace_help": "Off (default): such lines are kept and counted in the report. On: the "
                         "newer export replaces those orders completely.",
    "data.interrupted": "The import of {files} did not happen: it was interrupted (page reloaded "
                        "or another control used) before it finished. Nothing of it was written; "
                        "press Import again.",
    "data.see_overview": "See the new figures on the Overview",
    "data.history": "Import history",
    "data.no_history": "Nothing imported yet.",
    "data.delete": "Delete import",
    "data.delete_pick": "Import to delete",
    "data.delete_confirm": "Yes, delete this import and exactly its rows",
    "data.deleted": "Import #{id} deleted: {lines} order lines and {products} products removed.",
    "data.ambiguous": "The date column is ambiguous: every date could be day-first or month-first. "
                      "Check the preview and choose below.",
    "data.date_choice": "Dates in this file are written as",
    # phases of an import, shown beside its progress bar (``ui.layout.monotone_progress``)
    "phase.reading": "reading", "phase.checking values": "checking values",
    "phase.validated": "checked", "phase.writing": "writing", "phase.snapshot": "updating the figures",
    "data.checking": "Reading and checking {file} …",
    # what a page is computing, shown while it takes longer than half a second (ui.text.working)
    "spin.lines": "Loading order lines …", "spin.baskets": "Building baskets …",
    "spin.pairs": "Counting products bought together …", "spin.responses": "Estimating price responses …",
    "spin.elasticities": "Estimating price elasticities …", "spin.holdout": "Checking the model on held-out weeks …",
    "spin.portfolio": "Classifying products …", "spin.forecast": "Testing forecast methods on past weeks …",
    "spin.customers": "Following customers over time …", "spin.value": "Estimating customer value …",
}

DE = {
    "data.title": "Daten",
    "data.upload": "Exportdateien (CSV, TXT, TSV, XLSX, GZ)",
    "data.format": "Format",
    "data.commit": "{n} Datei(en) importieren",
    "data.see_overview": "Die neuen Zahlen im Überblick ansehen",
    "data.history": "Importverlauf",
    "data.delete": "Import löschen",
    "data.caption": "Importieren Sie Bestell- und Produktexporte aus Shopify, Shopware, WooCommerce, "
                    "Magento, Amazon, eBay, Etsy, UCI Online Retail oder jede CSV/Excel-Datei mit Spaltenzuordnung. "
                    "Geschrieben wird erst, wenn Sie auf Importieren klicken.",
    "data.settings": "Importeinstellungen (falls die Erkennung danebenlag)",
    "data.decimal": "Dezimalzeichen", "data.date_format": "Datumsformat",
    "data.currency": "Währung, wenn die Datei keine nennt (z. B. EUR)",
    "data.skip_bad": "Fehlerhafte Zeilen überspringen (sie stehen im Bericht)",
    "data.auto": "erkennen",
    "data.mapping": "Spaltenzuordnung für {file}",
    "data.mapping_help": "Wählen Sie die Spalte Ihrer Datei für jedes Feld.",
    "data.report": "Prüfbericht: {file}",
    "data.rejected": "Import nicht möglich",
    "data.already": "Bereits importiert (gleicher Inhalt wie Import #{id}); erneutes Importieren ändert nichts.",
    "data.rows_read": "Zeilen gelesen", "data.rows_imported": "Zeilen zu importieren",
    "data.rows_skipped": "Zeilen übersprungen", "data.returns": "Retourenzeilen",
    "data.non_product": "Nicht-Produktzeilen", "data.orders": "Bestellungen",
    "data.date_range": "Zeitraum: {first} – {last}",
    "data.skipped_reasons": "Übersprungene Zeilen nach Grund",
    "data.preview": "Vorschau (erste 20 Zeilen, wie sie gespeichert werden)",
    "data.imported": "{file}: {effect}",
    "data.channel": "Shop oder Verkaufskanal (optional)",
    "data.channel_help": "Bestellungen, Artikel und Kunden werden je Shop unterschieden: Geben Sie "
                         "den Shop an, wenn zwei Shops dasselbe Shopsystem nutzen (z. B. „Shop Nord“). "
                         "Leer: das Shopsystem.",
    "data.replace": "Gespeicherte Zeilen entfernen, die ein neuerer Export derselben Bestellungen "
                    "nicht mehr enthält",
    "data.replace_help": "Aus (Standard): solche Zeilen bleiben erhalten und werden im Bericht "
                         "gezählt. An: der neuere Export ersetzt diese Bestellungen vollständig.",
    "data.interrupted": "Der Import von {files} ist nicht erfolgt: Er wurde unterbrochen (Seite neu "
                        "geladen oder ein anderes Bedienelement benutzt), bevor er fertig war. Davon "
                        "wurde nichts gespeichert; klicken Sie erneut auf Importieren.",
    "data.no_history": "Noch nichts importiert.",
    "data.delete_pick": "Zu löschender Import",
    "data.delete_confirm": "Ja, diesen Import und genau seine Zeilen löschen",
    "data.deleted": "Import #{id} gelöscht: {lines} Bestellzeilen und {products} Produkte entfernt.",
    "data.ambiguous": "Die Datumsspalte ist mehrdeutig: Jedes Datum könnte Tag-zuerst oder Monat-zuerst "
                      "sein. Prüfen Sie die Vorschau und wählen Sie unten.",
    "data.date_choice": "Datumsangaben in dieser Datei sind geschrieben als",
    "phase.reading": "lese", "phase.checking values": "prüfe Werte",
    "phase.validated": "geprüft", "phase.writing": "schreibe", "phase.snapshot": "aktualisiere die Zahlen",
    "data.checking": "{file} wird gelesen und geprüft …",
    "spin.lines": "Bestellzeilen werden geladen …", "spin.baskets": "Warenkörbe werden gebildet …",
    "spin.pairs": "Gemeinsam gekaufte Produkte werden gezählt …",
    "spin.responses": "Preisreaktionen werden geschätzt …",
    "spin.elasticities": "Preiselastizitäten werden geschätzt …",
    "spin.holdout": "Das Modell wird an zurückgehaltenen Wochen geprüft …",
    "spin.portfolio": "Produkte werden eingeordnet …",
    "spin.forecast": "Prognosemethoden werden an vergangenen Wochen getestet …",
    "spin.customers": "Kunden werden über die Zeit verfolgt …", "spin.value": "Kundenwert wird geschätzt …",
}
