"""Charts: each party's stance on one laddered issue over a window, as step series.

A party's ask over time is a step line through the statements that changed its
stance (`diff.stance_paths`). Corrected or disputed reports never move a line:
they are returned apart, with what they claimed and what corrects them, so that a
picture can mark them as such (the June 2025 report that Russia demanded NATO
leave the Baltic states is the reference case).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import cite, correction_notes
from tracker.core.engine.diff import newest_date, stance_paths
from tracker.core.engine.headline import Point
from tracker.core.engine.lookup import WindowReversed, issue_by_id, parties_by_ids
from tracker.core.engine.results import (
    Chart,
    ChartCorrection,
    ChartSeries,
    ChartStep,
    ClaimedRung,
    Stance,
)
from tracker.core.model import Issue, Party

# The chart's result types live with every other result, in results.py; they are
# named here too, for the renderers that draw charts.
__all__ = ["Chart", "ChartCorrection", "ChartSeries", "ChartStep", "ClaimedRung", "NotLaddered", "chart"]


class NotLaddered(ValueError):
    """The issue has no ladder: there is nothing to draw a stance on."""


def chart(
    dataset: Dataset,
    issue_id: str,
    party_ids: Sequence[str] = (),
    since: PartialDate | None = None,
    until: PartialDate | None = None,
) -> Chart:
    """Each party's stance on a laddered issue from `since` to the end of `until`.

    No `party_ids`: every party holding a stance on the issue in the window.
    `since` None: from the first step shown; `until` None: the newest statement.
    O(S + C·k): one replay. Raises `LookupFailed` for an unknown id, `NotLaddered`
    for an issue without a ladder, `WindowReversed` when `since` begins after `until` ends.
    """
    issue = issue_by_id(dataset, issue_id)
    if not issue.ladder:
        raise NotLaddered(f"issue `{issue.id}` has no ladder, so there is no stance to chart")
    wanted = parties_by_ids(dataset, party_ids)
    until = until or newest_date(dataset) or since or PartialDate(1970)
    if since is not None and since.start > until.end:
        raise WindowReversed(f"the window starts ({since}) after it ends ({until})")
    paths = stance_paths(dataset, until)
    series = []
    for party in wanted:
        built = _series(party, paths.get((party.id, issue.id), []), since)
        if party_ids or built.start is not None or built.steps:
            series.append(built)
    chosen = {item.party.id for item in series}
    corrections = _corrections(dataset, issue, chosen, since, until)
    first = [s.steps[0].date.start for s in series if s.steps] + [c.date.start for c in corrections]
    start = since.start if since is not None else min(first, default=until.start)
    return Chart(
        issue=issue,
        since=since,
        until=until,
        start=min(start, until.end),
        end=until.end,
        series=tuple(series),
        corrections=corrections,
    )


def _series(party: Party, path: list[Point], since: PartialDate | None) -> ChartSeries:
    opening = since.start if since is not None else None
    start: Stance | None = None
    steps: list[ChartStep] = []
    for point in path:
        if opening is not None and point.citation.date.end < opening:
            start = point.stance  # said before the window opens: the stance it opens with
            continue
        before = steps[-1].stance if steps else start
        moved = (before.ask if before else None) != (point.stance.ask if point.stance else None)
        steps.append(ChartStep(point.citation.date, point.stance, point.citation, moved))
    return ChartSeries(party=party, start=start, steps=tuple(steps))


def _corrections(
    dataset: Dataset, issue: Issue, parties: set[str], since: PartialDate | None, until: PartialDate
) -> tuple[ChartCorrection, ...]:
    rungs = {level.id: index for index, level in enumerate(issue.ladder)}
    found = []
    for placed in dataset.statements:
        statement = placed.statement
        if not statement.disputed or placed.ends > until.end or not parties & set(placed.parties):
            continue
        if since is not None and placed.ends < since.start:
            continue
        claims = tuple(
            ClaimedRung(c.id, c.text, rungs.get(c.level) if c.level else None)
            for c in statement.conditions
            if c.issue == issue.id
        )
        if claims:
            found.append(
                ChartCorrection(
                    date=statement.date,
                    party_ids=placed.parties,
                    citation=cite(dataset, placed),
                    claims=claims,
                    corrections=correction_notes(dataset, placed),
                )
            )
    return tuple(found)
