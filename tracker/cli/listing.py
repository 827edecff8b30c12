"""`validate`, `schema`, `parties`, `issues`: the dataset itself, checked or listed."""

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import data_path, load
from tracker.cli.options import Output, OutputOption, renders
from tracker.cli.output import emit, note


@renders(data=False)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Datasets to check: files or directories. [default: $TRACKER_DATA or positions.yaml]",
            show_default=False,
        ),
    ] = None,
    *,
    out: Output,
) -> None:
    """Check datasets and list every problem as FILE:LINE:COL: message.

    Exit code 0 when every dataset is valid, 1 when any has problems, 2 when a
    path cannot be read.

    Example:  tracker validate positions.yaml
    """
    from datetime import date

    from tracker.core.engine.results import CheckedDataset, ValidationReport
    from tracker.core.problems import DatasetError
    from tracker.load.loader import load_dataset

    checked: list[CheckedDataset] = []
    unreadable = False
    for path in paths or [data_path(None)]:
        try:
            dataset = load_dataset(path, today=date.today())
            checked.append(CheckedDataset(str(path), (), dataset))
        except DatasetError as error:
            if error.unreadable:
                unreadable = True
                for problem in error.problems:
                    note(f"tracker: error: {problem}")
                continue
            checked.append(CheckedDataset(str(path), tuple(error.problems), None))
    report = ValidationReport(tuple(checked))
    if checked:
        out.emit(out.renderer().validation(report))
    if report.problem_count:
        note(f"{report.problem_count} problem(s) found")
    if unreadable:
        raise typer.Exit(2)
    raise typer.Exit(0 if report.valid else 1)


def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the positions file format.

    Editors use it to validate and complete as you type: positions.yaml starts
    with a `# yaml-language-server: $schema=schema/positions.schema.json` line.

    Example:  tracker schema -o schema/positions.schema.json
    """
    from tracker.load.schema import schema_text

    emit(schema_text(), output)


@renders()
def parties(*, out: Output) -> None:
    """List the parties in the dataset, with the aliases they answer to.

    Example:  tracker parties --format markdown
    """
    out.emit(out.renderer().parties(load(out.data)))


@renders()
def issues(*, out: Output) -> None:
    """List the issues in the dataset, with each ladder from pole to pole.

    Example:  tracker issues --format json
    """
    out.emit(out.renderer().issues(load(out.data)))
