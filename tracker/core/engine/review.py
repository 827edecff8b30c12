"""What a change to the dataset shifts: two versions of the data, one date."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import cite
from tracker.core.engine.classify import changes
from tracker.core.engine.headline import Counterpart, directions, headline, ordered
from tracker.core.engine.replay import Ladders, PartyState, ladders_of, replay, said_by
from tracker.core.engine.results import (
    Change,
    EditKind,
    GapShift,
    IssueDiff,
    PartyShift,
    Review,
    Stance,
    StatementEdit,
    Trend,
)
from tracker.core.engine.stance import gap, stance_of, stances
from tracker.core.model import Issue, Party, Pole

_EMPTY = Dataset(files=())


def review(
    base: Dataset | None,
    head: Dataset | None,
    at: PartialDate,
    labels: tuple[str, str] = ("base", "head"),
    problems: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> Review:
    """Editorial changes and their effect on positions and gaps at `at`.

    A side that is None had no dataset (added or deleted in the change) and
    counts as empty. One replay per side: O(S + C) each, plus O(I·P²) for the gaps.
    """
    if problems[0] or problems[1]:
        return Review(labels[0], labels[1], at, problems[0], problems[1])
    old, new = base or _EMPTY, head or _EMPTY
    counts = said_by(at)
    before, after = replay(old, counts, False), replay(new, counts, False)
    return Review(
        base=labels[0],
        head=labels[1],
        at=at,
        base_problems=(),
        head_problems=(),
        edits=tuple(_edits(old, new)),
        shifts=tuple(_shifts(old, new, before, after)),
        gaps=tuple(_gap_shifts(_gaps(old, before), _gaps(new, after))),
    )


def _edits(old: Dataset, new: Dataset) -> Iterable[StatementEdit]:
    """Statements matched by identity (explicit or derived id), not by position."""
    before = {placed.id: placed for placed in old.statements}
    after = {placed.id: placed for placed in new.statements}
    for placed in new.statements:
        if placed.id not in before:
            yield _edit(EditKind.ADDED, new, placed)
        elif (edit := _edited(before[placed.id], placed, new)) is not None:
            yield edit
    for placed in old.statements:
        if placed.id not in after:
            yield _edit(EditKind.REMOVED, old, placed)


def _edit(kind: EditKind, dataset: Dataset, placed: Placed) -> StatementEdit:
    ids = tuple(condition.id for condition in placed.statement.conditions)
    return StatementEdit(
        kind,
        placed.id,
        placed.parties,
        cite(dataset, placed),
        conditions_added=ids if kind is EditKind.ADDED else (),
        conditions_removed=ids if kind is EditKind.REMOVED else (),
    )


def _edited(old: Placed, new: Placed, dataset: Dataset) -> StatementEdit | None:
    if old.statement == new.statement:  # record equality: cheap, and by far the common case
        return None
    fields = tuple(
        sorted(
            name
            for name in old.statement.__struct_fields__
            if getattr(old.statement, name) != getattr(new.statement, name)
        )
    )
    old_conditions = {c.id: c for c in old.statement.conditions}
    new_conditions = {c.id: c for c in new.statement.conditions}
    return StatementEdit(
        EditKind.EDITED,
        new.id,
        new.parties,
        cite(dataset, new),
        fields=fields,
        conditions_added=tuple(cid for cid in new_conditions if cid not in old_conditions),
        conditions_removed=tuple(cid for cid in old_conditions if cid not in new_conditions),
        conditions_changed=tuple(
            cid for cid, c in new_conditions.items() if cid in old_conditions and old_conditions[cid] != c
        ),
    )


def _shifts(
    old: Dataset, new: Dataset, before: dict[str, PartyState], after: dict[str, PartyState]
) -> Iterable[PartyShift]:
    """Each party's conditions in the two versions' states, through the one classifier."""
    ladders = ladders_of(new)
    parties: dict[str, Party] = {p.id: p for p in old.parties} | {p.id: p for p in new.parties}
    poles = {p.pole: p for p in reversed(new.parties) if p.pole is not None}
    for party_id, party in parties.items():
        was, now = before.get(party_id) or PartyState(party_id), after.get(party_id) or PartyState(party_id)
        by_issue: dict[str, list[Change]] = {}
        for change in changes(party_id, was, now, ladders, restated=lambda cid: False):
            if change.kind.is_shift:
                by_issue.setdefault(change.issue, []).append(change)
        issues = [
            _issue_shift(issue, party, by_issue[issue.id], before, after, parties, ladders, poles)
            for issue in (new.issues or old.issues)
            if issue.id in by_issue
        ]
        if issues:
            yield PartyShift(party, tuple(issues))


def _issue_shift(
    issue: Issue,
    party: Party,
    found: list[Change],
    before: dict[str, PartyState],
    after: dict[str, PartyState],
    parties: dict[str, Party],
    ladders: Ladders,
    poles: dict[Pole, Party],
) -> IssueDiff:
    if not issue.ladder:
        return IssueDiff(issue=issue, changes=tuple(found))

    def stance(states: dict[str, PartyState], who: Party) -> Stance | None:
        state = states.get(who.id)
        return stance_of(state.active_on(issue.id), who.pole, ladders) if state else None

    others = ordered(
        party,
        [Counterpart(other, stance(before, other), stance(after, other), 0) for other in parties.values()],
    )
    was, now = stance(before, party), stance(after, party)
    return IssueDiff(
        issue=issue,
        changes=tuple(found),
        headline=headline(party, was, now, (), None, others, poles),
        directions=directions(was, now, others),
    )


def _gap_shifts(before: dict[tuple[str, str, str], int], after: dict[tuple[str, str, str], int]) -> Iterable[GapShift]:
    for key in list(after) + [k for k in before if k not in after]:
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        trend = None
        if was is not None and now is not None:
            trend = Trend.CONVERGING if now < was else Trend.DIVERGING if now > was else Trend.STEADY
        yield GapShift(key[0], key[1], key[2], was, now, trend)


def _gaps(dataset: Dataset, states: dict[str, PartyState]) -> dict[tuple[str, str, str], int]:
    """(issue, party, party) -> the gap between their asks, for pairs that both hold a stance."""
    ladders = ladders_of(dataset)
    held = {party.id: stances(states[party.id], party, ladders) for party in dataset.parties if party.id in states}
    found = {}
    for issue in dataset.issues:
        if not issue.ladder:
            continue
        for a, b in combinations(sorted(held), 2):
            distance = gap(held[a].get(issue.id), held[b].get(issue.id))
            if distance is not None:
                found[(issue.id, a, b)] = distance
    return found
