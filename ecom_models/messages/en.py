"""English wording of every message code (see ``ecom_models.messages``).

``TEXT`` is what pages show; ``CLI`` overrides the few hints that name a control, so the
command line names its flag where a page names its widget.
"""

TEXT = {
    # ---- words used inside templates ({n:times}, {n:periods})
    "word.times.0": "never", "word.times.1": "once", "word.times.2": "twice", "word.times.n": "{n} times",
    "word.week.zero": "no weeks", "word.week.one": "1 week", "word.week.many": "{n} weeks",
    "word.day.zero": "no days", "word.day.one": "1 day", "word.day.many": "{n} days",

    # ---- pricing: labels
    "confidence.high": "high", "confidence.medium": "medium", "confidence.low": "low",
    "confidence.not estimable": "not estimable",
    "flag.positive": "demand rose with price (positive elasticity)",
    "flag.implausible": "implausibly strong reaction to price",
    "pool.all": "all products", "pool.category": "category '{name}'",
    "pool.none": "none (fewer than {min_skus} products to pool)", "pool.off": "none (pooling off)",
    "goal.profit": "gross profit", "goal.revenue": "revenue",
    "edge.upper_limit": "upper limit", "edge.lower_limit": "lower limit",
    "edge.minimum_margin": "minimum margin",
    "cost.products_table": "products table", "cost.unknown": "unknown",
    "cost.assumed_margin": "assumed {margin:g} % margin",
    "source.own": "own data", "source.group": "group prior ({toward})",
    "common.yes": "yes", "common.no": "no",

    # ---- pricing: why an estimate is (not) trustworthy (parts of reason_code)
    "positive": "elasticity came out positive ({elasticity:+.1f}): demand rose with price, so "
                "something else (promotions, season, stock-outs, customer mix) drives the data; "
                "not used for recommendations",
    "implausible": "elasticity {elasticity:.1f} is implausibly strong (below {limit:g}); likely "
                   "driven by a few unusual periods; not used for recommendations",
    "own_positive": "own data alone gave a positive elasticity ({own:+.1f}); the value shown leans on {toward}",
    "own_implausible": "own data alone gave an implausibly strong elasticity ({own:.1f}); the value "
                       "shown leans on {toward}",
    "well_supported": "price changed {changes:times} in {span:periods}; {pct:g} % interval "
                      "{low:.2f} to {high:.2f}; shrinkage {shrink:d} %",
    "few_changes": "price changed only {changes:times} in {span:periods}",
    "few_periods": "only {periods:periods} with sales",
    "mostly_borrowed": "mostly borrowed from {toward} (shrinkage {shrink:d} %)",
    "wide_interval": "wide {pct:g} % interval ({low:.1f} to {high:.1f})",
    "summary": "price changed {changes:times} in {span:periods}; shrinkage {shrink:d} %; "
               "{pct:g} % interval {low:.1f} to {high:.1f}",
    # not estimable
    "no_periods": "{periods:periods} with sales",
    "too_few_periods": "only {periods:periods} with sales (at least {min_periods:d} needed)",
    "price_never_changed": "price never changed in {span:periods}",
    "too_few_levels": "only {levels:d} price levels in {span:periods} (at least {min_levels:d} needed)",
    "collinear": "price moved in step with the trend; their effects cannot be told apart",
    "tier_few_changes": "this tier's own price changed only {changes:times} in {span:periods} "
                        "(at least {min_changes:d} needed); the standard tier's estimate applies",

    # ---- pricing: best price
    "no_recommendation": "no recommendation: {why}",
    "cannot_estimate": "the elasticity cannot be estimated ({reason})",
    "flagged": "the elasticity is flagged: {flag} ({reason})",
    "confidence_too_low": "confidence is {confidence} ({reason})",
    "no_recent_sales": "no recent sales to base a price on",
    "cost_unknown": "unit cost unknown; give unit costs or an assumed margin",
    "margin_unreachable": "no price within ±{max_change:g} % of today's {price:.2f} reaches the "
                          "{min_margin:g} % minimum margin (that needs at least {floor:.2f})",
    "no_price_with_ending": "no price ending in {ending} lies between {low:.2f} and {high:.2f} "
                            "(±{max_change:g} % of today's {price:.2f})",
    "keep_price": "keep today's price {price:.2f}: no allowed price earns more {goal}",
    "recommend": "{new_price:.2f} ({change:+.1f} %) gives expected {goal} {expected:,.2f} per period "
                 "vs {today:,.2f} today; better than today's price in {prob:.0f} % of the elasticity draws",
    "at_upper_limit": "the optimum sits at the +{max_change:g} % limit and the model would go higher: "
                      "raise in steps and watch sales",
    "at_lower_limit": "the optimum sits at the -{max_change:g} % limit and the model would go lower: "
                      "cut in steps and watch sales",
    "at_minimum_margin": "the {min_margin:g} % minimum margin stops a lower price",

    # ---- pricing v2: decision caveats (ecom_models.pricing.decision)
    "edge.highest_tried": "highest price tried", "edge.lowest_tried": "lowest price tried",
    "cost.category_margin": "category margin table",
    "at_highest_tried": "the optimum sits at the highest price this product has sold at; "
                        "beyond it the model would only be extrapolating",
    "at_lowest_tried": "the optimum sits at the lowest price this product has sold at; "
                       "beyond it the model would only be extrapolating",
    "revenue_ignores_costs": "the revenue goal ignores costs: more revenue can mean less profit",
    "outside_tried": "{outside:.2f} looks better still, but it lies outside anything you have tried "
                     "({low:.2f} to {high:.2f}): test it first",
    "costs_needed": "without unit costs the answer follows the margin you assume: enter costs, "
                    "or a margin per category",
    "break_even": "today's price is right if the elasticity is {elasticity:.2f} (at {margin:g} % margin); "
                  "chance that the product reacts more strongly: {prob:.0f} %",
    # ---- pricing: what-if notes per product
    "note_no_elasticity": "no elasticity available ({confidence}, and no group to borrow from)",
    "note_group_prior": "no own estimate ({confidence}): uses the {toward} value",
    "note_flagged": "elasticity flagged ({flag}): treat with caution",
    "note_no_sales": "no recent sales: baseline is zero",
    "note_cost_unknown": "unit cost unknown: profit not computed",

    # ---- ingest: where
    "where.file": "{file}", "where.no_file": "the file", "where.line": "line {line}",
    "where.column": "column '{column}'",

    # ---- ingest: rejections
    "gzip_damaged": "the gzip archive is damaged ({detail})",
    "xls_old": "this is an old Excel 97 (.xls) workbook",
    "xlsx_renamed": "this file is an Excel workbook (.xlsx) renamed to '{ext}', not CSV text",
    "not_xlsx": "the file ends in .xlsx but is not an Excel workbook",
    "empty_file": "the file is empty",
    "header_unreadable": "the header line cannot be read",
    "csv_unparsable": "the file cannot be parsed as CSV ({detail})",
    "field_count": "this row has {fields:d} fields, the header has {expected:d}",
    "field_count_many": "this row has {fields:d} fields, the header has {expected:d} ({count:,d} such lines in all)",
    "no_data_rows": "the file has a header but no data rows",
    "unterminated_quote": "a quoted value is never closed (unterminated quote)",
    "row_unreadable": "the row cannot be read ({detail})",
    "xlsx_unreadable": "the Excel workbook cannot be read ({detail})",
    "sheet_empty": "the workbook's first sheet is empty",
    "xlsx_no_data_rows": "the workbook has a header but no data rows",
    "encoding_invalid": "the file looks like {codec} text but is not valid {codec} (byte {byte:d})",
    "nul_bytes": "the file is not text (it contains NUL bytes)",
    "binary": "the file is not text (it contains binary data)",
    "mixed_encoding": "the file mixes encodings: it is UTF-8, but this line holds a byte that is not valid UTF-8",
    "encoding_unknown": "the text encoding of the file could not be recognised",
    "file_too_large": "the file is {size_mb:,.0f} MB, above the upload limit of {limit_mb:,.0f} MB",
    "unknown_format": "the format was not recognised from the header ({columns})",
    "missing_columns": "required columns are missing for {format}: {fields}. The file has: {columns}",
    "mapping_unknown_columns": "the mapping names columns the file does not have: {columns}",
    "bad_number": "'{value}' is not a number ({count:,d} such value(s) in this column)",
    "bad_date": "'{value}' is not a valid date for the format {format} ({count:,d} such value(s))",
    "dates_unreadable": "the dates are in a format that cannot be recognised",
    "cannot_open": "the file cannot be opened ({detail})",
    "disk_full": "the disk is full or refuses writes: nothing was imported",

    # ---- ingest: what to do
    "hint.recompress": "compress the export again or upload it uncompressed",
    "hint.save_as_xlsx": "save it as .xlsx or CSV in Excel and upload that",
    "hint.real_xlsx_name": "upload it under its real .xlsx name, or save it as CSV in Excel",
    "hint.resave_xlsx_or_csv": "open it in Excel and save it again as .xlsx, or upload it as CSV",
    "hint.resave_xlsx": "open it in Excel and save it again as .xlsx",
    "hint.first_sheet": "put the export on the first sheet",
    "hint.export_again_rows": "export the data again; the export contained no rows",
    "hint.choose_again": "choose the exported file again; it has no rows and no header",
    "hint.reexport_or_fix_line": "export the file again from your shop system, or fix that line in a text editor",
    "hint.reexport_utf8": "export the file again as CSV (UTF-8) from your shop system",
    "hint.fix_line": "fix or remove that line",
    "hint.value_missing": "a value is missing or a delimiter was lost",
    "hint.unquoted_delimiter": "a value contains an unquoted delimiter",
    "hint.close_quote": "close the quote or remove the stray '\"'",
    "hint.export_period": "export a period that contains orders",
    "hint.shorter_range": "export a shorter date range and import the parts one by one",
    "hint.check_settings": "check the import settings",
    "hint.check_path": "check the path",
    "hint.free_disk": "free some disk space and import again",
    # hints naming a control: page wording here, CLI wording in CLI below
    "hint.skip_bad_rows": "or tick 'Skip malformed rows' in the import settings to leave such rows out",
    "hint.map_columns": "choose the matching column for each missing field in the column mapping, "
                        "or pick another format",
    "hint.date_format": "choose the date format in the import settings",
    "hint.decimal": "correct the value, or choose the other decimal mark in the import settings "
                   "(detected: '{decimal}')",
    "hint.generic_format": "choose the shop system, or the generic format with a column mapping",
    "hint.currency": "set the currency in the import settings",
    "hint.replace_orders": "tick 'Remove lines the file no longer has' to remove them",

    # ---- ingest: warnings and notes
    "duplicate_header": "{file}, line {line:d}: the header '{name}' appears more than once; "
                        "column {index:d} was renamed '{renamed}'",
    "date_ambiguous": "The dates are ambiguous: every value could be day-first or month-first "
                      "('{value}' is {day_first} read day-first but {month_first} read month-first). "
                      "They are read {chosen} ({chosen_format}); choose {other} ({other_format}) "
                      "if that is how your shop writes dates.",
    "order.day_first": "day-first", "order.month_first": "month-first",
    "dates_read_as": "dates read as {format}, e.g. '{value}' = {reading}",
    "dates_iso_mixed": "ISO dates, some with and some without a time, e.g. '{value}' = {reading}",
    "no_date_text": "the column holds no date text (it is empty, or the cells are already dates)",
    "no_date_format_fits": "no known date format fits the values, e.g. '{value}'",
    "value_fits_no_date_format": "the value '{value}' fits no known date format",
    "mixed_date_formats": "no single date format fits every value: most read as {format}, "
                          "but '{value}' does not",
    # ---- ingest: normalising, storing (ecom_models/ingest/normalize.py, pipeline.py, shop_rules.py,
    # currencies.py, customers.py); a field is named by field.<name>, a layout by format.<name>
    "missing_field": "{field} (e.g. '{example}')",
    "column_ambiguous": "the header '{column}' appears {count:d} times (columns {positions}), so it is "
                        "unclear which one holds {field}",
    "beyond_bound": "the {what} {value} is beyond any real order line ({count:,d} such line(s))",
    "what.quantity": "quantity", "what.price": "price", "what.amount": "amount (quantity × price)",
    "currency_contradicts": "'{value}' is in {found}, but this file's prices are in {currency} "
                            "({count:,d} such value(s))",
    "product_not_json": "the product cell is not valid JSON",
    "store_readonly": "the store {db} cannot be written: nothing was imported",
    "store_write_failed": "the store {db} could not be written ({detail}): nothing was imported",
    "hint.pick_from": "pick from: {columns}",
    "hint.rename_duplicates": "rename the duplicate headers in the file, or map the field to another column",
    "hint.correct_date": "correct the date (impossible dates such as 31.02. are rejected) or choose "
                         "another date format",
    "hint.correct_export": "correct the value in the export",
    "hint.upload_too_large": "compress it with gzip (exports shrink about 6×; .gz files are read "
                             "directly), import it on the command line, which has no limit, or export "
                             "a shorter date range",
    "hint.one_currency": "export the file in one currency, or import it with the generic format and "
                         "its currency chosen in the import settings",
    "hint.reexport_magento": "export the orders again from Magento",
    "hint.store_permissions": "check the permissions of the store's folder",
    "hint.try_again": "try again; if it keeps failing, check the disk",
    "no_sku": "{count:,d} line(s) have no SKU; their product name is used as SKU",
    "prices_gross": "{count:,d} line(s) had prices including VAT; they are stored net of VAT "
                    "(price ÷ (1 + VAT rate))",
    "no_price": "{count:,d} line(s) have no price: they count as units but add no revenue",
    "currency_from_signs": "currency {currency} taken from the currency signs in the prices",
    "no_currency": "the file names no currency; set one in the import settings",
    "unknown_countries": "country names without an ISO code, kept as written: {names}",
    "no_date_column": "the file has no order date column: its lines count in totals but not in "
                      "charts over time",
    "duplicate_skus": "{count:,d} SKU(s) appear more than once; the last row of each is used",
    "pseudonyms": "customer ids are stored as keyed pseudonyms, never in clear (e-mail addresses included)",
    "unknown_shopware_countries": "Shopware country id(s) without a known country: {ids}",
    "duplicate_customers": "{count:,d} customer number(s) appear more than once; the last row is used",
    "customers_pseudonymised": "customer numbers are stored as keyed pseudonyms; e-mail addresses, "
                               "names and addresses are not read",
    # skipped rows: report["skipped_reasons"] keys are these English texts
    "skip.no_order_number": "no order number", "skip.no_sku_no_name": "no SKU and no product name",
    "skip.not_a_number": "value is not a number", "skip.bad_date": "date cannot be read",
    "skip.no_quantity": "no quantity", "skip.beyond_bound": "value beyond any real order line",
    "skip.customer_group": "customer group {group} (only end-customer prices EK are used)",
    "skip.graduated_price": "graduated price from quantity {start}", "skip.no_sku": "no SKU",
    "skip.no_customer_number": "no customer number",
    "skip.aborted_checkout": "aborted checkout (order status -1): never an order",
    "skip.download_footer": "download footer (record count / seller id)",
    "skip.settlement_summary": "settlement summary row (totals of the whole settlement)",
    # canonical fields (English: the name --map takes)
    "field.order_id": "order_id", "field.line_id": "line_id", "field.ordered_at": "ordered_at",
    "field.sku": "sku", "field.product_name": "product_name", "field.category": "category",
    "field.quantity": "quantity", "field.unit_price": "unit_price", "field.line_total": "line_total",
    "field.currency": "currency", "field.customer_id": "customer_id", "field.country": "country",
    "field.status": "status", "field.line_mode": "line_mode", "field.vat_rate": "vat_rate",
    "field.customer_group": "customer_group", "field.unit_cost": "unit_cost",
    "field.current_price": "current_price", "field.sale_price": "sale_price", "field.stock": "stock",
    "field.price_group": "price_group", "field.from_quantity": "from_quantity",
    # export layouts (ecom_models/ingest/presets.py: label and notes, same English there)
    "format.online-retail": "UCI Online Retail", "format.shopify": "Shopify orders export",
    "format.shopware": "Shopware 5 orders export", "format.magento": "Magento orders",
    "format.amazon-sales": "Amazon Sale Report",
    "format.amazon-settlement": "Amazon settlement report (flat file)",
    "format.ebay": "eBay Selling Manager sales history", "format.etsy": "Etsy sold order items",
    "format.shopware-prices": "Shopware 5 article prices", "format.shopware-stock": "Shopware 5 article stock",
    "format.shopware-customers": "Shopware 5 customers", "format.woocommerce": "WooCommerce products",
    "format.magento-products": "Magento products", "format.shopify-products": "Shopify products",
    "format.generic": "Generic orders (column mapping)",
    "note.online-retail.1": "Invoices starting with C are cancellations; pseudo stock codes (POST, M, "
                            "BANK CHARGES, ...) are kept as non-product lines.",
    "note.shopify.1": "One row per line item; order-level fields are carried from each order's first row.",
    "note.shopify.2": "Shipping and discounts become non-product lines.",
    "note.shopware.1": "Lines with mode ≠ 0 (vouchers, discounts, payment surcharges) are non-product "
                       "lines. Order status 4 (cancelled) is netted; status -1 (checkout aborted, never "
                       "ordered) is skipped.",
    "note.shopware.2": "Prices are stored net of VAT: gross prices (net = 0) are divided by 1 + taxRate; "
                       "the order's net shipping becomes a non-product line.",
    "note.shopware.3": "The country comes from the customers export (import it too).",
    "note.magento.1": "The product column holds JSON ({{\"sku\": ..., \"qty\": ...}}).",
    "note.amazon-sales.1": "Cancelled and returned lines are kept and netted.",
    "note.amazon-settlement.1": "Principal amounts become product lines; fees, shipping and promotions "
                                "non-product lines.",
    "note.amazon-settlement.2": "Each settlement row is an event: a refund in a later report adds to "
                                "its order and never replaces the sale.",
    "note.ebay.1": "The download's padding lines and its record-count footer are left out.",
    "note.etsy.1": "Etsy listings are the products (the SKU column is usually empty).",
    "note.shopware-customers.1": "Customers give their orders a country (billing country). E-mail "
                                 "addresses, names, addresses and password hashes are not read; "
                                 "customer numbers are stored as keyed pseudonyms.",
    # ---- bundles (ecom_models/bundles): suggestion reasons, sureness, what-if notes
    "bundle.reason.together": "bought together {lift:.1f}× as often as chance would give, in {count:,d} orders "
                              "({attach_ab:.0f} % of the orders with {name_a}, {attach_ba:.0f} % of those with {name_b})",
    "bundle.reason.sleeper": "sleeper rescue: {slow} sells slowly (rank {slow_rank:d} of {sold:d}), but "
                             "{attach:.0f} % of its orders also hold the best-seller {best}",
    "bundle.sure.very_sure": "very sure", "bundle.sure.sure": "sure", "bundle.sure.not_sure": "not sure",
    "bundle.note.elasticity_assumed": "price response assumed at {value:.1f} for {names} (the pricing "
                                      "model has no usable estimate)",
    "bundle.note.pricing_unavailable": "the pricing model could not be used; the assumed price response applies",
    "bundle.note.cost_assumed": "unit cost unknown for {names}: assumed {margin:g} % margin",
    "bundle.note.few_together": "only {count:d} orders held all of these products: the estimate is rough",
    "bundle.note.capped": "the price cut would convert more orders than hold part of the bundle; "
                          "capped at those orders",
    "bundle.note.takeup_all": "assumes every order that already holds all of the products takes the "
                              "bundle (the most it can cannibalise)",
    "bundle.note.not_modelled": "not counted: new customers the bundle may attract, and orders buying "
                                "more than one bundle",

    # ---- forecasting (ecom_models/forecasting): method names and what-if notes
    "model.seasonal_naive": "seasonal naive (baseline)", "model.naive": "last week (naive)",
    "model.moving_average": "moving average", "model.ses": "exponential smoothing",
    "model.damped_holt": "smoothing with damped trend", "model.sba": "Croston–SBA (sparse sales)",
    "model.tsb": "TSB (sparse sales)", "model.seasonal_ratio": "last year's weeks × growth",
    "model.seasonal_ets": "seasonal exponential smoothing", "model.global_boosting": "gradient boosting across products",
    "forecast.no_elasticity": "no price elasticity is available for this product, so the price change "
                              "does not move the forecast",
    "forecast.elasticity_borrowed": "this product's own elasticity could not be estimated; the shop's "
                                    "typical elasticity ({e:.2f}) is used",
    "forecast.stock_unknown": "stock on hand unknown: type it in for an order suggestion",
    # markets (ecom_models/markets)
    "market.breakeven_fx": "the margin is zero at {rate:.4f} local units per base unit ({move_pct:+.1f} % from today's rate)",
    "market.loss": "this sale loses money at these assumptions",
    "market.regime.domestic": "domestic sale: home VAT, no customs",
    "market.regime.eu_home_vat": "EU distance sale under the EUR {threshold:,.0f} OSS threshold: home VAT ({home}) applies",
    "market.regime.eu_oss": "EU distance sale over the EUR {threshold:,.0f} OSS threshold: destination VAT via OSS",
    "market.regime.import_ioss": "import into the EU up to {currency} {limit:,.0f}: VAT collected at sale (IOSS), no duty",
    "market.regime.import_uk135": "UK consignment up to {currency} {limit:,.0f}: UK VAT charged at sale, no duty",
    "market.regime.import_voec": "Norway, item under {currency} {limit:,.0f}: VAT at sale (VOEC), no duty",
    "market.regime.import_border": "above the {currency} {limit:,.0f} limit: import VAT and duty at the border, carrier fee",
    "market.regime.import_ch": "Switzerland: import VAT and carrier clearance fee (duty default 0 %: industrial tariffs abolished 2024)",
    "market.regime.import_ch_below_minimum": "Switzerland: import VAT not levied (tax at most {currency} {minimum:,.0f}); carrier clearance fee",
    "market.regime.import_no_de_minimis": "no duty-free limit: duty on every parcel, carrier brokerage fee",
    # ---- portfolio (issue 20): why a product is a sleeper, and what to do
    "portfolio.reason.idle": "no sale for {days} days",
    "portfolio.reason.declining": "units down {trend:.0f} % on the 13 weeks before",
    "portfolio.reason.slow_cover": "stock lasts {cover:.0f} weeks at the recent rate",
    "portfolio.action.reduce_price": "reduce the price: demand reacts strongly (elasticity {elasticity:.1f}, "
                                     "90 % {low:.1f} to {high:.1f}); a {cut:.0f} % cut should sell about "
                                     "{units_pct:+.0f} % more units",
    "portfolio.action.bundle": "bundle it with {partner} {partner_name} (bought together in {together:,d} "
                               "orders, {lift:.1f}× more often than chance)",
    "portfolio.action.delist": "delist it: stop reordering and clear the stock",
    "rfm.champions": "champions", "rfm.loyal": "loyal", "rfm.new": "new", "rfm.promising": "promising",
    "rfm.attention": "need attention", "rfm.at_risk": "at risk", "rfm.hibernating": "hibernating",
    "nps.bad_score": "'{value}' is not a score from 0 to 10",
    "nps.no_score_column": "no score column found (looked for {names})",
    "nps.unknown_column": "the file has no column '{column}'",
    "nps.no_responses": "the file holds no answered score",
    "nps.bad_date": "'{value}' is not a date",
    "hint.nps_score": "correct the value (whole numbers 0–10), or clear it to leave the response out",
    "hint.nps_column": "name the score column (CLI: --score-column NAME)",
}

CLI = {
    "hint.skip_bad_rows": "or rerun with --skip-bad-rows to leave such rows out",
    "hint.map_columns": "choose the matching column for each missing field in the mapping "
                        "(CLI: --map FIELD=COLUMN), or pick another format",
    "hint.date_format": "choose the date format in the import settings (CLI: --date-format, e.g. %d.%m.%Y)",
    "hint.decimal": "correct the value, or choose the other decimal mark (detected '{decimal}'; "
                   "CLI: --decimal)",
    "hint.one_currency": "export the file in one currency, or import it with its currency chosen in "
                         "the import settings (CLI: --currency) and the generic format",
    "hint.store_permissions": "check the folder's permissions or choose another store (--db)",
    "no_currency": "the file names no currency; set one with --currency",
    "hint.generic_format": "choose the shop system, or the generic format with a column mapping "
                           "(CLI: --format generic --map sku=COLUMN ...)",
    "hint.currency": "set the currency (CLI: --currency EUR)",
    "hint.replace_orders": "rerun with --replace-orders to remove them",
}
