"""A party's position at a date."""

from __future__ import annotations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import disputed_report
from tracker.core.engine.lookup import party_by_id
from tracker.core.engine.replay import (
    Ladders,
    PartyState,
    active_condition,
    ladders_of,
    replay,
    said_by,
)
from tracker.core.engine.results import IssuePosition, Position
from tracker.core.engine.stance import stance_of
from tracker.core.model import Party


def position(dataset: Dataset, party_id: str, at: PartialDate, include_disputed: bool = False) -> Position:
    """What `party_id` demands as of the end of `at`.

    A statement counts once its whole date span is over (`date.end <= at.end`).
    O(S + C + I): one replay, then one grouping of the active conditions by issue.
    Raises `LookupFailed` for an unknown party id.
    """
    party = party_by_id(dataset, party_id)
    state = replay(dataset, said_by(at), include_disputed, parties=[party_id])[party_id]
    return position_of(dataset, party, state, at, include_disputed, ladders_of(dataset))


def position_of(
    dataset: Dataset,
    party: Party,
    state: PartyState,
    at: PartialDate,
    include_disputed: bool,
    ladders: Ladders,
) -> Position:
    """The `Position` for a replayed state. O(C log C + I)."""
    issues = []
    for issue in dataset.issues:
        held = list(state.active_on(issue.id))
        in_order = sorted(held, key=lambda one: (one.order, one.id))
        issues.append(
            IssuePosition(
                issue=issue,
                conditions=tuple(active_condition(one, party.id, ladders) for one in in_order),
                stance=stance_of(held, party.pole, ladders) if issue.ladder else None,
            )
        )
    return Position(
        party=party,
        at=at,
        issues=tuple(issues),
        include_disputed=include_disputed,
        disputed=tuple(disputed_report(dataset, placed) for placed in state.disputed),
    )
