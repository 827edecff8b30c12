"""The CI report: everyone's position, the recent shifts, the gaps, the story."""

from __future__ import annotations

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.compare import compare
from tracker.core.engine.diff import diff, newest_date
from tracker.core.engine.timeline import timeline
from tracker.core.results import Report


def report(dataset: Dataset, at: PartialDate | None, since: PartialDate) -> Report:
    """Every party, as of `at` (default: the newest statement), with shifts and gap trends since `since`.

    Three replays: O(S + C·k). Raises `WindowReversed` when `since` is after `at`.
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
    )
