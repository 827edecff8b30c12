"""Adding a statement to a positions file as text, touching no existing line.

The file is never re-emitted: the new statement is rendered on its own and its
lines are inserted, so comments, key order, quoting and indentation elsewhere
stay byte for byte, and `git diff` shows only added lines. `Layout` keeps
what the text does not show: a UTF-8 byte order mark, CRLF line ends and a
missing final newline are written back as they were.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

import yaml

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.load.yaml_parse import Parsed


class _BlockDumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as the file has them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# Dates stay plain (`2025-06-09`, as in the file): tracker reads YAML 1.2, where a
# date is text anyway. Other YAML 1.1 booleans (`no`, `on`) are still quoted.
_BlockDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}

_STATEMENT_ORDER = ("id", "party", "parties", "date", "date_inferred", "speaker", "source", "see_also", "basis")
_CONDITION_ORDER = ("id", "issue", "text", "quote", "kind", "stage", "level", "replaces")


def _ordered(mapping: dict[str, Any], first: tuple[str, ...]) -> dict[str, Any]:
    """Keys in the format's usual order; unknown keys keep theirs, after."""
    known = {key: mapping[key] for key in first if key in mapping}
    return known | {key: value for key, value in mapping.items() if key not in known}


def canonical(statement: dict[str, Any]) -> dict[str, Any]:
    result = _ordered(statement, _STATEMENT_ORDER)
    if isinstance(result.get("conditions"), list):
        result["conditions"] = [
            _ordered(c, _CONDITION_ORDER) if isinstance(c, dict) else c for c in result["conditions"]
        ]
    return result


def render_statement(statement: dict[str, Any], dash_column: int) -> list[str]:
    """The statement as YAML lines (with newlines), a list item at `dash_column`."""
    text = yaml.dump(
        [canonical(statement)],
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    # a blank line inside a block scalar stays empty: indenting it would leave trailing spaces
    return [(" " * dash_column + line if line else "") + "\n" for line in text.splitlines()]


class EditRefused(ValueError):
    """The file is laid out in a way an insertion cannot respect; the message says what to change."""


@dataclass(frozen=True)
class Layout:
    """How a file's bytes are laid out beyond its text: BOM, line ends, final newline."""

    bom: bool
    newline: str
    final_newline: bool

    @classmethod
    def of(cls, data: bytes) -> Layout:
        """The layout of a file; EditRefused for line ends an insertion could not match."""
        crlf = data.count(b"\r\n")
        if data.count(b"\r") != crlf:
            raise EditRefused(
                "has carriage returns that do not end a line as CRLF; save it with LF or CRLF line ends before adding"
            )
        if crlf and crlf != data.count(b"\n"):
            raise EditRefused("mixes CRLF and LF line ends; convert it to one of them (e.g. dos2unix) before adding")
        return cls(data.startswith(codecs.BOM_UTF8), "\r\n" if crlf else "\n", data.endswith(b"\n") or not data)

    def encode(self, text: str) -> bytes:
        """Text with LF line ends (as `insert_lines` makes it) back in this layout."""
        if self.newline != "\n":
            text = text.replace("\r\n", "\n").replace("\n", self.newline)
        if not self.final_newline and text.endswith(self.newline):
            text = text[: -len(self.newline)]
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def to_lf(self, text: str) -> str:
        """The decoded text (BOM already removed) with LF line ends and a final newline."""
        text = text.replace("\r\n", "\n") if self.newline != "\n" else text
        return text if text.endswith("\n") or not text else text + "\n"


def check_block_style(text: str, parsed: Parsed) -> None:
    """EditRefused when `statements` is a flow sequence (`statements: [...]`): lines cannot be inserted into it."""
    where = parsed.values.get(("statements",))
    if where is None:
        return
    line, column = where
    lines = text.splitlines()
    if line - 1 < len(lines) and lines[line - 1][column - 1 : column] == "[":
        raise EditRefused(
            f"`statements` (line {line}) is written in flow style, `[...]`; write it as a block list, "
            "one `- ` item per statement, to add to it"
        )


def insertion_point(text: str, parsed: Parsed, dataset: Dataset, party: str, day: PartialDate) -> tuple[int, int]:
    """(0-based line to insert before, dash column) for a statement of `party` on `day`.

    After the party's last statement dated on or before `day` (its chronological
    place within the party), else before the party's first statement, else at
    the end of `statements`. Comment lines directly above the next statement
    belong to it and stay with it.
    """
    lines = text.splitlines(keepends=True)
    count = sum(1 for key in parsed.values if len(key) == 2 and key[0] == "statements")
    starts = [parsed.values[("statements", i)] for i in range(count)]
    if not starts:
        return _first_statement_line(lines, parsed), 2
    dash_column = _dash_column(lines[starts[0][0] - 1], starts[0][1])
    # The party's own statements (not joint texts) mark its section of the file.
    own = [p for p in dataset.statements if p.parties == (party,)] or [
        p for p in dataset.statements if party in p.parties
    ]
    earlier = [p for p in own if p.statement.date <= day]
    if earlier:
        after = max(earlier, key=lambda p: (p.statement.date.sort_key, p.index)).index
    elif own:
        first = min(own, key=lambda p: (p.statement.date.sort_key, p.index)).index
        return _before_comments(lines, starts[first][0] - 1), dash_column
    else:
        after = count - 1
    if after + 1 < count:
        return _before_comments(lines, starts[after + 1][0] - 1), dash_column
    return _end_of_item(lines, starts[after][0] - 1, dash_column), dash_column


def _first_statement_line(lines: list[str], parsed: Parsed) -> int:
    """Where the first statement goes: right under a top-level `statements:` with no value
    (as `tracker init` writes it)."""
    key = parsed.keys.get(("statements",))
    empty = isinstance(parsed.data, dict) and parsed.data.get("statements") is None
    if key is None or key[1] != 1 or not empty or lines[key[0] - 1].rstrip() != "statements:":
        raise ValueError("the file has no statements yet: end it with a line `statements:` and nothing after it")
    return key[0]


def _dash_column(line: str, value_column: int) -> int:
    """The column of the `-` that opens the list item whose mapping starts at value_column."""
    dash = line.rfind("-", 0, value_column - 1)
    return dash if dash >= 0 else max(value_column - 3, 0)


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _before_comments(lines: list[str], index: int) -> int:
    while index > 0 and _is_blank_or_comment(lines[index - 1]) and lines[index - 1].strip():
        index -= 1
    return index


def _end_of_item(lines: list[str], start: int, dash_column: int) -> int:
    """The line after the last content line of the list item starting at `start`."""
    end = start + 1
    last_content = start
    while end < len(lines):
        line = lines[end]
        if not _is_blank_or_comment(line):
            indent = len(line) - len(line.lstrip(" "))
            if indent <= dash_column:
                break
            last_content = end
        end += 1
    return last_content + 1


def insert_lines(text: str, index: int, block: list[str]) -> str:
    """Insert whole lines; keep the file's habit of a blank line between items."""
    lines = text.splitlines(keepends=True)
    if index > 0 and not lines[index - 1].endswith("\n"):
        lines[index - 1] += "\n"
    separated = index > 0 and not lines[index - 1].strip() and index < len(lines)
    addition = [*block, "\n"] if separated else block
    return "".join(lines[:index] + addition + lines[index:])
