"""The position engine on small hand-written datasets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tracker.core.checks import check_dataset
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine import LookupFailed, compare, diff, position, resolve_issue, resolve_party, timeline
from tracker.core.engine.results import (
    Change,
    ChangeKind,
    IssueDiff,
    IssuePosition,
    PartyDiff,
    Position,
    Shift,
    Trend,
    WordChange,
)
from tracker.core.engine.words import word_diff
from tracker.core.file_format import validate_records

# ---------------------------------------------------------------------------
# Builders: a dataset is a list of statements over a fixed taxonomy.

Json = dict[str, Any]

ISSUES: list[Json] = [
    {
        "id": "nato",
        "title": "NATO membership",
        "category": "security",
        "ladder": [
            {"id": "joins", "title": "Ukraine joins NATO"},
            {"id": "neutral", "title": "Ukraine neutral"},
            {"id": "no-enlargement", "title": "No NATO enlargement"},
            {"id": "rollback", "title": "NATO rollback to 1997"},
        ],
    },
    {
        "id": "territory",
        "title": "Territory",
        "category": "territory-sovereignty",
        "ladder": [
            {"id": "full-withdrawal", "title": "Full withdrawal"},
            {"id": "freeze", "title": "Freeze the line"},
            {"id": "four-regions", "title": "Four regions ceded"},
        ],
    },
    {"id": "prisoners", "title": "Prisoners", "category": "justice-humanitarian"},
]
PARTIES: list[Json] = [
    {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russian Federation", "Kremlin"]},
    {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["Kyiv"]},
    {"id": "usa", "name": "United States", "kind": "state"},
]
SOURCES: list[Json] = [{"id": "tass", "publisher": "TASS", "title": "Interview", "url": "https://tass.com/1"}]


def cond(cid: str, issue: str = "nato", level: str | None = None, text: str | None = None, **extra: Any) -> Json:
    """A condition; laddered issues need a level, so nato/territory get a default one."""
    if level is None and issue == "nato":
        level = "neutral"
    if level is None and issue == "territory":
        level = "freeze"
    body: Json = {"id": cid, "issue": issue, "text": text or f"text of {cid}", "kind": "demand", "stage": "settlement"}
    if level is not None:
        body["level"] = level
    return body | extra


def said(party: str | list[str], when: str, *conditions: Json, **extra: Any) -> Json:
    """A statement by one party, or a joint text when `party` is a list."""
    who: Json = {"parties": party} if isinstance(party, list) else {"party": party}
    return who | {"date": when, "source": "tass", "basis": "on-record", "conditions": list(conditions)} | extra


def build(*statements: Json, parties: list[Json] = PARTIES) -> Dataset:
    content = validate_records(
        {
            "schema": 1,
            "conflict": {"id": "test-war", "title": "Test war"},
            "issues": ISSUES,
            "parties": parties,
            "sources": SOURCES,
            "statements": list(statements),
        }
    )
    dataset = Dataset(files=(("test.yaml", content),))
    # The engine is only ever given validated data; keep the fixtures honest.
    assert check_dataset(dataset, today=date(2030, 1, 1)) == []
    return dataset


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def issue_of(result: Position, issue: str) -> IssuePosition:
    return next(item for item in result.issues if item.issue.id == issue)


def active_ids(result: Position, issue: str = "nato") -> list[str]:
    return [active.condition.id for active in issue_of(result, issue).conditions]


def party_diff(dataset: Dataset, since: str, until: str, party: str = "russia", **options: Any) -> PartyDiff:
    result = diff(dataset, [party], d(since), d(until), **options)
    assert [item.party.id for item in result.parties] == [party]
    return result.parties[0]


def issue_diff(found: PartyDiff, issue: str = "nato") -> IssueDiff:
    return next(item for item in found.issues if item.issue.id == issue)


def kinds(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    """(kind, id of the condition now, or of the one dropped) per change."""
    found = []
    for change in changes:
        current = change.after or change.before
        assert current is not None
        found.append((change.kind.value, current.condition.id))
    return found


# ---------------------------------------------------------------------------
# position


def test_position_lists_every_issue_with_no_stated_position_as_empty() -> None:
    dataset = build(said("russia", "2022-03-01", cond("ru-neutral")))
    result = position(dataset, "russia", d("2022-12-31"))
    assert [item.issue.id for item in result.issues] == ["nato", "territory", "prisoners"]
    assert [item.stated for item in result.issues] == [True, False, False]
    assert issue_of(result, "territory").stance is None
    assert result.party.id == "russia" and result.at == d("2022-12-31")


def test_restated_condition_carries_latest_wording_and_keeps_first_stated() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("ru-nato", text="Ukraine stays neutral"), id="s1"),
        said("russia", "2023-05-01", cond("ru-nato", level="no-enlargement", text="NATO stops growing"), id="s2"),
    )
    (active,) = issue_of(position(dataset, "russia", d("2024")), "nato").conditions
    assert active.condition.text == "NATO stops growing"
    assert active.level_index == 2
    assert active.first_stated.statement_id == "s1"
    assert active.last_stated.statement_id == "s2"
    assert active.party == "russia"


def test_replaces_and_withdraws_take_conditions_out_of_force() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a"), cond("b", "prisoners")),
        said("russia", "2022-04-01", cond("c", replaces=["a"])),
        said("russia", "2022-05-01", withdraws=["b"], conditions=[]),
    )
    assert active_ids(position(dataset, "russia", d("2022-03-31"))) == ["a"]
    result = position(dataset, "russia", d("2022-05-31"))
    assert active_ids(result) == ["c"]
    assert active_ids(result, "prisoners") == []
    assert active_ids(position(dataset, "russia", d("2022-04-30")), "prisoners") == ["b"]


def ask(result: Position, issue: str = "nato") -> str | None:
    stance = issue_of(result, issue).stance
    return stance.ask_level if stance else None


def test_without_a_pole_the_ask_is_the_most_recently_stated_rung() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", level="rollback"), cond("b", level="neutral")),
        said("russia", "2022-04-01", cond("c", level="no-enlargement")),
        said("russia", "2022-05-01", cond("a", level="rollback")),
    )
    # Same statement: the later condition in it wins.
    assert ask(position(dataset, "russia", d("2022-03"))) == "neutral"
    assert ask(position(dataset, "russia", d("2022-04"))) == "no-enlargement"
    at_may = issue_of(position(dataset, "russia", d("2022-05")), "nato")
    assert at_may.stance is not None
    assert (at_may.stance.ask_level, at_may.stance.ask, at_may.stance.low, at_may.stance.high) == ("rollback", 3, 1, 3)


POLES: list[Json] = [
    PARTIES[0] | {"pole": "last"},
    PARTIES[1] | {"pole": "first"},
    PARTIES[2],
]


def test_with_a_pole_the_ask_is_the_rung_farthest_toward_it_whatever_was_said_last() -> None:
    # The defect of the old rule: a milder demand mentioned last read as a climb-down.
    dataset = build(
        said("russia", "2022-03-01", cond("halt", level="no-enlargement")),
        said("russia", "2022-04-01", cond("rollback", level="rollback")),
        said("russia", "2022-05-01", cond("renounce", level="neutral")),
        parties=POLES,
    )
    result = issue_of(position(dataset, "russia", d("2022-05")), "nato")
    assert result.stance is not None
    assert (result.stance.ask_level, result.stance.low_level, result.stance.high_level) == (
        "rollback",
        "neutral",
        "rollback",
    )
    nato = issue_diff(party_diff(dataset, "2022-05", "2022-05"))
    assert nato.headline is not None and nato.headline.shift is Shift.STEADY


def test_conditions_are_ordered_by_last_statement_then_id() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("z"), cond("m")),
        said("russia", "2022-04-01", cond("b")),
        said("russia", "2022-05-01", cond("z")),
    )
    assert active_ids(position(dataset, "russia", d("2022"))) == ["m", "b", "z"]


def test_month_precision_counts_only_once_the_month_is_over() -> None:
    dataset = build(said("russia", "2025-06", cond("vague")))
    assert active_ids(position(dataset, "russia", d("2025-06-15"))) == []
    assert active_ids(position(dataset, "russia", d("2025-06-30"))) == ["vague"]
    assert active_ids(position(dataset, "russia", d("2025-06"))) == ["vague"]


def test_year_precision_counts_only_once_the_year_is_over() -> None:
    dataset = build(said("russia", "2024", cond("vague")), said("russia", "2024-03-01", cond("exact")))
    assert active_ids(position(dataset, "russia", d("2024-12-30"))) == ["exact"]
    assert sorted(active_ids(position(dataset, "russia", d("2024")))) == ["exact", "vague"]


def test_statements_on_the_same_date_apply_in_file_order() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", text="first")),
        said("russia", "2022-03-01", cond("a", text="second")),
        said("russia", "2022-03-01", cond("b", replaces=["a"])),
    )
    assert active_ids(position(dataset, "russia", d("2022-03-01"))) == ["b"]
    dataset = build(
        said("russia", "2022-03-01", cond("a", text="first")),
        said("russia", "2022-03-01", cond("a", text="second")),
    )
    (active,) = issue_of(position(dataset, "russia", d("2022-03-01")), "nato").conditions
    assert active.condition.text == "second"


BALTIC = {
    "kind": "correction",
    "date": "2025-06-12",
    "source": {"publisher": "Outlet", "title": "Correction", "url": "https://outlet.example/fix"},
    "text": "The interview named no Baltic state.",
}


def disputed_dataset() -> Dataset:
    return build(
        said("russia", "2025-06-01", cond("no-enlargement", level="no-enlargement"), id="tass"),
        said("russia", "2025-06-10", cond("baltic", level="rollback"), id="baltic-claim", corrections=[BALTIC]),
    )


def test_disputed_statement_is_left_out_but_reported_by_default() -> None:
    result = position(disputed_dataset(), "russia", d("2025-06-30"))
    assert active_ids(result) == ["no-enlargement"]
    assert ask(result) == "no-enlargement"
    (report,) = result.disputed
    assert report.citation.statement_id == "baltic-claim"
    assert report.citation.disputed is True
    assert [condition.id for condition in report.conditions] == ["baltic"]
    (note,) = report.corrections
    assert note.text == "The interview named no Baltic state."
    assert note.date == d("2025-06-12")
    assert (note.source.publisher, note.source.url) == ("Outlet", "https://outlet.example/fix")
    assert note.source.statement_id == "baltic-claim"


def test_disputed_statement_counts_when_asked_and_stays_labelled() -> None:
    result = position(disputed_dataset(), "russia", d("2025-06-30"), include_disputed=True)
    assert active_ids(result) == ["no-enlargement", "baltic"]
    assert ask(result) == "rollback"
    baltic = issue_of(result, "nato").conditions[1]
    assert baltic.last_stated.disputed is True
    assert issue_of(result, "nato").conditions[0].last_stated.disputed is False
    assert result.include_disputed is True
    assert len(result.disputed) == 1


def test_disputed_report_respects_the_date() -> None:
    assert position(disputed_dataset(), "russia", d("2025-06-05")).disputed == ()


def test_joint_text_counts_for_every_signer() -> None:
    dataset = build(
        said("ukraine", "2022-03-01", cond("ua-own", "prisoners")),
        said(["russia", "ukraine"], "2022-03-29", cond("all-for-all", "prisoners"), id="istanbul"),
        said(["russia", "ukraine"], "2022-04-15", withdraws=["ua-own"], conditions=[]),
    )
    for party in ("russia", "ukraine"):
        at_march = position(dataset, party, d("2022-03-31"))
        assert "all-for-all" in active_ids(at_march, "prisoners")
        assert issue_of(at_march, "prisoners").conditions[-1].first_stated.statement_id == "istanbul"
    assert active_ids(position(dataset, "ukraine", d("2022-03-31")), "prisoners") == ["ua-own", "all-for-all"]
    assert active_ids(position(dataset, "ukraine", d("2022-04-30")), "prisoners") == ["all-for-all"]
    assert active_ids(position(dataset, "russia", d("2022-04-30")), "prisoners") == ["all-for-all"]
    assert active_ids(position(dataset, "usa", d("2022-04-30")), "prisoners") == []


def test_citation_resolves_sources_and_formats_the_speaker() -> None:
    inline = {"publisher": "Reuters", "url": "https://reuters.com/a"}
    dataset = build(
        said("russia", "2022-03-01", cond("a"), id="ref", speaker={"name": "Sergei Ryabkov", "role": "deputy FM"}),
        said("russia", "2022-03-02", cond("b"), id="inline", source=inline, speaker={"name": "MFA"}),
        said("russia", "2022-03-03", cond("c"), id="bare", basis="official-document"),
    )
    by_id = {
        active.condition.id: active.last_stated
        for active in issue_of(position(dataset, "russia", d("2022")), "nato").conditions
    }
    ref, inline_cite, bare = by_id["a"], by_id["b"], by_id["c"]
    assert (ref.statement_id, ref.publisher, ref.title, ref.url) == ("ref", "TASS", "Interview", "https://tass.com/1")
    assert ref.speaker == "Sergei Ryabkov, deputy FM"
    assert ref.date == d("2022-03-01")
    assert (inline_cite.publisher, inline_cite.title, inline_cite.url) == ("Reuters", None, "https://reuters.com/a")
    assert inline_cite.speaker == "MFA"
    assert bare.speaker is None
    assert bare.basis.value == "official-document"


def test_derived_statement_ids_are_used_in_citations() -> None:
    dataset = build(said("russia", "2022-03-01", cond("a")))
    (active,) = issue_of(position(dataset, "russia", d("2022")), "nato").conditions
    assert active.last_stated.statement_id == dataset.statements[0].id
    assert active.last_stated.statement_id.startswith("russia-2022-03-01-")


def test_unknown_party_id_is_a_lookup_failure() -> None:
    with pytest.raises(LookupFailed, match="unknown party `rusia`; did you mean `russia`"):
        position(build(), "rusia", d("2022"))


# ---------------------------------------------------------------------------
# diff


def test_word_diff_merges_runs() -> None:
    assert word_diff("Ukraine must stay out of NATO", "Ukraine must never join NATO or the EU") == (
        WordChange("equal", "Ukraine must"),
        WordChange("delete", "stay out of"),
        WordChange("insert", "never join"),
        WordChange("equal", "NATO"),
        WordChange("insert", "or the EU"),
    )


def test_added_condition() -> None:
    dataset = build(said("russia", "2022-03-01", cond("a")), said("russia", "2023-03-01", cond("b", "prisoners")))
    found = party_diff(dataset, "2023-01-01", "2023-12-31")
    assert [item.issue.id for item in found.issues] == ["nato", "prisoners"]
    assert kinds(issue_diff(found, "prisoners").changes) == [("added", "b")]
    added = issue_diff(found, "prisoners").changes[0]
    assert added.before is None and added.after is not None
    assert kinds(issue_diff(found).changes) == [("unchanged", "a")]


def test_dropped_condition_cites_the_withdrawal() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a")),
        said("russia", "2023-03-01", withdraws=["a"], conditions=[], id="concession"),
    )
    (change,) = issue_diff(party_diff(dataset, "2023", "2023")).changes
    assert change.kind is ChangeKind.DROPPED
    assert change.after is None and change.before is not None and change.before.condition.id == "a"
    assert change.withdrawn_by is not None and change.withdrawn_by.statement_id == "concession"


def test_replaced_condition_with_level_move_and_words() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("neutral", text="Ukraine stays neutral")),
        said(
            "russia",
            "2025-06-10",
            cond("no-enl", level="no-enlargement", text="NATO stops enlarging", replaces=["neutral"]),
        ),
    )
    found = party_diff(dataset, "2025-01-01", "2025-06-30")
    (change,) = issue_diff(found).changes
    assert change.kind is ChangeKind.REPLACED
    assert change.chain == ("neutral", "no-enl")
    assert change.level_move == 1
    # The texts share no word: below WORD_DIFF_MIN_SHARED, no word diff is shown.
    assert change.words == ()
    assert found.shifted


def test_replacement_across_several_steps_reports_the_whole_chain() -> None:
    dataset = build(
        said("russia", "2021-12-17", cond("a", level="neutral")),
        said("russia", "2022-06-01", cond("x", level="joins", replaces=["a"])),
        said("russia", "2023-06-01", cond("b", level="rollback", replaces=["x"])),
    )
    (change,) = issue_diff(party_diff(dataset, "2022", "2023")).changes
    assert (change.kind, change.chain, change.level_move) == (ChangeKind.REPLACED, ("a", "x", "b"), 2)
    assert change.before is not None and change.before.condition.id == "a"
    assert change.after is not None and change.after.condition.id == "b"
    # the step between is shown with its own date, so the path is sourced too
    assert [(step.condition.id, str(step.last_stated.date)) for step in change.via] == [("x", "2022-06-01")]


def test_replaced_then_withdrawn_is_dropped_citing_the_withdrawal() -> None:
    dataset = build(
        said("russia", "2021-12-17", cond("a")),
        said("russia", "2022-06-01", cond("x", replaces=["a"])),
        said("russia", "2023-06-01", withdraws=["x"], conditions=[], id="gives-up"),
    )
    (change,) = issue_diff(party_diff(dataset, "2022", "2023")).changes
    assert change.kind is ChangeKind.DROPPED
    assert change.before is not None and change.before.condition.id == "a"
    assert change.withdrawn_by is not None and change.withdrawn_by.statement_id == "gives-up"


def test_reworded_condition_has_a_word_diff() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", "prisoners", text="exchange all prisoners")),
        said("russia", "2023-03-01", cond("a", "prisoners", text="exchange all prisoners and civilians")),
    )
    (change,) = issue_diff(party_diff(dataset, "2023", "2023"), "prisoners").changes
    assert change.kind is ChangeKind.REWORDED
    assert change.words == (WordChange("equal", "exchange all prisoners"), WordChange("insert", "and civilians"))
    assert change.level_move is None


def test_moved_takes_precedence_over_reworded_and_keeps_words() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", level="rollback", text="NATO back to 1997")),
        said("russia", "2023-03-01", cond("a", level="neutral", text="Ukraine neutral")),
        said("russia", "2023-03-01", cond("t", "territory", level="freeze")),
        said("russia", "2024-03-01", cond("t", "territory", level="four-regions")),
    )
    (nato,) = issue_diff(party_diff(dataset, "2023", "2023")).changes
    assert (nato.kind, nato.level_move) == (ChangeKind.MOVED, -2)
    assert nato.words == ()  # nothing shared, so no word diff
    (territory,) = issue_diff(party_diff(dataset, "2024", "2024"), "territory").changes
    assert (territory.kind, territory.level_move, territory.words) == (ChangeKind.MOVED, 1, ())


def test_reaffirmed_when_restated_unchanged_and_unchanged_when_silent() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a"), cond("b")),
        said("russia", "2023-03-01", cond("a")),
    )
    found = party_diff(dataset, "2023", "2023")
    assert kinds(issue_diff(found).changes) == [("reaffirmed", "a"), ("unchanged", "b")]
    assert not found.shifted
    assert not diff(dataset, ["russia"], d("2023"), d("2023")).shifted


def test_condition_added_and_withdrawn_within_the_window_leaves_nothing() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a")),
        said("russia", "2023-03-01", cond("brief", "prisoners")),
        said("russia", "2023-04-01", withdraws=["brief"], conditions=[]),
    )
    found = party_diff(dataset, "2023", "2023")
    assert [item.issue.id for item in found.issues] == ["nato"]


def test_added_then_replaced_within_the_window_is_added() -> None:
    dataset = build(
        said("russia", "2023-03-01", cond("draft")),
        said("russia", "2023-04-01", cond("final", replaces=["draft"])),
    )
    assert kinds(issue_diff(party_diff(dataset, "2023", "2023")).changes) == [("added", "final")]


def test_replacement_across_issues_is_filed_under_the_new_issue() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("old", "prisoners")),
        said("russia", "2023-03-01", cond("new", "territory", replaces=["old"])),
    )
    found = party_diff(dataset, "2023", "2023")
    assert [item.issue.id for item in found.issues] == ["territory"]
    (change,) = found.issues[0].changes
    assert (change.kind, change.issue, change.level_move) == (ChangeKind.REPLACED, "territory", None)


def test_changes_are_ordered_shifts_first_then_by_id() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("k-keep"), cond("j-same"), cond("m-move"), cond("w-word"), cond("d-drop")),
        said("russia", "2022-03-01", cond("r-old")),
        said(
            "russia",
            "2023-03-01",
            cond("j-same"),
            cond("m-move", level="rollback"),
            cond("w-word", text="new words"),
            cond("r-new", replaces=["r-old"]),
            cond("b-add"),
            cond("a-add"),
            withdraws=["d-drop"],
        ),
    )
    assert kinds(issue_diff(party_diff(dataset, "2023", "2023")).changes) == [
        ("added", "a-add"),
        ("added", "b-add"),
        ("replaced", "r-new"),
        ("moved", "m-move"),
        ("reworded", "w-word"),
        ("dropped", "d-drop"),
        ("reaffirmed", "j-same"),
        ("unchanged", "k-keep"),
    ]


def test_issue_filter_keeps_one_issue() -> None:
    dataset = build(said("russia", "2023-03-01", cond("a"), cond("b", "prisoners")))
    found = party_diff(dataset, "2023", "2023", issue_id="prisoners")
    assert [item.issue.id for item in found.issues] == ["prisoners"]
    with pytest.raises(LookupFailed, match="unknown issue `prisoner`; did you mean `prisoners`"):
        party_diff(dataset, "2023", "2023", issue_id="prisoner")


def direction_dataset() -> Dataset:
    return build(
        said("ukraine", "2022-03-01", cond("ua", level="joins")),
        said("usa", "2022-03-01", cond("us", level="neutral")),
        said("russia", "2022-03-01", cond("ru", level="no-enlargement")),
        said("russia", "2024-03-01", cond("ru", level="rollback")),
        said("russia", "2025-03-01", cond("ru", level="neutral")),
        parties=POLES,
    )


def test_a_move_toward_the_own_pole_is_harder_and_widens_the_gaps() -> None:
    nato = issue_diff(party_diff(direction_dataset(), "2024", "2024"))
    assert nato.headline is not None
    assert (nato.headline.shift, nato.headline.rungs, nato.headline.turn) == (Shift.HARDER, 1, None)
    assert (nato.headline.before and nato.headline.before.ask_level) == "no-enlargement"
    assert (nato.headline.after and nato.headline.after.ask_level) == "rollback"
    assert [(x.counterpart.id, x.gap_before, x.gap_after, x.trend) for x in nato.directions] == [
        ("ukraine", 2, 3, Trend.DIVERGING),
        ("usa", 1, 2, Trend.DIVERGING),
    ]
    assert nato.headline.counterpart is not None and nato.headline.counterpart.id == "ukraine"
    assert nato.headline.moved_by is not None and str(nato.headline.moved_by.date) == "2024-03-01"


def test_the_main_counterpart_is_the_opposite_pole_before_a_mediator() -> None:
    dataset = build(
        said("usa", "2022-03-01", cond("us", level="neutral")),
        said("usa", "2022-04-01", cond("us", level="neutral", text="again")),
        said("ukraine", "2022-03-01", cond("ua", level="joins")),
        said("russia", "2022-03-01", cond("ru", level="no-enlargement")),
        said("russia", "2024-03-01", cond("ru", level="rollback")),
        parties=list(reversed(POLES)),
    )
    directions = issue_diff(party_diff(dataset, "2024", "2024")).directions
    assert [direction.counterpart.id for direction in directions] == ["ukraine", "usa"]


def test_a_move_away_from_the_own_pole_is_softer() -> None:
    nato = issue_diff(party_diff(direction_dataset(), "2025", "2025"))
    assert nato.headline is not None
    assert (nato.headline.shift, nato.headline.rungs) == (Shift.SOFTER, 2)
    assert [(x.gap_before, x.gap_after, x.trend) for x in nato.directions] == [
        (3, 1, Trend.CONVERGING),
        (2, 0, Trend.CONVERGING),
    ]


def test_down_and_back_up_is_harder_since_the_turn_never_steady() -> None:
    # Russia's NATO story in miniature: rollback, down to neutral, back up to rollback.
    dataset = build(
        said("russia", "2021-12-17", cond("ru-1997", level="rollback")),
        said("russia", "2022-04-15", cond("ru-neutral", level="neutral", replaces=["ru-1997"]), id="istanbul"),
        said("russia", "2024-06-14", cond("ru-halt", level="no-enlargement", replaces=["ru-neutral"])),
        said("russia", "2025-06-09", cond("ru-thin", level="rollback"), id="ryabkov"),
        parties=POLES,
    )
    for since in ("2022-03-01", None):
        result = diff(dataset, ["russia"], d(since) if since else None, d("2025-07-01"), issue_id="nato")
        headline = result.parties[0].issues[0].headline
        assert headline is not None
        assert (headline.before and headline.before.ask_level, headline.after and headline.after.ask_level) == (
            "rollback",
            "rollback",
        )
        assert (headline.shift, headline.rungs) == (Shift.HARDER, 2)
        assert headline.turn is not None and headline.turn.citation.statement_id == "istanbul"
        assert headline.moved_by is not None and headline.moved_by.statement_id == "ryabkov"


def test_without_a_start_date_the_baseline_is_the_first_stated_stance() -> None:
    dataset = build(
        said("ukraine", "2022-03-29", cond("ua-neutral", level="neutral"), id="offer"),
        said("ukraine", "2022-09-30", cond("ua-join", level="joins", replaces=["ua-neutral"]), id="application"),
        parties=POLES,
    )
    result = diff(dataset, ["ukraine"], None, None)
    assert str(result.until) == "2022-09-30" and str(result.newest) == "2022-09-30"
    nato = issue_diff(result.parties[0])
    assert [(c.kind.value, c.chain) for c in nato.changes] == [("replaced", ("ua-neutral", "ua-join"))]
    assert nato.headline is not None
    assert (nato.headline.shift, nato.headline.rungs, str(nato.headline.since)) == (Shift.HARDER, 1, "2022-03-29")


def test_a_condition_replaced_by_two_reports_both_lineages() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", level="neutral")),
        said(
            "russia",
            "2023-03-01",
            cond("b", level="rollback", replaces=["a"]),
            cond("c", level="no-enlargement", replaces=["a"]),
        ),
    )
    nato = issue_diff(party_diff(dataset, "2023", "2023"))
    assert sorted(c.chain for c in nato.changes) == [("a", "b"), ("a", "c")]
    assert {c.kind for c in nato.changes} == {ChangeKind.REPLACED}


def test_an_issue_filter_keeps_a_condition_replaced_by_one_on_another_issue() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a", level="neutral")),
        said("russia", "2023-03-01", cond("b", "prisoners", replaces=["a"])),
    )
    found = party_diff(dataset, "2023", "2023", issue_id="nato")
    (nato,) = found.issues
    assert nato.issue.id == "nato"
    assert [(c.kind.value, c.chain) for c in nato.changes] == [("replaced", ("a", "b"))]


def test_a_reversed_window_is_refused() -> None:
    from tracker.core.errors import WindowReversed

    with pytest.raises(WindowReversed):
        diff(direction_dataset(), ["russia"], d("2025"), d("2024"))
    with pytest.raises(WindowReversed):
        compare(direction_dataset(), ["russia"], at=d("2024"), since=d("2025"))


def test_diff_and_review_classify_a_reword_at_the_same_rung_alike() -> None:
    from tracker.core.engine.review import review

    old = build(
        said("ukraine", "2022-03-01", cond("ua", level="joins")),
        said("russia", "2022-03-01", cond("ru", text="neutral")),
        parties=POLES,
    )
    new = build(
        said("ukraine", "2022-03-01", cond("ua", level="joins")),
        said("russia", "2022-03-01", cond("ru", text="neutral")),
        said("russia", "2024-03-01", cond("ru", text="strictly neutral")),
        parties=POLES,
    )
    nato = issue_diff(party_diff(new, "2024", "2024"))
    (shift,) = review(old, new, d("2024-12")).shifts
    (reviewed,) = shift.issues
    assert kinds(nato.changes) == kinds(reviewed.changes) == [("reworded", "ru")]
    assert nato.headline is not None and reviewed.headline is not None
    assert nato.headline.shift is reviewed.headline.shift is Shift.STEADY


def test_diff_reports_disputed_statements_in_the_window_and_uses_them_only_on_request() -> None:
    dataset = disputed_dataset()
    found = party_diff(dataset, "2025-06-05", "2025-06-30")
    assert [report.citation.statement_id for report in found.disputed] == ["baltic-claim"]
    assert kinds(issue_diff(found).changes) == [("unchanged", "no-enlargement")]
    found = party_diff(dataset, "2025-06-05", "2025-06-30", include_disputed=True)
    assert kinds(issue_diff(found).changes) == [("added", "baltic"), ("unchanged", "no-enlargement")]
    assert [report.citation.statement_id for report in found.disputed] == ["baltic-claim"]
    assert party_diff(dataset, "2025-06-11", "2025-06-30").disputed == ()


def test_vague_statement_falls_in_the_window_once_its_span_is_over() -> None:
    dataset = build(said("russia", "2024-03-01", cond("a")), said("russia", "2025", cond("a", text="vague")))
    # A statement dated 2025 is over only on 2025-12-31: outside the before-state of a June window.
    assert kinds(issue_diff(party_diff(dataset, "2025-06-01", "2025-12-31")).changes) == [("reworded", "a")]
    assert kinds(issue_diff(party_diff(dataset, "2025-06-01", "2025-11-30")).changes) == [("unchanged", "a")]


def test_statement_on_the_first_day_of_the_window_is_in_it() -> None:
    dataset = build(said("russia", "2022-12-31", cond("a")), said("russia", "2023-01-01", cond("b")))
    assert kinds(issue_diff(party_diff(dataset, "2023-01-01", "2023-01-01")).changes) == [
        ("added", "b"),
        ("unchanged", "a"),
    ]


def test_vague_statement_is_ordered_by_its_first_day() -> None:
    # "2025" sorts before 2025-03-01, so the dated March restatement has the last word.
    dataset = build(said("russia", "2025-03-01", cond("a")), said("russia", "2025", cond("a", text="vague")))
    assert kinds(issue_diff(party_diff(dataset, "2025-06-01", "2025-12-31")).changes) == [("reaffirmed", "a")]
    (active,) = issue_of(position(dataset, "russia", d("2025")), "nato").conditions
    assert active.condition.text == "text of a"


def test_diff_of_no_named_party_covers_every_party_in_dataset_order() -> None:
    result = diff(direction_dataset(), [], d("2024"), d("2024"))
    assert [item.party.id for item in result.parties] == ["russia", "ukraine", "usa"]
    assert result.shifted
    assert [item.shifted for item in result.parties] == [True, False, False]


def test_diff_keeps_the_order_parties_were_given() -> None:
    result = diff(direction_dataset(), ["usa", "russia"], d("2024"), d("2024"))
    assert [item.party.id for item in result.parties] == ["usa", "russia"]
    assert (result.since, result.until) == (d("2024"), d("2024"))


# ---------------------------------------------------------------------------
# compare


def compare_dataset() -> Dataset:
    return build(
        said("russia", "2022-03-01", cond("ru", level="neutral"), cond("ru-t", "territory", level="four-regions")),
        said("ukraine", "2022-03-01", cond("ua", level="joins"), cond("ua-t", "territory", level="full-withdrawal")),
        said("russia", "2025-06-10", cond("ru", level="rollback")),
        said("ukraine", "2025-06-10", cond("ua-t", "territory", level="freeze")),
    )


def test_compare_gaps_converge_and_diverge() -> None:
    result = compare(compare_dataset(), ["russia", "ukraine"], d("2025-12-31"), since=d("2024"))
    assert [position.party.id for position in result.positions] == ["russia", "ukraine"]
    assert [(gap.issue, gap.party_a, gap.party_b) for gap in result.gaps] == [
        ("nato", "russia", "ukraine"),
        ("territory", "russia", "ukraine"),
    ]
    nato, territory = result.gaps
    assert (nato.distance, nato.distance_since, nato.trend) == (3, 1, Trend.DIVERGING)
    assert (territory.distance, territory.distance_since, territory.trend) == (1, 2, Trend.CONVERGING)


def test_compare_steady_and_unknown_trends() -> None:
    dataset = compare_dataset()
    steady = compare(dataset, ["russia", "ukraine"], d("2024"), since=d("2023"))
    assert [(gap.distance, gap.trend) for gap in steady.gaps] == [(1, Trend.STEADY), (2, Trend.STEADY)]
    no_since = compare(dataset, ["russia", "ukraine"], d("2025"))
    assert [(gap.distance_since, gap.trend) for gap in no_since.gaps] == [(None, None), (None, None)]
    with_usa = compare(dataset, ["ukraine", "usa", "russia"], d("2025"), since=d("2024"))
    assert [(gap.issue, gap.party_a, gap.party_b, gap.distance, gap.trend) for gap in with_usa.gaps] == [
        # Only pairs where both hold a stance: the United States holds none here.
        ("nato", "ukraine", "russia", 3, Trend.DIVERGING),
        ("territory", "ukraine", "russia", 1, Trend.CONVERGING),
    ]


def test_compare_before_anything_was_said_has_no_distance() -> None:
    result = compare(compare_dataset(), ["russia", "ukraine"], d("2025"), since=d("2021"))
    assert [(gap.distance, gap.distance_since, gap.trend) for gap in result.gaps] == [(3, None, None), (1, None, None)]


# ---------------------------------------------------------------------------
# timeline


def timeline_dataset() -> Dataset:
    return build(
        said("russia", "2022-03-01", cond("a", text="one"), cond("p", "prisoners"), id="t1"),
        said("russia", "2022-04-01", cond("a", text="one"), id="t2"),
        said("russia", "2022-05-01", cond("a", text="two"), id="t3"),
        said("russia", "2022-06-01", cond("a", text="two", level="rollback"), id="t4"),
        said("russia", "2022-07-01", cond("b", replaces=["a"]), id="t5"),
        said(["russia", "ukraine"], "2022-08-01", withdraws=["p"], conditions=[], id="t6"),
        said("ukraine", "2022-09-01", cond("u", "prisoners"), id="t7"),
        said("russia", "2022-10-01", cond("baltic", level="rollback"), id="t8", corrections=[BALTIC | {"date": None}]),
    )


def test_timeline_describes_what_each_statement_did() -> None:
    result = timeline(timeline_dataset())
    described = [
        (event.citation.statement_id, [(item.condition_id, item.what, item.replaces) for item in event.events])
        for event in result.events
    ]
    assert described == [
        ("t1", [("a", "new", ()), ("p", "new", ())]),
        ("t2", [("a", "restated", ())]),
        ("t3", [("a", "reworded", ())]),
        ("t4", [("a", "moved", ())]),
        ("t5", [("b", "replaces", ("a",))]),
        ("t6", [("p", "withdrawn", ())]),
        ("t7", [("u", "new", ())]),
        ("t8", [("baltic", "new", ())]),  # a corrected report: listed, labelled, counted for no one
    ]
    withdrawn = result.events[5].events[0]
    assert (withdrawn.issue, withdrawn.text, withdrawn.level) == ("prisoners", "text of p", None)
    assert result.events[5].party_ids == ("russia", "ukraine")
    assert result.events[3].events[0].level == "rollback"


def test_timeline_restated_after_withdrawal_is_new() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("a")),
        said("russia", "2022-04-01", withdraws=["a"], conditions=[]),
        said("russia", "2022-05-01", cond("a")),
    )
    assert [event.events[0].what for event in timeline(dataset).events] == ["new", "withdrawn", "new"]


def test_timeline_filters_by_party_including_joint_texts() -> None:
    result = timeline(timeline_dataset(), party_id="ukraine")
    assert [event.citation.statement_id for event in result.events] == ["t6", "t7"]
    assert result.party == "ukraine"
    # Ukraine never held `p`, but the joint text still shows what it withdrew, in the co-signer's words.
    assert result.events[0].events[0].what == "withdrawn"


def test_timeline_joint_text_is_described_for_the_filtered_party() -> None:
    dataset = build(
        said("russia", "2022-03-01", cond("x", "prisoners", text="old")),
        said(["ukraine", "russia"], "2022-04-01", cond("x", "prisoners", text="new")),
    )
    as_russia = timeline(dataset, party_id="russia").events[-1].events[0]
    as_first_signer = timeline(dataset).events[-1].events[0]
    assert (as_russia.what, as_first_signer.what) == ("reworded", "new")


def test_timeline_filters_by_issue_and_drops_empty_statements() -> None:
    result = timeline(timeline_dataset(), issue_id="prisoners")
    assert [event.citation.statement_id for event in result.events] == ["t1", "t6", "t7"]
    assert [item.condition_id for item in result.events[0].events] == ["p"]
    assert result.issue == "prisoners"


def test_timeline_always_shows_disputed_statements_labelled_with_corrections() -> None:
    (shown,) = [e for e in timeline(timeline_dataset()).events if e.citation.statement_id == "t8"]
    assert shown.citation.disputed and shown.corrections
    result = timeline(timeline_dataset(), include_disputed=True)
    last = result.events[-1]
    assert last.citation.statement_id == "t8" and last.citation.disputed
    (note,) = last.corrections
    assert note.kind.value == "correction" and note.date is None
    assert note.source.publisher == "Outlet"
    assert all(event.corrections == () for event in result.events[:-1])


def test_timeline_window_keeps_earlier_state() -> None:
    result = timeline(timeline_dataset(), since=d("2022-04"), until=d("2022-06-15"))
    assert [(event.citation.statement_id, event.events[0].what) for event in result.events] == [
        ("t2", "restated"),
        ("t3", "reworded"),
        ("t4", "moved"),
    ]


def test_timeline_unknown_party_is_a_lookup_failure() -> None:
    with pytest.raises(LookupFailed):
        timeline(timeline_dataset(), party_id="ukrain")


# ---------------------------------------------------------------------------
# lookup


@pytest.mark.parametrize("name", ["russia", "Russia", "RUSSIA", "  russia ", "russian federation", "Kremlin"])
def test_resolve_party_by_id_name_or_alias(name: str) -> None:
    assert resolve_party(build(), name).id == "russia"


def test_resolve_party_by_full_name() -> None:
    assert resolve_party(build(), "united states").id == "usa"


@pytest.mark.parametrize("name", ["nato", "NATO membership", "  Nato Membership "])
def test_resolve_issue_by_id_or_title(name: str) -> None:
    assert resolve_issue(build(), name).id == "nato"


def test_lookup_miss_suggests_the_closest_id() -> None:
    with pytest.raises(LookupFailed) as caught:
        resolve_party(build(), "rusia")
    assert str(caught.value) == "unknown party `rusia`; did you mean `russia`?"
    assert (caught.value.kind, caught.value.name, caught.value.suggestion) == ("party", "rusia", "russia")


def test_lookup_miss_via_alias_suggests_the_owners_id() -> None:
    with pytest.raises(LookupFailed) as caught:
        resolve_party(build(), "Kremlyn")
    assert caught.value.suggestion == "russia"


def test_lookup_miss_without_anything_close() -> None:
    with pytest.raises(LookupFailed) as caught:
        resolve_issue(build(), "zzzz")
    assert str(caught.value) == "unknown issue `zzzz`"
    assert caught.value.suggestion is None


def test_texts_side_by_side_stand_against_each_sides_ask_and_mark_what_they_leave_out() -> None:
    from tracker.core.engine.texts import compare_texts

    dataset = build(
        said("ukraine", "2022-03-01", cond("ua", level="joins")),
        said("russia", "2022-03-01", cond("ru", level="rollback")),
        said("usa", "2022-06-01", cond("plan-n", level="neutral"), cond("plan-p", "prisoners"), id="plan"),
        said("ukraine", "2022-07-01", cond("ua-t", "territory", level="full-withdrawal"), id="counter"),
        parties=POLES,
    )
    result = compare_texts(dataset, ["plan", "counter"])
    assert [party.id for party in result.parties] == ["russia", "ukraine"]  # the two poles
    rows = {row.issue.id: row.cells for row in result.rows}
    assert list(rows) == ["nato", "territory", "prisoners"]
    plan, counter = rows["nato"]
    assert plan.stance is not None and plan.stance.ask_level == "neutral"
    assert [(a.party.id, a.distance) for a in plan.against] == [("russia", 2), ("ukraine", 1)]
    assert counter.conditions == ()  # the counter-proposal leaves NATO out
    with pytest.raises(LookupFailed, match="unknown statement `plam`; did you mean `plan`"):
        compare_texts(dataset, ["plam"])
