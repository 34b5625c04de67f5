"""Data: upload exports, check the validation report and preview, import, manage history."""
import streamlit as st

from ecom_models.demo import remove_demo
from ecom_models.ingest.normalize import Options
from ecom_models.ingest.pipeline import MAX_UPLOAD_MB
from ecom_models.ingest.presets import FORMAT_CHOICES
from ecom_models.store.imports import delete_import
from ui import import_flow, loaders
from ui.loaders import db_path
from ui.report_view import column_label, readable_date_format, render_history, render_rejection, render_report
from ui.import_effect import effect, render_effect, sentence
from ui.safe import md_escape
from ui.text import frozen, lang, t
from ui.router import through_router

through_router()   # a fresh server's first deep link still runs app.py (ui/router.py)

DATE_FORMATS = [None, "%d.%m.%Y", "%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M",
                "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y", "%d/%m/%Y"]

st.title(t("data.title"))
st.caption(t("data.caption"))
st.session_state.setdefault("upload_round", 0)
files = st.file_uploader(t("data.upload"), type=["csv", "txt", "tsv", "xlsx", "gz"],
                         accept_multiple_files=True, key=f"uploads_{st.session_state.upload_round}",
                         max_upload_size=MAX_UPLOAD_MB)
fmt = st.selectbox(t("data.format"), FORMAT_CHOICES, key="import_format",
                   format_func=frozen(lambda f: t("data.auto") if f == "auto" else f))
with st.expander(t("data.settings")):
    c1, c2, c3 = st.columns(3)
    decimal = c1.selectbox(t("data.decimal"), [None, ".", ","], key="import_decimal",
                           format_func=frozen(lambda d: t("data.auto") if d is None else d))
    date_format = c2.selectbox(t("data.date_format"), DATE_FORMATS, key="import_date_format",
                               format_func=frozen(lambda d: t("data.auto") if d is None else d))
    currency = c3.text_input(t("data.currency"), key="import_currency", max_chars=3).strip().upper() or None
    skip_bad = st.checkbox(t("data.skip_bad"), key="import_skip_bad")
    channel = st.text_input(t("data.channel"), key="import_channel", max_chars=60,
                            help=t("data.channel_help")).strip() or None
    replace = st.checkbox(t("data.replace"), key="import_replace", help=t("data.replace_help"))

pending = st.session_state.pop("import_pending", None)
if pending:   # a commit loop that did not reach its end: that file's transaction rolled back
    st.error(t("data.interrupted", files=", ".join(md_escape(name) for name in pending)))

ready = []
for file in files or []:
    header = import_flow.header(file)
    fields, detected = import_flow.mapping_fields(header, fmt)
    opts = Options(mapping=import_flow.user_mapping(file, detected), decimal=decimal,
                   date_format=date_format or st.session_state.get(import_flow.date_key(file)),
                   currency=currency, skip_bad_rows=skip_bad, channel=channel,
                   replace_orders=replace)
    upload = import_flow.validate(file, fmt, opts)
    with st.container(border=True):
        st.subheader(t("data.report", file=md_escape(file.name)))
        if upload.known:
            st.info(t("data.already", id=upload.known["id"]))
        elif upload.error:
            render_rejection(upload.error)   # in the user's language, naming this page's controls
        else:
            render_report(upload.prepared.report, upload.prepared.rows)
            render_effect(effect(upload, opts))
            ready.append(upload)
            found = upload.prepared.report["detected"]
            if found["date_ambiguous"] or import_flow.date_key(file) in st.session_state:
                st.radio(t("data.date_choice"), found["date_candidates"] or [found["date_format"]],
                         key=import_flow.date_key(file), horizontal=True,
                         format_func=frozen(readable_date_format))
        if header and not upload.known:
            with st.expander(t("data.mapping", file=md_escape(file.name)), expanded=bool(upload.error)):
                st.caption(t("data.mapping_help"))
                grid = st.columns(4)
                options = [None, *header]
                for i, field in enumerate(fields):
                    grid[i % 4].selectbox(column_label(field), options, key=import_flow.mapping_key(file, field),
                                          index=options.index(detected[field]) if field in detected else 0,
                                          format_func=lambda c: "—" if c is None else c)

messages = st.session_state.pop("import_messages", [])
for ok, message in messages:
    (st.success if ok else st.error)(message)
if any(ok for ok, _ in messages):
    st.page_link("pages/overview.py", label=t("data.see_overview"), icon=":material/monitoring:")
if ready and st.button(t("data.commit", n=len(ready)), type="primary", key="commit_imports"):
    messages = []
    st.session_state["import_pending"] = [upload.name for upload in ready]
    for upload in ready:
        result = import_flow.commit_upload(upload)
        st.session_state["import_pending"].remove(upload.name)
        if result["status"] == "rejected":   # the store could not be written (e.g. disk full)
            error = import_flow.rejection(result).render(lang())
            messages.append((False, f"**{t('data.rejected')}:** {md_escape(error)}"))
        else:
            messages.append((True, t("data.imported", file=md_escape(upload.name),
                                     effect=sentence(result))))
    st.session_state.pop("import_pending", None)
    st.session_state["import_messages"] = messages   # shown after the rerun below
    st.session_state.upload_round += 1
    st.rerun()

st.header(t("data.history"))
history = loaders.imports()
if history.empty:
    st.caption(t("data.no_history"))
else:
    render_history(history)
    demo = loaders.demo_ids()
    with st.form("delete_import"):
        choice = st.selectbox(t("data.delete_pick"), history["id"].tolist(), key="delete_id",
                              format_func=lambda i: f"#{i} {history.set_index('id').at[i, 'file_name']}"
                              + (f" · {t('demo.badge')}" if i in demo else ""))
        sure = st.checkbox(t("data.delete_confirm"), key="delete_sure")
        if st.form_submit_button(t("data.delete")) and sure:
            if int(choice) in demo:   # remembered, so an empty store does not get the demo back
                gone = remove_demo(db_path())
            else:
                gone = delete_import(db_path(), int(choice))
            st.success(t("data.deleted", id=choice, lines=gone["order_lines"], products=gone["products"]))
