"""The one change classifier: what became of each condition between two states.

`diff` (two dates) and `review` (two versions of the data) both call `changes`,
so that they cannot disagree about what a change is.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.core.engine.replay import Held, Ladders, PartyState, active_condition
from tracker.core.engine.results import ActiveCondition, Change, ChangeKind, Citation, WordChange
from tracker.core.engine.words import word_diff
from tracker.core.model import Condition

# A word diff is shown only when the two texts share at least this share of the
# longer text's words; below it, the diff is noise and both texts speak better whole.
WORD_DIFF_MIN_SHARED = 0.5

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

# Whether a condition active at both ends was stated again in between.
Restated = Callable[[str], bool]


def changes(party: str, before: PartyState, after: PartyState, ladders: Ladders, restated: Restated) -> list[Change]:
    """Every condition active at either end, classified once, in display order.

    O(C + length of the lineages followed).
    """
    found = []
    successors: set[str] = set()
    for cid in before.active:
        if cid in after.active:
            found.append(_same_id(party, before.held[cid], after.held[cid], restated(cid), ladders))
            continue
        for change in _fate(party, before.held[cid], after, ladders):
            found.append(change)
            if change.kind is ChangeKind.REPLACED:
                successors.add(change.chain[-1])
    for cid in after.active:
        if cid not in before.active and cid not in successors:
            added = active_condition(after.held[cid], party, ladders)
            found.append(Change(ChangeKind.ADDED, added.condition.issue, before=None, after=added))
    return sorted(found, key=_change_order)


def _same_id(party: str, old: Held, new: Held, restated: bool, ladders: Ladders) -> Change:
    before, after = active_condition(old, party, ladders), active_condition(new, party, ladders)
    issue = new.condition.issue
    words = _words(old.condition, new.condition)
    if old.condition.level != new.condition.level:
        move = _level_move(before.level_index, after.level_index)
        return Change(ChangeKind.MOVED, issue, before, after, words=words, level_move=move)
    if old.condition.text != new.condition.text:
        return Change(ChangeKind.REWORDED, issue, before, after, words=words)
    kind = ChangeKind.REAFFIRMED if restated else ChangeKind.UNCHANGED
    return Change(kind, issue, before, after)


def _fate(party: str, old: Held, after: PartyState, ladders: Ladders) -> list[Change]:
    """Where a condition that went out of force ended: successors in force, or a drop.

    Follows every lineage (one condition may be replaced by several) until a
    successor is in force (replaced) or the line was withdrawn (dropped).
    """
    before = active_condition(old, party, ladders)
    found: list[Change] = []
    withdrawn: Citation | None = None
    seen = {old.id}
    lines = [[old.id]]
    while lines:
        chain = lines.pop(0)
        ending = after.endings.get(chain[-1])
        if ending is None:
            continue
        if not ending.replaced_by:
            withdrawn = withdrawn or ending.by
            continue
        for successor in ending.replaced_by:
            if successor in seen:
                continue  # replacements that go round in a circle leave nothing in force
            seen.add(successor)
            if successor in after.active:
                via = tuple(active_condition(after.held[cid], party, ladders) for cid in chain[1:])
                found.append(_replaced(party, before, after.held[successor], (*chain, successor), via, ladders))
            else:
                lines.append([*chain, successor])
    if found:
        return found
    return [Change(ChangeKind.DROPPED, old.condition.issue, before, None, withdrawn_by=withdrawn)]


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
    if old.text == new.text:
        return ()
    runs = word_diff(old.text, new.text)
    shared = sum(len(run.text.split()) for run in runs if run.op == "equal")
    longer = max(len(old.text.split()), len(new.text.split()))
    return runs if shared >= WORD_DIFF_MIN_SHARED * longer else ()


def _level_move(before: int | None, after: int | None) -> int | None:
    return after - before if before is not None and after is not None else None


def _change_order(change: Change) -> tuple[int, str, str]:
    current = change.after or change.before
    earlier = change.before.condition.id if change.before else ""
    return (_KIND_ORDER[change.kind], current.condition.id if current else "", earlier)


def touches(change: Change, issue: str) -> bool:
    """Whether a change concerns an issue: where the condition stood before, or stands now."""
    return any(side is not None and side.condition.issue == issue for side in (change.before, change.after))
