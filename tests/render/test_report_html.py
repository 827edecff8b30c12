"""The HTML report: one self-contained page, a strict policy, and hostile data kept as text."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from datetime import date
from html.parser import HTMLParser

from tests.conftest import REPO
from tracker.cli.report_html_cmd import html_report
from tracker.core.dates import PartialDate
from tracker.load.loader import load_dataset
from tracker.render.report_html import STYLE

HERE = REPO / "tests" / "render"


def page(name: str = "chart_fixture.yaml", since: int = 2021) -> str:
    dataset = load_dataset(HERE / name, today=date(2030, 1, 1))
    return html_report(dataset, PartialDate(2025, 12), PartialDate(since))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(text: str) -> Tags:
    tags = Tags()
    tags.feed(text)
    return tags


def test_golden() -> None:
    """Byte-for-byte stable output; UPDATE_GOLDEN=1 rewrites the file after review."""
    text = page()
    golden = HERE / "golden" / "report.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_policy_forbids_everything_but_its_own_style() -> None:
    text = page()
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert policy.startswith("default-src 'none'; ") and f"style-src 'sha256-{digest}'" in policy
    assert "script-src 'none'" in policy and "connect-src 'none'" in policy
    assert f"<style>{STYLE}</style>" in text  # the hash is of exactly this text
    tags = parsed(text)
    assert not tags.tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert {name for name, _ in tags.attributes if name == "href"} == {"href"}
    assert all(value.startswith("https://") for name, value in tags.attributes if name == "href")


def test_sections_say_what_moved_with_sources() -> None:
    text = page(since=2025)
    assert (
        '<span class="shift">Russia on NATO membership: 1 rung harder, from “Ukraine neutral with guarantees” '
        "(as of 2025) to “No further NATO enlargement” by 2025-12;"
    ) in text
    assert "Gap to Ukraine: 1 → 2 rungs. Last moved by Wire, 2025-06-09." in text
    for section in ("headlines", "charts", "gaps", "positions", "corrections"):
        assert f'<section id="{section}">' in text
    assert text.count("<svg ") == 1
    assert '<a href="https://example.org/2" rel="noopener noreferrer nofollow">Paper</a>' in text
    assert "The paper corrected its report." in text


def test_hostile_data_stays_text() -> None:
    text = page("hostile_fixture.yaml")
    tags = parsed(text)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section"}
    allowed |= {"ul", "li", "strong", "span", "a", "figure", "figcaption", "div", "table", "thead", "tbody", "tr"}
    allowed |= {"th", "td", "svg", "rect", "text", "line", "polyline", "circle", "g", "path", "desc"}
    assert tags.tags <= allowed, tags.tags - allowed
    assert not [name for name, _ in tags.attributes if name.startswith("on")]
    assert not [value for _, value in tags.attributes if "javascript:" in value.lower()]
    joined = "".join(tags.text)
    assert "<iframe src=javascript:alert(1)>Russia" in joined and "NATO ]]></svg><img src=x" in joined
    assert "</li></ul><script>window.pwned=4</script>" in joined
    assert text.count("<style>") == 1 and text.count("<script") == 0
