"""Headlines: one party's move on one laddered issue, as facts a sentence can be built from.

Which way a move goes is judged by the party's own pole: toward it is harder.
A party without a pole (a mediator) moves harder when the gap to its main
counterpart widens, that counterpart held where it ended. When the ask went one
way and came back inside the window, the farthest point is the turn, and the
move is counted from there: Russia's NATO ask fell to the Istanbul texts in
April 2022 and climbed back three rungs by June 2025, which is not "steady".
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from tracker.core.dates import PartialDate
from tracker.core.engine.results import Citation, Direction, Headline, Shift, Stance, Trend, Turn
from tracker.core.engine.stance import gap, hardness
from tracker.core.model import Party, Pole


class Point(msgspec.Struct, frozen=True):
    """A statement that changed a party's stance on an issue, and the stance after it."""

    order: int  # the statement's place in the dataset's chronological order
    citation: Citation
    stance: Stance | None


class Counterpart(msgspec.Struct, frozen=True):
    party: Party
    before: Stance | None
    after: Stance | None
    weight: int  # statements on the issue: the most active opposite party is the main one


def ordered(party: Party, others: Sequence[Counterpart]) -> list[Counterpart]:
    """Counterparts that hold a stance at either end, main counterpart first.

    Opposite pole first, then parties without a pole, then allies; within each,
    the most statements on the issue first.
    """

    def rank(other: Counterpart) -> tuple[int, int, str]:
        pole = other.party.pole
        if pole is None:
            group = 1
        elif party.pole is None or pole is not party.pole:
            group = 0
        else:
            group = 2
        return (group, -other.weight, other.party.id)

    holding = [o for o in others if o.party.id != party.id and (o.before is not None or o.after is not None)]
    return sorted(holding, key=rank)


def directions(before: Stance | None, after: Stance | None, others: Sequence[Counterpart]) -> tuple[Direction, ...]:
    found = []
    for other in others:
        was, now = gap(before, other.before), gap(after, other.after)
        found.append(Direction(other.party, was, now, _trend(was, now)))
    return tuple(found)


def headline(
    party: Party,
    before: Stance | None,
    after: Stance | None,
    points: Sequence[Point],
    since: PartialDate | None,
    others: Sequence[Counterpart],
    poles: dict[Pole, Party],
) -> Headline | None:
    """The headline of a move, or None when the party holds no stance at either end.

    `points` are the statements inside the window that changed the stance, in
    order; `others` are counterparts in `ordered` order; `poles` names, for each
    pole, the party that pulls toward it (for a move without a pole of its own).
    """
    if before is None and after is None:
        return None
    main = others[0] if others else None
    toward = None
    if before is None or after is None:
        shift, rungs, turn = (Shift.FIRST_STATED if before is None else Shift.NO_LONGER_STATED), 0, None
    elif party.pole is None:
        (shift, rungs, turn), toward = _without_pole(before, after, main), _toward(before, after, poles)
    else:
        shift, rungs, turn = _with_pole(party.pole, before, after, points)
    return Headline(
        before=before,
        since=since,
        after=after,
        shift=shift,
        rungs=rungs,
        turn=turn,
        toward=toward,
        counterpart=main.party if main else None,
        gap_before=gap(before, main.before) if main else None,
        gap_after=gap(after, main.after) if main else None,
        moved_by=_moved_by(before, points),
    )


def _with_pole(pole: Pole, before: Stance, after: Stance, points: Sequence[Point]) -> tuple[Shift, int, Turn | None]:
    start, end = hardness(before.ask, pole), hardness(after.ask, pole)
    low: Point | None = None
    high: Point | None = None
    for point in points:
        if point.stance is None:
            continue
        value = hardness(point.stance.ask, pole)
        if value < min(start, end) and (low is None or value <= hardness(_ask(low), pole)):
            low = point
        if value > max(start, end) and (high is None or value >= hardness(_ask(high), pole)):
            high = point
    # A path that went both ways: the later extreme is the one the story turns on.
    if low is not None and (high is None or low.order > high.order):
        return Shift.HARDER, end - hardness(_ask(low), pole), Turn(_stance(low), low.citation)
    if high is not None:
        return Shift.SOFTER, hardness(_ask(high), pole) - end, Turn(_stance(high), high.citation)
    return _net(end - start)


def _without_pole(before: Stance, after: Stance, main: Counterpart | None) -> tuple[Shift, int, Turn | None]:
    rungs = abs(after.ask - before.ask)
    held = main.after if main else None
    if not rungs or held is None:
        return (Shift.MOVED if rungs else Shift.STEADY), rungs, None
    was, now = abs(before.ask - held.ask), abs(after.ask - held.ask)
    return (Shift.HARDER if now > was else Shift.SOFTER if now < was else Shift.STEADY), rungs, None


def _toward(before: Stance, after: Stance, poles: dict[Pole, Party]) -> Party | None:
    """The party whose pole a move heads toward: how a mediator's move is named."""
    if after.ask == before.ask:
        return None
    return poles.get(Pole.LAST if after.ask > before.ask else Pole.FIRST)


def _net(delta: int) -> tuple[Shift, int, Turn | None]:
    if delta > 0:
        return Shift.HARDER, delta, None
    if delta < 0:
        return Shift.SOFTER, -delta, None
    return Shift.STEADY, 0, None


def _moved_by(before: Stance | None, points: Sequence[Point]) -> Citation | None:
    """The last statement that moved the ask; failing that, the last that changed the span."""
    ask = before.ask if before else None
    last_ask: Citation | None = None
    for point in points:
        now = point.stance.ask if point.stance else None
        if now != ask:
            last_ask = point.citation
        ask = now
    return last_ask or (points[-1].citation if points else None)


def _ask(point: Point) -> int:
    return _stance(point).ask


def _stance(point: Point) -> Stance:
    assert point.stance is not None  # only points with a stance are kept as extremes
    return point.stance


def _trend(was: int | None, now: int | None) -> Trend | None:
    if was is None or now is None:
        return None
    return Trend.CONVERGING if now < was else Trend.DIVERGING if now > was else Trend.STEADY
