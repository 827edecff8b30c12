"""`report` and `review`: Markdown for CI, on the dataset and on a change to it."""

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import data_path, load
from tracker.cli.options import (
    AtOption,
    Date,
    MaxCharsOption,
    Output,
    SinceAlias,
    at_option,
    check_window,
    from_option,
    renders,
    replaced,
)
from tracker.cli.output import fail, note
from tracker.cli.report_html_cmd import REPORT_FORMAT_HELP, ReportFormat

ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help=REPORT_FORMAT_HELP)]


@renders(ReportFormat.MARKDOWN, format_option=ReportFormatOption)
def report(
    start: Annotated[
        Date | None, from_option("Start of 'recent shifts' and of the gap trend. [default: one year ago]")
    ] = None,
    at: Annotated[Date | None, at_option("As of the end of this date. [default: the newest statement]")] = None,
    since: SinceAlias = None,
    max_chars: MaxCharsOption = 1_000_000,
    *,
    out: Output,
) -> None:
    """One report for CI: where each side stands, a chart per issue that moved, the shifts, the gaps.

    Markdown by default, ready for $GITHUB_STEP_SUMMARY or a pull-request comment.
    --format html writes one self-contained page (inline style and charts, a
    Content-Security-Policy that forbids fetching anything) for a static site.

    \b
    Examples:
      tracker report --from 2025-01 >> "$GITHUB_STEP_SUMMARY"
      tracker report --from 2021 --format html -o site/index.html
    """
    from datetime import date

    from tracker.core.dates import PartialDate
    from tracker.core.engine.report import report as compute_report

    start = replaced(start, since, "--from", "--since")
    today = date.today()
    start = start or PartialDate.of(today.replace(year=today.year - 1, day=min(today.day, 28)))
    check_window(start, at, "--from", "--at")
    dataset = load(out.data)
    if out.format is ReportFormat.HTML:
        from tracker.cli.report_html_cmd import html_report

        out.emit(html_report(dataset, at, start))
        return
    out.emit(out.renderer(max_chars).report(compute_report(dataset, at, start)))


@renders()
def review(
    base: Annotated[
        str, typer.Argument(help="The revision before the change, e.g. main or HEAD~1.", show_default=False)
    ],
    head: Annotated[
        str | None,
        typer.Argument(help="The revision after the change. [default: the working tree]", show_default=False),
    ] = None,
    at: AtOption = None,
    max_chars: MaxCharsOption = 1_000_000,
    *,
    out: Output,
) -> None:
    """Review a change to the dataset in git: statements added, edited, removed, and what they shift.

    Loads the dataset at BASE and at HEAD (or the working tree), matches
    statements by id, and compares each party's position and the gaps between
    parties. Follows the file when it was moved or split into a directory.
    Exit code 1 when the HEAD side does not load; 2 for git or usage errors.

    Example:  tracker review origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from datetime import date

    from tracker.core.dates import PartialDate
    from tracker.core.engine.review import review as compute_review
    from tracker.load.git import GitError, load_sides

    try:
        old, new = load_sides(Path.cwd(), base, head, data_path(out.data), today=date.today())
    except GitError as error:
        fail(str(error))
    when = at or PartialDate.of(date.today())
    result = compute_review(old.dataset, new.dataset, when, (old.label, new.label), (old.problems, new.problems))
    out.emit(out.renderer(max_chars).review(result))
    if new.problems:
        note(f"the {new.label} side of the dataset has {len(new.problems)} problem(s)")
        raise typer.Exit(1)
