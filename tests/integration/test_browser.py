"""The report in a real headless browser (Debian chromium over the DevTools protocol) on three inputs: the
bundled sample, a real multi-partner UN Comtrade file and 500 generated documents. Each page: no console
error, no network request, every chart rendered, a bounded height. Screenshots go to tmp (and to
docs/screenshots/ with DYAD_UPDATE_SCREENSHOTS=1, which is how the committed ones were made).

Needs chromium: `apt-get install -y chromium` (as root); the tests are skipped with that message without it.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from bench.generate import generate_articles
from flows.publish.report import build_all, build_report

pytestmark = pytest.mark.slow

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SEED_EVENT_LABELS = {"Diplomatic relations established", "Embassy or consulate opened", "Official visit",
                     "Anniversary marked"}
SEED_YEARS = {"1993", "2006", "2007", "2016", "2018", "2023"}
DEADLINE_SECONDS = 60
VIEWPORT = (1280, 900)
MAX_PAGE_HEIGHT = 6000   # px at 1280 wide: tables scroll in their boxes, charts are sized by what they show
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
COMTRADE = Path(__file__).resolve().parents[1] / "fixtures" / "tables" / "comtrade"


def _browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page's websocket: commands and the events seen."""

    def __init__(self, url: str) -> None:
        from websockets.sync.client import connect

        self.socket = connect(url, max_size=None, open_timeout=10)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            message = json.loads(self.socket.recv(timeout=DEADLINE_SECONDS))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
        raise TimeoutError(method)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def browser_page(tmp_path: Path) -> Iterator[DevTools]:
    """A headless chromium page, offline (every host name fails to resolve), driven over DevTools."""
    executable = _browser()
    if executable is None:
        pytest.skip("chromium is not installed: run `apt-get install -y chromium` (as root) to run the browser test")
    profile = tmp_path / "profile"
    process = subprocess.Popen(
        [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", "--remote-debugging-port=0",
         f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + DEADLINE_SECONDS
        while not (port_file.exists() and port_file.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        import urllib.request

        targets = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10).read())
        page = next(t for t in targets if t["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Runtime.enable", "Log.enable", "Network.enable", "Page.enable"):
            tools.call(domain)
        yield tools
        tools.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _load(page: DevTools, html: Path) -> dict:
    """Open the file, wait until every chart rendered or failed; returns window.dyadCharts."""
    page.call("Page.navigate", url=html.resolve().as_uri())
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        state = page.evaluate("document.readyState === 'complete' && window.dyadCharts ? "
                              "JSON.stringify(window.dyadCharts) : null")
        if state:
            charts = json.loads(state)
            if charts["rendered"] + charts["failed"] >= charts["expected"]:
                time.sleep(0.3)  # let late console messages arrive
                page.evaluate("1")
                return charts
        time.sleep(0.2)
    raise TimeoutError("the charts did not render in time")


def _problems(events: list[dict]) -> list[str]:
    """Console errors, uncaught exceptions, browser log errors and requests that left the file."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert"}:
            found.append("console.error: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: " + params["exceptionDetails"].get("text", "")
                         + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            found.append("log: " + params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "blob:", "about:")):
                found.append("network request: " + url)
    return found


def _page_height(page: DevTools) -> int:
    return int(page.evaluate("Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"))


def _screenshot(page: DevTools, out: Path, name: str) -> Path:
    """The whole page as PNG into out (and into docs/screenshots/ when DYAD_UPDATE_SCREENSHOTS=1)."""
    height = _page_height(page)
    shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                     clip={"x": 0, "y": 0, "width": VIEWPORT[0], "height": height, "scale": 1})
    path = out / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    if os.environ.get("DYAD_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SCREENSHOTS / path.name)
    return path


def _check_page(page: DevTools, html: Path, out: Path, name: str, expected_charts: int) -> dict:
    charts = _load(page, html)
    assert _problems(page.events) == []
    assert charts == {"expected": expected_charts, "rendered": expected_charts, "failed": 0}
    height = _page_height(page)
    assert height <= MAX_PAGE_HEIGHT, f"{name} is {height} px tall"
    shot = _screenshot(page, out, name)
    assert shot.stat().st_size > 10_000
    page.events.clear()
    return {"height": height}


def test_sample_report_renders_offline_and_shows_the_seed_events(browser_page: DevTools, bundled_db: Path,
                                                                 tmp_path: Path) -> None:
    result = build_report(bundled_db, tmp_path / "report.html")
    assert result.pair == "AZE-BLR"
    _check_page(browser_page, Path(result.path), tmp_path, "report-sample", len(result.charts))

    # every dated event of the timeline is one point, labelled (aria) with its type and date
    points = browser_page.evaluate(
        "Array.from(document.querySelectorAll('#chart-timeline [aria-roledescription=point]'))"
        ".map(e => e.getAttribute('aria-label'))")
    assert len(points) == result.events == 8
    labels = " ".join(points)
    assert SEED_EVENT_LABELS <= {label for label in SEED_EVENT_LABELS if label in labels}
    assert {year for year in SEED_YEARS if re.search(rf"\b{year}\b", labels)} == SEED_YEARS
    # no two points on top of each other: every point has its own position
    positions = browser_page.evaluate(
        "Array.from(document.querySelectorAll('#chart-timeline [aria-roledescription=point]'))"
        ".map(e => { const r = e.getBoundingClientRect(); return Math.round(r.x) + ',' + Math.round(r.y); })")
    assert len(set(positions)) == len(positions)
    # the published figures are drawn as claims; the claims table shows each sentence once
    trade = browser_page.evaluate("document.querySelector('#chart-trade svg').textContent")
    assert "published figure (claim)" in trade and "US$" in trade and "G" not in re.findall(r"\d+(G)\b", trade)
    sentences = browser_page.evaluate("Array.from(document.querySelectorAll('.claims-table tr.sentence'))"
                                      ".map(e => e.textContent)")
    assert len(sentences) == 2 and browser_page.evaluate("document.querySelectorAll('.claims-table tbody tr')"
                                                         ".length") == 2 + 11

    # hover shows the evidence: the tooltip handler writes the sentence into the vega tooltip element
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        evidence = con.execute("select evidence from v_relations_timeline "
                               "where event_type = 'diplomatic_relations_established'").fetchone()[0]
    box = browser_page.evaluate(
        "(() => { const p = Array.from(document.querySelectorAll('#chart-timeline [aria-roledescription=point]'))"
        ".find(e => /1993/.test(e.getAttribute('aria-label'))); p.scrollIntoView({block: 'center'});"
        " const r = p.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()")
    browser_page.call("Input.dispatchMouseEvent", type="mouseMoved", x=box["x"], y=box["y"])
    tooltip = ""
    for _ in range(20):
        tooltip = browser_page.evaluate("(document.getElementById('vg-tooltip-element') || {}).textContent || ''")
        if tooltip:
            break
        time.sleep(0.1)
    assert "11 June 1993" in tooltip
    assert " ".join(evidence.split())[:60] in " ".join(tooltip.split())
    assert _problems(browser_page.events) == []


@pytest.fixture(scope="module")
def comtrade_db(run_pipeline, tmp_path_factory) -> Path:
    """A real UN Comtrade response: Brazil's soybean exports to 54 partners (one an area), and China in 2023."""
    sources = tmp_path_factory.mktemp("comtrade") / "sources"
    (sources / "tables").mkdir(parents=True)
    for name in ("soy_br_2022_01.json", "soy_br_cn_2023_01.json"):
        shutil.copy(COMTRADE / name, sources / "tables" / name)
    db = sources.parent / "dyad.duckdb"
    run_pipeline(sources, db)
    return db


def test_multi_partner_statistics_report_and_partners_page(browser_page: DevTools, comtrade_db: Path,
                                                           tmp_path: Path) -> None:
    result = build_report(comtrade_db, tmp_path / "report.html")
    assert result.pair == "BRA-CHN"     # no documents: the pair with most trade
    _check_page(browser_page, Path(result.path), tmp_path, "report-comtrade", len(result.charts))
    axis = browser_page.evaluate("document.querySelector('#chart-trade svg').textContent")
    assert "US$ 30 bn" in axis and "2022" in axis and not re.search(r"\d(G|M)\b", axis)
    partners = browser_page.evaluate("document.querySelector('#partners-0').textContent")
    assert "China" in partners and "Spain" in partners and "Other Asia" in partners  # named as an area, in the lead
    bars = browser_page.evaluate("document.querySelector('#chart-partners-0 svg').textContent")
    assert "Other Asia" not in bars and "China" in bars

    everything = build_all(comtrade_db, tmp_path / "all")
    assert everything.sections == {"pairs": 53, "partner_pages": 1}       # 54 partners, one an area
    assert "S19" not in " ".join(everything.pages)
    _check_page(browser_page, Path(everything.path), tmp_path, "report-comtrade-index", 0)
    assert browser_page.evaluate("document.querySelectorAll('.index-table tbody tr').length") == 53
    _check_page(browser_page, tmp_path / "all" / "partners-BRA.html", tmp_path, "report-comtrade-partners", 2)
    _check_page(browser_page, tmp_path / "all" / "BRA-ESP.html", tmp_path, "report-comtrade-pair", 2)


@pytest.fixture(scope="module")
def large_db(run_pipeline, tmp_path_factory) -> Path:
    """500 generated articles (bench/generate.py) over many pairs."""
    root = tmp_path_factory.mktemp("large")
    sources = generate_articles(500, root / "sources")
    db = root / "dyad.duckdb"
    run_pipeline(sources, db)
    return db


def test_report_of_500_documents_stays_bounded(browser_page: DevTools, large_db: Path, tmp_path: Path) -> None:
    result = build_report(large_db, tmp_path / "report.html")
    with duckdb.connect(str(large_db), read_only=True) as con:
        events = con.execute("select count(*) from v_relations_timeline where least(actor_iso3, target_iso3) = ? "
                             "and greatest(actor_iso3, target_iso3) = ?", result.pair.split("-")).fetchone()[0]
    assert result.events == events > 10
    _check_page(browser_page, Path(result.path), tmp_path, "report-500-documents", len(result.charts))
    points = browser_page.evaluate(
        "Array.from(document.querySelectorAll('#chart-timeline [aria-roledescription=point]'))"
        ".map(e => { const r = e.getBoundingClientRect(); return Math.round(r.x) + ',' + Math.round(r.y); })")
    dated = browser_page.evaluate("document.querySelectorAll('.timeline-table tbody tr').length")
    assert len(points) <= dated and len(set(points)) >= 0.9 * len(points)   # stacked: next to none coincide
