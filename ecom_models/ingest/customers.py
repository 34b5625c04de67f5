"""Customer exports: who the customer is (as a pseudonym in the store), where they live
(ISO country code) and their customer group. Only these three fields are read; e-mail
addresses, names, addresses and password hashes in the export are never touched.

Shopware 5 writes the billing country as its own numeric country id (2 = Germany);
``countries.SHOPWARE_COUNTRY_IDS`` turns it into an ISO code.
"""
from __future__ import annotations

import pandas as pd

from ..countries import SHOPWARE_COUNTRY_IDS, to_codes
from ..messages import Message
from .numbers import clean_id
from .presets import Preset
from .reader import RawTable

CUSTOMER_COLUMNS = ["customer_id", "country", "customer_group", "source_line"]


def normalize_customers(raw: RawTable, preset: Preset, opts, file: str):
    """Canonical customers from ``raw``: customer_id (as exported), country, customer_group."""
    from .normalize import Normalized, _map, _skipped, add_reason, no_reasons

    frame, cols = _map(raw, preset, opts, file, preset.required)
    warnings = list(raw.warnings)
    ids = clean_id(frame["customer_id"].astype(str))
    reasons = add_reason(no_reasons(frame.index), ids.isna(), Message("skip.no_customer_number"))
    country = frame["country"].astype(str).str.strip() if "country" in frame else pd.Series(None, index=frame.index)
    if preset.channel == "shopware":
        mapped = country.map(SHOPWARE_COUNTRY_IDS)
        unknown_ids = sorted(set(country[mapped.isna() & (country != "")]))
        if unknown_ids:
            warnings.append(Message("unknown_shopware_countries", {"ids": unknown_ids[:10]}))
        country = mapped
        unknown = []
    else:
        country, unknown = to_codes(country.replace("", None))
    if unknown:
        warnings.append(Message("unknown_countries", {"names": list(unknown[:10])}))
    group = frame["customer_group"].astype(str).str.strip().replace("", None) if "customer_group" in frame else None
    out = pd.DataFrame({"customer_id": ids, "country": country, "customer_group": group,
                        "source_line": frame["_line"].astype(int)})
    skipped = _skipped(frame, reasons)
    out = out.loc[(reasons == "").to_numpy()]
    dup = out["customer_id"].duplicated(keep="last")
    if dup.any():
        warnings.append(Message("duplicate_customers", {"count": int(dup.sum())}))
        out = out.loc[~dup]
    warnings.append(Message("customers_pseudonymised"))
    facts = {"decimal": None, "date_format": None, "date_ambiguous": False,
             "date_candidates": [], "columns": cols, "reversed": 0}
    return Normalized(out.reset_index(drop=True)[CUSTOMER_COLUMNS], facts, warnings, skipped)
