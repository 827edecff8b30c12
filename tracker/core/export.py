"""Flat rows for other engines: one per condition stated or withdrawn in a statement.

DuckDB, pandas or a warehouse can take over from here; see docs/performance.md.
Text cells pass the same neutraliser as every other output (docs/security.md):
`csv_rows` makes each cell inert and formula-safe, `jsonl_line` escapes C1,
bidi and invisible characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import msgspec

from tracker.core.dataset import Dataset
from tracker.core.text import csv_cell, json_safe

COLUMNS = (
    "event",  # "states" or "withdraws"
    "statement_id",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "date_inferred",
    "parties",  # joined by ";" for joint texts
    "speaker_name",
    "speaker_role",
    "basis",
    "source_publisher",
    "source_title",
    "source_url",
    "source_via_publisher",  # the mirror or aggregator actually read, when not the original
    "source_via_url",
    "source_published",
    "disputed",
    "corrections",  # JSON list of {kind, text, date, publisher, url, via}
    "condition_id",
    "issue",
    "text",
    "quote",
    "kind",
    "stage",
    "level",
    "level_index",
    "replaces",  # joined by ";"
    "tags",  # joined by ";"
    "quantities",  # JSON list of {measure, value, unit, bound}
    "condition_note",
    "statement_note",
)


def rows(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """Rows in chronological order, columns as in COLUMNS. O(S + C)."""
    for placed in dataset.statements:
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
        common: dict[str, Any] = {
            "statement_id": placed.id,
            "date": str(statement.date),
            "date_precision": statement.date.precision.value,
            "date_start": statement.date.start.isoformat(),
            "date_end": statement.date.end.isoformat(),
            "date_inferred": statement.date_inferred,
            "parties": ";".join(placed.parties),
            "speaker_name": statement.speaker.name if statement.speaker else None,
            "speaker_role": statement.speaker.role if statement.speaker else None,
            "basis": statement.basis.value,
            "source_publisher": source.publisher if source else None,
            "source_title": source.title if source else None,
            "source_url": source.url if source else None,
            "source_via_publisher": source.via.publisher if source and source.via else None,
            "source_via_url": source.via.url if source and source.via else None,
            "source_published": str(source.published) if source and source.published else None,
            "disputed": statement.disputed,
            "corrections": json.dumps(corrections, ensure_ascii=False) if corrections else None,
            "statement_note": statement.note,
        }
        for condition in statement.conditions:
            issue = dataset.issues_by_id.get(condition.issue)
            level_index = issue.level_index(condition.level) if issue and condition.level else None
            quantities = [msgspec.to_builtins(q) for q in condition.quantities]
            yield _ordered(
                common
                | {
                    "event": "states",
                    "condition_id": condition.id,
                    "issue": condition.issue,
                    "text": condition.text,
                    "quote": condition.quote,
                    "kind": condition.kind.value,
                    "stage": condition.stage.value,
                    "level": condition.level,
                    "level_index": level_index,
                    "replaces": ";".join(condition.replaces) or None,
                    "tags": ";".join(condition.tags) or None,
                    "quantities": json.dumps(quantities, ensure_ascii=False) if quantities else None,
                    "condition_note": condition.note,
                }
            )
        for withdrawn in statement.withdraws:
            yield _ordered(common | {"event": "withdraws", "condition_id": withdrawn})


def _ordered(row: dict[str, Any]) -> dict[str, Any]:
    return {column: row.get(column) for column in COLUMNS}


def csv_rows(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """`rows` for CSV: text on one line, control characters visible, no formula start."""
    for row in rows(dataset):
        yield {column: csv_cell(value) for column, value in row.items()}


def jsonl_line(row: dict[str, Any]) -> str:
    """One row as a JSON line; lossless, with unsafe characters as \\u escapes."""
    return json_safe(json.dumps(row, ensure_ascii=False)) + "\n"
