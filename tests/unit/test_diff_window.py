"""A diff's stances at both ends of its window agree with replays computed from scratch.

`diff` takes the stance at the window's end from the stance paths it records
during its one replay to the end, and finds the window's statements by their
last day (`start <= ends <= end`). Vague dates make this delicate: a statement
dated only by its month or year sorts by its first day, so it can come before
statements that are entirely before the window while being inside the window
itself. Here, against plain replays (`said_before`, `said_by`) and the stance
rule (`stances`), for windows starting on, inside and around such months.
"""

from __future__ import annotations

import pytest

from tests.unit.test_stance_paths import synthetic_with_poles
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.diff import diff
from tracker.core.engine.replay import StatementFilter, ladders_of, replay, said_before, said_by
from tracker.core.engine.results import Stance
from tracker.core.engine.stance import stances
from tracker.core.file_format import validate_records


def vague_dataset(seed: int) -> Dataset:
    """Synthetic statements, every fourth dated to its month and every ninth to its year; some parties with poles."""
    content = synthetic_with_poles(240, seed)
    items = content["statements"]
    assert isinstance(items, list)
    for index, statement in enumerate(items):
        day = str(statement["date"])
        if index % 4 == 0:
            statement["date"] = day[:7]
        elif index % 9 == 0:
            statement["date"] = day[:4]
    return Dataset(files=(("vague.yaml", validate_records(content)),))


def window_starts(dataset: Dataset) -> list[PartialDate]:
    """Starts around vague statements: their month or year itself, and days inside and just after."""
    starts = []
    for placed in dataset.statements[10::23]:
        when = placed.statement.date
        if when.month is None:
            starts += [when, PartialDate.parse(f"{when.year}-06"), PartialDate.parse(f"{when.year}-06-15")]
        elif when.day is None:
            month = f"{when.year}-{when.month:02d}"
            starts += [when, PartialDate.parse(f"{month}-01"), PartialDate.parse(f"{month}-15")]
        else:
            starts.append(when)
    assert any(start.day is None for start in starts)
    return starts


def from_scratch(dataset: Dataset, counts: StatementFilter, include_disputed: bool) -> dict[str, dict[str, Stance]]:
    states = replay(dataset, counts, include_disputed)
    ladders = ladders_of(dataset)
    return {party.id: stances(states[party.id], party, ladders) for party in dataset.parties}


@pytest.mark.parametrize("seed", [4, 5])
@pytest.mark.parametrize("include_disputed", [False, True])
def test_stances_at_both_ends_of_a_window_match_plain_replays(seed: int, include_disputed: bool) -> None:
    dataset = vague_dataset(seed)
    ids = [party.id for party in dataset.parties]
    newest = dataset.statements[-1].statement.date
    ends = [newest, dataset.statements[len(dataset.statements) * 3 // 4].statement.date]
    compared = 0
    for since in window_starts(dataset):
        for until in ends:
            if since.start > until.end:
                continue
            result = diff(dataset, ids, since, until, include_disputed=include_disputed)
            before = from_scratch(dataset, said_before(since), include_disputed)
            after = from_scratch(dataset, said_by(until), include_disputed)
            for party_diff in result.parties:
                party = party_diff.party.id
                for issue_diff in party_diff.issues:
                    issue = issue_diff.issue.id
                    if issue_diff.headline is None:
                        assert issue not in before[party] and issue not in after[party]
                        continue
                    assert issue_diff.headline.before == before[party].get(issue), (since, until, party, issue)
                    assert issue_diff.headline.after == after[party].get(issue), (since, until, party, issue)
                    for direction in issue_diff.directions:
                        other = direction.counterpart.id
                        for side, gap in ((before, direction.gap_before), (after, direction.gap_after)):
                            mine, theirs = side[party].get(issue), side[other].get(issue)
                            expected = abs(mine.ask - theirs.ask) if mine and theirs else None
                            assert gap == expected, (since, until, party, other, issue)
                    compared += 1
    assert compared > 200
