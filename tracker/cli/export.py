"""`export`: one kind of row per file, for data tools."""

from enum import Enum
from typing import Annotated

import typer

from tracker.cli.common import load
from tracker.cli.options import DataOption, OutputOption
from tracker.cli.output import emit


class ExportFormat(str, Enum):
    JSONL = "jsonl"
    CSV = "csv"


class ExportRows(str, Enum):  # tracker.core.export.RowKind, kept here so that --help imports no core
    STATEMENTS = "statements"
    CONDITIONS = "conditions"
    WITHDRAWALS = "withdrawals"


def export(
    what: Annotated[
        ExportRows,
        typer.Argument(
            help="Which rows: statements, conditions (one per condition stated) or withdrawals.",
            metavar="ROWS",
            show_default=False,
        ),
    ],
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl (one JSON object a line, real lists) or csv (flat).")
    ] = ExportFormat.JSONL,
    data: DataOption = None,
    output: OutputOption = None,
) -> None:
    """Export one kind of row, with every field, for DuckDB, pandas or a warehouse.

    JSONL keeps lists and nested records, and is lossless. CSV is the flat form
    (lists joined with `;`, quantities and corrections as JSON text); its text is
    kept on one line (a line break shows as ⏎) and a cell starting with = + - @
    gets a leading ' so that spreadsheets do not run it (docs/security.md).
    Columns, and DuckDB and pandas examples: docs/export.md. Corrected or
    disputed statements are included, with `disputed` true.

    Example:  tracker export conditions -o conditions.jsonl
    """
    from tracker.core.export import COLUMNS, RowKind, rows, to_csv, to_jsonl

    dataset = load(data)
    kind = RowKind(what.value)
    records = rows(dataset, kind)
    emit(to_csv(records, COLUMNS[kind]) if format is ExportFormat.CSV else to_jsonl(records), output)
