"""What changed in parties' positions between two dates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

import msgspec

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
    recorded (the stances at the end are theirs), one before the window, then
    one classification per party.
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
        start, end = since.start, until.end

        def window(placed: Placed) -> bool:  # said by the end, not before the start (`said_by`, `said_before`)
            return start <= placed.ends <= end

    paths = _Paths(dataset, window)
    after = replay(
        dataset, after_counts, include_disputed, window=window, observe=paths.observe, new_state=paths.new_state
    )
    before = replay(dataset, said_before(since), include_disputed) if since else paths.baselines()
    result = _Diff(dataset, paths, before, after, since, issue_id, window)
    return DiffResult(
        since=since,
        until=until,
        include_disputed=include_disputed,
        parties=tuple(result.party_diff(party) for party in parties),
        newest=newest,
    )


class _Track:
    """One party's bookkeeping on one issue, in one object: a statement looks it up once."""

    __slots__ = ("changed", "counts", "first", "issue", "ladder", "latest", "newest", "points", "stance", "weight")

    def __init__(self, issue: str, ladder: dict[str, int] | None) -> None:
        self.issue = issue
        self.ladder = ladder  # level id -> rung; None for an issue without a ladder
        self.counts: dict[int, int] = {}  # rung -> active ids there
        self.latest: dict[str, int] = {}  # active id -> rung, the last stated last
        self.newest: int | None = None  # rung of the last stated
        self.weight = 0  # statements on the issue
        self.first = -1  # order of the first statement on the issue
        self.points: list[Point] = []  # the path: each statement that changed the stance
        self.stance: Stance | None = None  # the stance now: that of the last point
        self.changed = False  # the rungs held or the newest rung moved since the stance was taken


class _Tracked(PartyState, kw_only=True):
    """A party's state whose `apply` also keeps its rung counts: the diff's replay, one pass per condition.

    `PartyState.apply` and the counting fused into one loop; `touched` is left holding
    the issues the last statement touched (those of its conditions, and of the ids it
    moved off an issue or ended), with their tracks. The rung counts of an issue are
    those of the active ids on its ladder; `latest` keeps them in the order last stated.
    """

    tracks: dict[str, _Track]  # issue -> track, shared with `_Paths`
    new_track: Callable[[dict[str, _Track], str], _Track]
    known: dict[str, tuple[_Track, int]] = msgspec.field(default_factory=dict)  # active id on a rung -> (track, rung)
    touched: dict[str, _Track] = msgspec.field(default_factory=dict)

    def apply(self, placed: Placed, citation: Citation, in_window: bool = False) -> None:
        # Once per condition on every diff: kept flat, as `PartyState.apply` is.
        statement, held, active, order = placed.statement, self.held, self.active, placed.order
        by_issue, tracks, known = self.by_issue, self.tracks, self.known
        touched: dict[str, _Track] = {}
        self.touched = touched
        ended: list[str] = []
        for index, condition in enumerate(statement.conditions):
            cid, issue = condition.id, condition.issue
            track = touched.get(issue)
            if track is None:
                track = touched[issue] = tracks.get(issue) or self.new_track(tracks, issue)
            earlier = held.get(cid)
            if earlier is None:
                held[cid] = Held(condition, citation, citation, (order, index))
            else:
                if earlier.condition.issue != issue and cid in active:
                    del by_issue[earlier.condition.issue][cid]
                earlier.condition, earlier.last_stated, earlier.seq = condition, citation, (order, index)
            active[cid] = None
            issue_ids = by_issue.get(issue)
            if issue_ids is None:
                by_issue[issue] = {cid: None}
            else:
                issue_ids.pop(cid, None)  # a restatement moves it to the end
                issue_ids[cid] = None
            if in_window:
                self.restated.add(cid)
            ladder = track.ladder
            rung = ladder.get(condition.level) if ladder is not None and condition.level is not None else None
            old = known.get(cid)
            if old is not None and old[0] is track and old[1] == rung:  # restated on its rung: only the order moves
                latest = track.latest
                del latest[cid]
                latest[cid] = rung
                if rung != track.newest:
                    track.newest, track.changed = rung, True
            else:
                if old is not None:
                    del known[cid]
                    self._leave(cid, old)
                if rung is not None:
                    track.latest[cid] = rung
                    if rung != track.newest:
                        track.newest, track.changed = rung, True
                    counts = track.counts
                    if rung in counts:
                        counts[rung] += 1
                    else:  # a rung newly held: the span moved
                        counts[rung] = 1
                        track.changed = True
                    known[cid] = (track, rung)
            if condition.replaces:
                for replaced in condition.replaces:
                    self._end(replaced, citation, cid)
                ended.extend(condition.replaces)
        if statement.withdraws:
            for withdrawn in statement.withdraws:
                self._end(withdrawn, citation, None)
            ended.extend(statement.withdraws)
        for cid in ended:  # an ended id's issue was touched, even if the id was no longer active
            if cid not in active and cid in held:
                issue = held[cid].condition.issue
                if issue not in touched:
                    touched[issue] = tracks.get(issue) or self.new_track(tracks, issue)

    def _end(self, cid: str, by: Citation, replaced_by: str | None) -> None:
        old = self.known.pop(cid, None) if cid in self.active else None
        if old is not None:
            self._leave(cid, old)
        PartyState._end(self, cid, by, replaced_by)

    def _leave(self, cid: str, old: tuple[_Track, int]) -> None:
        """Take an id off the rung it held."""
        track, rung = old
        self.touched.setdefault(track.issue, track)
        latest = track.latest
        del latest[cid]
        # The newest rung only changes when the newest condition goes: rarely a scan.
        newest = next(reversed(latest.values()), None)
        if newest != track.newest:
            track.newest, track.changed = newest, True
        counts = track.counts
        counts[rung] -= 1
        if not counts[rung]:  # a rung no longer held: the span moved
            del counts[rung]
            track.changed = True


class _Paths:
    """Stance paths of every party on every laddered issue, recorded during one replay.

    Rungs held are counted incrementally per party and issue, so a statement costs
    O(conditions it touches), not O(conditions active): in the diff's own replay by
    the states `new_state` makes (`_Tracked`, counting as it applies), for a plain
    replay's states by a shadow `_Tracked` fed the same statements. The stance, a
    function of the rungs held and the newest rung, is taken again only when one
    of them moved.
    Also keeps, per party and issue, the state right after its first statement
    there: the baseline of a diff with no start date.
    """

    def __init__(self, dataset: Dataset, window: StatementFilter | None) -> None:
        self.ladders: Ladders = ladders_of(dataset)
        self.level_ids = {issue.id: [level.id for level in issue.ladder] for issue in dataset.issues}
        self.window = window
        self.statements = dataset.statements
        self.window_orders: set[int] | None = None  # built on first use
        self.parties = dataset.parties_by_id
        self.points: dict[tuple[str, str], list[Point]] = {}
        self.tracks: dict[str, dict[str, _Track]] = {}  # party -> issue -> track
        self.snapshots: dict[str, dict[str, Held]] = {}
        self.shadows: dict[str, _Tracked] = {}  # party -> the counting copy of a plain replay's state

    def new_state(self, party: str) -> _Tracked:
        """A state for `replay` whose every step also updates this party's rung counts."""
        return _Tracked(party, tracks=self.tracks.setdefault(party, {}), new_track=self._new_track)

    def observe(self, state: PartyState, placed: Placed, citation: Citation) -> None:
        party_id = state.party
        if isinstance(state, _Tracked):
            touched = state.touched
        else:  # a plain replay's state: the same statement into a shadow that keeps the counts
            shadow = self.shadows.get(party_id)
            if shadow is None:
                shadow = self.shadows[party_id] = self.new_state(party_id)
            shadow.apply(placed, citation)
            touched = shadow.touched
        party = None
        for issue, track in touched.items():
            track.weight += 1
            if track.first < 0:
                track.first = placed.order
                if track.ladder is not None:
                    self.points[(party_id, issue)] = track.points
                snapshot = self.snapshots.setdefault(party_id, {})
                for held in state.active_on(issue):  # copies: a Held is updated in place later
                    snapshot[held.id] = Held(held.condition, held.first_stated, held.last_stated, held.seq)
            if not track.changed:  # nothing the stance depends on moved: no new point
                continue
            track.changed = False
            if party is None:
                party = self.parties.get(party_id)
            stance = self._stance_of(track, party, issue)
            if stance != track.stance:
                track.stance = stance
                track.points.append(Point(placed.order, citation, stance))

    def _new_track(self, tracks: dict[str, _Track], issue: str) -> _Track:
        ladder = self.ladders.get(issue) if self.level_ids.get(issue) else None
        track = tracks[issue] = _Track(issue, ladder)
        return track

    def _stance(self, state: PartyState, party: Party | None, issue: str) -> Stance | None:
        """The stance the counts give for a party's state on an issue (held to `stance_of` by the tests)."""
        track = self.tracks.get(state.party, {}).get(issue)
        return self._stance_of(track, party, issue) if track is not None else None

    def _stance_of(self, track: _Track, party: Party | None, issue: str) -> Stance | None:
        counts = track.counts
        if not counts:
            return None
        low, high = min(counts), max(counts)
        pole = party.pole if party else None
        if pole is not None:
            ask = high if pole is Pole.LAST else low
        else:  # the most recently stated rung
            assert track.newest is not None  # counts hold a rung, so some active condition is the newest
            ask = track.newest
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

    def first(self, party: str, issue: str) -> int:
        """The order of the party's first statement on the issue; -1 if none."""
        track = self.tracks.get(party, {}).get(issue)
        return track.first if track is not None else -1

    def weight(self, party: str, issue: str) -> int:
        """How many of the party's statements touched the issue."""
        track = self.tracks.get(party, {}).get(issue)
        return track.weight if track is not None else 0

    def in_window(self) -> set[int]:
        """The orders of the statements inside the diff's window."""
        if self.window_orders is None:
            window = self.window
            self.window_orders = {placed.order for placed in self.statements if window is None or window(placed)}
        return self.window_orders

    def stance_now(self, party: str, issue: str) -> Stance | None:
        """The stance after every statement replayed: that of the state the replay ended in."""
        track = self.tracks.get(party, {}).get(issue)
        return track.stance if track is not None else None

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
        self._stances: dict[str, dict[str, Stance]] = {}  # party -> issue -> stance before
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
        return lambda cid: after.held[cid].seq[0] > first(party, after.held[cid].condition.issue)

    def issue_diff(self, party: Party, issue: Issue, found: list[Change]) -> IssueDiff:
        if not issue.ladder:
            return IssueDiff(issue=issue, changes=tuple(found))
        start, points, since = self._start(party.id, issue.id)
        end = self.paths.stance_now(party.id, issue.id)
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
            start = self._stance_before(self.dataset.parties_by_id[party], issue)
            inside = self.paths.in_window()
            return start, [point for point in path if point.order in inside], None
        if not path:
            return None, [], None
        return path[0].stance, path[1:], path[0].citation.date

    def _stance_before(self, party: Party, issue: str) -> Stance | None:
        """A party's stance at the start of the window; each party's stances are computed once.

        The stance at the end is the paths' own: they were recorded on the replay to the end.
        """
        if party.id not in self._stances:
            state = self.before.get(party.id)
            self._stances[party.id] = stances(state, party, self.paths.ladders) if state else {}
        return self._stances[party.id].get(issue)

    def _counterpart(self, other: Party, issue: str, baseline: int | None) -> Counterpart:
        """Another party's stance at the start (the given party's baseline, without a start date) and end."""
        if self.since is not None:
            before = self._stance_before(other, issue)
        else:
            before = self.paths.stance_at(other.id, issue, baseline) if baseline is not None else None
        return Counterpart(
            party=other,
            before=before,
            after=self.paths.stance_now(other.id, issue),
            weight=self.paths.weight(other.id, issue),
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
        replay(dataset, said_by(until), include_disputed, observe=paths.observe, new_state=paths.new_state)
    return paths.points
