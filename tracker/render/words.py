"""Results in words: rung titles instead of slugs, moves named by direction.

Plain text, shared by the terminal and Markdown renderers; each escapes the
result for its own format.
"""

from __future__ import annotations

from tracker.core.dates import PartialDate
from tracker.core.engine.results import Citation, Direction, Headline, Shift, Stance, Trend
from tracker.core.engine.texts import TextCell
from tracker.core.model import Issue, Party, Pole
from tracker.render.base import publisher_line


def rung(issue: Issue, index: int) -> str:
    return f"“{issue.ladder[index].title}”" if 0 <= index < len(issue.ladder) else f"rung {index + 1}"


def stance_words(issue: Issue, stance: Stance) -> str:
    """The ask in words, with the span when the party holds several rungs."""
    ask = rung(issue, stance.ask)
    if stance.low == stance.high:
        return ask
    return f"{ask} (holding {rung(issue, stance.low)} to {rung(issue, stance.high)})"


def rungs(count: int) -> str:
    return f"{count} rung" if count == 1 else f"{count} rungs"


def speaker_name(citation: Citation) -> str | None:
    """The speaker's name without the role: "Sergei Ryabkov", not his title and occasion."""
    return citation.speaker.split(",")[0].split(";")[0].strip() if citation.speaker else None


def source_words(citation: Citation) -> str:
    """`Sergei Ryabkov (TASS, 2025-06-09)`, or the publisher and date alone."""
    who = speaker_name(citation)
    where = f"{publisher_line(citation)}, {citation.date}"
    return f"{who} ({where})" if who else where


def headline_words(
    party: Party, issue: Issue, headline: Headline, start: PartialDate | None, end: PartialDate
) -> tuple[str, str]:
    """The headline as (what moved, the gap and who moved it last): two sentences."""
    subject = f"{party.name} on {issue.title}"
    return f"{subject}: {_move(issue, headline, start, end)}.", _context(headline)


def _move(issue: Issue, headline: Headline, start: PartialDate | None, end: PartialDate) -> str:
    before, after, turn = headline.before, headline.after, headline.turn
    began = headline.since or start
    at_start = f" ({'first stated ' if headline.since else 'as of '}{began})" if began else ""
    if headline.shift is Shift.FIRST_STATED and after is not None:
        return f"first stated stance {stance_words(issue, after)}"
    if headline.shift is Shift.NO_LONGER_STATED and before is not None:
        return f"no rung held any more by {end}; it asked {stance_words(issue, before)}{at_start}"
    assert before is not None and after is not None
    holds = f"; it holds {rung(issue, after.low)} to {rung(issue, after.high)}" if after.low != after.high else ""
    if turn is not None:
        way, back = ("eased", "hardened") if headline.shift is Shift.HARDER else ("hardened", "eased")
        return (
            f"{rungs(headline.rungs)} {headline.shift.value} since {turn.citation.date}: "
            f"from {rung(issue, before.ask)}{at_start} it {way} to {rung(issue, turn.stance.ask)} "
            f"({turn.citation.date}), then {back} to {rung(issue, after.ask)} by {end}{holds}"
        )
    if headline.shift is Shift.STEADY:
        if before == after:
            return f"steady at {stance_words(issue, after)}{at_start} to {end}"
        return f"ask steady at {rung(issue, after.ask)}{at_start} to {end}{holds}"
    toward = f" toward {headline.toward.name}’s pole" if headline.toward else ""
    direction = "moved" if headline.shift is Shift.MOVED else headline.shift.value
    return (
        f"{rungs(headline.rungs)} {direction}{toward}, from {rung(issue, before.ask)}{at_start} "
        f"to {rung(issue, after.ask)} by {end}{holds}"
    )


def _context(headline: Headline) -> str:
    parts = []
    if headline.counterpart is not None:
        parts.append(f"Gap to {headline.counterpart.name}: {gap_change(headline.gap_before, headline.gap_after)}.")
    if headline.moved_by is not None:
        parts.append(f"Last moved by {source_words(headline.moved_by)}.")
    return " ".join(parts)


def gap_change(before: int | None, after: int | None) -> str:
    if before == after:
        return "no stance to measure" if after is None else f"{rungs(after)}, unchanged"
    was = "no stance" if before is None else str(before)
    now = "no stance" if after is None else rungs(after)
    return f"{was} → {now}"


def direction_words(direction: Direction) -> str:
    trend = f", {direction.trend.value}" if direction.trend not in (None, Trend.STEADY) else ""
    return f"{direction.counterpart.name} {gap_change(direction.gap_before, direction.gap_after)}{trend}"


def level_move_words(party: Party, issue: Issue, move: int | None) -> str:
    """A ladder move in words: harder or softer by the party's pole, else toward an end of the ladder."""
    if not move:
        return ""
    if party.pole is not None:
        toward_pole = (move > 0) == (party.pole is Pole.LAST)
        return f"{rungs(abs(move))} {'harder' if toward_pole else 'softer'}"
    end = issue.ladder[-1 if move > 0 else 0].title if issue.ladder else "the end"
    return f"{rungs(abs(move))} toward “{end}”"


def text_cell_words(issue: Issue, cell: TextCell) -> tuple[str, str, str]:
    """A plan's provisions on an issue: (rung, provision texts, distance from each side's ask)."""
    if not cell.conditions:
        return ("leaves it out", "", "")
    where = stance_words(issue, cell.stance) if cell.stance else ("no rung" if issue.ladder else "")
    said = " ".join(condition.text for condition in cell.conditions)
    against = "; ".join(
        f"{a.party.name} asked {rung(issue, a.ask.ask)}, {rungs(a.distance or 0)} apart"
        for a in cell.against
        if a.ask is not None
    )
    return (where, said, against)
