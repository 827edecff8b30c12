"""The `tracker` application: builds it and registers each command.

The commands live one module (or small group) each under tracker/cli/; their
shared options in options.py. Heavy modules (pydantic, yaml, rich rendering)
are imported inside commands so that `tracker --help` stays quick.
"""

from typing import Annotated

import typer

from tracker import __version__
from tracker.cli import add, chart_cmd, export, extract_cmd, init_cmd, listing, report, views
from tracker.cli.output import TrackerGroup, run_guarded

app = typer.Typer(
    name="tracker",
    cls=TrackerGroup,
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


for command in (
    listing.validate,
    listing.schema,
    listing.parties,
    listing.issues,
    views.show,
    views.diff,
    views.compare,
    views.timeline,
    report.report,
    report.review,
    add.add,
    export.export,
    extract_cmd.extract,
    chart_cmd.chart,
    init_cmd.init,
):
    app.command()(command)


def main() -> None:
    from tracker import collector

    # A command runs for a moment and builds large acyclic structures: see tracker.collector.
    with collector.paused():
        run_guarded(app)  # a failing stdout is one line and exit 2, never a traceback
