"""`tracker chart ISSUE [PARTY...]`: each party's stance on one laddered issue over time.

The command parses, calls `tracker.core.engine.chart`, and hands the result to one
chart renderer; cairosvg is imported only when a PNG is asked for.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import load
from tracker.cli.options import ColorOption, DataOption, Date, OutputOption, check_window, from_option, to_option
from tracker.cli.output import Color, emit, fail, terminal_width, use_color


class ChartFormat(str, Enum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    SVG = "svg"
    PNG = "png"


def chart(
    issue: Annotated[str, typer.Argument(metavar="ISSUE", help="A laddered issue (id or title).", show_default=False)],
    parties: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PARTY]...",
            help="Parties (id, name or alias). [default: every party holding a stance in the window]",
            show_default=False,
        ),
    ] = None,
    start: Annotated[Date | None, from_option("Start of the window. [default: the first move]")] = None,
    end: Annotated[Date | None, to_option("End of the window, inclusive. [default: the newest statement]")] = None,
    data: DataOption = None,
    format: Annotated[
        ChartFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="terminal (letters on a grid), markdown (a Mermaid chart for GitHub), svg or png. "
            "[default: from the --output suffix, else terminal]",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Chart each party's ask on a laddered issue over time, with the span of rungs it holds.

    Rungs are labelled with their titles; every statement that moved a stance is
    marked and listed with its source. Corrected or disputed reports are marked
    as such and never drawn as moves.

    \b
    Examples:
      tracker chart nato
      tracker chart nato russia ukraine --from 2025 --format markdown
      tracker chart territory -o territory.svg
    """
    from tracker.core.engine.chart import NotLaddered
    from tracker.core.engine.chart import chart as compute_chart
    from tracker.core.engine.lookup import LookupFailed, WindowReversed, resolve_issue, resolve_party

    chosen = format or _format_of(output)
    if chosen is ChartFormat.PNG and output is None:
        fail("a PNG is written to a file: add --output FILE.png")
    check_window(start, end, "--from", "--to")
    dataset = load(data)
    try:
        issue_id = resolve_issue(dataset, issue).id
        party_ids = [resolve_party(dataset, name).id for name in parties or []]
        result = compute_chart(dataset, issue_id, party_ids, since=start, until=end)
    except (LookupFailed, NotLaddered, WindowReversed) as error:
        fail(str(error))
    if chosen is ChartFormat.MARKDOWN:
        from tracker.render.chart_mermaid import render_chart as markdown

        emit(markdown(result), output)
    elif chosen in (ChartFormat.SVG, ChartFormat.PNG):
        from tracker.render.chart_svg import render_chart as svg

        text = svg(result)
        if chosen is ChartFormat.SVG:
            emit(text, output)
        else:
            assert output is not None
            _write_png(_png(text), output)
    else:
        from tracker.render.chart_terminal import render_chart as terminal

        emit(terminal(result, width=terminal_width(output) or 100, color=use_color(color, output)), output)


def _format_of(output: Path | None) -> ChartFormat:
    suffix = output.suffix.lower() if output else ""
    return {".svg": ChartFormat.SVG, ".png": ChartFormat.PNG, ".md": ChartFormat.MARKDOWN}.get(
        suffix, ChartFormat.TERMINAL
    )


def _write_png(png: bytes, output: Path) -> None:
    from tracker.files import atomic_write

    try:
        atomic_write(output, png)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")


def _png(svg: str) -> bytes:
    try:
        import cairosvg  # type: ignore[import-untyped]
    except ImportError:
        fail("writing PNG needs cairosvg: pip install 'tracker[png]' (or write --format svg)")
    except OSError as error:  # the package is there but the cairo library is not
        fail(f"writing PNG needs the cairo library: {error}")
    png: bytes = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=1920)
    return png
