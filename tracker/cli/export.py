"""`export`: one row per condition, for data tools."""

from enum import Enum
from typing import Annotated

import typer

from tracker.cli.common import load
from tracker.cli.options import DataOption, OutputOption
from tracker.cli.output import emit


class ExportFormat(str, Enum):
    JSONL = "jsonl"
    CSV = "csv"


def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl (one JSON object a line) or csv.")
    ] = ExportFormat.JSONL,
    data: DataOption = None,
    output: OutputOption = None,
) -> None:
    """Export one row per condition stated or withdrawn, with every field, for DuckDB, pandas or a warehouse.

    Columns are listed in docs/performance.md. Corrected or disputed statements
    are included, with `disputed` true. JSONL is lossless. CSV text is kept on
    one line (a line break shows as ⏎) and a cell starting with = + - @ gets a
    leading ' so that spreadsheets do not run it (docs/security.md).

    Example:  tracker export -f csv -o positions.csv
    """
    import csv
    import io

    from tracker.core.export import COLUMNS, csv_rows, jsonl_line, rows

    dataset = load(data)
    buffer = io.StringIO()
    if format is ExportFormat.CSV:
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_rows(dataset))
    else:
        for row in rows(dataset):
            buffer.write(jsonl_line(row))
    emit(buffer.getvalue(), output)
