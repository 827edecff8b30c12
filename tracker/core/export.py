"""Rows for other engines (DuckDB, pandas, a warehouse): one kind of row per file.

- `statements`: one row per statement (who, when, where it is recorded, how known);
- `conditions`: one row per condition stated in a statement, with its statement's
  fields beside it, so one file answers most questions without a join;
- `withdrawals`: one row per condition id a statement withdraws.

JSONL keeps lists as arrays and nested records as objects. CSV is the flat form:
lists are joined with `;` (ids never contain one: DuckDB's `string_split(col, ';')`
or pandas' `.str.split(';')` splits them) and quantities and corrections are JSON
text. In both, `date` is the text written in the data (`2024`, `2024-06`,
`2024-06-10`) with its precision in `date_precision` and its span in
`date_start`/`date_end`, so no tool mistakes a year for 1 January.
See docs/export.md.

Text passes the same neutraliser as every other output (docs/security.md):
CSV cells are made inert and formula-safe (`csv_cell`), JSON lines escape C1,
bidi and invisible characters (`json_safe`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import Any

import msgspec

from tracker.core.dataset import Dataset, Placed
from tracker.core.text import csv_cell, json_safe


class RowKind(str, Enum):
    STATEMENTS = "statements"
    CONDITIONS = "conditions"
    WITHDRAWALS = "withdrawals"


# The statement's fields that every kind of row carries, in order.
_WHEN_WHO = (
    "statement_id",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "date_inferred",
    "parties",  # list
    "basis",
    "disputed",
)
_SOURCE = (
    "source_publisher",
    "source_title",
    "source_url",
    "source_via_publisher",  # the mirror or aggregator actually read, when not the original
    "source_via_url",
    "source_published",
)

COLUMNS: dict[RowKind, tuple[str, ...]] = {
    RowKind.STATEMENTS: (
        *_WHEN_WHO,
        "speaker_name",
        "speaker_role",
        *_SOURCE,
        "conditions",  # how many conditions it states
        "withdraws",  # list of condition ids
        "corrections",  # list of {kind, text, date, publisher, url, via}
        "note",
    ),
    RowKind.CONDITIONS: (
        *_WHEN_WHO,
        "condition_id",
        "issue",
        "text",
        "quote",
        "kind",
        "stage",
        "level",
        "level_index",
        "replaces",  # list
        "tags",  # list
        "quantities",  # list of {measure, value, unit, bound}
        "note",
        "speaker_name",
        *_SOURCE,
        "corrections",  # list, as in statements
    ),
    RowKind.WITHDRAWALS: (*_WHEN_WHO, "condition_id", *_SOURCE),
}
LIST_COLUMNS = frozenset({"parties", "withdraws", "replaces", "tags"})
OBJECT_COLUMNS = frozenset({"quantities", "corrections"})


def rows(dataset: Dataset, kind: RowKind) -> Iterator[dict[str, Any]]:
    """Rows of one kind in chronological order, columns as in COLUMNS[kind]. O(S + C)."""
    columns = COLUMNS[kind]
    for placed in dataset.statements:
        common = _statement_fields(dataset, placed)
        statement = placed.statement
        if kind is RowKind.STATEMENTS:
            yield _ordered(columns, common | {"conditions": len(statement.conditions), "note": statement.note})
        elif kind is RowKind.CONDITIONS:
            for condition in statement.conditions:
                issue = dataset.issues_by_id.get(condition.issue)
                level_index = issue.level_index(condition.level) if issue and condition.level else None
                fields = {
                    "condition_id": condition.id,
                    "issue": condition.issue,
                    "text": condition.text,
                    "quote": condition.quote,
                    "kind": condition.kind.value,
                    "stage": condition.stage.value,
                    "level": condition.level,
                    "level_index": level_index,
                    "replaces": list(condition.replaces),
                    "tags": list(condition.tags),
                    "quantities": [msgspec.to_builtins(q) for q in condition.quantities],
                    "note": condition.note,
                }
                yield _ordered(columns, common | fields)
        else:
            for withdrawn in statement.withdraws:
                yield _ordered(columns, common | {"condition_id": withdrawn})


def _statement_fields(dataset: Dataset, placed: Placed) -> dict[str, Any]:
    statement = placed.statement
    source = dataset.resolve_source(statement.source)
    corrections = []
    for correction in statement.corrections:
        cited = dataset.resolve_source(correction.source)
        corrections.append(
            {
                "kind": correction.kind.value,
                "text": correction.text,
                "date": str(correction.date) if correction.date else None,
                "publisher": cited.publisher if cited else None,
                "url": cited.url if cited else None,
                "via": msgspec.to_builtins(cited.via) if cited and cited.via else None,
            }
        )
    return {
        "statement_id": placed.id,
        "date": str(statement.date),
        "date_precision": statement.date.precision.value,
        "date_start": statement.date.start.isoformat(),
        "date_end": statement.date.end.isoformat(),
        "date_inferred": statement.date_inferred,
        "parties": list(placed.parties),
        "basis": statement.basis.value,
        "disputed": statement.disputed,
        "speaker_name": statement.speaker.name if statement.speaker else None,
        "speaker_role": statement.speaker.role if statement.speaker else None,
        "source_publisher": source.publisher if source else None,
        "source_title": source.title if source else None,
        "source_url": source.url if source else None,
        "source_via_publisher": source.via.publisher if source and source.via else None,
        "source_via_url": source.via.url if source and source.via else None,
        "source_published": str(source.published) if source and source.published else None,
        "withdraws": list(statement.withdraws),
        "corrections": corrections,
    }


def _ordered(columns: tuple[str, ...], row: dict[str, Any]) -> dict[str, Any]:
    return {column: row.get(column) for column in columns}


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """One JSON object a line; lossless, with unsafe characters as \\u escapes."""
    return "".join(json_safe(json.dumps(row, ensure_ascii=False)) + "\n" for row in records)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row for CSV: lists joined by `;` (empty: no value), nested records as JSON text."""
    out: dict[str, Any] = {}
    for column, value in row.items():
        if column in LIST_COLUMNS:
            value = ";".join(value) or None
        elif column in OBJECT_COLUMNS:
            value = json.dumps(value, ensure_ascii=False) if value else None
        elif isinstance(value, bool):
            value = "true" if value else "false"  # as JSON writes them, which every CSV reader types as boolean
        out[column] = value
    return out


def to_csv(records: Iterable[dict[str, Any]], columns: tuple[str, ...], cell: Callable[[Any], Any] = csv_cell) -> str:
    """The flat rows as CSV, each cell through `cell` (by default: text on one line,
    control characters visible, no formula start)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in records:
        writer.writerow({column: cell(value) for column, value in flat(row).items()})
    return buffer.getvalue()
