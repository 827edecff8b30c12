"""The project's seed article: what `tracker extract` must and must not draw from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tracker.extract import Draft, Vocabulary, extract_draft, render_draft
from tracker.extract.draft import BACKGROUND, CHARACTERISATION
from tracker.load.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "tests" / "data" / "seed" / "ryabkov-nato-baltics-article.txt"


@pytest.fixture(scope="module")
def draft() -> Draft:
    vocabulary = Vocabulary.from_dataset(load_dataset(REPO / "positions.yaml", today=date.today()))
    return extract_draft(ARTICLE.read_text(encoding="utf-8"), vocabulary)


def test_ryabkov_speaks_for_russia_in_the_tass_interview(draft: Draft) -> None:
    [ryabkov] = [s for s in draft.statements if s.speaker_name == "Sergei Ryabkov"]
    assert ryabkov.party == "russia"
    assert ryabkov.basis == "on-record"
    assert ryabkov.speaker_role is not None and "deputy foreign minister" in ryabkov.speaker_role
    assert ryabkov.source.publisher == "TASS"
    assert ryabkov.source.url is None  # the article gives none; none is made up
    assert ryabkov.date is None  # the article has no date; none is made up


def test_root_causes_condition_on_nato_with_the_verbatim_quote(draft: Draft) -> None:
    [ryabkov] = [s for s in draft.statements if s.speaker_name == "Sergei Ryabkov"]
    nato = [c for c in ryabkov.conditions if c.issue.issue == "nato"]
    assert len(nato) == 1
    condition = nato[0]
    assert condition.kind == "demand"
    assert condition.issue.level == "no-nato-enlargement"
    assert condition.quote is not None
    assert "The American side must take practical steps" in condition.quote
    assert "Without solving this acute and fundamental issue" in condition.quote
    article = ARTICLE.read_text(encoding="utf-8")
    for part in condition.quote.split(" … "):
        assert part in article, "the quote must be the article's own words"


def test_pause_must_not_let_ukraine_regroup(draft: Draft) -> None:
    [ryabkov] = [s for s in draft.statements if s.speaker_name == "Sergei Ryabkov"]
    [ceasefire] = [c for c in ryabkov.conditions if c.issue.issue == "ceasefire"]
    assert "regroup" in ceasefire.text
    assert ceasefire.stage == "ceasefire"
    assert ceasefire.quote is None  # reported speech, not a quotation


def test_reuters_sources_are_a_separate_reported_by_sources_candidate(draft: Draft) -> None:
    sourced = [s for s in draft.statements if s.basis == "reported-by-sources"]
    assert len(sourced) == 1
    [statement] = sourced
    assert statement.party == "russia"
    assert statement.source.publisher == "Reuters"
    [condition] = statement.conditions
    assert condition.issue.issue == "nato"
    assert "written commitment" in condition.text
    assert statement.date is None
    assert "Last month" in statement.date_note


def test_earlier_kremlin_demand_is_background_not_a_statement(draft: Draft) -> None:
    background = [s.text for s in draft.set_aside if s.category == BACKGROUND]
    assert any("abandon its NATO aspirations" in text for text in background)
    for _, condition in draft.conditions:
        assert not any("aspirations" in sentence for sentence in condition.evidence)


def test_baltic_claim_is_never_an_on_record_condition(draft: Draft) -> None:
    for statement, condition in draft.conditions:
        assert not any("Baltic" in sentence for sentence in condition.evidence), (statement.basis, condition.text)
    flagged = [s.text for s in draft.set_aside if s.category == CHARACTERISATION]
    assert any("Baltic" in text for text in flagged)


def test_rendered_draft_reads_back_and_says_what_is_missing(draft: Draft) -> None:
    text = render_draft(draft, "seed.txt")
    document = yaml.safe_load(text)
    assert [s["party"] for s in document["statements"]] == ["russia", "russia"]
    assert all("date" not in s for s in document["statements"])
    assert "# date: FILL IN" in text
    assert "reporter's characterisation, not a quote" in text
    assert "background, not extracted" in text
    assert "PARAPHRASE" in text
