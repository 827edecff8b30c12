"""The chart engine: step series of stances on one laddered issue, and corrected reports apart."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import REPO
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.chart import Chart, ChartSeries, NotLaddered, chart
from tracker.core.engine.lookup import LookupFailed, WindowReversed
from tracker.core.engine.results import Stance
from tracker.load.loader import load_dataset

FIXTURE = REPO / "tests" / "render" / "chart_fixture.yaml"


@pytest.fixture(scope="module")
def small() -> Dataset:
    return load_dataset(FIXTURE, today=date(2030, 1, 1))


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(REPO / "positions.yaml", today=date.today())


def _rungs(stance: Stance | None) -> tuple[int, int, int] | None:
    return (stance.ask, stance.low, stance.high) if stance else None


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def series(result: Chart, party: str) -> ChartSeries:
    return next(item for item in result.series if item.party.id == party)


def steps(result: Chart, party: str) -> list[tuple[str, int | None, int | None, int | None, bool]]:
    return [
        (str(step.date), *(step.stance.ask, step.stance.low, step.stance.high), step.moved)
        if step.stance
        else (str(step.date), None, None, None, step.moved)
        for step in series(result, party).steps
    ]


def test_default_parties_are_those_holding_a_stance(small: Dataset) -> None:
    result = chart(small, "nato")
    assert [item.party.id for item in result.series] == ["russia", "ukraine"]
    assert [level.id for level in result.issue.ladder] == ["joins", "neutral", "no-enlargement", "rollback"]


def test_steps_carry_ask_span_and_the_statement_that_moved_it(small: Dataset) -> None:
    result = chart(small, "nato")
    assert steps(result, "russia") == [
        ("2021-12-17", 3, 2, 3, True),  # halt and rollback together: ask at the pole, span over both
        ("2022-04", 1, 1, 1, True),
        ("2025-06-09", 2, 2, 2, True),
        ("2025-08-15", 2, 1, 2, False),  # the span widened; the ask stayed
    ]
    assert [s.citation.statement_id for s in series(result, "russia").steps] == [
        "ru-2021-12",
        "ru-2022-04",
        "ru-2025-06",
        "ru-2025-08",
    ]
    assert steps(result, "ukraine") == [("2022-03-29", 1, 1, 1, True), ("2022-09-30", 0, 0, 0, True)]
    assert (result.since, result.until, result.start, result.end) == (
        None,
        d("2025-08-15"),
        date(2021, 12, 17),
        date(2025, 8, 15),
    )


def test_a_corrected_report_is_a_mark_and_never_a_step(small: Dataset) -> None:
    result = chart(small, "nato")
    [report] = result.corrections
    assert report.citation.statement_id == "ru-2025-06-misreport"
    assert report.party_ids == ("russia",)
    assert [(claim.condition_id, claim.rung) for claim in report.claims] == [("ru-baltic", 3)]
    assert [note.text for note in report.corrections] == ["The paper corrected its report."]
    assert all(step.citation.statement_id != "ru-2025-06-misreport" for s in result.series for step in s.steps)
    # The report claimed the rollback rung; the line stays at the halt.
    assert _rungs(series(result, "russia").stance_on(date(2025, 6, 30))) == (2, 2, 2)


def test_window_opens_with_the_stance_held_and_keeps_only_its_steps(small: Dataset) -> None:
    result = chart(small, "nato", since=d("2023"), until=d("2025-06"))
    assert _rungs(series(result, "russia").start) == (1, 1, 1)
    assert steps(result, "russia") == [("2025-06-09", 2, 2, 2, True)]
    assert _rungs(series(result, "ukraine").start) == (0, 0, 0)
    assert steps(result, "ukraine") == []
    assert (result.start, result.end) == (date(2023, 1, 1), date(2025, 6, 30))
    assert len(result.corrections) == 1
    # Before the report, nothing to mark; ukraine still drawn from the stance it holds.
    early = chart(small, "nato", since=d("2023"), until=d("2024"))
    assert early.corrections == ()
    assert [item.party.id for item in early.series] == ["russia", "ukraine"]
    assert steps(early, "russia") == []


def test_stance_on_follows_the_steps(small: Dataset) -> None:
    russia = series(chart(small, "nato"), "russia")
    assert russia.stance_on(date(2021, 12, 16)) is None
    assert _rungs(russia.stance_on(date(2021, 12, 17))) == (3, 2, 3)
    assert _rungs(russia.stance_on(date(2022, 4, 1))) == (1, 1, 1)  # a month-dated step from its first day
    assert _rungs(russia.stance_on(date(2030, 1, 1))) == (2, 1, 2)


def test_named_parties_are_kept_in_order_even_without_a_stance(small: Dataset) -> None:
    result = chart(small, "nato", ["usa", "ukraine"])
    assert [item.party.id for item in result.series] == ["usa", "ukraine"]
    assert series(result, "usa").steps == () and series(result, "usa").start is None
    assert result.corrections == ()  # russia's report is not about the parties asked for


def test_bad_requests_raise(small: Dataset) -> None:
    with pytest.raises(NotLaddered, match="prisoners"):
        chart(small, "prisoners")
    with pytest.raises(LookupFailed):
        chart(small, "natoo")
    with pytest.raises(LookupFailed):
        chart(small, "nato", ["nobody"])
    with pytest.raises(WindowReversed):
        chart(small, "nato", since=d("2025"), until=d("2024"))


def test_shipped_nato_russia(shipped: Dataset) -> None:
    """Russia on NATO: 1997 rollback in the December 2021 drafts, down to Istanbul, back up by June 2025."""
    result = chart(shipped, "nato", ["russia"])
    rung = {level.id: index for index, level in enumerate(result.issue.ladder)}
    russia = series(result, "russia")
    first = russia.steps[0]
    assert (str(first.date), first.citation.statement_id) == ("2021-12-17", "ru-2021-12-17-draft-treaties")
    assert first.stance is not None and first.stance.ask == rung["nato-rollback-1997"]
    istanbul = russia.stance_on(date(2022, 4, 30))
    assert istanbul is not None and istanbul.ask == rung["ukraine-neutral-with-guarantees"]
    assert min(s.stance.ask for s in russia.steps if s.stance) == istanbul.ask
    june = russia.stance_on(date(2025, 6, 9))
    assert june is not None and june.ask == rung["nato-rollback-1997"]
    [baltic] = result.corrections
    assert baltic.date == d("2025-06-09")
    assert baltic.citation.statement_id == "ru-2025-06-09-ryabkov-tass-nato-expansion-newsweek-misreport"
    assert [claim.rung for claim in baltic.claims] == [rung["nato-rollback-1997"]]
    assert baltic.corrections
    assert all(step.citation.statement_id != baltic.citation.statement_id for step in russia.steps)


def test_shipped_nato_default_parties_include_both_sides(shipped: Dataset) -> None:
    result = chart(shipped, "nato")
    ids = [item.party.id for item in result.series]
    assert ids[:2] == ["russia", "ukraine"]
    assert result.start == date(2021, 12, 17)
