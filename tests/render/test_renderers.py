"""Golden output per renderer, and untrusted text kept inert in every format."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import msgspec
import pytest
from markdown_it import MarkdownIt

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.compare import compare
from tracker.core.engine.diff import diff
from tracker.core.engine.position import position
from tracker.core.engine.results import CheckedDataset, Report, ValidationReport
from tracker.core.engine.review import review
from tracker.core.engine.timeline import timeline
from tracker.core.problems import Problem
from tracker.load.loader import load_dataset
from tracker.render import Format, renderer_for
from tracker.render.markdown import md_text, mermaid_text

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
FROM, TO = PartialDate.parse("2022-03-01"), PartialDate.parse("2025-07-01")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(HERE / "fixture.yaml", today=date(2026, 11, 27))


def _validation(dataset: Dataset) -> ValidationReport:
    """One dataset valid, one with two problems (the second without a position)."""
    problems = (
        Problem("unknown party `ukrane`; did you mean `ukraine`?", "bad.yaml", line=46, column=12),
        Problem("directory holds no *.yaml files", "empty"),
    )
    return ValidationReport((CheckedDataset("fixture.yaml", (), dataset), CheckedDataset("bad.yaml", problems, None)))


def outputs(dataset: Dataset, format: Format) -> dict[str, str]:
    renderer = renderer_for(format, color=False, width=100)
    comparison = compare(dataset, ["russia", "ukraine"], at=TO, since=PartialDate.parse("2022-04"))
    report = Report(
        title="Report",
        positions=comparison.positions,
        recent=diff(dataset, ["russia", "ukraine"], FROM, TO),
        comparison=comparison,
        timeline=timeline(dataset, include_disputed=True),
    )
    return {
        "position": renderer.position(position(dataset, "russia", TO)),
        "diff": renderer.diff(diff(dataset, ["russia"], FROM, TO)),
        "compare": renderer.comparison(comparison),
        "timeline": renderer.timeline(timeline(dataset, include_disputed=True)),
        "report": renderer.report(report),
        "review": renderer.review(review(_without(dataset, "ru-2"), dataset, TO, ("main", "pr"))),
        "parties": renderer.parties(dataset),
        "issues": renderer.issues(dataset),
        "validation": renderer.validation(_validation(dataset)),
    }


def _without(dataset: Dataset, statement_id: str) -> Dataset:
    """The same dataset, one statement fewer: the base side of a review."""
    (name, content), *_ = dataset.files
    kept = tuple(s for s in content.statements if s.id != statement_id)
    return Dataset(files=((name, msgspec.structs.replace(content, statements=kept)),))


SUFFIX = {Format.TERMINAL: "txt", Format.MARKDOWN: "md", Format.JSON: "json"}


OUTPUTS = ["position", "diff", "compare", "timeline", "report", "review", "parties", "issues", "validation"]


@pytest.fixture(scope="module")
def rendered(dataset: Dataset) -> dict[Format, dict[str, str]]:
    return {format: outputs(dataset, format) for format in Format}


@pytest.mark.parametrize("format", list(Format), ids=lambda format: SUFFIX[format])
@pytest.mark.parametrize("name", OUTPUTS)
def test_golden(rendered: dict[Format, dict[str, str]], name: str, format: Format) -> None:
    """Byte-for-byte stable output, each file on its own.

    UPDATE_GOLDEN=1 rewrites a file that differs and fails, so that a rewrite is
    never a pass: review `git diff tests/render/golden`, then run again without it.
    """
    text = rendered[format][name]
    golden = GOLDEN / f"{name}.{SUFFIX[format]}"
    old = golden.read_text(encoding="utf-8") if golden.exists() else None
    if os.environ.get("UPDATE_GOLDEN") and text != old:
        golden.write_text(text, encoding="utf-8")
        pytest.fail(f"{golden.name} rewritten; review the change and run again without UPDATE_GOLDEN")
    assert old is not None, f"{golden.name} is missing; create it with UPDATE_GOLDEN=1"
    assert text == old, f"{golden.name} changed"


def test_json_counts_what_each_valid_dataset_holds(rendered: dict[Format, dict[str, str]], dataset: Dataset) -> None:
    valid, invalid = json.loads(rendered[Format.JSON]["validation"])["data"]["datasets"]
    assert valid["statements"] == len(dataset.statements) and valid["valid"] is True
    assert valid["parties"] == len(dataset.parties) and valid["issues"] == len(dataset.issues)
    assert "statements" not in invalid and [p["line"] for p in invalid["problems"]] == [46, None]


def test_json_is_a_versioned_envelope(dataset: Dataset) -> None:
    document = json.loads(outputs(dataset, Format.JSON)["diff"])
    assert (document["format"], document["version"], document["kind"]) == ("tracker", 1, "diff")
    [russia] = document["data"]["parties"]
    [nato] = russia["issues"]
    assert [c["kind"] for c in nato["changes"]] == ["added"]
    assert russia["disputed"][0]["conditions"][0]["id"] == "ru-baltic"


# --- untrusted text -----------------------------------------------------------

ATTACKS = {
    "pipe": "a | b",
    "html": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
    "backticks": "```fence``` and `code`",
    "heading": "# Heading",
    "list": "- item",
    "link": "[link](http://e.vil)",
    "image": "![img](http://e.vil/i.png)",
    "mention": "@octocat",
    "ref": "#12",
    "autolink": "https://e.vil and www.e.vil",
    "emphasis": "**bold** _it_",
}


def _inline_tokens(markdown: str) -> list[str]:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    kinds = []
    for token in parser.parse(markdown):
        kinds.append(token.type)
        kinds += [child.type for child in token.children or []]
    return kinds


@pytest.mark.parametrize("name", ATTACKS)
def test_md_text_is_inert(name: str) -> None:
    escaped = md_text(ATTACKS[name])
    kinds = _inline_tokens(f"| a |\n| --- |\n| {escaped} |\n")
    assert not {
        "html_inline",
        "html_block",
        "link_open",
        "image",
        "code_inline",
        "strong_open",
        "em_open",
        "fence",
    } & set(kinds)
    assert kinds.count("td_open") == 1  # still one cell: the pipe did not split it
    for marker, broken in (("@", "@&#8203;"), ("#", "#&#8203;"), ("www.", "w&#8203;ww.")):
        if any(piece.startswith(marker) and len(piece) > len(marker) for piece in ATTACKS[name].split()):
            assert broken in escaped  # mentions, refs and autolinks broken
    if "://" in ATTACKS[name]:
        assert "://" not in escaped.replace("&#8203;://", "")  # the scheme is cut from its address


def test_markdown_tables_have_the_intended_shape(dataset: Dataset) -> None:
    markdown = outputs(dataset, Format.MARKDOWN)["compare"]
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 3
    rows = [t for t in tokens if t.type == "tr_open"]
    # NATO: header + 2 parties with a stance; unladdered issues: header + 1; gaps: header + 1 pair
    assert len(rows) == (1 + 2) + (1 + 1) + (1 + 1)
    assert all(t.type not in ("html_block", "html_inline") for t in tokens)


def test_markdown_report_has_no_live_html_from_data(dataset: Dataset) -> None:
    markdown = outputs(dataset, Format.MARKDOWN)["report"]
    parser = MarkdownIt("commonmark").enable("table")
    html_bits = [
        child.content
        for token in parser.parse(markdown)
        for child in [token, *(token.children or [])]
        if child.type in ("html_inline", "html_block")
    ]
    allowed = ("<details>", "<summary>", "</summary>", "</details>", "<br>", "<del>", "</del>", "<ins>", "</ins>")
    for bit in html_bits:
        stripped = bit
        for tag in allowed:
            stripped = stripped.replace(tag, "")
        assert "<" not in stripped and ">" not in stripped, bit


def test_mermaid_labels_keep_only_plain_characters() -> None:
    assert mermaid_text("a: b; c # <b>x</b> %%{init}%% `y`") == "a b c b x /b init y"


def test_terminal_never_interprets_markup_or_escapes(dataset: Dataset) -> None:
    text = outputs(dataset, Format.TERMINAL)["position"]
    assert "Russia [bold red]x[/]" in text
    assert "[bold]rich[/bold]" in outputs(dataset, Format.TERMINAL)["timeline"]
    assert "\x1b" not in text


def test_terminal_shows_control_characters_as_escapes() -> None:
    from tracker.render.terminal_text import plain

    assert plain("a\x1b[31mb\x07").plain == "a\\u001b[31mb\\u0007"


def test_parties_show_speakers_only_when_a_party_lists_some() -> None:
    # the shipped data lists none (the goldens have no column); a small dataset does
    small = Path(__file__).resolve().parents[1] / "extract" / "real" / "datasets" / "armenia-azerbaijan.yaml"
    listed = load_dataset(small, today=date(2026, 11, 27))
    terminal = renderer_for(Format.TERMINAL, color=False).parties(listed)
    assert "speakers" in terminal.splitlines()[2] and "Ilham Aliyev" in terminal
    markdown = renderer_for(Format.MARKDOWN).parties(listed)
    assert "| id | name | kind | aliases | speakers |" in markdown
    assert "| `azerbaijan` | Azerbaijan | state | Baku | Ilham Aliyev, " in markdown
