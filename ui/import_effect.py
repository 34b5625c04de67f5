"""What an import will do to the stored figures, said before anything is written and
recorded after: new, changed and unchanged lines, stored lines of the file's orders that
the file lacks (kept unless the user asks to remove them), and the revenue effect per
currency (``ecom_models.ingest.pipeline.preview``; rules in docs/architecture.md §4.1)."""
from __future__ import annotations

import streamlit as st

from ecom_models.ingest.pipeline import preview

from .formatting import money, number
from .loaders import db_path, version
from .text import lang, t

CACHE = "_import_effects"


def effect(upload, opts) -> dict:
    """The merge plan summary of a validated upload, cached per file, settings and store
    version (another import changes what this one would do)."""
    cache = st.session_state.setdefault(CACHE, {})
    key = (upload.prepared.content_hash, opts.channel, opts.replace_orders, version())
    if key not in cache:
        cache.clear()
        cache[key] = preview(upload.prepared, db_path(), opts)
    return cache[key]


def sentence(summary: dict) -> str:
    """One line in the user's language: '412 lines already stored, 3 will change, …'."""
    L = lang()
    parts = [t("effect.new", n=number(summary["lines_new"], L)),
             t("effect.changed", n=number(summary["lines_changed"], L)),
             t("effect.unchanged", n=number(summary["lines_unchanged"], L))]
    if summary["lines_not_in_file"]:
        key = "effect.lacking_removed" if summary["lines_removed"] else "effect.lacking_kept"
        parts.append(t(key, orders=number(summary["orders_lacking_lines"], L),
                       lines=number(summary["lines_not_in_file"], L)))
    changes = summary.get("revenue_effect") or {}
    revenue = (", ".join(("+" if v > 0 else "") + money(v, c or None, L) for c, v in changes.items())
               if changes else t("effect.revenue_same"))
    parts.append(t("effect.revenue", change=revenue))
    return " · ".join(parts)


def render_effect(summary: dict) -> None:
    """The plan as a callout above the Import button."""
    box = st.warning if summary["lines_not_in_file"] or summary["lines_changed"] else st.info
    box(f"**{t('effect.title')}** {sentence(summary)}", icon=":material/difference:")
