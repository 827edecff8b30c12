"""The Markdown that reaches GitHub, parsed as GitHub would: no empty list items, no ragged tables.

A list item that starts with `+` or `-` is a nested list in CommonMark (an empty
bullet with the entry under it); a table row with more or fewer cells than its
header loses or invents cells. Both are checked on the shipped data's biggest outputs.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.diff import diff
from tracker.core.engine.report import report
from tracker.core.engine.review import review
from tracker.load.loader import load_dataset
from tracker.render.markdown import MarkdownRenderer

SHIPPED = Path(__file__).parents[2] / "positions.yaml"
_CELL_BORDER = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(SHIPPED, today=date.today())


def outputs(dataset: Dataset) -> dict[str, str]:
    renderer = MarkdownRenderer()
    everyone = [party.id for party in dataset.parties]
    return {
        "report": renderer.report(report(dataset, None, PartialDate.parse("2025-01"))),
        "diff": renderer.diff(diff(dataset, everyone, None)),
        "diff-window": renderer.diff(
            diff(dataset, everyone, PartialDate.parse("2022-03-01"), PartialDate.parse("2025-07-01"))
        ),
        "review": renderer.review(review(None, dataset, PartialDate.parse("2026-12"))),
    }


def empty_list_items(markdown: str) -> list[int]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found = []
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.type == "list_item_open" and following.type in (
            "list_item_close",
            "bullet_list_open",
            "ordered_list_open",
        ):
            found.append(token.map[0] + 1 if token.map else -1)
    return found


def ragged_rows(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type != "table_open" or token.map is None:
            continue
        rows = lines[token.map[0] : token.map[1]]
        width = len(_CELL_BORDER.split(rows[0].strip().strip("|")))
        found += [row for row in rows if len(_CELL_BORDER.split(row.strip().strip("|"))) != width]
    return found


@pytest.mark.parametrize("name", ["report", "diff", "diff-window", "review"])
def test_no_empty_list_item_and_no_ragged_table(shipped: Dataset, name: str) -> None:
    markdown = outputs(shipped)[name]
    assert empty_list_items(markdown) == []
    assert ragged_rows(markdown) == []


def test_the_checks_can_fail() -> None:
    assert empty_list_items("- + **added** x\n") == [1]
    assert ragged_rows("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n") == ["| 1 | 2 | 3 |"]
