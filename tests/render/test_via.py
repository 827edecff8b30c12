"""A source read through a mirror is shown as `<publisher> via <mirror>` in every output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.unit.test_engine import build, cond, d, said
from tracker.core.dataset import Dataset
from tracker.core.engine import position
from tracker.core.export import RowKind, rows
from tracker.render import Format, renderer_for

MIRROR = {"publisher": "mirror | <b>m</b>", "url": "https://mirror.example/46076"}
SOURCE: dict[str, Any] = {"publisher": "TASS", "url": "https://tass.com/1", "via": MIRROR}
# The original's own address unknown: only the copy is linked.
BARE: dict[str, Any] = {"publisher": "Newsweek", "via": {"publisher": "MENAFN", "url": "https://menafn.com/1"}}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    correction = {"kind": "correction", "source": BARE, "text": "Wrong."}
    return build(
        said("russia", "2022-03-01", cond("a"), id="mirrored", source=SOURCE),
        said("russia", "2022-03-02", cond("b"), id="plain", source={"publisher": "Reuters", "url": "https://r.com/a"}),
        said("russia", "2022-03-03", cond("c"), id="bare", source=BARE, basis="media-report", corrections=[correction]),
    )


def render(dataset: Dataset, format: Format) -> str:
    return renderer_for(format, color=False, width=200).position(
        position(dataset, "russia", d("2022"), include_disputed=False)
    )


def test_terminal_names_the_mirror(dataset: Dataset) -> None:
    text = render(dataset, Format.TERMINAL)
    assert "TASS via mirror | <b>m</b>, 2022-03-01" in text
    assert "Reuters, 2022-03-02" in text and "Reuters via" not in text
    assert "Newsweek via MENAFN" in text  # the corrected report and its correcting source


def test_markdown_links_the_original_and_the_copy_separately(dataset: Dataset) -> None:
    text = render(dataset, Format.MARKDOWN)
    assert "[TASS](<https://tass.com/1>) via [mirror \\| &lt;b&gt;m&lt;/b&gt;](<https://mirror.example/46076>)" in text
    assert "[Reuters](<https://r.com/a>), 2022-03-02" in text
    assert "Newsweek via [MENAFN](<https://menafn.com/1>)" in text  # no link under the original's name


def test_json_citation_carries_via(dataset: Dataset) -> None:
    data = json.loads(render(dataset, Format.JSON))["data"]
    cited = {c["last_stated"]["statement_id"]: c["last_stated"] for i in data["issues"] for c in i["conditions"]}
    assert cited["mirrored"]["via"] == MIRROR
    assert cited["mirrored"]["url"] == "https://tass.com/1"
    assert cited["plain"]["via"] is None
    [report] = data["disputed"]
    assert report["corrections"][0]["source"]["via"] == BARE["via"]


def test_export_has_via_columns(dataset: Dataset) -> None:
    by_id = {row["statement_id"]: row for row in rows(dataset, RowKind.STATEMENTS)}
    assert (by_id["mirrored"]["source_via_publisher"], by_id["mirrored"]["source_via_url"]) == (
        MIRROR["publisher"],
        MIRROR["url"],
    )
    assert by_id["plain"]["source_via_publisher"] is None
    assert by_id["bare"]["corrections"][0]["via"] == BARE["via"]


def test_html_links_the_original_and_the_copy_separately(dataset: Dataset) -> None:
    from tracker.cli.report_html_cmd import html_report

    text = html_report(dataset, d("2022-12"), d("2022"))
    original = '<a href="https://tass.com/1" rel="noopener noreferrer nofollow">TASS</a>'
    copy = '<a href="https://mirror.example/46076" rel="noopener noreferrer nofollow">mirror | &lt;b&gt;m&lt;/b&gt;</a>'
    assert f"{original} via {copy}" in text
