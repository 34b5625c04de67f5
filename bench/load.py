"""Benchmark: many people opening the app at once (a shared link sent to management).

N = 1, 5, 10 concurrent sessions against one server, on the demo store and on the demo
replicated ×4 (unique order numbers), with two kinds of client, each against a fresh
server:
- ws: light websocket clients speaking Streamlit's own protocol (BackMsg/ForwardMsg
  protobufs on /_stcore/stream), as the browser's frontend does, without rendering; ten of
  them cost the 2-core machine almost nothing, so the server's figures are its own;
- browser: one headless Chromium each (the real thing, but ten Chromiums eat the cores
  the server needs).
Each session opens the Overview, changes the country filter, and opens Pricing. Reported
per round:
- client-side p50/p95 (s): from the navigation, click or message until the page is
  complete (browser: the Overview's countries download button, the Revenue KPI changed,
  Pricing's model-check heading; ws: the run's script_finished message, with the same
  elements checked);
- server-side p50/p95 (s): the script run times the app logs into $ECOM_TIMING_LOG
  (ui/timing.py), per step;
- server memory (MiB RSS): before the first round, with each round's sessions open, after
  the rounds, and after the sessions closed and the server idled (Streamlit keeps a
  closed session for server.disconnectedSessionTTL, see .streamlit/config.toml).
Goals (issue "one copy of the data for all sessions"): memory grows ≤ 10 MiB per session
on the demo data and returns to within 10 % of the one-session level; 10 sessions p95
< 3 s server-side for the Overview. Nothing is asserted: these machines are noisy.

Run: .venv/bin/python bench/load.py [--db demo.db] [--x4-db demo4.db] [--rounds 1,5,10]
     [--idle 200] [--clients ws,browser] [--skip-x4]
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from server import CHROMIUM, CHROMIUM_ARGS, REPO, build_demo, rss_mib, streamlit_server

TIMEOUT_MS = 240_000
KPI = '[data-testid="stMetricValue"]'


def replicated_demo_csv(path: Path, times: int) -> None:
    """The demo CSV repeated ``times`` times, each copy with its own order numbers."""
    text = gzip.decompress((REPO / "data" / "online_retail.csv.gz").read_bytes()).decode("latin-1")
    head, body = text.split("\n", 1)
    rows = body.splitlines()
    with open(path, "w", encoding="latin-1") as out:
        out.write(head + "\n")
        for k in range(times):
            prefix = "" if k == 0 else str(k)
            for row in rows:   # 'C536379' → 'C1536379': a cancellation stays one
                out.write(("C" + prefix + row[1:] if row.startswith("C") else prefix + row) + "\n")


def replicated_demo(db: Path, times: int) -> None:
    """The replicated demo imported into ``db`` by the CLI."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"demo_x{times}.csv"
        replicated_demo_csv(path, times)
        done = subprocess.run([sys.executable, "-m", "ecom_models", "import", str(path), "--db",
                               str(db), "--format", "online-retail", "--json"], cwd=REPO,
                              capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr[-2000:])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def one_session(browser, base: str, out: dict, errors: list) -> None:
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(base + "/", timeout=TIMEOUT_MS)
        page.locator('[data-testid="stDownloadButton"]').nth(1).wait_for(timeout=TIMEOUT_MS)
        out["overview"] = time.perf_counter() - start
        before = page.locator(KPI).first.inner_text()
        box = page.get_by_role("combobox", name="Country", exact=True)
        box.click()
        box.press_sequentially("France")
        option = page.get_by_role("option", name="France", exact=True)
        option.wait_for(timeout=TIMEOUT_MS)
        start = time.perf_counter()
        option.click()
        page.wait_for_function(
            "old => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
            " return e && e.innerText !== old; }", arg=before, timeout=TIMEOUT_MS)
        out["filter"] = time.perf_counter() - start
        start = time.perf_counter()
        page.goto(base + "/pricing", timeout=TIMEOUT_MS)
        page.get_by_text("How good is the model").wait_for(timeout=TIMEOUT_MS)
        out["pricing"] = time.perf_counter() - start
    except Exception as exc:   # report, do not hide: a session that got no page
        errors.append(repr(exc)[:300])


def browser_round(base: str, n: int) -> tuple[list[dict], list[str], Callable[[], None]]:
    """n headless Chromiums at the same moment, each in its own thread with its own
    Playwright; returns once every session finished its steps (browsers still open) and a
    function that closes them."""
    from playwright.sync_api import sync_playwright

    results: list[dict] = [dict() for _ in range(n)]
    errors: list[str] = []
    barrier = threading.Barrier(n)
    finished = threading.Semaphore(0)
    done = threading.Event()

    def worker(i: int) -> None:
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
                barrier.wait()
                one_session(browser, base, results[i], errors)
                finished.release()
                done.wait()
                browser.close()
        except Exception as exc:
            errors.append(repr(exc)[:300])
            finished.release()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for _ in range(n):
        finished.acquire(timeout=TIMEOUT_MS / 1000)

    def close() -> None:
        done.set()
        for thread in threads:
            thread.join(timeout=120)

    return results, errors, close


# ------------------------------------------------------------------ websocket client mode
# A light client: Streamlit's own protobufs over the app's websocket (/_stcore/stream), as
# the browser's frontend sends them. One BackMsg.rerun_script per step (page name, widget
# state); the step ends at the ForwardMsg.script_finished of that run. No rendering, so
# ten sessions cost the client almost nothing and the server's figures are its own.

async def _ws_step(ws, page_name: str = "", widgets: dict | None = None) -> tuple[float, list]:
    """Send one rerun; (seconds until its script_finished, the run's new elements)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = ""
    msg.rerun_script.page_name = page_name
    for wid, value in (widgets or {}).items():
        state = msg.rerun_script.widget_states.widgets.add()
        state.id, state.string_value = wid, value
    start = time.perf_counter()
    await ws.send(msg.SerializeToString())
    elements = []
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), TIMEOUT_MS / 1000))
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            elements.append(forward.delta.new_element)
        elif kind == "script_finished" and \
                forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return time.perf_counter() - start, elements


def _of(elements: list, kind: str) -> list:
    return [getattr(e, kind) for e in elements if e.WhichOneof("type") == kind]


async def ws_session(base: str, out: dict, errors: list, hold: asyncio.Event) -> None:
    """The browser session's three steps over one websocket; kept open until ``hold``."""
    import websockets

    try:
        url = base.replace("http", "ws", 1) + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
            out["overview"], elements = await _ws_step(ws)
            box = [s for s in _of(elements, "selectbox") if s.label == "Country"]
            if not _of(elements, "download_button") or not box:
                raise RuntimeError("the Overview showed no country filter or downloads")
            before = _of(elements, "metric")[0].body
            out["filter"], elements = await _ws_step(ws, widgets={box[0].id: "France"})
            if _of(elements, "metric")[0].body == before:
                raise RuntimeError("the filter did not change the Revenue KPI")
            out["pricing"], elements = await _ws_step(ws, page_name="pricing")
            if not any("How good is the model" in h.body for h in _of(elements, "heading")):
                raise RuntimeError("Pricing showed no model check")
            await hold.wait()
    except Exception as exc:   # report, do not hide: a session that got no page
        errors.append(repr(exc)[:300])


def ws_round(base: str, n: int) -> tuple[list[dict], list[str], Callable[[], None]]:
    """n websocket sessions at the same moment; returns once all finished their steps and
    a function that closes them."""
    results: list[dict] = [dict() for _ in range(n)]
    errors: list[str] = []
    ready = threading.Event()
    box: dict = {}

    async def sessions() -> None:
        box["hold"] = hold = asyncio.Event()
        box["loop"] = asyncio.get_running_loop()
        tasks = [asyncio.create_task(ws_session(base, results[i], errors, hold)) for i in range(n)]
        while sum(1 for r in results if "pricing" in r) + len(errors) < n:
            await asyncio.sleep(0.05)
        ready.set()
        await asyncio.gather(*tasks)

    thread = threading.Thread(target=asyncio.run, args=(sessions(),))
    thread.start()
    ready.wait()

    def close() -> None:
        box["loop"].call_soon_threadsafe(box["hold"].set)
        thread.join(timeout=60)

    return results, errors, close


CLIENTS = {"ws": ws_round, "browser": browser_round}


def concurrent_round(base: str, proc, n: int, log: Path, client: str) -> dict:
    """n sessions of ``client`` at once: their client-side times, the server's run times
    per step (from the timing log) and the server's memory while the n sessions are open."""
    log.write_text("")
    results, errors, close = CLIENTS[client](base, n)
    settle(log, 3 * (n - len(errors)))
    memory = rss_mib(proc.pid)
    close()
    client_times = {k: [r[k] for r in results if k in r] for k in STEPS}
    return {"n": n, "client": client_times, "server": server_steps(log), "memory": memory,
            "errors": errors}


STEPS = ("overview", "filter", "pricing")


def settle(log: Path, runs: int, limit_s: float = 60) -> None:
    """Wait until the server logged ``runs`` script runs and logged nothing for a second:
    a browser sees Pricing's heading before that run has ended."""
    deadline = time.monotonic() + limit_s
    size = -1
    while time.monotonic() < deadline:
        text = log.read_text()
        if len(text) == size and text.count("\n") >= runs:
            return
        size = len(text)
        time.sleep(1.0)


def server_steps(log: Path) -> dict[str, list[float]]:
    """The logged run times by step: a session's first Overview run is 'overview', its
    later ones are filter changes; (a browser opens Pricing in a session of its own)."""
    steps: dict[str, list[float]] = {k: [] for k in STEPS}
    seen: set[str] = set()
    for line in log.read_text().splitlines():
        if not line.strip():
            continue
        run = json.loads(line)
        if run["page"] == "overview":
            step = "filter" if run["session"] in seen else "overview"
            seen.add(run["session"])
        else:
            step = run["page"]
        steps.setdefault(step, []).append(run["seconds"])
    return steps


def _pp(values: list[float]) -> str:
    return f"{pct(values, .5):5.2f}/{pct(values, .95):<5.2f}"


def report(name: str, client: str, memory: dict, rounds: list[dict]) -> None:
    print(f"\n== {name}; {client} clients")
    print("   p50/p95 in s: client = from sending until the page is complete; server = the "
          "script run")
    print(f"{'N':>3} | {'overview client':>15} {'server':>11} | {'filter client':>13} "
          f"{'server':>11} | {'pricing client':>14} {'server':>11} | {'MiB':>5} {'MiB/sess':>8}")
    one = rounds[0]
    for r in rounds:
        c, s = r["client"], r["server"]
        per = ((r["memory"] - one["memory"]) / (r["n"] - one["n"]) if r["n"] > one["n"]
               else float("nan"))
        print(f"{r['n']:>3} | {_pp(c['overview']):>15} {_pp(s['overview']):>11} | "
              f"{_pp(c['filter']):>13} {_pp(s['filter']):>11} | {_pp(c['pricing']):>14} "
              f"{_pp(s['pricing']):>11} | {r['memory']:>5.0f} {per:>8.1f}")
        if r["errors"]:
            print(f"    {len(r['errors'])} session(s) got no page: {r['errors'][:2]}")
    last = rounds[-1]
    worst = max(((r["memory"] - one["memory"]) / (r["n"] - one["n"]) for r in rounds
                 if r["n"] > one["n"]), default=float("nan"))
    back = (memory["idle"] - one["memory"]) / one["memory"]
    print(f"memory (MiB): before {memory['before']:.0f}, one session {one['memory']:.0f}, "
          f"after the rounds {memory['closed']:.0f}, after {memory['idle_s']:.0f} s idle "
          f"{memory['idle']:.0f} ({back:+.0%} vs one session)")
    print(f"goals: ≤ 10 MiB per session → {worst:.1f}; back within 10 % of one session → "
          f"{back:+.0%}; {last['n']} sessions Overview server p95 < 3 s → "
          f"{pct(last['server']['overview'], .95):.2f} s")


def measure(db: Path, name: str, sizes: list[int], idle_s: float, client: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "runs.jsonl"
        with streamlit_server(db, {"ECOM_TIMING_LOG": str(log)}) as (base, proc):
            memory = {"before": rss_mib(proc.pid), "idle_s": idle_s}
            rounds = [concurrent_round(base, proc, n, log, client) for n in sizes]
            memory["closed"] = rss_mib(proc.pid)
            time.sleep(idle_s)
            memory["idle"] = rss_mib(proc.pid)
        report(name, client, memory, rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="demo store (built if missing)")
    parser.add_argument("--x4-db", type=Path, help="demo ×4 store (built if missing)")
    parser.add_argument("--rounds", default="1,5,10")
    parser.add_argument("--idle", type=float, default=200.0,
                        help="seconds to idle at the end (reconnect time 120 s + the app's 60 s janitor)")
    parser.add_argument("--skip-x4", action="store_true")
    parser.add_argument("--clients", default="ws,browser",
                        help="ws (websocket clients), browser (one Chromium each) or both")
    args = parser.parse_args()
    sizes = [int(x) for x in args.rounds.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.db"
        if not db.exists():
            print(f"building the demo store ({build_demo(db):.0f} s)", flush=True)
        for client in args.clients.split(","):
            measure(db, "demo data (541,909 lines)", sizes, args.idle, client)
        if not args.skip_x4:
            x4 = args.x4_db or Path(tmp) / "demo_x4.db"
            if not x4.exists():
                print("building the demo ×4 store …", flush=True)
                replicated_demo(x4, 4)
            for client in args.clients.split(","):
                measure(x4, "demo ×4 (2,167,636 lines)", sizes, args.idle, client)


if __name__ == "__main__":
    main()
