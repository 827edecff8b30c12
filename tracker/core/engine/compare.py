"""Parties side by side: positions and ladder gaps, now and since a date."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.lookup import parties_by_ids
from tracker.core.engine.position import position_of
from tracker.core.engine.replay import Ladders, issue_levels, ladders_of, level_index, replay, said_by
from tracker.core.engine.results import Comparison, Gap, Trend


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
    parties = parties_by_ids(dataset, party_ids)
    ids = [party.id for party in parties]
    ladders = ladders_of(dataset)
    now = replay(dataset, said_by(at), include_disputed, parties=ids)
    positions = tuple(position_of(dataset, party, now[party.id], at, include_disputed, ladders) for party in parties)
    now_levels = {item.party.id: {row.issue.id: row.level_index for row in item.issues} for item in positions}
    then_levels = _levels_at(dataset, ids, since, include_disputed, ladders) if since else None
    gaps = tuple(
        _gap(issue.id, a, b, now_levels, then_levels)
        for issue in dataset.issues
        if issue.ladder
        for a, b in combinations(ids, 2)
    )
    return Comparison(
        at=at,
        since=since,
        parties=parties,
        issues=dataset.issues,
        positions=positions,
        gaps=gaps,
    )


# party id -> issue id -> level index
_Levels = dict[str, dict[str, int | None]]


def _levels_at(dataset: Dataset, ids: list[str], at: PartialDate, include_disputed: bool, ladders: Ladders) -> _Levels:
    states = replay(dataset, said_by(at), include_disputed, parties=ids)
    return {
        party: {issue: level_index(ladders, level) for issue, level in issue_levels(state).items()}
        for party, state in states.items()
    }


def _gap(issue: str, a: str, b: str, now: _Levels, then: _Levels | None) -> Gap:
    distance = _distance(now[a].get(issue), now[b].get(issue))
    distance_since = _distance(then[a].get(issue), then[b].get(issue)) if then is not None else None
    return Gap(
        issue=issue,
        party_a=a,
        party_b=b,
        distance=distance,
        distance_since=distance_since,
        trend=_trend(distance, distance_since),
    )


def _distance(a: int | None, b: int | None) -> int | None:
    return abs(a - b) if a is not None and b is not None else None


def _trend(distance: int | None, distance_since: int | None) -> Trend | None:
    if distance is None or distance_since is None:
        return None
    if distance < distance_since:
        return Trend.CONVERGING
    if distance > distance_since:
        return Trend.DIVERGING
    return Trend.STEADY
