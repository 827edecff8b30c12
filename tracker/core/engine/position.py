"""A party's position at a date."""

from __future__ import annotations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import disputed_report
from tracker.core.engine.lookup import party_by_id
from tracker.core.engine.replay import (
    Held,
    Ladders,
    PartyState,
    active_condition,
    issue_levels,
    ladders_of,
    level_index,
    replay,
    said_by,
)
from tracker.core.engine.results import IssuePosition, Position
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
    by_issue: dict[str, list[Held]] = {}
    for held in state.active_held():
        by_issue.setdefault(held.condition.issue, []).append(held)
    levels = issue_levels(state)
    issues = []
    for issue in dataset.issues:
        in_order = sorted(by_issue.get(issue.id, []), key=lambda held: (held.order, held.id))
        level = levels.get(issue.id)
        issues.append(
            IssuePosition(
                issue=issue,
                conditions=tuple(active_condition(held, party.id, ladders) for held in in_order),
                level=level.level if level else None,
                level_index=level_index(ladders, level) if level else None,
            )
        )
    return Position(
        party=party,
        at=at,
        issues=tuple(issues),
        include_disputed=include_disputed,
        disputed=tuple(disputed_report(dataset, placed) for placed in state.disputed),
    )
