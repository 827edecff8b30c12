"""`tracker` commands. Each one parses, calls the library, renders, exits.

Heavy modules (pydantic, yaml, rich rendering) are imported inside commands so
that `tracker --help` stays quick.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker import __version__
from tracker.cli.complete import complete_issue, complete_party
from tracker.cli.output import FORMAT_HELP, Color, Format, emit, fail, note, terminal_width, use_color
from tracker.cli.report_html_cmd import REPORT_FORMAT_HELP, ReportFormat

if TYPE_CHECKING:
    from tracker.core.dataset import Dataset
    from tracker.core.dates import PartialDate
    from tracker.render.base import Renderer

DEFAULT_DATA = Path("positions.yaml")

app = typer.Typer(
    name="tracker",
    help=(
        "Track what each side of a conflict demands, how that changed, and whether "
        "the sides are converging, with a source for every line.\n\n"
        "The data lives in a YAML file (default: ./positions.yaml, or $TRACKER_DATA)."
    ),
    no_args_is_help=True,
    add_completion=True,  # typer's --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        help="Dataset: a YAML file or a directory of *.yaml files. [default: $TRACKER_DATA or positions.yaml]",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=FORMAT_HELP)]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False),
]
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


def load(data: Path | None) -> "Dataset":
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


def _renderer(format: Format, color: Color, output: Path | None, max_chars: int = 1_000_000) -> "Renderer":
    from tracker.render import renderer_for

    return renderer_for(format, color=use_color(color, output), width=terminal_width(output), max_chars=max_chars)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
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


DateHelp = "YYYY-MM-DD, YYYY-MM or YYYY"
AtOption = Annotated[
    str | None, typer.Option("--at", help=f"As of the end of this date ({DateHelp}). [default: today]")
]
PartiesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Parties (id, name or alias). [default: all]", show_default=False, autocompletion=complete_party
    ),
]
IncludeDisputedOption = Annotated[
    bool,
    typer.Option(
        "--include-disputed",
        help="Count statements that a later source corrected or disputed (always shown, labelled).",
    ),
]


def _date(text: str | None, option: str, default: "PartialDate | None" = None) -> "PartialDate":
    from datetime import date

    from tracker.core.dates import PartialDate

    if text is None:
        return default if default is not None else PartialDate.of(date.today())
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def _optional_date(text: str | None, option: str) -> "PartialDate | None":
    return None if text is None else _date(text, option)


def _check_window(start: "PartialDate | None", end: "PartialDate | None", start_option: str, end_option: str) -> None:
    """A window that starts after it ends is a usage error, never a reversed diff."""
    if start is not None and end is not None and start.start > end.end:
        fail(f"{start_option} {start} is after {end_option} {end}")


def _party_ids(dataset: "Dataset", names: list[str] | None) -> list[str]:
    """Party ids for names given by id, name or alias; every party when none."""
    from tracker.core.engine.lookup import LookupFailed, resolve_party

    if not names:
        return [party.id for party in dataset.parties]
    try:
        return [resolve_party(dataset, name).id for name in names]
    except LookupFailed as error:
        fail(str(error))


def _issue_id(dataset: "Dataset", name: str | None) -> str | None:
    from tracker.core.engine.lookup import LookupFailed, resolve_issue

    if name is None:
        return None
    try:
        return resolve_issue(dataset, name).id
    except LookupFailed as error:
        fail(str(error))


@app.command()
def show(
    party: Annotated[
        str,
        typer.Argument(help="Party id, name or alias (any case).", show_default=False, autocompletion=complete_party),
    ],
    at: AtOption = None,
    include_disputed: IncludeDisputedOption = False,
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Show what a party demands on each issue, with the source of every line.

    Example:  tracker show russia --at 2022-04
    """
    from tracker.core.engine.position import position

    when = _date(at, "--at")
    dataset = load(data)
    [party_id] = _party_ids(dataset, [party])
    emit(_renderer(format, color, output).position(position(dataset, party_id, when, include_disputed)), output)


@app.command()
def diff(
    parties: PartiesArgument = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--from",
            help=f"Start of the window ({DateHelp}); the state just before it is the baseline. [default: each issue's first stated stance]",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--to", help=f"End of the window ({DateHelp}), inclusive. [default: the newest statement]"),
    ] = None,
    issue: Annotated[
        str | None, typer.Option("--issue", "-i", help="Only this issue (id or title).", autocompletion=complete_issue)
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when something shifted, like `git diff --exit-code`.")
    ] = False,
    include_disputed: IncludeDisputedOption = False,
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Show what shifted between two dates: a headline in words per party and issue, then the detail.

    On a laddered issue the headline gives the party's ask before and after (and
    the turning point when it went one way and came back), how many rungs harder
    or softer by the party's own pole, the gap to its main counterpart, and the
    statement that moved it last. Without --from, each issue starts from the
    party's first stated stance. Corrected or disputed reports are listed,
    labelled, and left out of the shifts unless --include-disputed.

    Example:  tracker diff russia --from 2022-03-01 --to 2025-07-01 --issue nato
    """
    from tracker.core.engine.diff import diff as compute_diff

    dataset = load(data)
    ids = _party_ids(dataset, parties)
    start, end = _optional_date(since, "--from"), _optional_date(until, "--to")
    _check_window(start, end, "--from", "--to")
    if end is None and start is None and not dataset.statements:
        end = _date(None, "--to")  # a new dataset: "nothing shifted, to today", not to a placeholder year
    result = compute_diff(
        dataset,
        ids,
        since=start,
        until=end,
        issue_id=_issue_id(dataset, issue),
        include_disputed=include_disputed,
    )
    emit(_renderer(format, color, output).diff(result), output)
    if exit_code and result.shifted:
        raise typer.Exit(1)


@app.command()
def compare(
    parties: PartiesArgument = None,
    at: AtOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help=f"Also measure the gaps at this date, to tell converging from diverging ({DateHelp})."
        ),
    ] = None,
    include_disputed: IncludeDisputedOption = False,
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Put parties side by side: the issue × party matrix and the ladder gap of each pair.

    Example:  tracker compare russia ukraine --at 2025-07-01 --since 2022-04-01
    """
    from tracker.core.engine.compare import compare as compute_compare

    dataset = load(data)
    when, start = _date(at, "--at"), _optional_date(since, "--since")
    _check_window(start, when, "--since", "--at")
    result = compute_compare(
        dataset,
        _party_ids(dataset, parties),
        at=when,
        since=start,
        include_disputed=include_disputed,
    )
    emit(_renderer(format, color, output).comparison(result), output)


@app.command()
def timeline(
    party: Annotated[str | None, typer.Option("--party", "-p", help="Only statements of this party.")] = None,
    issue: Annotated[
        str | None, typer.Option("--issue", "-i", help="Only conditions on this issue.", autocompletion=complete_issue)
    ] = None,
    since: Annotated[str | None, typer.Option("--from", help=f"First date ({DateHelp}).")] = None,
    until: Annotated[str | None, typer.Option("--to", help=f"Last date ({DateHelp}).")] = None,
    include_disputed: IncludeDisputedOption = False,
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """List statements in order, and what each did to its party's conditions.

    Example:  tracker timeline --party russia --issue nato
    """
    from tracker.core.engine.timeline import timeline as compute_timeline

    dataset = load(data)
    party_id = _party_ids(dataset, [party])[0] if party else None
    start, end = _optional_date(since, "--from"), _optional_date(until, "--to")
    _check_window(start, end, "--from", "--to")
    result = compute_timeline(
        dataset,
        party_id=party_id,
        issue_id=_issue_id(dataset, issue),
        include_disputed=include_disputed,
        since=start,
        until=end,
    )
    emit(_renderer(format, color, output).timeline(result), output)


@app.command()
def report(
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help=f"Start of 'recent shifts' and of the gap trend ({DateHelp}). [default: one year ago]"
        ),
    ] = None,
    at: AtOption = None,
    max_chars: MaxCharsOption = 1_000_000,
    data: DataOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help=REPORT_FORMAT_HELP)] = ReportFormat.MARKDOWN,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """One report for CI: positions, recent shifts, gaps and a timeline picture.

    Markdown by default, ready for $GITHUB_STEP_SUMMARY or a pull-request comment.
    --format html writes one self-contained page (inline style and charts, a
    Content-Security-Policy that forbids fetching anything) for a static site.

    \b
    Examples:
      tracker report --since 2025-01 >> "$GITHUB_STEP_SUMMARY"
      tracker report --since 2021 --format html -o site/index.html
    """
    from datetime import date

    from tracker.core.dates import PartialDate
    from tracker.core.engine.report import report as compute_report

    today = date.today()
    when = _optional_date(at, "--at")
    start = _date(since, "--since", default=PartialDate.of(today.replace(year=today.year - 1, day=min(today.day, 28))))
    _check_window(start, when, "--since", "--at")
    dataset = load(data)
    if format is ReportFormat.HTML:
        from tracker.cli.report_html_cmd import html_report

        emit(html_report(dataset, when, start), output)
        return
    emit(_renderer(Format(format.value), color, output, max_chars).report(compute_report(dataset, when, start)), output)


@app.command()
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
    data: DataOption = None,
    format: FormatOption = Format.TERMINAL,
    output: OutputOption = None,
    color: ColorOption = Color.AUTO,
) -> None:
    """Review a change to the dataset in git: statements added, edited, removed, and what they shift.

    Loads the dataset at BASE and at HEAD (or the working tree), matches
    statements by id, and compares each party's position and the gaps between
    parties. Follows the file when it was moved or split into a directory.
    Exit code 1 when the HEAD side does not load; 2 for git or usage errors.

    Example:  tracker review origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from datetime import date

    from tracker.core.engine.review import review as compute_review
    from tracker.load.git import GitError, load_sides

    when = _date(at, "--at")
    try:
        old, new = load_sides(Path.cwd(), base, head, _data_path(data), today=date.today())
    except GitError as error:
        fail(str(error))
    result = compute_review(old.dataset, new.dataset, when, (old.label, new.label), (old.problems, new.problems))
    emit(_renderer(format, color, output, max_chars).review(result), output)
    if new.problems:
        note(f"the {new.label} side of the dataset has {len(new.problems)} problem(s)")
        raise typer.Exit(1)


@app.command()
def add(
    from_file: Annotated[
        str | None,
        typer.Option(
            "--from", help="Read statements from a YAML snippet file, or - for stdin (e.g. from `tracker extract`)."
        ),
    ] = None,
    party: Annotated[str | None, typer.Option("--party", help="Party id, name or alias.")] = None,
    on: Annotated[str | None, typer.Option("--date", help=f"When it was said ({DateHelp}).")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Who spoke: a person or an institution.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="The speaker's role.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="The id of an entry in `sources`.")] = None,
    publisher: Annotated[
        str | None, typer.Option("--publisher", help="Source publisher (for an inline source).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Source title.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Source address (http or https).")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Source publication date.")] = None,
    basis: Annotated[
        str | None, typer.Option("--basis", help="official-document, on-record, reported-by-sources or media-report.")
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            "--condition",
            "-c",
            help="A condition as a YAML mapping, repeatable: "
            "'{issue: nato, text: NATO stops enlarging., kind: demand, stage: settlement}'. "
            "A missing id or ladder level is suggested from similar conditions.",
        ),
    ] = None,
    withdraw: Annotated[
        list[str] | None, typer.Option("--withdraw", help="Id of a condition given up; repeatable.")
    ] = None,
    statement_id: Annotated[str | None, typer.Option("--id", help="The statement's id.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Take every suggestion without asking.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the resulting file instead of writing it.")] = False,
    data: DataOption = None,
) -> None:
    """Add a statement to the dataset: validated with it, placed in date order, written atomically.

    Only lines are added: comments, order and formatting of the file stay as
    they are. Nothing is written when the result would be invalid or the file
    changed on disk meanwhile. Suggestions for a missing condition id or level
    are asked about in a terminal and taken (and reported) in a pipe. With
    --from, the other flags fill what each drafted statement lacks (never
    overriding it), e.g. the date of an article that prints none.

    Examples:
      tracker add --party russia --date 2025-06-09 --speaker "Sergei Ryabkov" --publisher TASS \\
        --url https://tass.com/politics/1 --basis on-record \\
        -c '{issue: nato, text: NATO stops enlarging., kind: demand, stage: settlement}'
      tracker extract article.txt | tracker add --from - --date 2025-06-09
    """
    import sys

    from tracker.cli.authoring import (
        StatementFlags,
        Suggestions,
        add_statements,
        fill_missing,
        read_snippet,
        statement_from_flags,
    )
    from tracker.core.problems import DatasetError

    path = _data_path(data)
    if path.is_dir():
        fail(f"{path} is a directory; give the file to add to with --data DIR/FILE.yaml")
    flags = StatementFlags(
        statement_id, party, on, speaker, role, source, publisher, title, url, published, basis,
        condition or [], withdraw or [],
    )  # fmt: skip
    try:
        if from_file is None:
            statements = [statement_from_flags(flags)]
        else:
            statements = read_snippet(from_file)
            for statement in statements:
                fill_missing(statement, flags)
    except DatasetError as error:
        for problem in error.problems:
            note(str(problem))
        fail("cannot read the statement to add")
    interactive = sys.stdin.isatty() and sys.stderr.isatty() and from_file != "-"
    add_statements(path, statements, Suggestions(interactive=interactive, accept_all=yes), dry_run)


class ExportFormat(str, Enum):
    JSONL = "jsonl"
    CSV = "csv"


class ExportRows(str, Enum):  # tracker.core.export.RowKind, kept here so that --help imports no core
    STATEMENTS = "statements"
    CONDITIONS = "conditions"
    WITHDRAWALS = "withdrawals"


@app.command()
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

    JSONL keeps lists and nested records; CSV is the flat form (lists joined
    with `;`, quantities and corrections as JSON text). Columns and DuckDB and
    pandas examples: docs/export.md. Corrected or disputed statements are
    included, with `disputed` true. CSV cells are written as they are: load the
    file with a data tool, not a spreadsheet that runs formulas.

    Example:  tracker export conditions -o conditions.jsonl
    """
    from tracker.core.export import COLUMNS, RowKind, rows, to_csv, to_jsonl

    dataset = load(data)
    kind = RowKind(what.value)
    records = rows(dataset, kind)
    emit(to_csv(records, COLUMNS[kind]) if format is ExportFormat.CSV else to_jsonl(records), output)


def _register_extract() -> None:
    # The command lives in its own module; importing it is cheap (its work is lazy).
    from tracker.cli.extract_cmd import extract

    app.command()(extract)


_register_extract()


def _register_chart() -> None:
    from tracker.cli.chart_cmd import chart

    app.command()(chart)


_register_chart()


def _register_init() -> None:
    from tracker.cli.init_cmd import init

    app.command()(init)


_register_init()


def main() -> None:
    import gc

    # A command runs for a moment and builds large acyclic structures; the cyclic
    # collector would only rescan them (see tracker.load.loader). Reference
    # counting still frees everything as usual.
    gc.disable()
    from tracker.core.errors import WindowReversed

    try:
        app()
    except WindowReversed as error:  # a default date met a typed one the wrong way round
        print(f"tracker: error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
