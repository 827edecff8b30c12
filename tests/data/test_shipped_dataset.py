"""The shipped positions.yaml is evidence: these tests protect it."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import REPO
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.diff import diff
from tracker.core.engine.position import position
from tracker.core.model import Basis
from tracker.load.loader import load_dataset


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(REPO / "positions.yaml", today=date.today())


def test_starts_with_the_schema_line() -> None:
    first = (REPO / "positions.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/positions.schema.json"


def test_covers_several_parties(shipped: Dataset) -> None:
    speaking = {party for placed in shipped.statements for party in placed.parties}
    assert {"russia", "ukraine", "united-states"} <= speaking


def test_every_statement_has_a_source_url(shipped: Dataset) -> None:
    """The original's address, or the mirror's when only a copy was read (`via`)."""
    missing = [
        p.id
        for p in shipped.statements
        if (s := shipped.resolve_source(p.statement.source)) is None or not (s.url or s.via)
    ]
    assert missing == []


def test_every_statement_has_an_explicit_id(shipped: Dataset) -> None:
    assert all(placed.statement.id for placed in shipped.statements)


def test_core_issues_have_ladders(shipped: Dataset) -> None:
    laddered = {issue.id for issue in shipped.issues if issue.ladder}
    assert {"nato", "territory"} <= laddered


def test_the_baltic_misreport_carries_its_correction_and_is_not_a_position(shipped: Dataset) -> None:
    baltic = [
        placed for placed in shipped.statements if any("baltic" in c.text.lower() for c in placed.statement.conditions)
    ]
    assert baltic, "the seed's Baltic claim must be recorded, as a corrected report"
    for placed in baltic:
        assert placed.statement.corrections, placed.id
        assert placed.statement.basis is Basis.MEDIA_REPORT
    baltic_ids = {c.id for placed in baltic for c in placed.statement.conditions}
    now = position(shipped, "russia", PartialDate.of(date.today()))
    active = {a.condition.id for issue in now.issues for a in issue.conditions}
    assert not baltic_ids & active
    assert baltic_ids <= {c.id for report in now.disputed for c in report.conditions}


def test_russia_nato_shift_is_visible_in_the_diff(shipped: Dataset) -> None:
    result = diff(
        shipped, ["russia"], PartialDate.parse("2022-03-01"), PartialDate.parse("2025-07-01"), issue_id="nato"
    )
    [russia] = result.parties
    [nato] = russia.issues
    assert nato.shifted
    headline = nato.headline
    assert headline is not None and headline.after is not None and headline.turn is not None
    ladder = [level.id for level in nato.issue.ladder]
    # The Istanbul low point, then harder: never "steady" for the project's showcase.
    assert headline.turn.stance.ask_level == "ukraine-neutral-with-guarantees"
    assert str(headline.turn.citation.date).startswith("2022-0")
    assert headline.shift.value == "harder" and headline.rungs >= 2
    assert ladder.index(headline.after.ask_level) >= ladder.index("no-nato-enlargement")
    assert headline.counterpart is not None and headline.counterpart.id == "ukraine"
    assert headline.moved_by is not None and headline.moved_by.publisher == "TASS"
    assert str(headline.moved_by.date) == "2025-06-09"
    disputed = {c.id for report in russia.disputed for c in report.conditions}
    changed = {side.condition.id for c in nato.changes for side in (c.before, c.after) if side is not None}
    assert disputed and not disputed & changed


def test_report_never_calls_a_move_softer_when_a_harder_condition_was_only_added(shipped: Dataset) -> None:
    """The old rule's defect: a harder demand added, a milder one mentioned last, read as a climb-down."""
    from tracker.core.engine.report import report
    from tracker.core.engine.results import ChangeKind, Shift
    from tracker.core.model import Pole

    recent = report(shipped, None, PartialDate.parse("2025-01")).recent
    checked = 0
    for party_diff in recent.parties:
        pole = party_diff.party.pole
        for issue_diff in party_diff.issues:
            headline = issue_diff.headline
            if pole is None or headline is None or headline.shift is not Shift.SOFTER or headline.before is None:
                continue
            checked += 1
            toward = 1 if pole is Pole.LAST else -1
            harder_added = any(
                change.kind is ChangeKind.ADDED
                and change.after is not None
                and change.after.level_index is not None
                and (change.after.level_index - headline.before.ask) * toward > 0
                for change in issue_diff.changes
            )
            gave_up = any(change.kind in (ChangeKind.REPLACED, ChangeKind.DROPPED) for change in issue_diff.changes)
            assert gave_up or not harder_added, (party_diff.party.id, issue_diff.issue.id)
    assert checked  # the shipped window has softer moves to check


@pytest.mark.parametrize("window", [[], ["--from", "2022-03-01", "--to", "2025-07-01"]])
def test_the_showcase_headline_in_every_format(window: list[str]) -> None:
    """`tracker diff russia --issue nato` (with and without dates): the story, never "steady"."""
    import json

    from typer.testing import CliRunner

    from tracker.cli.app import app

    def run(*args: str) -> str:
        result = CliRunner().invoke(
            app, ["diff", "russia", "--issue", "nato", *window, "-d", str(REPO / "positions.yaml"), *args]
        )
        assert result.exit_code == 0, result.stderr
        return result.stdout

    for text in (run("--color", "never"), run("--format", "markdown")):
        head = text[: text.index("Gap to Ukraine")]
        assert "3 rungs harder since 2022-04-15" in head
        assert (
            "“Neutral Ukraine with guarantees” (2022-04-15)" in head
            or "“Neutral Ukraine with guarantees” \\(2022-04-15\\)" in head
        )
        assert "“NATO posture rolled back to 1997”" in head
        assert "Last moved by Sergei Ryabkov" in text and "TASS via news-pravda.com, 2025-06-09" in text
        assert "steady" not in head
    headline = json.loads(run("--format", "json"))["data"]["parties"][0]["issues"][0]["headline"]
    assert (headline["shift"], headline["rungs"], headline["counterpart"]["id"]) == ("harder", 3, "ukraine")
    assert headline["turn"]["stance"]["ask_level"] == "ukraine-neutral-with-guarantees"
    assert (headline["moved_by"]["publisher"], headline["moved_by"]["date"]) == ("TASS", "2025-06-09")
    assert headline["gap_after"] is not None
