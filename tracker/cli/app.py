"""The `tracker` application: builds it and registers each command.

The commands live one module (or small group) each under tracker/cli/; their
shared options in options.py. Heavy modules (pydantic, yaml, rich rendering)
are imported inside commands so that `tracker --help` stays quick.
"""

import importlib
from typing import Annotated, Any

import typer
from typer._click import Command, Context, HelpFormatter

from tracker import __version__
from tracker.cli.output import TrackerGroup, run_guarded

# name -> (module, function, the one-line help `tracker --help` lists). A command's
# module is imported, and its options built, only when that command runs: building
# all fifteen cost about 15 ms of every start. tests/cli/test_lazy_commands.py holds
# the one-line help to each command's own docstring.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": ("listing", "validate", "Check datasets and list every problem as FILE:LINE:COL: message."),
    "schema": ("listing", "schema", "Print the JSON Schema of the positions file format."),
    "parties": ("listing", "parties", "List the parties in the dataset, with the aliases they answer to."),
    "issues": ("listing", "issues", "List the issues in the dataset, with each ladder from pole to..."),
    "show": ("views", "show", "Show what a party demands on each issue, with the source of..."),
    "diff": ("views", "diff", "Show what shifted between two dates: a headline in words per..."),
    "compare": ("views", "compare", "Put parties side by side: the issue × party matrix and the..."),
    "timeline": ("views", "timeline", "List statements in order, and what each did to its party's..."),
    "report": ("report", "report", "One report for CI: where each side stands, a chart per issue..."),
    "review": ("report", "review", "Review a change to the dataset in git: statements added,..."),
    "add": ("add", "add", "Add a statement to the dataset: validated with it, placed in..."),
    "export": ("export", "export", "Export one kind of row, with every field, for DuckDB, pandas or..."),
    "extract": ("extract_cmd", "extract", "Draft candidate statements from a news article, as YAML for..."),
    "chart": ("chart_cmd", "chart", "Chart each party's ask on a laddered issue over time, with the..."),
    "init": ("init_cmd", "init", "Start a dataset: a small valid positions.yaml for a conflict,..."),
}


class LazyGroup(TrackerGroup):
    """`tracker`'s commands, each built from its module only when it is asked for."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        return command(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, _, short) in COMMANDS.items()])


def command(name: str) -> Command:
    """One command, as typer would have built it at registration."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module, function, _ = COMMANDS[name]
    callback: Any = getattr(importlib.import_module(f"tracker.cli.{module}"), function)
    return get_command_from_info(
        CommandInfo(name=name, callback=callback), pretty_exceptions_short=False, rich_markup_mode=None
    )


app = typer.Typer(
    name="tracker",
    cls=LazyGroup,
    help=(
        "Track what each side of a conflict demands, how that changed, and whether "
        "the sides are converging, with a source for every line.\n\n"
        "The data lives in a YAML file (default: ./positions.yaml, or $TRACKER_DATA). "
        "Dates are DATE: YYYY-MM-DD, YYYY-MM or YYYY. docs/cli.md lists every option.\n\n"
        "\b\n"
        "Examples:\n"
        "  tracker validate positions.yaml\n"
        "  tracker show russia --at 2022-04\n"
        "  tracker diff russia --from 2022-03-01 --to 2025-07-01 --issue nato\n"
        "  tracker compare russia ukraine --from 2022-04 --at 2025-07"
    ),
    no_args_is_help=True,
    add_completion=True,  # typer's --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def main() -> None:
    from tracker import collector

    # A command runs for a moment and builds large acyclic structures: see tracker.collector.
    with collector.paused():
        run_guarded(app)  # a failing stdout is one line and exit 2, never a traceback
