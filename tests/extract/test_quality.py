"""Precision and recall of the extracted conditions against hand-written expectations.

`python -m tests.extract.evaluate` prints the table. The floors below are the figures measured when
the rules were frozen, so that a change which loses ground fails here.
"""

from __future__ import annotations

import pytest

from tests.extract.cases import CASES, Case
from tests.extract.evaluate import available_cases, draft_for, score

# (precision, recall) floors per article; None where the ratio is undefined (nothing expected or extracted).
FLOORS: dict[str, tuple[float | None, float | None]] = {
    "seed": (1.0, 1.0),
    "wire-report": (1.0, 1.0),
    "interview": (1.0, 1.0),
    "readout": (1.0, 1.0),
    "opinion": (None, None),
    "other-conflict": (None, None),
    "heldout1-roundup": (1.0, 1.0),
    "heldout1-british": (1.0, 1.0),
    "heldout1-statement": (1.0, 1.0),
    "heldout2-transcript": (0.66, 0.5),
    "heldout2-institution": (0.66, 0.5),
    "heldout2-explainer": (None, None),
}


def _case_id(case: Case) -> str:
    return case.name


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_precision_and_recall(case: Case) -> None:
    if not case.article.is_file():
        pytest.skip(f"{case.article} is not available")
    result = score(case, draft_for(case))
    precision_floor, recall_floor = FLOORS[case.name]
    if not case.expected:
        assert result.extracted == 0, f"{case.name}: expected no candidates, got {result.spurious}"
        return
    assert recall_floor is not None and result.recall is not None
    assert result.recall >= recall_floor, f"{case.name}: missed {result.missed}"
    assert precision_floor is not None and result.precision is not None
    assert result.precision >= precision_floor, f"{case.name}: spurious {result.spurious}"


def test_every_case_has_a_floor() -> None:
    assert {case.name for case in CASES} == set(FLOORS)


def test_at_least_five_own_articles_in_different_styles() -> None:
    own = [case for case in CASES if case.name != "seed"]
    assert len(own) >= 5
    assert {"wire-report", "interview", "readout", "opinion", "other-conflict"} <= {c.name for c in own}


def test_overall_figures() -> None:
    # Tests do not print: `python -m tests.extract.evaluate` prints the table.
    scores = [score(case, draft_for(case)) for case in available_cases()]
    matched = sum(s.matched for s in scores)
    extracted = sum(s.extracted for s in scores)
    expected = sum(s.expected for s in scores)
    assert extracted and expected
    assert matched / extracted >= 0.9
    assert matched / expected >= 0.8
