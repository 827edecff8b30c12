"""The incremental rung counts of a diff's replay agree with the stance rule computed from scratch.

`engine/diff.py` keeps, per party and issue, counts of the rungs held and the
newest rung, so that a statement costs what it touches. After every statement
of a synthetic dataset (restatements, replacements, withdrawals, corrected
reports; half the parties with a pole), that stance must equal `stance_of` over
the party's active conditions.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import dataset as synthetic
from tracker.core.dataset import Dataset, Placed
from tracker.core.engine.diff import _Paths
from tracker.core.engine.replay import PartyState, replay, said_by
from tracker.core.engine.results import Citation
from tracker.core.engine.stance import stance_of
from tracker.core.file_format import validate_records
from tracker.load.loader import load_dataset


def synthetic_with_poles(statements: int, seed: int) -> dict[str, object]:
    """The benchmark's synthetic data, two parties in three given a pole (first or last)."""
    content = synthetic(statements, seed=seed)
    parties = content["parties"]
    assert isinstance(parties, list)
    for index, party in enumerate(parties):
        if index % 3:
            party["pole"] = "first" if index % 3 == 1 else "last"
    return content


def synthetic_dataset(statements: int, seed: int) -> Dataset:
    content = synthetic_with_poles(statements, seed)
    items = content["statements"]
    assert isinstance(items, list)
    for index, statement in enumerate(items[::7]):
        # Two conditions on one issue in one statement: for a party without a pole, the later one is the ask.
        leveled = [c for c in statement["conditions"] if "level" in c and "replaces" not in c]
        if leveled:
            extra = dict(leveled[0], id=f"{leveled[0]['id']}-also-{index}", level=leveled[0]["level"][:-1] + "0")
            statement["conditions"].append(extra)
    return Dataset(files=(("synthetic.yaml", validate_records(content)),))


def check(dataset: Dataset) -> int:
    paths = _Paths(dataset, None)
    parties = dataset.parties_by_id
    checked = 0

    def observe(state: PartyState, placed: Placed, citation: Citation) -> None:
        nonlocal checked
        paths.observe(state, placed, citation)
        for issue in dataset.issues:
            if not issue.ladder:
                continue
            expected = stance_of(state.active_on(issue.id), parties[state.party].pole, paths.ladders)
            assert paths._stance(state, parties[state.party], issue.id) == expected, (placed.id, issue.id)
            checked += 1

    newest = max(placed.statement.date for placed in dataset.statements)
    replay(dataset, said_by(newest), False, observe=observe)
    return checked


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_stances_match_the_rule_on_synthetic_data(seed: int) -> None:
    assert check(synthetic_dataset(400, seed)) > 1000


def test_incremental_stances_match_the_rule_on_the_shipped_data() -> None:
    shipped = load_dataset(Path(__file__).parents[2] / "positions.yaml", today=date.today())
    assert check(shipped) > 100
