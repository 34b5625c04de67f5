"""NPS and its interval by hand, the survey reader (UTF-8 and Latin-1 exports, bad input
naming file/line/column, nothing written), the survey store and the CLI (issue 20)."""
from __future__ import annotations

import json
import math
import subprocess
import sys

import pandas as pd
import pytest

from ecom_models.customers.nps import detractor_words, nps, nps_by, nps_trend, read_survey
from ecom_models.ingest.errors import IngestError
from ecom_models.store.surveys import list_surveys, save_survey, survey_responses
from tests.conftest import FIXTURES, REPO, snapshot


def test_nps_and_interval_by_hand():
    # 10 answers: 9, 10, 10, 9, 8, 7, 6, 3, 0, 10 -> promoters 5, passives 2, detractors 3
    # NPS = 100 (0.5 − 0.3) = 20. Var(p̂ − d̂) = (0.5 + 0.3 − 0.2²) / 10 = 0.076; se = 100 √0.076 = 27.568
    # 95 %: 20 ± 1.959964 × 27.568 = −34.03 … 74.03
    r = nps([9, 10, 10, 9, 8, 7, 6, 3, 0, 10])
    assert (r.n, r.promoters, r.passives, r.detractors) == (10, 5, 2, 3)
    assert r.nps == pytest.approx(20.0)
    assert r.ci_low == pytest.approx(20 - 1.959964 * 100 * math.sqrt(0.076), abs=1e-4)
    assert r.ci_high == pytest.approx(74.0325, abs=1e-3)
    # all promoters: no spread, the interval is the point; clipped at ±100 otherwise
    assert nps([10, 9, 9]).ci_low == 100.0
    assert nps([0, 10]).ci_low == -100.0 and nps([0, 10]).ci_high == 100.0


def test_the_interval_covers_the_truth_about_95_percent_of_the_time():
    import numpy as np
    rng = np.random.default_rng(1)
    truth = 100 * (0.45 - 0.25)
    hits = 0
    for _ in range(2000):
        draws = rng.choice([10, 8, 3], size=400, p=[0.45, 0.30, 0.25])
        r = nps(draws)
        hits += r.ci_low <= truth <= r.ci_high
    assert 0.93 <= hits / 2000 <= 0.97


def test_latin1_survey_with_umlauts_is_read():
    raw = (FIXTURES / "survey_latin1.csv").read_bytes()
    assert "Händler".encode("latin-1") in raw
    survey = read_survey(raw, "survey_latin1.csv")
    assert survey.detected["encoding"] in ("cp1252", "latin-1", "iso-8859-1")
    assert survey.columns == {"score": "Bewertung", "date": "Datum", "segment": "Kundengruppe", "comment": "Kommentar"}
    r = survey.responses
    assert survey.blank == 1 and len(r) == 9                  # the line without a score is left out
    assert set(r["segment"]) == {"Endkunde", "Händler"}
    assert r.loc[r["line"] == 10, "comment"].iloc[0].endswith("in München")
    assert r["answered_on"].iloc[0] == "2024-01-03"            # 03.01.2024, day first
    # scores 10 9 3 6 7 8 0 10 5: promoters 3, passives 2, detractors 4 -> NPS 100 (3 − 4) / 9 = −11.1
    assert nps(r["score"]).nps == pytest.approx(-100 / 9)
    by = nps_by(r, "segment").set_index("segment")
    assert by.loc["Händler", "nps"] == pytest.approx(25.0)    # 9, 7, 10, 5 -> (2 − 1) / 4
    words = detractor_words(r).set_index("word")["count"]
    assert words["lieferung"] == 3 and "die" not in words.index
    assert list(nps_trend(r)["n"]) == [4, 4, 1]


def test_utf8_survey_trend_and_words():
    survey = read_survey((FIXTURES / "survey_utf8.csv").read_bytes(), "survey_utf8.csv")
    trend = nps_trend(survey.responses)
    # March: 10 9 9 8 6 2 -> (3 − 2) / 6 = 16.7; April: 10 4 7 9 -> (2 − 1) / 4 = 25
    assert list(trend["nps"].round(1)) == [16.7, 25.0]
    assert detractor_words(survey.responses).iloc[0].to_dict() == {"word": "shipping", "count": 3}


@pytest.mark.parametrize("text, line, value", [("score\n5\n11\n", 3, "11"), ("score\n5\n7.5\n", 3, "7.5"),
                                               ("x;score\na;9\nb;gut\n", 3, "gut")])
def test_a_bad_score_names_file_line_and_column(text, line, value):
    with pytest.raises(IngestError) as caught:
        read_survey(text.encode(), "umfrage.csv")
    err = caught.value
    assert (err.file, err.line, err.column) == ("umfrage.csv", line, "score")
    assert value in err.render("de") and "0–10" in err.render("de")


def test_a_file_without_a_score_column_asks_for_it():
    with pytest.raises(IngestError) as caught:
        read_survey(b"name,text\na,b\n", "s.csv")
    assert "--score-column" in caught.value.hint
    assert read_survey(b"name,wie\na,9\n", "s.csv", score_column="wie").responses["score"].tolist() == [9]


def test_store_round_trip_is_idempotent_and_a_bad_file_writes_nothing(db):
    raw = (FIXTURES / "survey_latin1.csv").read_bytes()
    survey = read_survey(raw, "survey_latin1.csv")
    first = save_survey(db, "survey_latin1.csv", raw, survey.responses, survey.blank)
    assert first[1] is True and save_survey(db, "again.csv", raw, survey.responses)[1] is False
    assert len(list_surveys(db)) == 1
    back = survey_responses(db, first[0])
    pd.testing.assert_frame_equal(back, survey.responses.reset_index(drop=True), check_dtype=False)
    before = snapshot(db)
    with pytest.raises(IngestError):
        read_survey(b"score\n5\n12\n", "bad.csv")            # rejected while reading: nothing to save
    assert snapshot(db) == before


def test_cli_nps_json():
    out = subprocess.run([sys.executable, "-m", "ecom_models", "nps", str(FIXTURES / "survey_utf8.csv"), "--json"],
                         cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["nps"] == pytest.approx(20.0) and record["n"] == 10
    assert record["ci_low"] == pytest.approx(-34.03, abs=0.01)
    assert (record["promoters"], record["passives"], record["detractors"]) == (5, 2, 3)
