"""Net Promoter Score from a survey export, with a confidence interval.

Scores 0–10 ("How likely are you to recommend us?"): promoters 9–10, passives 7–8,
detractors 0–6 (Reichheld 2003, "The One Number You Need to Grow", HBR). With p̂ and d̂
the shares of promoters and detractors among n answers,

    NPS = 100 · (p̂ − d̂)
    Var(p̂ − d̂) = [p̂ + d̂ − (p̂ − d̂)²] / n

(the answers are one trinomial draw: Var p̂ = p(1−p)/n, Var d̂ = d(1−d)/n,
Cov(p̂, d̂) = −pd/n). The interval is the Wald interval NPS ± z · 100 · √Var, clipped to
[−100, 100] (Rocks, B. (2016), "Interval Estimation for the 'Net Promoter Score'",
The American Statistician 70(4), 365–372, discusses it and its small-sample behaviour).

``read_survey(raw, file, score_column=None)`` reads the export with the app's own
sniffing (encoding such as Latin-1/cp1252, delimiter; ``ecom_models.ingest.reader``) and
finds the score, date, segment and comment columns by name (English and German headers).
A value that is not a whole number 0–10 raises ``IngestError`` naming file, line and
column; a blank score is an unanswered question and is left out (counted). Nothing is
stored by reading.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

SCORE_NAMES = ("nps", "score", "nps score", "rating", "recommend", "likelihood to recommend", "bewertung",
               "empfehlung", "weiterempfehlung", "punkte", "note", "wert")
DATE_NAMES = ("date", "datum", "submitted", "submitted at", "created", "created at", "timestamp", "zeitpunkt",
              "response date", "antwortdatum")
SEGMENT_NAMES = ("segment", "group", "gruppe", "customer group", "kundengruppe", "channel", "kanal", "country",
                 "land", "typ", "type")
COMMENT_NAMES = ("comment", "comments", "kommentar", "feedback", "text", "anmerkung", "reason", "begründung",
                 "grund", "why", "warum", "freitext")
STOPWORDS = frozenset("""
a an and are as at be been but by for from had has have i if in into is it its just me my no not of on or our
so than that the their them then there they this to too us very was we were what when which who will with you
your would could should did do does dont can cant im ive also more much get got one all any
der die das und ist nicht ein eine einen einem einer es ich sie wir ihr mit von zu zum zur im in am an auf
aus bei für war waren wird werden hat haben hatte sehr aber auch noch nur so wie als oder dass den dem des
mir mich mein meine kein keine man schon immer mal da dann doch bin sind ja nein nach über unter um
""".split())
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class NpsResult:
    """``n`` answers; ``promoters``/``passives``/``detractors`` counts; ``nps`` in −100…100;
    ``ci_low``/``ci_high`` at ``level``."""

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float
    ci_low: float
    ci_high: float
    level: float = 0.95


def nps(scores, level: float = 0.95) -> NpsResult:
    """NPS of integer scores 0–10 (see the module docstring); NaN figures for no scores."""
    from scipy.stats import norm

    s = np.asarray(scores, dtype=float)
    s = s[~np.isnan(s)]
    n = s.size
    pro, det = int((s >= 9).sum()), int((s <= 6).sum())
    if n == 0:
        return NpsResult(0, 0, 0, 0, float("nan"), float("nan"), float("nan"), level)
    p, d = pro / n, det / n
    se = 100 * np.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    z = norm.ppf(0.5 + level / 2)
    value = 100 * (p - d)
    return NpsResult(n, pro, n - pro - det, det, float(value), float(max(-100.0, value - z * se)),
                     float(min(100.0, value + z * se)), level)


def nps_by(responses: pd.DataFrame, by: str) -> pd.DataFrame:
    """NPS per value of ``by`` (e.g. ``segment``): ``by``, n, promoters, passives,
    detractors, nps, ci_low, ci_high; groups without a value are left out."""
    rows = []
    for key, part in responses.dropna(subset=[by]).groupby(by, sort=True):
        r = nps(part["score"])
        rows.append({by: key, **{k: getattr(r, k) for k in ("n", "promoters", "passives", "detractors", "nps",
                                                            "ci_low", "ci_high")}})
    return pd.DataFrame(rows, columns=[by, "n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high"])


def nps_trend(responses: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """NPS per period of ``answered_on`` (``period`` = first day; empty without dates)."""
    from ecom_models.timeseries.periods import period_start

    dated = responses.dropna(subset=["answered_on"])
    if dated.empty:
        return pd.DataFrame(columns=["period", "n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high"])
    dated = dated.assign(period=pd.to_datetime(period_start(pd.to_datetime(dated["answered_on"]), freq)))
    return nps_by(dated, "period")


def detractor_words(responses: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """The ``top`` most frequent words (≥ 3 letters, lower case, English and German stop
    words left out) in detractors' comments: ``word``, ``count`` (comments that use it)."""
    comments = responses.loc[(responses["score"] <= 6) & responses["comment"].notna(), "comment"]
    counts: Counter = Counter()
    for text in comments.astype(str):
        counts.update({w for w in (m.lower() for m in WORD.findall(text)) if w not in STOPWORDS})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return pd.DataFrame(ranked, columns=["word", "count"])


@dataclass
class Survey:
    """A read survey: ``responses`` (line, score int, answered_on date or None, segment,
    comment), the ``columns`` found per role, ``blank`` (answers without a score),
    ``detected`` (encoding, delimiter)."""

    responses: pd.DataFrame
    columns: dict
    blank: int
    detected: dict = field(default_factory=dict)


def _find(header: list[str], names: tuple[str, ...]) -> str | None:
    lowered = {h.strip().lower(): h for h in header}
    for name in names:
        if name in lowered:
            return lowered[name]
    for h in header:     # "NPS (0-10)", "Score: how likely …"
        if any(re.search(rf"\b{re.escape(n)}\b", h.lower()) for n in names):
            return h
    return None


def read_survey(raw: bytes, file: str, score_column: str | None = None) -> Survey:
    """See the module docstring. Raises ``IngestError`` (file, line, column, what to do)."""
    from ecom_models.ingest.dates import detect_date_format, parse_dates
    from ecom_models.ingest.errors import IngestError
    from ecom_models.ingest.reader import read_table

    table = read_table(raw, file)
    header = list(table.frame.columns)
    if score_column:
        if score_column not in header:
            raise IngestError(code="nps.unknown_column", params={"column": score_column}, file=file,
                              hint_code="hint.nps_column")
        score_col = score_column
    else:
        score_col = _find(header, SCORE_NAMES)
        if score_col is None:
            raise IngestError(code="nps.no_score_column", params={"names": ", ".join(SCORE_NAMES[:6])}, file=file,
                              hint_code="hint.nps_column")
    rest = [h for h in header if h != score_col]
    cols = {"score": score_col, "date": _find(rest, DATE_NAMES), "segment": _find(rest, SEGMENT_NAMES),
            "comment": _find(rest, COMMENT_NAMES)}
    frame = table.frame
    text = frame[score_col].fillna("").astype(str).str.strip()
    blank = text == ""
    number = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    bad = ~blank & (number.isna() | (number % 1 != 0) | (number < 0) | (number > 10))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise IngestError(code="nps.bad_score", params={"value": text.iloc[i][:40]}, file=file,
                          line=int(table.lines[i]), column=score_col, hint_code="hint.nps_score")
    keep = ~blank.to_numpy()
    out = pd.DataFrame({"line": np.asarray(table.lines)[keep].astype(int),
                        "score": number[keep].astype(int).to_numpy()})
    out["answered_on"] = None
    if cols["date"]:
        values = frame.loc[keep, cols["date"]].fillna("").astype(str)
        found = detect_date_format(values)
        dates, bad_dates = parse_dates(values, found.format)
        if bad_dates.any():
            i = int(np.flatnonzero(bad_dates.to_numpy())[0])
            raise IngestError(code="nps.bad_date", params={"value": values.iloc[i][:40]}, file=file,
                              line=int(out["line"].iloc[i]), column=cols["date"], hint_code="hint.date_format")
        out["answered_on"] = [d.date().isoformat() if pd.notna(d) else None for d in dates]
    for role in ("segment", "comment"):
        if cols[role]:
            values = frame.loc[keep, cols[role]].fillna("").astype(str).str.strip()
            out[role] = values.where(values != "", None).to_numpy()
        else:
            out[role] = None
    if out.empty:
        raise IngestError(code="nps.no_responses", file=file, column=score_col, hint_code="hint.nps_score")
    return Survey(out, cols, int(blank.sum()), dict(table.detected))
