"""The chart renderers: golden output on a small fixture, and hostile text kept inert."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from datetime import date

import msgspec
import pytest

from tests.conftest import REPO
from tracker.core.dates import PartialDate
from tracker.core.engine.chart import Chart, chart
from tracker.core.model import LadderLevel
from tracker.load.loader import load_dataset
from tracker.render import chart_mermaid, chart_svg, chart_terminal

HERE = REPO / "tests" / "render"
GOLDEN = HERE / "golden"


@pytest.fixture(scope="module")
def small() -> Chart:
    return chart(load_dataset(HERE / "chart_fixture.yaml", today=date(2030, 1, 1)), "nato")


def outputs(result: Chart) -> dict[str, str]:
    return {
        "chart.txt": chart_terminal.render_chart(result, width=80),
        "chart-wide.txt": chart_terminal.render_chart(result, width=120),
        "chart.md": chart_mermaid.render_chart(result),
        "chart.svg": chart_svg.render_chart(result),
    }


def test_golden(small: Chart) -> None:
    """Byte-for-byte stable output; UPDATE_GOLDEN=1 rewrites the files after review."""
    for name, text in outputs(small).items():
        golden = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), f"{name} changed"


def test_terminal_fits_and_says_what_it_draws(small: Chart) -> None:
    text = chart_terminal.render_chart(small, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if "│" in line and line[:1].isdigit()]
    assert [row.split("│")[0].strip() for row in rows] == [
        "4 NATO posture rolled back…",
        "3 No further NATO enlargement",
        "2 Ukraine neutral with…",
        "1 Ukraine joins NATO",
    ]
    # Russia starts at the top rung, its span reaches the one below.
    assert rows[0].split("│")[1].startswith("R") and rows[1].split("│")[1].startswith("·")
    report_row = next(line for line in lines if line.startswith("corrected report"))
    assert report_row.count("×") == 1
    assert "R Russia" in text and "U Ukraine" in text
    assert "2025-06-09" in text and "as reported by Wire" in text and "The paper corrected its report." in text
    assert "2022" in text and "2025" in text  # dates on the axis


def test_colour_adds_style_only(small: Chart) -> None:
    plain = chart_terminal.render_chart(small, width=80)
    coloured = chart_terminal.render_chart(small, width=80, color=True)
    assert "\x1b[" in coloured
    bare = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert [line.rstrip() for line in bare.split("\n")] == plain.split("\n")


def test_mermaid_aggregates_and_says_so(small: Chart) -> None:
    text = chart_mermaid.render_chart(small)
    assert '    x-axis ["Q4 21", "Q1 22", "Q2 22", "Q3 22",' in text  # 45 months: 16 quarters
    assert "Each point is a party's ask at the end of the quarter (16 quarters" in text
    # Russia: rollback (4) in 2021, Istanbul-like neutrality (2) from April 2022, the halt (3) from June 2025.
    assert '    line "Russia" [4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]' in text
    assert '    line "Ukraine" [0, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]' in text  # 0: before its first word
    assert "- 2025-06-09, Russia, as reported by [Wire]" in text


def test_mermaid_periods() -> None:
    kind, spans = chart_mermaid.periods(date(2025, 1, 10), date(2025, 3, 2))
    assert (kind, [label for label, _ in spans]) == ("month", ["Jan 25", "Feb 25", "Mar 25"])
    assert spans[-1][1] == date(2025, 3, 2)  # the last period ends with the window
    kind, spans = chart_mermaid.periods(date(2021, 12, 17), date(2026, 3, 3))
    assert (kind, len(spans), spans[0][0], spans[-1][0]) == ("quarter", 18, "Q4 21", "Q1 26")
    kind, spans = chart_mermaid.periods(date(2000, 1, 1), date(2025, 1, 1))
    assert (kind, len(spans)) == ("year", 26)


def test_svg_is_self_contained_xml(small: Chart) -> None:
    svg = chart_svg.render_chart(small)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox", "").startswith("0 0 960 ")
    assert root.find("{http://www.w3.org/2000/svg}title") is not None
    assert "href" not in svg and "<script" not in svg and "<style" not in svg
    texts = " ".join(node.text or "" for node in root.iter("{http://www.w3.org/2000/svg}text"))
    for title in ("NATO posture rolled back to 1997", "No further NATO enlargement", "Ukraine joins NATO"):
        assert title in texts
    assert "corrected report" in texts and "Russia" in texts


# --- untrusted text -----------------------------------------------------------

HOSTILE = "<script>alert(1)</script> ]]> \"quoted\" 'single' &amp; \u202eevil\u2066 [bold]markup[/bold]\nnext %%{init}%% `tick` -->"


def hostile(result: Chart) -> Chart:
    issue = msgspec.structs.replace(
        result.issue,
        title=HOSTILE,
        ladder=tuple(LadderLevel(level.id, f"{HOSTILE} {level.title}") for level in result.issue.ladder),
    )
    series = tuple(
        msgspec.structs.replace(item, party=msgspec.structs.replace(item.party, name=f"{HOSTILE}{item.party.name}"))
        for item in result.series
    )
    corrections = tuple(
        msgspec.structs.replace(
            report,
            citation=msgspec.structs.replace(report.citation, publisher=HOSTILE, url="javascript:alert(1)"),
            corrections=tuple(msgspec.structs.replace(note, text=HOSTILE) for note in report.corrections),
        )
        for report in result.corrections
    )
    return msgspec.structs.replace(result, issue=issue, series=series, corrections=corrections)


_SVG_ELEMENTS = {"svg", "title", "desc", "rect", "text", "line", "polyline", "circle", "g", "path"}


def test_hostile_text_is_inert_in_svg(small: Chart) -> None:
    svg = chart_svg.render_chart(hostile(small))
    root = ET.fromstring(svg)  # still well-formed: nothing closed an element or a CDATA
    assert {node.tag.split("}")[1] for node in root.iter()} <= _SVG_ELEMENTS
    assert all(not name.startswith("on") and "href" not in name for node in root.iter() for name in node.attrib)
    assert "\u202e" not in svg and "\u2066" not in svg and "javascript:" not in svg
    texts = [node.text or "" for node in root.iter() if node.tag.endswith(("text", "title", "desc"))]
    assert any("<script>alert(1)</script>" in text for text in texts)  # shown as text, escaped in the file
    assert any("\\u202eevil" in text for text in texts)
    assert all("\n" not in text for text in texts)


_MERMAID_LINE = re.compile(
    r'    (title "[^"]*"'
    r'|x-axis \[("[^"]*", )*"[^"]*"\]'
    r'|y-axis "[^"]*" 0 --> \d+'
    r'|line "[^"]*" \[(\d+, )*\d+\])'
)
_LABEL = re.compile(r'"([^"]*)"')


def test_hostile_text_is_inert_in_mermaid(small: Chart) -> None:
    text = chart_mermaid.render_chart(hostile(small))
    block = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    diagram = block.split("---\n")[2]
    lines = diagram.splitlines()
    assert lines[0] == "xychart-beta"
    for line in lines[1:]:
        assert _MERMAID_LINE.fullmatch(line), line
        for label in _LABEL.findall(line):
            assert re.fullmatch(r"[\w .,'()/\-]*", label), label
    assert "%%" not in block and "<" not in block and "`" not in block and "\u202e" not in block
    rest = text.split("```", 2)[2]
    assert "<script" not in rest and "\u202e" not in rest and "javascript:" not in rest
    for line in rest.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")  # no newline from the data ended a table row
    assert "&lt;script&gt;" in rest


def test_hostile_text_is_inert_in_the_terminal(small: Chart) -> None:
    text = chart_terminal.render_chart(hostile(small), width=100, color=True)
    assert "\u202e" not in text and "\u2066" not in text
    assert "[bold]markup[/bold]" in text.replace("\n", "")  # never read as rich markup
    assert "\\u202eevil" in text
    assert "\x1b]" not in text  # no OSC sequence (links, titles) from the data


def test_nothing_to_draw_is_said_not_drawn() -> None:
    """Mermaid's xychart fails on a chart without a line: say so in words instead."""
    dataset = load_dataset(HERE / "chart_fixture.yaml", today=date(2030, 1, 1))
    empty = chart(dataset, "nato", until=PartialDate(2021, 6))
    assert empty.series == ()
    text = chart_mermaid.render_chart(empty)
    assert "```" not in text and "no party holds a stance" in text
    assert "No party holds a stance" in chart_terminal.render_chart(empty, width=80)
    assert "No party holds a stance" in chart_svg.render_chart(empty)
