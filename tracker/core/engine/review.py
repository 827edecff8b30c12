"""What a change to the dataset shifts: two versions of the data, one date."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import cite
from tracker.core.engine.compare import compare
from tracker.core.engine.results import (
    ActiveCondition,
    Change,
    ChangeKind,
    Comparison,
    Direction,
    EditKind,
    GapShift,
    IssueDiff,
    IssuePosition,
    PartyShift,
    Review,
    StatementEdit,
    Trend,
    Verdict,
)
from tracker.core.engine.words import word_diff
from tracker.core.model import Party

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
    before, after = _everyone(old, at), _everyone(new, at)
    return Review(
        base=labels[0],
        head=labels[1],
        at=at,
        base_problems=(),
        head_problems=(),
        edits=tuple(_edits(old, new)),
        shifts=tuple(_shifts(before, after)),
        gaps=tuple(_gap_shifts(before, after)),
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


def _positions(comparison: Comparison | None) -> dict[str, dict[str, IssuePosition]]:
    if comparison is None:
        return {}
    return {p.party.id: {row.issue.id: row for row in p.issues} for p in comparison.positions}


def _shifts(old: Comparison | None, new: Comparison | None) -> Iterable[PartyShift]:
    parties: dict[str, Party] = {p.id: p for p in (old.parties if old else ())}
    parties |= {p.id: p for p in (new.parties if new else ())}
    before_all, after_all = _positions(old), _positions(new)
    levels_after = {pid: {issue: row.level_index for issue, row in rows.items()} for pid, rows in after_all.items()}
    for party_id, party in parties.items():
        before, after = before_all.get(party_id, {}), after_all.get(party_id, {})
        issues = []
        for issue_id in list(after) + [i for i in before if i not in after]:
            was, now = before.get(issue_id), after.get(issue_id)
            changes = _position_changes(was, now)
            if not changes:
                continue
            reference = now or was
            assert reference is not None
            issues.append(
                IssueDiff(
                    issue=reference.issue,
                    changes=changes,
                    level_before=was.level if was else None,
                    level_after=now.level if now else None,
                    directions=_directions(party_id, issue_id, was, now, levels_after),
                )
            )
        if issues:
            yield PartyShift(party, tuple(issues))


def _position_changes(was: IssuePosition | None, now: IssuePosition | None) -> tuple[Change, ...]:
    old = {a.condition.id: a for a in (was.conditions if was else ())}
    new = {a.condition.id: a for a in (now.conditions if now else ())}
    changes: list[Change] = []
    replaced: set[str] = set()
    for cid, after in new.items():
        before = old.get(cid)
        if before is not None:
            if (change := _same_condition(before, after)) is not None:
                changes.append(change)
            continue
        successors = [old[r] for r in after.condition.replaces if r in old and r not in new]
        for previous in successors:  # the new condition says which one it supersedes
            replaced.add(previous.condition.id)
            changes.append(_replacement(previous, after))
        if not successors:
            changes.append(Change(ChangeKind.ADDED, after.condition.issue, None, after))
    changes += [
        Change(ChangeKind.DROPPED, b.condition.issue, b, None)
        for cid, b in old.items()
        if cid not in new and cid not in replaced
    ]
    return tuple(changes)


def _replacement(before: ActiveCondition, after: ActiveCondition) -> Change:
    move = (
        after.level_index - before.level_index
        if after.level_index is not None and before.level_index is not None
        else None
    )
    words = (
        word_diff(before.condition.text, after.condition.text) if before.condition.text != after.condition.text else ()
    )
    chain = (before.condition.id, after.condition.id)
    return Change(ChangeKind.REPLACED, after.condition.issue, before, after, words=words, level_move=move, chain=chain)


def _same_condition(before: ActiveCondition, after: ActiveCondition) -> Change | None:
    words = (
        word_diff(before.condition.text, after.condition.text) if before.condition.text != after.condition.text else ()
    )
    if before.condition.level != after.condition.level:
        move = (
            after.level_index - before.level_index
            if after.level_index is not None and before.level_index is not None
            else None
        )
        return Change(ChangeKind.MOVED, after.condition.issue, before, after, words=words, level_move=move)
    if words:
        return Change(ChangeKind.REWORDED, after.condition.issue, before, after, words=words)
    return None


def _directions(
    party: str,
    issue: str,
    was: IssuePosition | None,
    now: IssuePosition | None,
    levels_after: dict[str, dict[str, int | None]],
) -> tuple[Direction, ...]:
    own_before = was.level_index if was else None
    own_after = now.level_index if now else None
    if own_before is None or own_after is None or own_before == own_after:
        return ()
    found = []
    for other in sorted(levels_after):
        theirs = levels_after[other].get(issue)
        if other == party or theirs is None:
            continue
        before, after = abs(own_before - theirs), abs(own_after - theirs)
        verdict = Verdict.HARDENING if after > before else Verdict.SOFTENING if after < before else Verdict.STEADY
        found.append(Direction(other, before, after, verdict))
    return tuple(found)


def _gap_shifts(old: Comparison | None, new: Comparison | None) -> Iterable[GapShift]:
    before, after = _gaps(old), _gaps(new)
    for key in list(after) + [k for k in before if k not in after]:
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        trend = None
        if was is not None and now is not None:
            trend = Trend.CONVERGING if now < was else Trend.DIVERGING if now > was else Trend.STEADY
        yield GapShift(key[0], key[1], key[2], was, now, trend)


def _gaps(comparison: Comparison | None) -> dict[tuple[str, str, str], int | None]:
    found: dict[tuple[str, str, str], int | None] = {}
    for gap in comparison.gaps if comparison else ():
        a, b = sorted((gap.party_a, gap.party_b))
        found[(gap.issue, a, b)] = gap.distance
    return found


def _everyone(dataset: Dataset, at: PartialDate) -> Comparison | None:
    """Every party's position and every gap, from one replay of the dataset."""
    return compare(dataset, [p.id for p in dataset.parties], at) if dataset.parties else None
