"""Stances on laddered issues: the span of rungs a party holds, and its ask.

The rule (docs/format.md, "Stance and gap"): a party's stance on a laddered issue
is the set of rungs its active conditions hold. For a party with a pole, its ask
is the rung farthest toward that pole (conditions stated together are
cumulative, so the hardest is what it requires); without a pole, the rung of
its most recent active condition. Gaps are distances between asks.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.core.engine.replay import Held, Ladders, PartyState
from tracker.core.engine.results import Stance
from tracker.core.model import Party, Pole


def stance_of(helds: Iterable[Held], pole: Pole | None, ladders: Ladders) -> Stance | None:
    """The stance held by these active conditions (all on one issue); None without a rung."""
    rungs: dict[int, str] = {}
    latest: tuple[tuple[int, int], int] | None = None
    for held in helds:
        condition = held.condition
        if condition.level is None:
            continue
        rung = ladders.get(condition.issue, {}).get(condition.level)
        if rung is None:
            continue
        rungs[rung] = condition.level
        if latest is None or held.seq > latest[0]:
            latest = (held.seq, rung)
    if latest is None:
        return None
    if pole is Pole.LAST:
        ask = max(rungs)
    elif pole is Pole.FIRST:
        ask = min(rungs)
    else:
        ask = latest[1]
    low, high = min(rungs), max(rungs)
    return Stance(ask, low, high, rungs[ask], rungs[low], rungs[high])


def stances(state: PartyState, party: Party, ladders: Ladders) -> dict[str, Stance]:
    """Issue id -> stance, for every laddered issue the party holds a rung on. O(active)."""
    found = {}
    for issue in state.by_issue:
        stance = stance_of(state.active_on(issue), party.pole, ladders)
        if stance is not None:
            found[issue] = stance
    return found


def hardness(rung: int, pole: Pole | None) -> int:
    """How far toward the party's own pole a rung is; the raw index without a pole."""
    return -rung if pole is Pole.FIRST else rung


def gap(a: Stance | None, b: Stance | None) -> int | None:
    return abs(a.ask - b.ask) if a is not None and b is not None else None
