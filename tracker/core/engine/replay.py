"""The shared state machine: statements replayed, in order, into each party's conditions.

Every engine function is one or two passes of `replay` (or, for the timeline, the
same `PartyState.apply` step by step). A pass is O(S + C·k): S statements, C
conditions, k signers of a statement (1 except for joint texts).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

import msgspec

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import cite
from tracker.core.engine.results import ActiveCondition, Citation
from tracker.core.model import Condition

# (statement order, index of the condition within the statement): larger is later.
Seq = tuple[int, int]
StatementFilter = Callable[[Placed], bool]
# issue id -> level id -> index on the ladder
Ladders = dict[str, dict[str, int]]


class Held(msgspec.Struct):
    """A condition a party has stated, in its latest wording."""

    condition: Condition
    first_stated: Citation
    last_stated: Citation
    seq: Seq

    @property
    def id(self) -> str:
        return self.condition.id

    @property
    def order(self) -> int:
        return self.seq[0]


class Ending(msgspec.Struct, frozen=True):
    """Why a condition last went out of force."""

    by: Citation
    replaced_by: tuple[str, ...]  # its successors in that statement; empty: withdrawn


class PartyState(msgspec.Struct):
    """One party's conditions after the statements replayed so far."""

    party: str
    held: dict[str, Held] = msgspec.field(default_factory=dict)  # every id ever stated, active or not
    active: dict[str, None] = msgspec.field(default_factory=dict)  # an ordered set, for deterministic output
    endings: dict[str, Ending] = msgspec.field(default_factory=dict)  # last deactivation per id
    # issue -> its active ids, the most recently stated last
    by_issue: dict[str, dict[str, None]] = msgspec.field(default_factory=dict)
    restated: set[str] = msgspec.field(default_factory=set)  # ids stated in window statements
    disputed: list[Placed] = msgspec.field(default_factory=list)  # counted disputed statements, applied or not

    def apply(self, placed: Placed, citation: Citation, in_window: bool = False) -> None:
        # The engine's innermost loop (once per condition per replay): kept flat, and a
        # restated condition's Held is updated in place rather than built anew.
        statement, held, active, order = placed.statement, self.held, self.active, placed.order
        by_issue = self.by_issue
        for index, condition in enumerate(statement.conditions):
            cid = condition.id
            earlier = held.get(cid)
            if earlier is None:
                held[cid] = Held(condition, citation, citation, (order, index))
            else:
                if earlier.condition.issue != condition.issue and cid in active:
                    del by_issue[earlier.condition.issue][cid]
                earlier.condition, earlier.last_stated, earlier.seq = condition, citation, (order, index)
            active[cid] = None
            issue_ids = by_issue.get(condition.issue)
            if issue_ids is None:
                by_issue[condition.issue] = {cid: None}
            else:
                issue_ids.pop(cid, None)  # a restatement moves it to the end
                issue_ids[cid] = None
            if in_window:
                self.restated.add(cid)
            for old in condition.replaces:
                self._end(old, citation, cid)
        for old in statement.withdraws:
            self._end(old, citation, None)

    def active_on(self, issue: str) -> Iterator[Held]:
        return (self.held[cid] for cid in self.by_issue.get(issue, ()))

    def _end(self, cid: str, by: Citation, replaced_by: str | None) -> None:
        # A joint text may replace or withdraw what only another signer stated: a no-op here.
        if cid in self.active:
            del self.active[cid]
            del self.by_issue[self.held[cid].condition.issue][cid]
            self.endings[cid] = Ending(by, (replaced_by,) if replaced_by else ())
            return
        ending = self.endings.get(cid)
        if replaced_by and ending is not None and ending.by.statement_id == by.statement_id:
            # One statement replacing a condition by several successors: every lineage counts.
            self.endings[cid] = Ending(by, (*ending.replaced_by, replaced_by))


# Called after a statement was applied to a signer's state.
Observer = Callable[[PartyState, Placed, Citation], None]


def replay(
    dataset: Dataset,
    counts: StatementFilter,
    include_disputed: bool,
    parties: Collection[str] | None = None,
    window: StatementFilter | None = None,
    observe: Observer | None = None,
    new_state: Callable[[str], PartyState] = PartyState,
) -> dict[str, PartyState]:
    """Each party's state after the statements that `counts`, in dataset order. O(S + C·k).

    `parties` limits the work to those parties (None: every party of the dataset);
    `window` marks the statements whose restatements `PartyState.restated` records;
    `observe` sees each state right after a statement changed it; `new_state` makes
    each party's empty state (a subclass may keep more as it applies statements).
    """
    wanted = [party.id for party in dataset.parties] if parties is None else list(parties)
    states = {party: new_state(party) for party in wanted}
    for placed in dataset.statements:
        if not counts(placed):
            continue
        signers = [states[party] for party in placed.parties if party in states]
        if not signers:
            continue
        disputed = placed.statement.disputed
        citation = cite(dataset, placed)
        in_window = window is not None and window(placed)
        for state in signers:
            if disputed:
                state.disputed.append(placed)
            if include_disputed or not disputed:
                state.apply(placed, citation, in_window)
                if observe is not None:
                    observe(state, placed, citation)
    return states


def said_by(at: PartialDate) -> StatementFilter:
    """Statements whose whole date span is over by the end of `at`."""
    end = at.end
    return lambda placed: placed.ends <= end


def said_before(since: PartialDate) -> StatementFilter:
    """Statements whose whole date span is over before `since` begins."""
    start = since.start
    return lambda placed: placed.ends < start


def ladders_of(dataset: Dataset) -> Ladders:
    return {issue.id: {level.id: index for index, level in enumerate(issue.ladder)} for issue in dataset.issues}


def level_index(ladders: Ladders, condition: Condition) -> int | None:
    if condition.level is None:
        return None
    return ladders.get(condition.issue, {}).get(condition.level)


def active_condition(held: Held, party: str, ladders: Ladders) -> ActiveCondition:
    return ActiveCondition(
        condition=held.condition,
        party=party,
        first_stated=held.first_stated,
        last_stated=held.last_stated,
        level_index=level_index(ladders, held.condition),
    )
