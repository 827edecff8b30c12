"""Typed results of the engine and of validation; every renderer consumes these and nothing else.

Frozen msgspec structs rather than dataclasses: defining a struct costs
microseconds where a frozen dataclass costs about a millisecond (its methods are
generated and compiled at import), and there are twenty of them on every
command's path.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import msgspec

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.model import Basis, Condition, CorrectionKind, Issue, Party, Via
from tracker.core.problems import Problem


class Citation(msgspec.Struct, frozen=True):
    """Where a line comes from: the statement and its source."""

    statement_id: str
    date: PartialDate
    publisher: str
    title: str | None
    url: str | None
    basis: Basis
    speaker: str | None  # "name, role" or None
    disputed: bool  # the statement carries a correction or dispute
    via: Via | None = None  # the copy actually read, when `url` is not the original publisher's


class CorrectionNote(msgspec.Struct, frozen=True):
    kind: CorrectionKind
    text: str
    date: PartialDate | None
    source: Citation  # statement_id is the corrected statement's id


class DisputedReport(msgspec.Struct, frozen=True):
    """A statement left out of positions by default, with what corrects it."""

    party_ids: tuple[str, ...]
    citation: Citation
    conditions: tuple[Condition, ...]
    corrections: tuple[CorrectionNote, ...]


class ActiveCondition(msgspec.Struct, frozen=True):
    """A condition in force for a party: its latest wording and who said it."""

    condition: Condition  # as last stated
    party: str
    first_stated: Citation
    last_stated: Citation
    level_index: int | None  # index on the issue's ladder, None without a level


class Stance(msgspec.Struct, frozen=True):
    """Where a party stands on a laddered issue: the span of rungs it holds, and its ask.

    Rungs are indices on the issue's ladder. The ask is the rung farthest toward the
    party's pole (without a pole: the rung of its most recent condition).
    """

    ask: int
    low: int
    high: int
    ask_level: str  # the rungs' ids, for scripts
    low_level: str
    high_level: str


class IssuePosition(msgspec.Struct, frozen=True):
    issue: Issue
    conditions: tuple[ActiveCondition, ...]  # empty: no stated position
    stance: Stance | None  # None: no condition with a rung (or no ladder)

    @property
    def stated(self) -> bool:
        return bool(self.conditions)


class Position(msgspec.Struct, frozen=True):
    party: Party
    at: PartialDate  # the position as of the end of this date
    issues: tuple[IssuePosition, ...]  # every issue of the dataset, in dataset order
    include_disputed: bool
    disputed: tuple[DisputedReport, ...]  # disputed statements of this party up to `at`


class ChangeKind(str, Enum):
    ADDED = "added"
    DROPPED = "dropped"
    REPLACED = "replaced"
    REWORDED = "reworded"
    MOVED = "moved"
    REAFFIRMED = "reaffirmed"
    UNCHANGED = "unchanged"

    @property
    def is_shift(self) -> bool:
        return self not in (ChangeKind.REAFFIRMED, ChangeKind.UNCHANGED)


class WordChange(msgspec.Struct, frozen=True):
    """One run of a word-level diff."""

    op: str  # "equal", "insert" or "delete"
    text: str


class Change(msgspec.Struct, frozen=True):
    kind: ChangeKind
    issue: str
    before: ActiveCondition | None  # None for added
    after: ActiveCondition | None  # None for dropped
    words: tuple[WordChange, ...] = ()  # word diff when the text changed
    level_move: int | None = None  # +n up the ladder, -n down; None when not comparable
    chain: tuple[str, ...] = ()  # replaced: ids from the old condition to the new
    via: tuple[ActiveCondition, ...] = ()  # replaced: the steps between, each with its source
    withdrawn_by: Citation | None = None  # dropped: the statement that withdrew it


class Trend(str, Enum):
    CONVERGING = "converging"
    DIVERGING = "diverging"
    STEADY = "steady"


class Shift(str, Enum):
    """Which way a party's ask moved, judged by its own pole (without one: by the gap)."""

    HARDER = "harder"
    SOFTER = "softer"
    STEADY = "steady"
    MOVED = "moved"  # a party without a pole, with no counterpart to measure the move by
    FIRST_STATED = "first-stated"  # no stance before
    NO_LONGER_STATED = "no-longer-stated"  # no stance after


class Direction(msgspec.Struct, frozen=True):
    """The gap between a party's ask and one counterpart's, before and after."""

    counterpart: Party
    gap_before: int | None
    gap_after: int | None
    trend: Trend | None  # None when either gap is unknown


class Turn(msgspec.Struct, frozen=True):
    """The farthest point a party's ask reached inside a window before coming back."""

    stance: Stance
    citation: Citation  # the statement that took the ask there


class Headline(msgspec.Struct, frozen=True):
    """One party on one laddered issue, in one line's worth of facts."""

    before: Stance | None  # at the start of the window (or the first stated stance)
    since: PartialDate | None  # the date `before` holds from, when it is a first statement
    after: Stance | None
    shift: Shift  # overall, from `before` (or from `turn`, when there is one) to `after`
    rungs: int  # how many rungs the ask moved in that direction
    turn: Turn | None  # the ask went one way and came back: its farthest point
    toward: Party | None  # the party whose pole the move heads toward (for a party without a pole)
    counterpart: Party | None  # the main counterpart holding a stance on the issue
    gap_before: int | None
    gap_after: int | None
    moved_by: Citation | None  # the last statement in the window that moved the ask (or the span)


class IssueDiff(msgspec.Struct, frozen=True):
    issue: Issue
    changes: tuple[Change, ...]
    headline: Headline | None = None  # laddered issues where the party holds a stance at either end
    directions: tuple[Direction, ...] = ()  # counterparts holding a stance, main counterpart first

    @property
    def shifted(self) -> bool:
        return any(change.kind.is_shift for change in self.changes)


class PartyDiff(msgspec.Struct, frozen=True):
    party: Party
    issues: tuple[IssueDiff, ...]  # only issues with at least one change entry
    disputed: tuple[DisputedReport, ...]  # disputed statements within the window

    @property
    def shifted(self) -> bool:
        return any(issue.shifted for issue in self.issues)


class DiffResult(msgspec.Struct, frozen=True):
    since: PartialDate | None  # window starts at since.start; None: each party's first stated stance
    until: PartialDate  # window ends at until.end
    include_disputed: bool
    parties: tuple[PartyDiff, ...]
    newest: PartialDate | None = None  # date of the newest statement the result rests on

    @property
    def shifted(self) -> bool:
        return any(party.shifted for party in self.parties)


class Gap(msgspec.Struct, frozen=True):
    """Ladder distance between two parties on one issue, then and now."""

    issue: str
    party_a: str
    party_b: str
    distance: int | None  # at `at`; None when either party has no level
    distance_since: int | None  # at `since`
    trend: Trend | None  # None when either distance is unknown


class Comparison(msgspec.Struct, frozen=True):
    at: PartialDate
    since: PartialDate | None
    parties: tuple[Party, ...]
    issues: tuple[Issue, ...]
    positions: tuple[Position, ...]  # one per party, same order as `parties`, at `at`
    gaps: tuple[Gap, ...]  # laddered issues × party pairs, in issue then pair order


class ConditionEvent(msgspec.Struct, frozen=True):
    """What one statement did to one condition of its party."""

    condition_id: str
    issue: str
    what: str  # "new", "restated", "reworded", "moved", "replaces", "withdrawn"
    text: str  # the condition's text (for withdrawn: its last wording)
    level: str | None = None
    replaces: tuple[str, ...] = ()
    issue_title: str = ""  # words for a reader: the issue's title and the rung's
    level_title: str | None = None


class TimelineEvent(msgspec.Struct, frozen=True):
    citation: Citation
    party_ids: tuple[str, ...]
    events: tuple[ConditionEvent, ...]
    corrections: tuple[CorrectionNote, ...] = ()
    party_names: tuple[str, ...] = ()


class Timeline(msgspec.Struct, frozen=True):
    party: str | None
    issue: str | None
    include_disputed: bool
    events: tuple[TimelineEvent, ...] = ()


class EditKind(str, Enum):
    ADDED = "added"
    EDITED = "edited"
    REMOVED = "removed"


class StatementEdit(msgspec.Struct, frozen=True):
    """One statement added, edited or removed between two versions of the data."""

    kind: EditKind
    statement_id: str
    party_ids: tuple[str, ...]
    citation: Citation  # from the new version, or the old one for a removal
    fields: tuple[str, ...] = ()  # edited: the statement's keys whose values changed
    conditions_added: tuple[str, ...] = ()
    conditions_removed: tuple[str, ...] = ()
    conditions_changed: tuple[str, ...] = ()


class PartyShift(msgspec.Struct, frozen=True):
    """How a party's position at the review date differs between the two versions."""

    party: Party
    issues: tuple[IssueDiff, ...]  # only issues that shifted


class GapShift(msgspec.Struct, frozen=True):
    issue: str
    party_a: str
    party_b: str
    before: int | None
    after: int | None
    trend: Trend | None


class Review(msgspec.Struct, frozen=True):
    """What a change to the dataset does to the picture."""

    base: str  # labels, e.g. "main (1a2b3c4d5e)" or "working tree"
    head: str
    at: PartialDate
    base_problems: tuple[str, ...]  # why a side could not be loaded; empty when it loaded
    head_problems: tuple[str, ...]
    edits: tuple[StatementEdit, ...] = ()
    shifts: tuple[PartyShift, ...] = ()
    gaps: tuple[GapShift, ...] = ()

    @property
    def loaded(self) -> bool:
        return not self.base_problems and not self.head_problems


# --- charts (tracker.core.engine.chart computes them) ---


class ChartStep(msgspec.Struct, frozen=True):
    """A statement that changed a party's stance, and the stance from then on."""

    date: PartialDate
    stance: Stance | None  # None: the party no longer holds a rung on the issue
    citation: Citation
    moved: bool  # the ask changed (False: only the span did)


class ChartSeries(msgspec.Struct, frozen=True):
    party: Party
    start: Stance | None  # held when the window opens (None without a start date)
    steps: tuple[ChartStep, ...]  # inside the window, in order

    def stance_on(self, day: date) -> Stance | None:
        """The stance held at the end of `day` (steps placed by their first day)."""
        held = self.start
        for step in self.steps:
            if step.date.start > day:
                break
            held = step.stance
        return held


class ClaimedRung(msgspec.Struct, frozen=True):
    """One condition a corrected report attributed to a party."""

    condition_id: str
    text: str
    rung: int | None  # on the chart's ladder; None when the condition carries no level


class ChartCorrection(msgspec.Struct, frozen=True):
    """A corrected or disputed report on the issue: a mark, never a move."""

    date: PartialDate
    party_ids: tuple[str, ...]
    citation: Citation
    claims: tuple[ClaimedRung, ...]  # its conditions on the chart's issue
    corrections: tuple[CorrectionNote, ...]


class Chart(msgspec.Struct, frozen=True):
    issue: Issue  # its ladder gives the rungs: index -> id and title
    since: PartialDate | None  # as asked; None: from the first step shown
    until: PartialDate
    start: date  # first day of the window drawn
    end: date  # last day of the window drawn
    series: tuple[ChartSeries, ...]  # in dataset party order
    corrections: tuple[ChartCorrection, ...]  # in date order


class CheckedDataset(msgspec.Struct, frozen=True):
    """One dataset path that `validate` looked at."""

    path: str
    problems: tuple[Problem, ...]
    dataset: Dataset | None  # None when invalid

    @property
    def valid(self) -> bool:
        return not self.problems


class ValidationReport(msgspec.Struct, frozen=True):
    checked: tuple[CheckedDataset, ...]

    @property
    def valid(self) -> bool:
        return all(item.valid for item in self.checked)

    @property
    def problem_count(self) -> int:
        return sum(len(item.problems) for item in self.checked)


class Report(msgspec.Struct, frozen=True):
    """The CI report: where everyone stands, what moved lately, the gaps, the story."""

    title: str
    positions: tuple[Position, ...]
    recent: DiffResult
    comparison: Comparison
    timeline: Timeline
    charts: tuple[Chart, ...] = ()  # laddered issues on which a stance moved in the window
