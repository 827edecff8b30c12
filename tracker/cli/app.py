"""`tracker` commands. Each one parses, calls the library, renders, exits.

Heavy modules (pydantic, yaml, rich rendering) are imported inside commands so
that `tracker --help` stays quick.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from tracker import __version__
from tracker.cli.output import FORMAT_HELP, Color, Format, emit, fail, note, terminal_width, use_color

if TYPE_CHECKING:
    from tracker.core.dataset import Dataset

DEFAULT_DATA = Path("positions.yaml")

app = typer.Typer(
    name="tracker",
    help=(
        "Track what each side of a conflict demands, how that changed, and whether "
        "the sides are converging, with a source for every line.\n\n"
        "The data lives in a YAML file (default: ./positions.yaml, or $TRACKER_DATA)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional here
    typer.Option(
        "--data",
        "-d",
        help="Dataset: a YAML file or a directory of *.yaml files. [default: $TRACKER_DATA or positions.yaml]",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=FORMAT_HELP)]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False),
]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour in terminal output; NO_COLOR is honoured by auto.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tracker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Track stated peace conditions over time."""


def _data_path(data: Path | None) -> Path:
    if data is not None:
        return data
    from_env = os.environ.get("TRACKER_DATA")
    return Path(from_env) if from_env else DEFAULT_DATA


def load(data: Path | None) -> Dataset:
    """The dataset, or a clean exit 2 listing every problem on stderr."""
    from datetime import date

    from tracker.core.problems import DatasetError
    from tracker.load.loader import load_dataset

    path = _data_path(data)
    try:
        return load_dataset(path, today=date.today())
    except DatasetError as error:
        for problem in error.problems:
            note(str(problem))
        hint = "" if error.unreadable else f"; run `tracker validate {path}` for details"
        fail(f"cannot load {path}{hint}")
        raise AssertionError("unreachable") from None


def _renderer(format: Format, color: Color, output: Path | None):  # type: ignore[no-untyped-def]
    from tracker.render import renderer_for

    return renderer_for(format, color=use_color(color, output), width=terminal_width(output))


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Datasets to check: files or directories. [default: $TRACKER_DATA or positions.yaml]",
            show_default=False,
        ),
    ] = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Check datasets and list every problem as FILE:LINE:COL: message.

    Exit code 0 when every dataset is valid, 1 when any has problems, 2 when a
    path cannot be read.

    Example:  tracker validate positions.yaml
    """
    from datetime import date

    from tracker.core.problems import DatasetError
    from tracker.core.results import CheckedDataset, ValidationReport
    from tracker.load.loader import load_dataset

    checked: list[CheckedDataset] = []
    unreadable = False
    for path in paths or [_data_path(None)]:
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
        emit(_renderer(format, color, output).validation(report), output)
    if report.problem_count:
        note(f"{report.problem_count} problem(s) found")
    if unreadable:
        raise typer.Exit(2)
    raise typer.Exit(0 if report.valid else 1)


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the positions file format.

    Editors use it to validate and complete as you type: positions.yaml starts
    with a `# yaml-language-server: $schema=schema/positions.schema.json` line.

    Example:  tracker schema -o schema/positions.schema.json
    """
    from tracker.load.schema import schema_text

    emit(schema_text(), output)


@app.command()
def parties(
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """List the parties in the dataset, with the aliases they answer to.

    Example:  tracker parties --format markdown
    """
    dataset = load(data)
    emit(_renderer(format, color, output).parties(dataset), output)


@app.command()
def issues(
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """List the issues in the dataset, with each ladder from pole to pole.

    Example:  tracker issues --format json
    """
    dataset = load(data)
    emit(_renderer(format, color, output).issues(dataset), output)


def main() -> None:
    app()
