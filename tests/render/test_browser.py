"""The HTML report and an SVG chart in a real browser: headless Chromium, driven by Playwright.

Debian's `chromium` is used (no browser is downloaded at test time); `.ci/run`
installs it when missing, and CHROMIUM names another binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import REPO
from tracker.cli.report_html_cmd import html_report
from tracker.core.dates import PartialDate
from tracker.core.engine.chart import chart
from tracker.load.loader import load_dataset
from tracker.render.chart_svg import render_chart

HERE = REPO / "tests" / "render"
WIDTHS = (390, 1280)


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "headless Chromium is needed: apt-get install chromium (.ci/run does), or set CHROMIUM"
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield launched
        launched.close()


def visit(browser: Browser, path: Path, width: int) -> dict[str, Any]:
    """Open a file; return what it logged, requested and drew."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    console: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    found: dict[str, Any] = page.evaluate(
        """() => ({
            text: document.body ? document.body.innerText : document.documentElement.textContent,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            charts: [...document.querySelectorAll('svg')].map(s => {
                const box = s.getBoundingClientRect(); return [box.width, box.height]; }),
            active: document.querySelectorAll('script, iframe, img, object, embed').length,
            pwned: window.pwned === undefined ? null : String(window.pwned),
        })"""
    )
    page.close()
    return found | {"console": console, "requests": requests}


def report_file(tmp_path: Path, name: str) -> Path:
    dataset = load_dataset((REPO / name) if name == "positions.yaml" else HERE / name, today=date(2030, 1, 1))
    target = tmp_path / f"{Path(name).stem}.html"
    target.write_text(html_report(dataset, PartialDate(2026, 3), PartialDate(2021)), encoding="utf-8")
    return target


@pytest.mark.parametrize("width", WIDTHS)
def test_shipped_report_loads_clean_and_fits(browser: Browser, tmp_path: Path, width: int) -> None:
    path = report_file(tmp_path, "positions.yaml")
    seen = visit(browser, path, width)
    assert seen["console"] == []  # a CSP violation would be logged here too
    assert seen["requests"] == [path.as_uri()]  # nothing fetched but the page itself
    assert "What moved since 2021" in seen["text"] and "Russia" in seen["text"]
    assert len(seen["charts"]) >= 5 and all(w > 0 and h > 0 for w, h in seen["charts"])
    assert seen["overflow"] <= 0, f"{seen['overflow']} px wider than a {width} px viewport"


@pytest.mark.parametrize("width", WIDTHS)
def test_hostile_report_renders_inert(browser: Browser, tmp_path: Path, width: int) -> None:
    seen = visit(browser, report_file(tmp_path, "hostile_fixture.yaml"), width)
    assert seen["console"] == [] and len(seen["requests"]) == 1
    assert seen["pwned"] is None and seen["active"] == 0
    assert "<script>window.pwned = 1</script> war" in seen["text"]  # shown, not run
    assert seen["overflow"] <= 0


def test_svg_chart_opens_on_its_own(browser: Browser, tmp_path: Path) -> None:
    dataset = load_dataset(REPO / "positions.yaml", today=date(2030, 1, 1))
    path = tmp_path / "nato.svg"
    path.write_text(render_chart(chart(dataset, "nato")), encoding="utf-8")
    seen = visit(browser, path, 1280)
    assert seen["console"] == [] and seen["requests"] == [path.as_uri()]
    [(width, height)] = seen["charts"]
    assert (width, height) > (900, 400)
    assert "corrected report" in seen["text"] and "NATO posture rolled back to 1997" in seen["text"]
