"""The one interface every output format implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

from tracker.core.dataset import Dataset
from tracker.core.engine.results import (
    ActiveCondition,
    Change,
    ChangeKind,
    Citation,
    Comparison,
    CorrectionNote,
    DiffResult,
    Position,
    Report,
    Review,
    Stance,
    Timeline,
    ValidationReport,
)
from tracker.core.engine.texts import TextComparison
from tracker.core.text import inert as inert  # the one neutraliser, re-exported for renderers

# Plain-text markers, so that meaning survives without colour.
MARKERS = {
    ChangeKind.ADDED: "+",
    ChangeKind.DROPPED: "−",
    ChangeKind.REPLACED: "~",
    ChangeKind.REWORDED: "~",
    ChangeKind.MOVED: "↕",
    ChangeKind.REAFFIRMED: "=",
    ChangeKind.UNCHANGED: "·",
}


def via_steps(group: list[Change]) -> list[ActiveCondition]:
    """The intermediate steps of replacements that end in one successor, each once, in order."""
    steps: dict[str, ActiveCondition] = {}
    for change in group:
        for step in change.via:
            steps.setdefault(step.condition.id, step)
    return list(steps.values())


def publisher_line(citation: Citation) -> str:
    """The publisher, and the mirror actually read when there is one: `TASS via news-pravda.com`."""
    return f"{citation.publisher} via {citation.via.publisher}" if citation.via else citation.publisher


def citation_line(citation: Citation) -> str:
    """`publisher, date (basis)` with the speaker when known: the plain form."""
    who = f"{citation.speaker}; " if citation.speaker else ""
    flag = ", disputed" if citation.disputed else ""
    return f"{who}{publisher_line(citation)}, {citation.date} ({citation.basis.value}{flag})"


def review_headline(review: Review) -> str:
    """One sentence: how many statements changed, and how many parties moved."""
    counts = {kind: 0 for kind in ("added", "edited", "removed")}
    for edit in review.edits:
        counts[edit.kind.value] += 1
    moved = sum(
        1
        for shift in review.shifts
        for issue in shift.issues
        if issue.headline is not None and _ask(issue.headline.before) != _ask(issue.headline.after)
    )
    return (
        f"{counts['added']} statement(s) added, {counts['edited']} edited, {counts['removed']} removed; "
        f"{len(review.shifts)} party position(s) shift, {moved} ask(s) move, {len(review.gaps)} gap(s) change."
    )


def _ask(stance: Stance | None) -> int | None:
    return stance.ask if stance is not None else None


def correction_source(note: CorrectionNote) -> str:
    """A correcting source: publisher and, when known, the correction's date."""
    when = f", {note.date}" if note.date else ""
    return f"{publisher_line(note.source)}{when}"


class Renderer(ABC):
    """Turns result objects into the text of one format."""

    @abstractmethod
    def validation(self, report: ValidationReport) -> str: ...

    @abstractmethod
    def parties(self, dataset: Dataset) -> str: ...

    @abstractmethod
    def issues(self, dataset: Dataset) -> str: ...

    @abstractmethod
    def position(self, position: Position) -> str: ...

    @abstractmethod
    def diff(self, result: DiffResult) -> str: ...

    @abstractmethod
    def comparison(self, comparison: Comparison) -> str: ...

    @abstractmethod
    def timeline(self, timeline: Timeline) -> str: ...

    @abstractmethod
    def report(self, report: Report) -> str: ...

    @abstractmethod
    def review(self, review: Review) -> str: ...

    @abstractmethod
    def texts(self, comparison: TextComparison) -> str: ...
