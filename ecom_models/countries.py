"""Countries as ISO 3166-1 alpha-2 codes; names only for display.

The store keeps a country as its alpha-2 code (``"GB"``); pages show it in the user's
language with :func:`country_name` ("models speak in codes, pages in words",
docs/architecture.md §3).

Name tables come from libraries, not from this file:
- ``pycountry`` (ISO 3166-1): the official list of codes, alpha-3 codes, English short,
  official and common names;
- ``babel`` (Unicode CLDR): every territory's name in English, German, French and Spanish.

Only spellings that neither source knows live here, in :data:`ALIASES` (``EIRE``, ``RSA``,
``USA``, ``UK``, ``Holland``, ...).

Placeholders that are not one country map to ``None`` (see :data:`NOT_A_COUNTRY`):
``Unspecified``, ``European Community`` and ``Channel Islands``. The Channel Islands are
two ISO countries, Jersey (JE) and Guernsey (GG); picking one would misattribute sales,
so the name is kept as exported and reported as unknown.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import pandas as pd

__all__ = ["ALIASES", "NOT_A_COUNTRY", "SHOPWARE_COUNTRY_IDS", "country_name", "to_code",
           "to_codes"]

# Languages whose CLDR territory names are accepted as input (order = priority on a clash).
NAME_LANGUAGES = ("en", "de", "fr", "es")

# Export spellings that neither pycountry nor CLDR lists. Keys are compared after
# normalisation (case, accents, dots and spacing ignored).
ALIASES: dict[str, str] = {
    # United Kingdom: ISO reserves "UK" for GB; exports also name its nations.
    "UK": "GB", "Great Britain": "GB", "Britain": "GB", "Großbritannien": "GB",
    "Grossbritannien": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "Northern Ireland": "GB", "Vereinigtes Königreich Großbritannien": "GB",
    # Ireland: "EIRE" is the UCI Online Retail spelling.
    "EIRE": "IE", "Republic of Ireland": "IE",
    "USA": "US", "U.S.A.": "US", "United States of America": "US",
    "Vereinigte Staaten von Amerika": "US", "Estados Unidos de América": "US",
    "RSA": "ZA", "Republic of South Africa": "ZA",
    "UAE": "AE", "KSA": "SA",
    "Czech Republic": "CZ", "Tschechische Republik": "CZ",
    "Holland": "NL", "The Netherlands": "NL",
    "Bundesrepublik Deutschland": "DE", "BRD": "DE",
    # Names CLDR and ISO changed; old exports still carry the former ones.
    "Turkey": "TR", "Türkei": "TR", "Swaziland": "SZ", "Macedonia": "MK", "Burma": "MM",
    "Ivory Coast": "CI", "Cape Verde": "CV", "Vatican": "VA", "Macau": "MO",
    "Hong Kong": "HK", "Hongkong": "HK", "Palestine": "PS",
    # EU VAT prefix for Greece (Amazon VAT reports).
    "EL": "GR",
}

# Spellings that name no single country: always None, even if a source lists them.
NOT_A_COUNTRY: frozenset[str] = frozenset({
    "Unspecified", "Unknown", "European Community", "European Union", "EU",
    "Channel Islands",
})

# Shopware 5's default s_core_countries rows: id -> alpha-2 (column `countryiso`).
# Source: repository shopware/shopware, file _sql/install/latest.sql, INSERT INTO
# `s_core_countries` (commit 4ad34a30c3f9, Shopware 5 installer, 2017). Ids 1, 6, 17 and 19
# are not in that installer; countries a shop added later get installation-specific ids.
SHOPWARE_COUNTRY_IDS: dict[str, str] = {
    "2": "DE", "3": "AE", "4": "AU", "5": "BE", "7": "DK", "8": "FI", "9": "FR",
    "10": "GR", "11": "GB", "12": "IE", "13": "IS", "14": "IT", "15": "JP", "16": "CA",
    "18": "LU", "20": "NA", "21": "NL", "22": "NO", "23": "AT", "24": "PT", "25": "SE",
    "26": "CH", "27": "ES", "28": "US", "29": "LI", "30": "PL", "31": "HU", "32": "TR",
    "33": "CZ", "34": "SK", "35": "RO", "36": "BR", "37": "IL",
}


def _key(text: str) -> str:
    """Lookup key of a spelling: accents, case, dots, apostrophe style and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("’", "'").replace(".", " ").casefold()
    return " ".join(bare.split())


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-2 codes (pycountry)."""
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str | None]:
    """Normalised spelling -> alpha-2 code (or None for a placeholder). Built once; read only.

    Priority when two sources give one spelling different codes: placeholders, aliases,
    codes, pycountry names, then CLDR names in the order of NAME_LANGUAGES.
    """
    import pycountry
    from babel import Locale

    table: dict[str, str | None] = {}
    for name in NOT_A_COUNTRY:
        table[_key(name)] = None
    for name, code in ALIASES.items():
        table.setdefault(_key(name), code)
    iso = _iso_codes()
    for country in pycountry.countries:
        table.setdefault(_key(country.alpha_2), country.alpha_2)
        table.setdefault(_key(country.alpha_3), country.alpha_2)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                table.setdefault(_key(name), country.alpha_2)
    for lang in NAME_LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if code in iso:
                table.setdefault(_key(name), code)
    return table


def to_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of one export spelling, or None.

    In: a country as exported: an English, German, French or Spanish name
    (``"Deutschland"``, ``"United Kingdom"``), an export alias (``"EIRE"``, ``"USA"``), or an
    alpha-2/alpha-3 code (``"de"``, ``" DEU "``). Case, accents and spacing do not matter.
    Out: the upper-case alpha-2 code (``"DE"``), or None for an empty value, a placeholder
    (``"Unspecified"``, ``"European Community"``, ``"Channel Islands"``) or a name no source
    knows.
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    key = _key(str(name))
    return _lookup().get(key) if key else None


def to_codes(values: pd.Series) -> tuple[pd.Series, list[str]]:
    """Map a column of export spellings to alpha-2 codes, once per distinct value.

    In: a Series of country spellings (any dtype; missing values allowed).
    Out: ``(codes, unknown)``. ``codes`` has the same index and name, object dtype: the
    alpha-2 code where :func:`to_code` knows the spelling, the stripped original text where
    it does not (so nothing is lost), None where the value is missing or blank.
    ``unknown`` is the sorted list of those kept texts, for the import report.
    """
    labels, distinct = pd.factorize(values, use_na_sentinel=True)
    mapped: list[str | None] = []
    unknown: set[str] = set()
    for value in distinct:
        text = str(value).strip()
        code = to_code(text) if text else None
        if code is None and text:
            unknown.add(text)
            code = text
        mapped.append(code)
    table = pd.array(mapped + [None], dtype=object)  # the last slot serves NA (label -1)
    codes = pd.Series(table[labels], index=values.index, name=values.name, dtype=object)
    return codes, sorted(unknown)


@lru_cache(maxsize=8)
def _territories(lang: str) -> dict[str, str]:
    """CLDR territory names for one language (babel), e.g. ``{"GB": "United Kingdom"}``."""
    from babel import Locale

    return dict(Locale.parse(lang).territories)


def country_name(code: str | None, lang: str) -> str:
    """Display name of a stored country value in a UI language.

    In: an alpha-2 code as stored (``"GB"``) and a babel language (``"en"``, ``"de"``).
    Out: the CLDR name (``"United Kingdom"`` / ``"Vereinigtes Königreich"``). A value that is
    not an ISO alpha-2 code (an unknown name kept as exported) comes back unchanged; None
    becomes ``""``.
    """
    if code is None:
        return ""
    if code in _iso_codes():
        return _territories(lang).get(code, code)
    return code
