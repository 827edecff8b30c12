"""Parties side by side: positions and ladder gaps, now and since a date."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.lookup import WindowReversed, parties_by_ids
from tracker.core.engine.position import position_of
from tracker.core.engine.replay import Ladders, ladders_of, replay, said_by
from tracker.core.engine.results import Comparison, Gap, Stance, Trend
from tracker.core.engine.stance import gap, stances
from tracker.core.model import Party


def compare(
    dataset: Dataset,
    party_ids: Sequence[str],
    at: PartialDate,
    since: PartialDate | None = None,
    include_disputed: bool = False,
) -> Comparison:
    """Positions of the parties at `at`, and the ladder gap of each pair on each laddered issue.

    No `party_ids`: every party. O(S + C·k + I·P²): one replay at `at`, one at
    `since`, then a gap per laddered issue and pair of parties.
    Raises `LookupFailed` for an unknown party id.
    """
    if since is not None and since.start > at.end:
        raise WindowReversed(f"the comparison starts ({since}) after it ends ({at})")
    parties = parties_by_ids(dataset, party_ids)
    ids = [party.id for party in parties]
    ladders = ladders_of(dataset)
    now = replay(dataset, said_by(at), include_disputed, parties=ids)
    positions = tuple(position_of(dataset, party, now[party.id], at, include_disputed, ladders) for party in parties)
    now_stances = {item.party.id: {row.issue.id: row.stance for row in item.issues} for item in positions}
    then_stances = _stances_at(dataset, parties, since, include_disputed, ladders) if since else None
    gaps = tuple(
        found
        for issue in dataset.issues
        if issue.ladder
        for a, b in combinations(ids, 2)
        if (found := _gap(issue.id, a, b, now_stances, then_stances)) is not None
    )
    return Comparison(
        at=at,
        since=since,
        parties=parties,
        issues=dataset.issues,
        positions=positions,
        gaps=gaps,
    )


# party id -> issue id -> stance
_Stances = dict[str, dict[str, Stance | None]]


def _stances_at(
    dataset: Dataset, parties: Sequence[Party], at: PartialDate, include_disputed: bool, ladders: Ladders
) -> _Stances:
    states = replay(dataset, said_by(at), include_disputed, parties=[party.id for party in parties])
    return {party.id: dict(stances(states[party.id], party, ladders)) for party in parties}


def _gap(issue: str, a: str, b: str, now: _Stances, then: _Stances | None) -> Gap | None:
    """The gap between two parties' asks; None unless both hold a stance at one of the dates."""
    distance = gap(now[a].get(issue), now[b].get(issue))
    distance_since = gap(then[a].get(issue), then[b].get(issue)) if then is not None else None
    if distance is None and distance_since is None:
        return None
    return Gap(
        issue=issue,
        party_a=a,
        party_b=b,
        distance=distance,
        distance_since=distance_since,
        trend=_trend(distance, distance_since),
    )


def _trend(distance: int | None, distance_since: int | None) -> Trend | None:
    if distance is None or distance_since is None:
        return None
    if distance < distance_since:
        return Trend.CONVERGING
    if distance > distance_since:
        return Trend.DIVERGING
    return Trend.STEADY
