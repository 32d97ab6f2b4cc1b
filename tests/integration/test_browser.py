"""The report in a real headless browser (Debian chromium over the DevTools protocol): no console errors, no
network requests, every chart rendered, and the timeline shows the seed's events.

Needs chromium: `apt-get install -y chromium` (as root); the test is skipped with that message without it.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.publish.report import build_report

pytestmark = pytest.mark.slow

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SEED_EVENT_LABELS = {"Diplomatic relations established", "Embassy or consulate opened", "Official visit",
                     "Anniversary marked"}
SEED_YEARS = {"1993", "2006", "2007", "2016", "2018", "2023"}
DEADLINE_SECONDS = 60


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
         "--window-size=1280,2000", "about:blank"],
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


def test_report_renders_offline_without_errors_and_shows_the_seed_events(browser_page: DevTools, bundled_db: Path,
                                                                        tmp_path: Path) -> None:
    result = build_report(bundled_db, tmp_path / "report.html")
    charts = _load(browser_page, Path(result.path))
    assert _problems(browser_page.events) == []
    assert charts == {"expected": len(result.charts), "rendered": len(result.charts), "failed": 0}

    # every dated event of the timeline is one point, labelled (aria) with its type and date
    points = browser_page.evaluate(
        "Array.from(document.querySelectorAll('#chart-timeline [aria-roledescription=point]'))"
        ".map(e => e.getAttribute('aria-label'))")
    assert len(points) == result.events == 8
    labels = " ".join(points)
    assert SEED_EVENT_LABELS <= {label for label in SEED_EVENT_LABELS if label in labels}
    assert {year for year in SEED_YEARS if re.search(rf"\b{year}\b", labels)} == SEED_YEARS
    axis_and_legend = browser_page.evaluate("document.querySelector('#chart-timeline svg').textContent")
    assert "Diplomatic relations established" in axis_and_legend and "1994" in axis_and_legend

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
