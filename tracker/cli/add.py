"""`add`: record a statement, validated with the whole dataset, written atomically."""

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import data_path
from tracker.cli.options import DataOption, Date, parse_date, replaced
from tracker.cli.output import emit, fail, note

Text = str | None


def add(
    snippet: Annotated[
        str | None,
        typer.Option(
            "--snippet",
            metavar="FILE|-",
            help="Read statements from a YAML snippet file, or - for stdin (e.g. from `tracker extract`).",
        ),
    ] = None,
    party: Annotated[Text, typer.Option("--party", help="Party id, name or alias.")] = None,
    on: Annotated[
        Date | None, typer.Option("--date", help="When it was said.", parser=parse_date, metavar="DATE")
    ] = None,
    speaker: Annotated[Text, typer.Option("--speaker", help="Who spoke: a person or an institution.")] = None,
    role: Annotated[Text, typer.Option("--role", help="The speaker's role.")] = None,
    source: Annotated[Text, typer.Option("--source", help="The id of an entry in `sources`.")] = None,
    publisher: Annotated[Text, typer.Option("--publisher", help="Source publisher (for an inline source).")] = None,
    title: Annotated[Text, typer.Option("--title", help="Source title.")] = None,
    url: Annotated[Text, typer.Option("--url", help="Source address (http or https).")] = None,
    published: Annotated[
        Date | None, typer.Option("--published", help="Source publication date.", parser=parse_date, metavar="DATE")
    ] = None,
    basis: Annotated[
        Text, typer.Option("--basis", help="official-document, on-record, reported-by-sources or media-report.")
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
    statement_id: Annotated[Text, typer.Option("--id", help="The statement's id.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Take every suggestion without asking.")] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Write nothing; print the change as a unified diff (stdout) and what it would add (stderr).",
        ),
    ] = False,
    data: DataOption = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar="FILE",
            help="With a directory dataset: the file of it to add to; validated with the whole directory.",
            show_default=False,
        ),
    ] = None,
    old_snippet: Annotated[Text, typer.Option("--from", hidden=True, help="Old spelling of --snippet.")] = None,
) -> None:
    """Add a statement to the dataset: validated with it, placed in date order, written atomically.

    Only lines are added: comments, order and formatting of the file stay as
    they are. Nothing is written when the result would be invalid or the file
    changed on disk meanwhile. Suggestions for a missing condition id or level
    are asked about in a terminal and taken (and reported) in a pipe. With
    --snippet, the other flags fill what each drafted statement lacks (never
    overriding it), e.g. the date of an article that prints none. With
    --dry-run, nothing is written or locked: the change is printed as a diff.

    \b
    Examples:
      tracker add --party russia --date 2025-06-09 --speaker "Sergei Ryabkov" --publisher TASS \\
        --url https://tass.com/politics/1 --basis on-record \\
        -c '{issue: nato, text: NATO stops enlarging., kind: demand, stage: settlement}'
      tracker extract article.txt | tracker add --snippet - --date 2025-06-09
    """
    import contextlib
    import sys

    from tracker import authoring
    from tracker.core.problems import DatasetError

    snippet = replaced(snippet, old_snippet, "--snippet", "--from")
    if snippet is None and not (party and on and basis and (source or publisher)):
        fail("give --party, --date, --basis and --source or --publisher (or use --snippet)")
    path, members = _target(data_path(data), into)
    flags = authoring.StatementFlags(
        statement_id=statement_id,
        party=party,
        date=None if on is None else str(on),
        speaker=speaker,
        role=role,
        source=source,
        publisher=publisher,
        title=title,
        url=url,
        published=None if published is None else str(published),
        basis=basis,
        conditions=condition or [],
        withdraws=withdraw or [],
    )
    try:
        if snippet is None:
            statements = [authoring.statement_from_flags(flags)]
        else:
            statements = authoring.read_snippet(snippet)
            for statement in statements:
                authoring.fill_missing(statement, flags)
    except DatasetError as error:
        for problem in error.problems:
            note(str(problem))
        fail("cannot read the statement to add")
    interactive = sys.stdin.isatty() and sys.stderr.isatty() and snippet != "-" and not yes
    confirm = _ask if interactive else authoring.take_default
    try:
        # The lock is held from reading the file to writing it (none for a dry run, which writes nothing).
        with contextlib.nullcontext() if dry_run else authoring.exclusive(path):
            addition = authoring.prepare(path, statements, confirm, members)
            for line in addition.notes:
                note(line)
            if not dry_run:
                authoring.write(addition)
    except authoring.AddError as error:
        for problem in error.problems:
            note(str(problem))
        fail(error.message, code=error.exit_code)
    if dry_run:
        from tracker.render.file_diff import unified_diff

        emit(unified_diff(addition.before, addition.text, str(path)), None)
        note(f"would add {addition.count} statement(s) to {path}")
        return
    note(f"{path}: added {addition.count} statement(s)")


def _target(data: Path, into: Path | None) -> tuple[Path, list[Path]]:
    """The file to write, and the files of a directory dataset it is validated with."""
    if not data.is_dir():
        if into is not None and into.resolve() != data.resolve():
            fail(f"--into {into} is not the dataset {data}; give --data the directory that holds both")
        return data, []
    from tracker.core.problems import DatasetError
    from tracker.load.loader import dataset_files

    try:
        members = [member for member, _ in dataset_files(data)]
    except DatasetError as error:
        fail(str(error.problems[0]))
    if into is None:
        fail(f"{data} is a directory dataset; say which of its files to add to with --into FILE")
    chosen = next((member for member in members if member.resolve() == into.resolve()), None)
    if chosen is None:
        fail(f"--into {into} is not one of the files of the dataset {data}")
    return chosen, members


def _ask(question: str, default: bool) -> bool:
    return typer.confirm(question, default=default, err=True)
