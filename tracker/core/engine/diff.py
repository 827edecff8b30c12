"""What changed in parties' positions between two dates."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import disputed_report
from tracker.core.engine.lookup import issue_by_id, parties_by_ids
from tracker.core.engine.replay import (
    Held,
    Ladders,
    PartyState,
    StatementFilter,
    active_condition,
    issue_levels,
    ladders_of,
    level_index,
    replay,
    said_before,
    said_by,
)
from tracker.core.engine.results import (
    ActiveCondition,
    Change,
    ChangeKind,
    DiffResult,
    Direction,
    IssueDiff,
    PartyDiff,
    Verdict,
    WordChange,
)
from tracker.core.engine.words import word_diff
from tracker.core.model import Condition, Issue, Party

_KIND_ORDER = {
    kind: rank
    for rank, kind in enumerate(
        (
            ChangeKind.ADDED,
            ChangeKind.REPLACED,
            ChangeKind.MOVED,
            ChangeKind.REWORDED,
            ChangeKind.DROPPED,
            ChangeKind.REAFFIRMED,
            ChangeKind.UNCHANGED,
        )
    )
}


def diff(
    dataset: Dataset,
    party_ids: Sequence[str],
    since: PartialDate,
    until: PartialDate,
    issue_id: str | None = None,
    include_disputed: bool = False,
) -> DiffResult:
    """Each party's changes from just before `since` begins to the end of `until`.

    The before-state counts statements over before `since.start`; the after-state those
    over by `until.end`; the window is the difference. No `party_ids`: every party.
    O(S + C·k + C log C): two replays (every party in the after-state, for the
    counterparts of directions), then one classification of each party's conditions.
    Raises `LookupFailed` for an unknown party or issue id.
    """
    parties = parties_by_ids(dataset, party_ids)
    if issue_id is not None:
        issue_by_id(dataset, issue_id)
    before_counts, after_counts = said_before(since), said_by(until)

    def in_window(placed: Placed) -> bool:
        return after_counts(placed) and not before_counts(placed)

    before = replay(dataset, before_counts, include_disputed, parties=[party.id for party in parties])
    after = replay(dataset, after_counts, include_disputed, window=in_window)
    context = _Context(
        dataset=dataset,
        ladders=ladders_of(dataset),
        levels_after={party: issue_levels(state) for party, state in after.items()},
        issue_id=issue_id,
        in_window=in_window,
    )
    return DiffResult(
        since=since,
        until=until,
        include_disputed=include_disputed,
        parties=tuple(context.party_diff(party, before[party.id], after[party.id]) for party in parties),
    )


class _Context(msgspec.Struct, frozen=True):
    dataset: Dataset
    ladders: Ladders
    levels_after: dict[str, dict[str, Condition]]  # party -> issue -> its level condition, every party, after
    issue_id: str | None
    in_window: StatementFilter

    def party_diff(self, party: Party, before: PartyState, after: PartyState) -> PartyDiff:
        by_issue: dict[str, list[Change]] = {}
        for change in _changes(party.id, before, after, self.ladders):
            by_issue.setdefault(change.issue, []).append(change)
        levels_before = issue_levels(before)
        issues = tuple(
            self.issue_diff(party.id, issue, by_issue[issue.id], levels_before.get(issue.id))
            for issue in self.dataset.issues
            if issue.id in by_issue and self.issue_id in (None, issue.id)
        )
        disputed = tuple(disputed_report(self.dataset, placed) for placed in after.disputed if self.in_window(placed))
        return PartyDiff(party=party, issues=issues, disputed=disputed)

    def issue_diff(self, party: str, issue: Issue, changes: list[Change], before: Condition | None) -> IssueDiff:
        after = self.levels_after[party].get(issue.id)
        return IssueDiff(
            issue=issue,
            changes=tuple(sorted(changes, key=_change_order)),
            level_before=before.level if before else None,
            level_after=after.level if after else None,
            directions=self.directions(party, issue.id, before, after),
        )

    def directions(
        self, party: str, issue: str, before: Condition | None, after: Condition | None
    ) -> tuple[Direction, ...]:
        """This party's move against each counterpart held at its after-level. O(P log P)."""
        own_before = level_index(self.ladders, before) if before else None
        own_after = level_index(self.ladders, after) if after else None
        if own_before is None or own_after is None:
            return ()
        found = []
        for other in sorted(self.levels_after):
            level = self.levels_after[other].get(issue)
            theirs = level_index(self.ladders, level) if level and other != party else None
            if theirs is None:
                continue
            distance_before, distance_after = abs(own_before - theirs), abs(own_after - theirs)
            found.append(Direction(other, distance_before, distance_after, _verdict(distance_before, distance_after)))
        return tuple(found)


def _verdict(distance_before: int, distance_after: int) -> Verdict:
    if distance_after > distance_before:
        return Verdict.HARDENING
    if distance_after < distance_before:
        return Verdict.SOFTENING
    return Verdict.STEADY


def _changes(party: str, before: PartyState, after: PartyState, ladders: Ladders) -> list[Change]:
    """Every condition active at either end, classified once. O(C + length of reported chains)."""
    changes = []
    chain_ends: set[str] = set()
    for cid in before.active:
        if cid in after.active:
            changes.append(_same_id(party, before.held[cid], after.held[cid], cid in after.restated, ladders))
            continue
        change = _fate(party, before.held[cid], after, ladders)
        changes.append(change)
        if change.kind is ChangeKind.REPLACED:
            chain_ends.add(change.chain[-1])
    for cid in after.active:
        if cid not in before.active and cid not in chain_ends:
            added = active_condition(after.held[cid], party, ladders)
            changes.append(Change(ChangeKind.ADDED, added.condition.issue, before=None, after=added))
    return changes


def _same_id(party: str, old: Held, new: Held, restated: bool, ladders: Ladders) -> Change:
    before, after = active_condition(old, party, ladders), active_condition(new, party, ladders)
    issue = new.condition.issue
    words = _words(old.condition, new.condition)
    if old.condition.level != new.condition.level:
        move = _level_move(before.level_index, after.level_index)
        return Change(ChangeKind.MOVED, issue, before, after, words=words, level_move=move)
    if words:
        return Change(ChangeKind.REWORDED, issue, before, after, words=words)
    kind = ChangeKind.REAFFIRMED if restated else ChangeKind.UNCHANGED
    return Change(kind, issue, before, after)


def _fate(party: str, old: Held, after: PartyState, ladders: Ladders) -> Change:
    """Where a condition that went out of force ended: a successor in force, or a drop.

    Follows each condition's last replacement until one is in force (replaced) or
    one was withdrawn (dropped, citing the withdrawal).
    """
    before = active_condition(old, party, ladders)
    chain, seen = [old.id], {old.id}
    while (ending := after.endings.get(chain[-1])) is not None:
        successor = ending.replaced_by
        if successor is None:
            return Change(ChangeKind.DROPPED, old.condition.issue, before, None, withdrawn_by=ending.by)
        if successor in seen:
            break  # replacements that go round in a circle leave nothing in force
        chain.append(successor)
        seen.add(successor)
        if successor in after.active:
            via = tuple(active_condition(after.held[cid], party, ladders) for cid in chain[1:-1])
            return _replaced(party, before, after.held[successor], tuple(chain), via, ladders)
    return Change(ChangeKind.DROPPED, old.condition.issue, before, None)


def _replaced(
    party: str,
    before: ActiveCondition,
    new: Held,
    chain: tuple[str, ...],
    via: tuple[ActiveCondition, ...],
    ladders: Ladders,
) -> Change:
    after = active_condition(new, party, ladders)
    same_issue = before.condition.issue == after.condition.issue
    return Change(
        ChangeKind.REPLACED,
        after.condition.issue,  # the change belongs where the demand now stands
        before,
        after,
        words=_words(before.condition, after.condition),
        level_move=_level_move(before.level_index, after.level_index) if same_issue else None,
        chain=chain,
        via=via,
    )


def _words(old: Condition, new: Condition) -> tuple[WordChange, ...]:
    return word_diff(old.text, new.text) if old.text != new.text else ()


def _level_move(before: int | None, after: int | None) -> int | None:
    return after - before if before is not None and after is not None else None


def _change_order(change: Change) -> tuple[int, str, str]:
    current = change.after or change.before
    assert current is not None
    earlier = change.before.condition.id if change.before else ""
    return (_KIND_ORDER[change.kind], current.condition.id, earlier)
