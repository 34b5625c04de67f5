"""Country spellings from exports -> ISO 3166-1 alpha-2 codes, and codes -> display names."""
from __future__ import annotations

import pandas as pd
import pycountry
import pytest

from ecom_models.countries import SHOPWARE_COUNTRY_IDS, country_name, to_code, to_codes
from tests.conftest import shared_path

ISO_CODES = sorted(c.alpha_2 for c in pycountry.countries)


@pytest.mark.parametrize(("spelling", "code"), [
    ("Germany", "DE"), ("Deutschland", "DE"), ("Österreich", "AT"), ("Schweiz", "CH"),
    ("United Kingdom", "GB"), ("UK", "GB"), ("Great Britain", "GB"), ("EIRE", "IE"),
    ("Ireland", "IE"), ("USA", "US"), ("United States", "US"), ("RSA", "ZA"),
    ("Czech Republic", "CZ"), ("Holland", "NL"), ("Turkey", "TR"), ("Hong Kong", "HK"),
])
def test_export_spellings_and_english_names(spelling, code):
    assert to_code(spelling) == code


@pytest.mark.parametrize(("spelling", "code"), [
    ("Frankreich", "FR"), ("Niederlande", "NL"), ("Vereinigtes Königreich", "GB"),
    ("Vereinigte Staaten", "US"), ("Tschechien", "CZ"), ("Großbritannien", "GB"),
    ("Belgien", "BE"), ("Dänemark", "DK"), ("Südafrika", "ZA"),
])
def test_german_names(spelling, code):
    assert to_code(spelling) == code


@pytest.mark.parametrize(("spelling", "code"), [
    ("Allemagne", "DE"), ("Royaume-Uni", "GB"), ("Suisse", "CH"),
    ("Alemania", "DE"), ("Reino Unido", "GB"), ("Países Bajos", "NL"),
])
def test_french_and_spanish_names(spelling, code):
    assert to_code(spelling) == code


@pytest.mark.parametrize(("spelling", "code"), [
    ("DE", "DE"), ("de", "DE"), (" De ", "DE"), ("DEU", "DE"), ("deu", "DE"), ("GBR", "GB"),
    ("che", "CH"), ("  germany  ", "DE"), ("UNITED   KINGDOM", "GB"), ("österreich", "AT"),
    ("Osterreich", "AT"), ("u.s.a.", "US"), ("eire", "IE"),
])
def test_codes_case_spaces_and_accents_do_not_matter(spelling, code):
    assert to_code(spelling) == code


@pytest.mark.parametrize("spelling", [
    "Unspecified", "European Community", "Channel Islands", "", "   ", None, "Atlantis",
    "EU",
])
def test_placeholders_and_unknown_names_have_no_code(spelling):
    assert to_code(spelling) is None


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_iso_country_round_trips_through_its_display_name(lang):
    # CLDR's display name of each ISO country must map back to that same code; a clash
    # between sources (one spelling, two countries) would break this.
    wrong = {c: (country_name(c, lang), to_code(country_name(c, lang))) for c in ISO_CODES
             if to_code(country_name(c, lang)) != c}
    assert wrong == {}


def test_to_codes_keeps_unknowns_reports_them_and_blanks_become_none():
    values = pd.Series([" Germany", "EIRE", "Atlantis ", None, "", "Unspecified", "Atlantis",
                        "DEU", float("nan")], index=list("abcdefghi"), name="country")
    codes, unknown = to_codes(values)
    assert codes.tolist() == ["DE", "IE", "Atlantis", None, None, "Unspecified", "Atlantis",
                              "DE", None]
    assert unknown == ["Atlantis", "Unspecified"]
    assert codes.index.tolist() == list("abcdefghi") and codes.name == "country"


def test_to_codes_on_an_empty_series():
    codes, unknown = to_codes(pd.Series([], dtype=object))
    assert codes.tolist() == [] and unknown == []


@pytest.mark.parametrize(("code", "en", "de"), [
    ("GB", "United Kingdom", "Vereinigtes Königreich"),
    ("DE", "Germany", "Deutschland"),
    ("AT", "Austria", "Österreich"),
    ("US", "United States", "Vereinigte Staaten"),
    ("IE", "Ireland", "Irland"),
])
def test_country_name_in_both_ui_languages(code, en, de):
    assert (country_name(code, "en"), country_name(code, "de")) == (en, de)


def test_country_name_leaves_non_codes_unchanged():
    assert country_name("Channel Islands", "de") == "Channel Islands"
    assert country_name("EU", "en") == "EU"  # CLDR names it, but it is no ISO country
    assert country_name(None, "en") == ""


def test_shopware_ids_hold_the_known_defaults_and_only_iso_codes():
    # Known for sure from Shopware 5 shops: 2 Germany, 5 Belgium, 21 Netherlands,
    # 23 Austria, 26 Switzerland.
    assert {k: SHOPWARE_COUNTRY_IDS[k] for k in ("2", "5", "21", "23", "26")} == {
        "2": "DE", "5": "BE", "21": "NL", "23": "AT", "26": "CH"}
    assert set(SHOPWARE_COUNTRY_IDS.values()) <= set(ISO_CODES)
    assert len(set(SHOPWARE_COUNTRY_IDS.values())) == len(SHOPWARE_COUNTRY_IDS)
    assert all(k.isdigit() for k in SHOPWARE_COUNTRY_IDS)


def test_all_uci_online_retail_countries_map():
    # Golden: the 38 distinct Country values of UCI Online Retail (541,909 rows);
    # 495,478 rows say "United Kingdom" (pandas value_counts on the raw column).
    raw = pd.read_csv(shared_path("online-retail", "online_retail.csv.gz"),
                      usecols=["Country"])["Country"]
    assert raw.nunique() == 38 and len(raw) == 541_909
    codes, unknown = to_codes(raw)
    assert unknown == ["Channel Islands", "European Community", "Unspecified"]
    known = {v for v in raw.unique() if v not in unknown}
    assert len(known) == 35 and all(to_code(v) in ISO_CODES for v in known)
    assert (codes == "GB").sum() == 495_478
    assert codes[raw == "EIRE"].eq("IE").all() and codes[raw == "RSA"].eq("ZA").all()
    assert codes[raw == "Unspecified"].eq("Unspecified").all()
