"""`show`, `diff`, `compare`, `timeline`: positions at a date, and how they moved."""

from typing import Annotated

import typer

from tracker.cli.common import issue_id, load, party_ids
from tracker.cli.complete import complete_party
from tracker.cli.options import (
    AtOption,
    Date,
    IncludeDisputedOption,
    IssueOption,
    Output,
    PartiesArgument,
    SinceAlias,
    check_window,
    from_option,
    renders,
    replaced,
    to_option,
)
from tracker.cli.output import fail

PartyArgument = Annotated[
    str, typer.Argument(help="Party (id, name or alias, any case).", show_default=False, autocompletion=complete_party)
]


def _today() -> Date:
    from datetime import date

    from tracker.core.dates import PartialDate

    return PartialDate.of(date.today())


@renders()
def show(
    party: PartyArgument,
    at: AtOption = None,
    include_disputed: IncludeDisputedOption = False,
    *,
    out: Output,
) -> None:
    """Show what a party demands on each issue, with the source of every line.

    Example:  tracker show russia --at 2022-04
    """
    from tracker.core.engine.position import position

    dataset = load(out.data)
    [party_id] = party_ids(dataset, [party])
    result = position(dataset, party_id, at or _today(), include_disputed)
    out.emit(out.renderer().position(result))


@renders()
def diff(
    parties: PartiesArgument = None,
    start: Annotated[
        Date | None,
        from_option(
            "Start of the window; the state just before it is the baseline. [default: each issue's first stated stance]"
        ),
    ] = None,
    end: Annotated[Date | None, to_option("End of the window, inclusive. [default: the newest statement]")] = None,
    issue: IssueOption = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when something shifted, like `git diff --exit-code`.")
    ] = False,
    include_disputed: IncludeDisputedOption = False,
    *,
    out: Output,
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
    from tracker.core.engine.diff import newest_date

    dataset = load(out.data)
    check_window(start, end, "--from", "--to")
    newest = newest_date(dataset)
    if start is not None and end is None and newest is not None and start.start > newest.end:
        fail(f"--from {start} is after the newest statement ({newest}), where --to ends by default")
    if end is None and start is None and not dataset.statements:
        end = _today()  # a new dataset: "nothing shifted, to today", not to a placeholder year
    result = compute_diff(
        dataset,
        party_ids(dataset, parties),
        since=start,
        until=end,
        issue_id=issue_id(dataset, issue),
        include_disputed=include_disputed,
    )
    out.emit(out.renderer().diff(result))
    if exit_code and result.shifted:
        raise typer.Exit(1)


@renders()
def compare(
    parties: PartiesArgument = None,
    at: AtOption = None,
    start: Annotated[
        Date | None, from_option("Also measure the gaps at this date, to tell converging from diverging.")
    ] = None,
    since: SinceAlias = None,
    include_disputed: IncludeDisputedOption = False,
    statements: Annotated[
        list[str] | None,
        typer.Option(
            "--statement",
            "-s",
            metavar="ID",
            help="Compare texts instead of parties: a statement id, repeatable (a plan, a draft, a counter-proposal). "
            "Each text's provisions stand issue by issue against the PARTY asks at its date "
            "[default: the party of each pole].",
            show_default=False,
        ),
    ] = None,
    *,
    out: Output,
) -> None:
    """Put parties side by side: the issue × party matrix and the ladder gap of each pair.

    With --statement, put texts side by side instead: one row per issue, each text's
    provisions in rung titles, against each side's ask at that text's date, and the
    issues a text leaves out.

    \b
    Examples:
      tracker compare russia ukraine --from 2022-04-01 --at 2025-07-01
      tracker compare -s us-2025-11-20-28-point-plan -s eur-2025-11-23-e3-counterproposal -s jt-2022-04-15-draft-treaty
    """
    if statements:
        from tracker.core.engine.lookup import LookupFailed
        from tracker.core.engine.texts import compare_texts

        dataset = load(out.data)
        try:
            texts = compare_texts(dataset, statements, party_ids(dataset, parties) if parties else ())
        except LookupFailed as error:
            fail(str(error))
        out.emit(out.renderer().texts(texts))
        return
    from tracker.core.engine.compare import compare as compute_compare

    start, when = replaced(start, since, "--from", "--since"), at or _today()
    check_window(start, when, "--from", "--at")
    dataset = load(out.data)
    result = compute_compare(
        dataset, party_ids(dataset, parties), at=when, since=start, include_disputed=include_disputed
    )
    out.emit(out.renderer().comparison(result))


@renders()
def timeline(
    party: Annotated[
        str | None, typer.Argument(help="Only statements of this party. [default: all]", show_default=False)
    ] = None,
    issue: IssueOption = None,
    start: Annotated[Date | None, from_option("First date. [default: the first statement]")] = None,
    end: Annotated[Date | None, to_option("Last date, inclusive. [default: the last statement]")] = None,
    include_disputed: IncludeDisputedOption = False,
    party_option: Annotated[
        str | None, typer.Option("--party", "-p", hidden=True, help="Old spelling of PARTY.")
    ] = None,
    *,
    out: Output,
) -> None:
    """List statements in order, and what each did to its party's conditions.

    Example:  tracker timeline russia --issue nato
    """
    from tracker.core.engine.timeline import timeline as compute_timeline

    party = replaced(party, party_option, "PARTY", "--party")
    check_window(start, end, "--from", "--to")
    dataset = load(out.data)
    result = compute_timeline(
        dataset,
        party_id=party_ids(dataset, [party])[0] if party else None,
        issue_id=issue_id(dataset, issue),
        include_disputed=include_disputed,
        since=start,
        until=end,
    )
    out.emit(out.renderer().timeline(result))
