"""The options and arguments that several commands share, declared once.

docs/cli.md states the vocabulary: `--at` is a point in time, `--from`/`--to`
a window, parties are positional, `--data`/`--format`/`--output`/`--color`
mean the same in every command.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TypeAlias, TypeVar

import typer

from tracker.cli.complete import complete_issue, complete_party
from tracker.cli.output import Color, emit, fail, note, renderer
from tracker.render import Format

if TYPE_CHECKING:
    from tracker.core.dates import PartialDate
    from tracker.render.base import Renderer

    Date: TypeAlias = PartialDate
else:
    # typer reads annotations at run time; importing the dates module (and
    # msgspec) for that would slow `tracker --help`. The parser makes the value.
    Date = object

T = TypeVar("T")


def parse_date(text: str) -> Date:
    """The DATE parameter type: one parser, one error message."""
    from tracker.core.dates import PartialDate

    try:
        return PartialDate.parse(text)
    except ValueError as error:  # "'2022-13' is not a date; use ...", "2022-02 has no day 30"
        raise typer.BadParameter(str(error)) from None


def _date_option(*names: str, help: str, hidden: bool = False) -> Any:
    return typer.Option(*names, help=help, parser=parse_date, metavar="DATE", show_default=False, hidden=hidden)


def replaced(new_value: T | None, old_value: T | None, new: str, old: str) -> T | None:
    """The value of an option that has an old spelling kept for one release."""
    if old_value is None:
        return new_value
    if new_value is not None:
        raise typer.BadParameter(f"give {new} only ({old} is its old spelling)", param_hint=old)
    note(f"tracker: warning: {old} is deprecated and will be removed; use {new}")
    return old_value


def check_window(start: Date | None, end: Date | None, start_option: str, end_option: str) -> None:
    """A window that starts after it ends is a usage error, never a reversed diff."""
    if start is not None and end is not None and start.start > end.end:
        fail(f"{start_option} {start} is after {end_option} {end}")


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        help="Dataset: a YAML file or a directory of *.yaml files. [default: $TRACKER_DATA or positions.yaml]",
        show_default=False,
    ),
]
FORMAT_HELP = "Output format: terminal (rich tables), markdown (GitHub) or json."
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=FORMAT_HELP)]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False),
]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour in terminal output; NO_COLOR is honoured by auto.")]
MaxCharsOption = Annotated[
    int,
    typer.Option(
        "--max-chars",
        min=2000,
        help="Markdown size limit in UTF-8 bytes (so also in characters): whole sections and table rows "
        "beyond it are left out, with a visible note. GitHub allows 65536 characters in a comment and "
        "1 MiB in a job summary.",
    ),
]


def at_option(help: str) -> Any:
    """`--at DATE`, a point in time; what it defaults to differs by command."""
    return _date_option("--at", help=help)


AtOption = Annotated[Date | None, at_option("As of the end of this date. [default: today]")]


def from_option(help: str) -> Any:
    """`--from DATE`, the start of a window; what it starts differs by command."""
    return _date_option("--from", help=help)


def to_option(help: str) -> Any:
    """`--to DATE`, the end of a window, inclusive."""
    return _date_option("--to", help=help)


# `--since` was the start of the window in compare and report until 0.2.
SinceAlias = Annotated[Date | None, _date_option("--since", help="Old spelling of --from.", hidden=True)]

PartiesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Parties (id, name or alias). [default: all]", show_default=False, autocompletion=complete_party
    ),
]
IssueOption = Annotated[
    str | None, typer.Option("--issue", "-i", help="Only this issue (id or title).", autocompletion=complete_issue)
]
IncludeDisputedOption = Annotated[
    bool,
    typer.Option(
        "--include-disputed",
        help="Count statements that a later source corrected or disputed (always shown, labelled).",
    ),
]


class Output(NamedTuple):
    """The shared options of a command that renders a result: where the data is, and how and where to write."""

    data: Path | None
    format: Enum  # Format, or a command's own formats that include Format's (report's adds html)
    output: Path | None
    color: Color

    def renderer(self, max_chars: int = 1_000_000) -> Renderer:
        return renderer(Format(self.format.value), self.color, self.output, max_chars)

    def emit(self, text: str) -> None:
        emit(text, self.output)


def renders(
    default: Enum = Format.TERMINAL, *, data: bool = True, format_option: Any = FormatOption
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command `--data` (unless data=False), `--format`, `--output` and `--color`, as one `out: Output`.

    The options join the end of the command's signature, where typer reads them;
    the command itself takes `out` instead of four parameters. A command with
    more formats than the renderers' passes its own `format_option`.
    """

    def wrap(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "out"]
        shared = [
            *(
                [inspect.Parameter("data", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=DataOption)]
                if data
                else []
            ),
            inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=default, annotation=format_option),
            inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=OutputOption),
            inspect.Parameter("color", inspect.Parameter.KEYWORD_ONLY, default=Color.AUTO, annotation=ColorOption),
        ]

        @functools.wraps(command)
        def run(
            *args: Any,
            data: Path | None = None,
            format: Enum = default,
            output: Path | None = None,
            color: Color = Color.AUTO,
            **kwargs: Any,
        ) -> None:
            command(*args, out=Output(data, format, output, color), **kwargs)

        run.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        run.__annotations__ = {}  # typer reads the signature above, not the wrapped function's annotations
        return run

    return wrap
