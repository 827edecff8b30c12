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
    are included, with `disputed` true. CSV cells are written as they are: load
    the file with a data tool, not a spreadsheet that runs formulas.

    Example:  tracker export -f csv -o positions.csv
    """
    import csv
    import io
    import json

    from tracker.core.export import COLUMNS, rows

    dataset = load(data)
    buffer = io.StringIO()
    if format is ExportFormat.CSV:
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(dataset))
    else:
        for row in rows(dataset):
            buffer.write(json.dumps(row, ensure_ascii=False) + "\n")
    emit(buffer.getvalue(), output)
