#!/usr/bin/env python3
"""Regenerate docs/report.png: the HTML report of the shipped data, as headless Chromium shows it.

Usage:  scripts/report_screenshot.py [--width 1280] [--height 1400]
Needs Playwright (in the test extras) and a Chromium (CHROMIUM, else `chromium` on PATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1400)
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "report.png")
    options = parser.parse_args()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("report_screenshot: chromium not found; apt-get install chromium, or set CHROMIUM")

    from playwright.sync_api import sync_playwright

    from tracker.cli.report_html_cmd import html_report
    from tracker.core.dates import PartialDate
    from tracker.load.loader import load_dataset

    dataset = load_dataset(REPO / "positions.yaml", today=date.today())
    newest = max(placed.statement.date for placed in dataset.statements)
    # The last year of the record, so the picture shows recent moves rather than an empty window.
    since = PartialDate(newest.year - 1, newest.month or 1)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        page_path.write_text(html_report(dataset, newest, since), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": options.width, "height": options.height})
            page.goto(page_path.as_uri())
            page.screenshot(path=str(options.output))
            browser.close()
    print(f"wrote {options.output} ({options.width} x {options.height} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
