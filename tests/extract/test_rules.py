"""The rules one by one: dates, party names, cues, quotations, basis, and the YAML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.cases import ARTICLES, FICTIONAL
from tests.extract.evaluate import vocabulary
from tracker.core.dates import PartialDate
from tracker.core.file_format import Statement
from tracker.extract import Vocabulary, extract_draft, render_draft
from tracker.extract.article import QuoteKind, parse
from tracker.extract.cues import find_cues, kind_of, stage_of
from tracker.extract.draft import NO_PARTY, OTHER_PARTY, UNNAMED
from tracker.extract.emit import scalar
from tracker.extract.vocab import demonyms_of
from tracker.extract.when import article_date, time_phrases
from tracker.load.loader import load_dataset

WEDNESDAY = date(2024, 6, 12)


def fictional() -> Vocabulary:
    return vocabulary(FICTIONAL)


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected", "printed"),
    [
        ("said on Monday", WEDNESDAY, "2024-06-10", False),
        ("said on Wednesday", WEDNESDAY, "2024-06-12", False),
        ("last Wednesday", WEDNESDAY, "2024-06-05", False),
        ("said yesterday", WEDNESDAY, "2024-06-11", False),
        ("last month", date(2025, 1, 15), "2024-12", False),
        ("earlier this month", WEDNESDAY, "2024-06", False),
        ("in a May 28 article", date(2025, 6, 10), "2025-05-28", False),
        ("on December 3", date(2025, 1, 10), "2024-12-03", False),
        ("on 9 June 2025", None, "2025-06-09", True),
        ("June 9, 2025", None, "2025-06-09", True),
        ("in March 2022", None, "2022-03", True),
        ("last year", WEDNESDAY, "2023", False),
    ],
)
def test_time_phrases_resolve_against_the_article_date(
    text: str, anchor: date | None, expected: str, printed: bool
) -> None:
    [phrase] = time_phrases(text, anchor)
    assert str(phrase.value) == expected
    assert phrase.printed is printed


def test_relative_phrases_without_an_article_date_stay_unresolved() -> None:
    [phrase] = time_phrases("Last month, Reuters reported", None)
    assert phrase.value is None
    assert "no date" in phrase.reason


def test_a_week_is_not_a_date() -> None:
    [phrase] = time_phrases("last week", WEDNESDAY)
    assert phrase.value is None


def test_article_date_from_dateline_published_line_or_date_line() -> None:
    found = article_date(parse("Headline here\n\nKYIV, June 10, 2025 (Reuters) - Text starts here. More."))
    assert found is not None and found.value == date(2025, 6, 10)
    found = article_date(parse("Headline\n\nPublished: 14 March 2025\n\nText. More text here."))
    assert found is not None and found.value == date(2025, 3, 14)
    assert article_date(parse("Headline\n\nMOSCOW, June 9 (Reuters) - No year anywhere. Text.")) is None


# --- parties -------------------------------------------------------------------------


def test_demonyms() -> None:
    assert demonyms_of("Russia") == ("Russian",)
    assert demonyms_of("Ukraine") == ("Ukrainian",)
    assert demonyms_of("China") == ("Chinese",)
    assert demonyms_of("United States") == ("American",)
    assert demonyms_of("Marovia") == ("Marovian",)
    assert demonyms_of("European Union") == ()


def test_party_mentions_keep_acronym_case_and_word_edges() -> None:
    shipped = vocabulary(Path(__file__).resolve().parents[2] / "positions.yaml")
    found = [(m.party, m.text) for m in shipped.party_mentions("Let us see what the US and Russia’s envoy said")]
    assert found == [("united-states", "US"), ("russia", "Russia")]
    assert shipped.party_mentions("a Russian-language broadcast") == []
    assert [m.party for m in shipped.party_mentions("three Russian sources")] == ["russia"]


def test_demonym_after_of_is_not_a_party() -> None:
    text = (
        "Velgrad, 3 March 2025 (Harbour Wire) - Kestria must leave, said Ana Lind, "
        "a historian of Marovian literature. She said Kestria must pay."
    )
    draft = extract_draft(text, fictional())
    assert draft.statements == []
    assert any(s.category == NO_PARTY for s in draft.set_aside)


# --- cues, kinds, stages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kestria must withdraw from the valley", "demand"),
        ("we will not sign a ceasefire until they leave", "demand"),
        ("we are ready to release prisoners if they release ours", "offer"),
        ("we will never recognise the annexation", "red-line"),
        ("Marovia rejects any arrangement", "red-line"),
        ("that is not negotiable", "red-line"),
        ("talks can only take place in a neutral city", "demand"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    cues = find_cues(text)
    assert cues
    assert kind_of(cues) == kind


@pytest.mark.parametrize(
    "text",
    [
        "They spoke on condition of anonymity.",
        "Support for a solution offers a glimmer of hope.",
        "Putin is ready to make peace, but not at any price.",
        "The two sides agreed to remain in close contact.",
    ],
)
def test_no_cue(text: str) -> None:
    assert find_cues(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("peace will be impossible as long as the claim stays in the constitution", "impossible without"),
        ("there is no chance that we will recognise the annexation", "no chance that"),
        ("It is unacceptable that the ceasefire line becomes a border", "unacceptable"),
    ],
)
def test_round_two_cues(text: str, label: str) -> None:
    assert label in [c.label for c in find_cues(text)]


def test_a_protest_at_present_conduct_is_not_a_red_line() -> None:
    assert find_cues("It is unacceptable for us that Kestria is using delay tactics in the talks") == []


def test_a_refusal_asked_of_the_other_side_is_part_of_the_demand() -> None:
    asked = "They should amend the constitution so that Kestria would reject any bloc"
    own = "Kestria must understand that we will never recognise the annexation"
    assert kind_of(find_cues(asked), asked) == "demand"
    assert kind_of(find_cues(own), own) == "red-line"


def test_stages() -> None:
    assert stage_of("withdrawal is a precondition for any ceasefire") == "precondition"
    assert stage_of("any pause in fighting must not allow Ukraine to regroup") == "ceasefire"
    assert stage_of("the settlement must restore the border") == "settlement"


# --- quotations and voices -----------------------------------------------------------------


def test_titles_and_partial_quotes_are_not_speech() -> None:
    article = parse(
        'Headline\n\nIn a Tass article titled "It Is Impossible to Resolve the Conflict", he spoke. '
        'She called it "a reward for aggression". "We will stay in the valley until they leave," he said.'
    )
    kinds = [q.kind for q in article.quotes]
    assert kinds == [QuoteKind.TITLE, QuoteKind.PARTIAL, QuoteKind.SPEECH]


def test_unnamed_speakers_are_not_extracted() -> None:
    text = (
        "PORT AMSEL, 4 May 2025 (Harbour Wire) - Talks resumed. A senior Marovian official said Kestria "
        "must withdraw from the Osk valley.\n\nAnalysts said Kestria must pay compensation for the ports."
    )
    draft = extract_draft(text, fictional())
    assert draft.statements == []
    assert {s.category for s in draft.set_aside} <= {
        UNNAMED,
        "reporter's characterisation, not a quote (not extracted)",
    }


def test_a_possessive_ends_a_name_so_a_later_pronoun_finds_its_person() -> None:
    text = (
        "Headline\n\nMarovian President Anna Kovac said Kestria must withdraw from the Osk valley. "
        "The demand followed Prime Minister Ivo Rask’s January 19 calls for a new constitution. "
        "Still, he said that peace will be impossible as long as Kestrian troops stay in the valley."
    )
    draft = extract_draft(text, fictional())
    evidence = [e for s in draft.statements if s.party == "marovia" for c in s.conditions for e in c.evidence]
    assert not any("as long as" in e for e in evidence)


def test_such_a_demand_takes_its_issue_from_the_sentence_before() -> None:
    text = (
        "Headline\n\nKestria wants Marovia to withdraw from the Osk valley, Kestrian officials say. "
        "Marovian President Anna Kovac rejects such a demand as unfair."
    )
    draft = extract_draft(text, fictional())
    kovac = [c for s in draft.statements if s.party == "marovia" for c in s.conditions]
    assert [c.issue.issue for c in kovac] == ["territory"]


def test_a_quotation_after_the_reporters_words_takes_their_issue_not_the_earlier_quotation() -> None:
    text = (
        "Headline\n\nMarovian President Anna Kovac spoke on Monday.\n\n“Kestria must release all the prisoners "
        "it holds. The prisoners must come home,” Kovac said. Kovac also made clear that Kestria must withdraw "
        "from the Osk valley. “They should make sure nobody of theirs is left there,” she said."
    )
    draft = extract_draft(text, fictional())
    last = next(c for _, c in draft.conditions if any("nobody of theirs" in e for e in c.evidence))
    assert last.issue.issue == "territory"


def test_official_text_keeps_only_the_issuers_party() -> None:
    draft = extract_draft((ARTICLES / "readout.txt").read_text(encoding="utf-8"), fictional())
    assert {s.party for s in draft.statements} == {"marovia"}
    assert {s.basis for s in draft.statements} == {"official-document"}
    assert any(s.category == OTHER_PARTY and "envoy" in s.text for s in draft.set_aside)


def test_interview_questions_are_never_candidates() -> None:
    draft = extract_draft((ARTICLES / "interview.txt").read_text(encoding="utf-8"), fictional())
    for _, condition in draft.conditions:
        assert not any(sentence.startswith("Q:") or "Must Kestria" in sentence for sentence in condition.evidence)


def test_other_conflict_names_the_unknown_parties() -> None:
    shipped = vocabulary(Path(__file__).resolve().parents[2] / "positions.yaml")
    draft = extract_draft((ARTICLES / "other-conflict.txt").read_text(encoding="utf-8"), shipped)
    assert draft.statements == []
    assert any("unknown party: Veltranian" in m for m in draft.messages)
    assert any("none of the parties" in m for m in draft.messages)


def test_inferred_date_says_from_which_phrase() -> None:
    draft = extract_draft((ARTICLES / "wire-report.txt").read_text(encoding="utf-8"), fictional())
    kovac = next(s for s in draft.statements if s.speaker_name == "Anna Kovac")
    assert kovac.date == PartialDate(2024, 6, 10)
    assert kovac.date_inferred
    assert '"on Monday"' in kovac.date_note


def test_empty_article() -> None:
    draft = extract_draft(" \n\n \t", fictional())
    assert draft.empty and draft.statements == []
    assert yaml.safe_load(render_draft(draft)) == {"statements": []}


# --- the YAML ------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_scalar_reads_back_exactly(value: str) -> None:
    assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Kovac said", "must", "Marovia", '"', "Kestria's", ".", "\n\n", "until", " ", "Q:", "A:"]),
        max_size=40,
    )
)
def test_any_text_gives_a_readable_draft(pieces: list[str]) -> None:
    text = "".join(pieces)
    document = yaml.safe_load(render_draft(extract_draft(text, fictional())))
    assert isinstance(document["statements"], list)


@pytest.mark.parametrize("name", ["wire-report.txt", "interview.txt", "readout.txt", "heldout1-roundup.txt"])
def test_dated_drafts_are_valid_statements(name: str) -> None:
    text = render_draft(extract_draft((ARTICLES / name).read_text(encoding="utf-8"), fictional()))
    for item in yaml.safe_load(text)["statements"]:
        Statement.model_validate(item)


def test_a_complete_draft_validates_against_its_dataset(tmp_path: Path) -> None:
    """What `tracker add --snippet` would append: the wire report's draft passes every check."""
    draft = render_draft(extract_draft((ARTICLES / "wire-report.txt").read_text(encoding="utf-8"), fictional()))
    (tmp_path / "a.yaml").write_text(FICTIONAL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("schema: 1\n" + draft, encoding="utf-8")
    dataset = load_dataset(tmp_path, today=date(2026, 1, 1))
    assert len(dataset.statements) == 3


def test_undated_draft_is_rejected_until_the_date_is_filled(tmp_path: Path) -> None:
    from tracker.core.problems import DatasetError

    text = "Headline\n\nAnna Kovac, Marovia's foreign minister, said Kestria must withdraw from the Osk valley."
    draft = render_draft(extract_draft(text, fictional()))
    assert "# date: FILL IN" in draft
    (tmp_path / "a.yaml").write_text(FICTIONAL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("schema: 1\n" + draft, encoding="utf-8")
    with pytest.raises(DatasetError):
        load_dataset(tmp_path, today=date(2026, 1, 1))


def _shipped() -> Vocabulary:
    return Vocabulary.from_dataset(
        load_dataset(Path(__file__).resolve().parents[2] / "positions.yaml", today=date.today())
    )


def test_bulleted_items_without_a_full_stop_are_still_items() -> None:
    text = (
        "Russia sets out terms\n\n"
        "MOSCOW - Foreign Minister Sergei Lavrov outlined Moscow's key demands:\n"
        "- Ukraine must renounce NATO membership\n"
        "- Ukraine must withdraw from four regions\n"
    )
    draft = extract_draft(text, _shipped())
    found = {(s.party, c.issue.issue) for s, c in draft.conditions}
    assert {("russia", "nato"), ("russia", "territory")} <= found


def test_cues_overlap_by_strength_however_many_there_are() -> None:
    # the stronger cue wins an overlap; a long run of cues keeps one per place
    assert [c.label for c in find_cues("Russia will not accept a ceasefire until Kyiv withdraws.")] == [
        "… until/unless"
    ]
    run = "Ukraine must withdraw — " * 2000
    assert len(find_cues(run)) == 2000


def test_a_body_listed_as_a_speaker_is_not_matched_as_a_person(tmp_path: Path) -> None:
    small = Path(__file__).resolve().parent / "real" / "datasets" / "armenia-azerbaijan.yaml"
    text = small.read_text(encoding="utf-8").replace(
        '      - "Ilham Aliyev"\n', '      - "Ilham Aliyev"\n      - "Foreign Ministry"\n'
    )
    assert "Foreign Ministry" in text
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    vocab = Vocabulary.from_dataset(load_dataset(tmp_path / "d.yaml", today=date.today()))
    assert vocab.speaker_party("Aliyev") == ("azerbaijan", "Ilham Aliyev")
    assert vocab.speaker_party("The Foreign Ministry") is None
