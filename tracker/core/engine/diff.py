"""What changed in parties' positions between two dates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import disputed_report
from tracker.core.engine.classify import Restated, changes, touches
from tracker.core.engine.headline import Counterpart, Point, directions, headline, ordered
from tracker.core.engine.lookup import WindowReversed, issue_by_id, parties_by_ids
from tracker.core.engine.replay import (
    Held,
    Ladders,
    PartyState,
    StatementFilter,
    ladders_of,
    replay,
    said_before,
    said_by,
)
from tracker.core.engine.results import Change, Citation, DiffResult, IssueDiff, PartyDiff, Stance
from tracker.core.engine.stance import stances
from tracker.core.model import Issue, Party, Pole


def newest_date(dataset: Dataset) -> PartialDate | None:
    """The date of the newest statement: where an open-ended window stops."""
    newest = max(dataset.statements, key=lambda placed: placed.ends, default=None)
    return newest.statement.date if newest else None


def diff(
    dataset: Dataset,
    party_ids: Sequence[str],
    since: PartialDate | None,
    until: PartialDate | None = None,
    issue_id: str | None = None,
    include_disputed: bool = False,
) -> DiffResult:
    """Each party's changes from just before `since` begins to the end of `until`.

    `since` None: per issue, from the party's first statement on it (its first
    stated stance). `until` None: the newest statement. No `party_ids`: every party.
    O(S + C·k + C log C): one replay of every party with the stance paths
    recorded, one before the window, then one classification per party.
    Raises `LookupFailed` for an unknown party or issue id, `WindowReversed` when
    `since` begins after `until` ends.
    """
    parties = parties_by_ids(dataset, party_ids)
    if issue_id is not None:
        issue_by_id(dataset, issue_id)
    newest = newest_date(dataset)
    until = until or newest or since
    if until is None:  # no statement and no date: nothing to compare
        return DiffResult(since=None, until=PartialDate.parse("1970"), include_disputed=include_disputed, parties=())
    if since is not None and since.start > until.end:
        raise WindowReversed(f"the window starts ({since}) after it ends ({until})")
    after_counts = said_by(until)
    window = None
    if since is not None:
        before_counts = said_before(since)

        def window(placed: Placed) -> bool:
            return after_counts(placed) and not before_counts(placed)

    paths = _Paths(dataset, window)
    after = replay(dataset, after_counts, include_disputed, window=window, observe=paths.observe)
    before = replay(dataset, said_before(since), include_disputed) if since else paths.baselines()
    result = _Diff(dataset, paths, before, after, since, issue_id, window)
    return DiffResult(
        since=since,
        until=until,
        include_disputed=include_disputed,
        parties=tuple(result.party_diff(party) for party in parties),
        newest=newest,
    )


class _Paths:
    """Stance paths of every party on every laddered issue, recorded during one replay.

    Rungs held are counted incrementally per party and issue, so a statement costs
    O(conditions it touches), not O(conditions active). Also keeps, per party and
    issue, the state right after its first statement there: the baseline of a diff
    with no start date.
    """

    def __init__(self, dataset: Dataset, window: StatementFilter | None) -> None:
        self.ladders: Ladders = ladders_of(dataset)
        self.level_ids = {issue.id: [level.id for level in issue.ladder] for issue in dataset.issues}
        self.window = window
        self.in_window: set[int] = set()  # orders of the window's statements
        self.parties = dataset.parties_by_id
        self.points: dict[tuple[str, str], list[Point]] = {}
        self.first: dict[tuple[str, str], int] = {}  # order of the first statement on the issue
        self.weight: dict[tuple[str, str], int] = {}  # statements on the issue
        self.snapshots: dict[str, dict[str, Held]] = {}
        self.rung_of: dict[str, dict[str, tuple[str, int]]] = {}  # party -> active id -> (issue, rung)
        self.counts: dict[tuple[str, str], dict[int, int]] = {}  # (party, issue) -> rung -> active ids there
        self.latest: dict[tuple[str, str], dict[str, int]] = {}  # (party, issue) -> id -> rung, last stated last
        self.newest: dict[tuple[str, str], int | None] = {}  # (party, issue) -> rung of the last stated

    def observe(self, state: PartyState, placed: Placed, citation: Citation) -> None:
        if self.window is not None and self.window(placed):
            self.in_window.add(placed.order)
        party = self.parties.get(state.party)
        touched = self._recount(state, placed)
        for issue in touched:
            key = (state.party, issue)
            self.weight[key] = self.weight.get(key, 0) + 1
            if key not in self.first:
                self.first[key] = placed.order
                snapshot = self.snapshots.setdefault(state.party, {})
                for held in state.active_on(issue):  # copies: a Held is updated in place later
                    snapshot[held.id] = Held(held.condition, held.first_stated, held.last_stated, held.seq)
            if not self.level_ids.get(issue):
                continue
            stance = self._stance(state, party, issue)
            path = self.points.setdefault(key, [])
            if (path and path[-1].stance != stance) or (not path and stance is not None):
                path.append(Point(placed.order, citation, stance))

    def _recount(self, state: PartyState, placed: Placed) -> set[str]:
        """Update the rung counts for the ids a statement touched; the issues it touched."""
        # Once per statement and signer on every diff: names bound locally, one pass.
        statement, party = placed.statement, state.party
        active, held, ladders = state.active, state.held, self.ladders
        known = self.rung_of.setdefault(party, {})
        all_counts, latest, newest = self.counts, self.latest, self.newest
        in_order = [condition.id for condition in statement.conditions]  # the last stated is the newest
        stated = set(in_order)
        issues = {condition.issue for condition in statement.conditions}
        ended = [old for condition in statement.conditions for old in condition.replaces]
        for cid in (*in_order, *ended, *statement.withdraws):
            old = known.get(cid)
            new = None
            if cid in active:
                condition = held[cid].condition
                rung = ladders.get(condition.issue, {}).get(condition.level or "")
                if rung is not None:
                    new = (condition.issue, rung)
            elif cid in held:
                issues.add(held[cid].condition.issue)
            if old is not None and (new is None or new[0] != old[0] or cid in stated):
                self._forget(party, old[0], cid)
            if new is not None and cid in stated:  # stated again or first: the most recent now
                key = (party, new[0])
                latest.setdefault(key, {})[cid] = new[1]
                newest[key] = new[1]
            if old == new:
                continue
            if old is not None:
                counts = all_counts[(party, old[0])]
                counts[old[1]] -= 1
                if not counts[old[1]]:
                    del counts[old[1]]
                del known[cid]
                issues.add(old[0])
            if new is not None:
                counts = all_counts.setdefault((party, new[0]), {})
                counts[new[1]] = counts.get(new[1], 0) + 1
                known[cid] = new
        return issues

    def _forget(self, party: str, issue: str, cid: str) -> None:
        key = (party, issue)
        latest = self.latest[key]
        latest.pop(cid, None)
        # The newest rung only changes when the newest condition goes: rarely a scan.
        self.newest[key] = next(reversed(latest.values()), None)

    def _stance(self, state: PartyState, party: Party | None, issue: str) -> Stance | None:
        counts = self.counts.get((state.party, issue))
        if not counts:
            return None
        low, high = min(counts), max(counts)
        pole = party.pole if party else None
        if pole is not None:
            ask = high if pole is Pole.LAST else low
        else:  # the most recently stated rung
            newest = self.newest[(state.party, issue)]
            assert newest is not None  # counts hold a rung, so some active condition is the newest
            ask = newest
        ids = self.level_ids[issue]
        return Stance(ask, low, high, ids[ask], ids[low], ids[high])

    def baselines(self) -> dict[str, PartyState]:
        """Each party's conditions as they stood after its first statement on each issue."""
        states = {}
        for party, snapshot in self.snapshots.items():
            state = PartyState(party, held=dict(snapshot), active=dict.fromkeys(snapshot))
            for held in snapshot.values():
                state.by_issue.setdefault(held.condition.issue, {})[held.id] = None
            states[party] = state
        return states

    def stance_at(self, party: str, issue: str, order: int) -> Stance | None:
        """The stance after the statements up to `order` (inclusive)."""
        path = self.points.get((party, issue), [])
        index = bisect_right(path, order, key=lambda point: point.order)
        return path[index - 1].stance if index else None


class _Diff:
    def __init__(
        self,
        dataset: Dataset,
        paths: _Paths,
        before: dict[str, PartyState],
        after: dict[str, PartyState],
        since: PartialDate | None,
        issue_id: str | None,
        window: StatementFilter | None,
    ) -> None:
        self.dataset, self.paths, self.before, self.after = dataset, paths, before, after
        self.since, self.issue_id, self.window = since, issue_id, window
        self._stances: dict[tuple[int, str], dict[str, Stance]] = {}
        self.poles = {p.pole: p for p in reversed(dataset.parties) if p.pole is not None}

    def party_diff(self, party: Party) -> PartyDiff:
        before = self.before.get(party.id) or PartyState(party.id)
        after = self.after.get(party.id) or PartyState(party.id)
        by_issue: dict[str, list[Change]] = {}
        for change in changes(party.id, before, after, self.paths.ladders, self._restated(party.id, before, after)):
            if self.issue_id is None:
                by_issue.setdefault(change.issue, []).append(change)
            elif touches(change, self.issue_id):
                by_issue.setdefault(self.issue_id, []).append(change)
        issues = tuple(
            self.issue_diff(party, issue, by_issue[issue.id]) for issue in self.dataset.issues if issue.id in by_issue
        )
        disputed = tuple(
            disputed_report(self.dataset, placed)
            for placed in after.disputed
            if self.window is None or self.window(placed)
        )
        return PartyDiff(party=party, issues=issues, disputed=disputed)

    def _restated(self, party: str, before: PartyState, after: PartyState) -> Restated:
        if self.since is not None:
            return after.restated.__contains__
        first = self.paths.first
        return lambda cid: after.held[cid].seq[0] > first.get((party, after.held[cid].condition.issue), -1)

    def issue_diff(self, party: Party, issue: Issue, found: list[Change]) -> IssueDiff:
        if not issue.ladder:
            return IssueDiff(issue=issue, changes=tuple(found))
        start, points, since = self._start(party.id, issue.id)
        end = self._stance(self.after, party, issue.id)
        path = self.paths.points.get((party.id, issue.id))
        baseline = path[0].order if self.since is None and path else None
        others = ordered(party, [self._counterpart(other, issue.id, baseline) for other in self.dataset.parties])
        return IssueDiff(
            issue=issue,
            changes=tuple(found),
            headline=headline(party, start, end, points, since, others, self.poles),
            directions=directions(start, end, others),
        )

    def _start(self, party: str, issue: str) -> tuple[Stance | None, list[Point], PartialDate | None]:
        path = self.paths.points.get((party, issue), [])
        if self.since is not None:
            start = self._stance(self.before, self.dataset.parties_by_id[party], issue)
            return start, [point for point in path if point.order in self.paths.in_window], None
        if not path:
            return None, [], None
        return path[0].stance, path[1:], path[0].citation.date

    def _stance(self, states: dict[str, PartyState], party: Party, issue: str) -> Stance | None:
        """A party's stance in one of the two states; each party's stances are computed once."""
        key = (id(states), party.id)
        if key not in self._stances:
            state = states.get(party.id)
            self._stances[key] = stances(state, party, self.paths.ladders) if state else {}
        return self._stances[key].get(issue)

    def _counterpart(self, other: Party, issue: str, baseline: int | None) -> Counterpart:
        """Another party's stance at the start (the given party's baseline, without a start date) and end."""
        if self.since is not None:
            before = self._stance(self.before, other, issue)
        else:
            before = self.paths.stance_at(other.id, issue, baseline) if baseline is not None else None
        return Counterpart(
            party=other,
            before=before,
            after=self._stance(self.after, other, issue),
            weight=self.paths.weight.get((other.id, issue), 0),
        )


def stance_paths(
    dataset: Dataset, until: PartialDate | None = None, include_disputed: bool = False
) -> dict[tuple[str, str], list[Point]]:
    """(party, issue) -> each statement that changed the party's stance there, with the stance after it.

    One replay, O(S + C·k). For charts: a party's ask over time is a step line through these points.
    """
    paths = _Paths(dataset, None)
    until = until or newest_date(dataset)
    if until is not None:
        replay(dataset, said_by(until), include_disputed, observe=paths.observe)
    return paths.points
