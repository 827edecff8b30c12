"""The CI report: everyone's position, the recent shifts, the gaps, the story."""

from __future__ import annotations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.chart import Chart, chart
from tracker.core.engine.compare import compare
from tracker.core.engine.diff import diff, newest_date
from tracker.core.engine.results import Report
from tracker.core.engine.timeline import timeline


def report(dataset: Dataset, at: PartialDate | None, since: PartialDate) -> Report:
    """Every party, as of `at` (default: the newest statement), with shifts and gap trends since `since`.

    Three replays, and one per laddered issue for its chart: O(I · (S + C·k)). Raises `WindowReversed` when `since` is after `at`.
    """
    at = at or newest_date(dataset) or since
    ids = [party.id for party in dataset.parties]
    comparison = compare(dataset, ids, at=at, since=since)
    title = f"Negotiation positions: {dataset.conflict.title}" if dataset.conflict else "Negotiation positions"
    return Report(
        title=title,
        positions=comparison.positions,
        recent=diff(dataset, ids, since=since, until=at),
        comparison=comparison,
        timeline=timeline(dataset, since=since, until=at),
        charts=charts_of_moves(dataset, since, at),
    )


def charts_of_moves(dataset: Dataset, since: PartialDate, at: PartialDate) -> tuple[Chart, ...]:
    """A chart for every laddered issue on which some party's stance moved in the window."""
    found = []
    for issue in dataset.issues:
        if not issue.ladder:
            continue
        drawn = chart(dataset, issue.id, since=since, until=at)
        if any(step.moved for series in drawn.series for step in series.steps):
            found.append(drawn)
    return tuple(found)
