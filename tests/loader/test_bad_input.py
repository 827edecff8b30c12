"""Every class of bad input gets FILE:LINE:COL and a clear message, never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Writer
from tracker.core.problems import DatasetError, Problem
from tracker.load import text as text_module
from tracker.load.loader import load_dataset

TODAY = date(2026, 11, 27)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path, today=TODAY)
    return caught.value.problems


def where(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in problems]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- YAML safety -----------------------------------------------------------


def test_python_tags_never_run(write: Writer, minimal_yaml: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = minimal_yaml.replace("title: Test war", f"title: !!python/object/apply:os.system ['touch {marker}']")
    problem = only(problems_of(write(text)))
    assert not marker.exists()
    assert problem.line == 5
    assert "tag tag:yaml.org,2002:python/object/apply:os.system is not supported" in problem.message


def test_custom_and_binary_tags_are_refused(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("title: Test war", "title: !include /etc/passwd").replace(
        "title: Interview", "title: !!binary aGVsbG8="
    )
    found = where(problems_of(write(text)))
    assert [line for line, _ in found] == [5, 29]
    assert all("is not supported" in message for _, message in found)


def test_duplicate_keys_are_rejected(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("  title: Test war\n", "  title: Test war\n  title: Other war\n")
    problem = only(problems_of(write(text)))
    assert (problem.line, problem.column) == (6, 3)
    assert problem.message == "duplicate key `title` (first on line 5)"


def test_billion_laughs_is_refused_quickly(write: Writer) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    problem = only(problems_of(write("\n".join(lines) + "\n")))
    assert "aliases expand to more than" in problem.message
    assert problem.line is not None and problem.line <= 10


def test_deep_nesting_is_refused(write: Writer) -> None:
    problem = only(problems_of(write("schema: " + "[" * 5000 + "]" * 5000 + "\n")))
    assert problem.line == 1
    assert "nesting" in problem.message


def test_huge_file_is_refused_before_parsing(write: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "MAX_FILE_BYTES", 1000)
    path = write("# " + "x" * 2000 + "\n")
    with pytest.raises(DatasetError) as caught:
        load_dataset(path, today=TODAY)
    assert caught.value.unreadable
    assert "larger than" in caught.value.problems[0].message


def test_invalid_utf8_names_line_and_column(write: Writer, minimal_yaml: str) -> None:
    data = minimal_yaml.encode().replace(b"Test war", b"Test \xff war")
    problem = only(problems_of(write(data)))
    assert (problem.line, problem.column) == (5, 15)
    assert "invalid UTF-8" in problem.message


def test_utf16_file_is_named_as_such(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.encode("utf-16"))))
    assert problem.line == 1
    assert "UTF-16" in problem.message


def test_syntax_error_has_its_line(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("aliases: [Kyiv]", "aliases: [Kyiv")
    problem = only(problems_of(write(text)))
    # the parser notices on the next line, and the message names where it began
    assert problem.message.startswith("YAML syntax: while parsing a flow sequence (line 25)")
    assert problem.line == 26


def test_tab_indentation_is_a_syntax_error(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("  title: Test war", "\ttitle: Test war"))))
    assert problem.line == 5


def test_second_document_is_refused(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml + "---\nschema: 1\n")))
    assert problem.line == 62
    assert "second YAML document" in problem.message


def test_empty_file(write: Writer) -> None:
    problem = only(problems_of(write("# nothing here\n")))
    assert "the file is empty" in problem.message


def test_root_must_be_a_mapping(write: Writer) -> None:
    problem = only(problems_of(write("- a\n- b\n")))
    assert "the file is a list" in problem.message


def test_keys_must_be_text(write: Writer, minimal_yaml: str) -> None:
    problem = only(
        problems_of(write(minimal_yaml.replace("  title: Test war", "  ? [a, b]\n  : x\n  title: Test war")))
    )
    assert (problem.line, problem.message) == (5, "a key must be plain text")


def test_control_characters_in_text_are_refused(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("title: Test war", 'title: "Test \\e[31mwar"'))))
    assert problem.line == 5
    assert "U+001B" in problem.message


# --- shape -------------------------------------------------------------------


def test_unknown_key_suggests_the_right_one(write: Writer, minimal_yaml: str) -> None:
    found = problems_of(write(minimal_yaml.replace("    basis: on-record", "    basys: on-record")))
    assert [(p.line, p.column, p.message) for p in found] == [
        (32, 5, "missing required key `basis`"),
        (37, 5, "unknown key `basys`; did you mean `basis`?"),
    ]


def test_missing_key_points_at_its_mapping(write: Writer, minimal_yaml: str) -> None:
    found = where(problems_of(write(minimal_yaml.replace("    basis: on-record\n", ""))))
    assert found == [(32, "missing required key `basis`")]


def test_bad_enum_value_suggests(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("kind: offer", "kind: ofer"))))
    assert problem.line == 54
    assert "did you mean `offer`?" in problem.message


def test_bad_id_and_url(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("id: ua-1", "id: UA 1").replace("https://reuters.com/a", "javascript:alert(1)")
    found = where(problems_of(write(text)))
    assert [line for line, _ in found] == [45, 48]
    assert "is not a valid id" in found[0][1]
    assert "is not an http:// or https:// address" in found[1][1]


def test_a_mirror_needs_an_http_address_and_a_publisher(write: Writer, minimal_yaml: str) -> None:
    original = 'source: {publisher: Reuters, url: "https://reuters.com/a"}'
    mirrored = original[:-1] + ', via: {publisher: daily8, url: "ftp://daily8.com/a"}}'
    problem = only(problems_of(write(minimal_yaml.replace(original, mirrored))))
    assert problem.line == 48
    assert "is not an http:// or https:// address" in problem.message
    unnamed = original[:-1] + ', via: {url: "https://daily8.com/a"}}'
    assert (
        "missing required key `publisher`" in only(problems_of(write(minimal_yaml.replace(original, unnamed)))).message
    )


def test_impossible_and_malformed_dates(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("date: 2022-03-07", "date: 2022-02-30").replace("date: 2022-03-29", "date: 29.03.2022")
    assert where(problems_of(write(text))) == [
        (34, "2022-02 has no day 30"),
        (47, "'29.03.2022' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"),
    ]


def test_party_and_parties_together(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("    party: ukraine\n", "    party: ukraine\n    parties: [ukraine, russia]\n")
    problem = only(problems_of(write(text)))
    assert problem.line == 45
    assert "either `party`" in problem.message


def test_unsupported_schema_version(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("schema: 1", "schema: 2"))))
    assert (problem.line, problem.message) == (2, "unsupported schema version 2; this tracker reads version 1")


# --- references and lineage ----------------------------------------------------


def test_unknown_references(write: Writer, minimal_yaml: str) -> None:
    text = (
        minimal_yaml.replace("party: russia", "party: rusia")
        .replace("source: tass-1", "source: tass-2")
        .replace("issue: prisoners", "issue: prisoner")
        .replace("level: neutral\n      - id: ua-all", "level: neutrall\n      - id: ua-all")
    )
    assert where(problems_of(write(text))) == [
        (33, "unknown party `rusia`; did you mean `russia`?"),
        (36, "unknown source `tass-2`; did you mean `tass-1`?"),
        (56, "`neutrall` is not a level of `nato`; did you mean `neutral`?"),
        (58, "unknown issue `prisoner`; did you mean `prisoners`?"),
    ]


def test_level_rules(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("        level: neutral\n  - id: ua-1", "  - id: ua-1").replace(
        "        stage: ceasefire\n", "        stage: ceasefire\n        level: neutral\n"
    )
    found = where(problems_of(write(text)))
    assert found[0][0] == 39 and "needs a `level`" in found[0][1]
    assert found[1] == (61, "issue `prisoners` has no ladder, so a condition on it takes no `level`")


def test_replaces_and_withdraws_must_name_an_earlier_condition_of_the_same_party(
    write: Writer, minimal_yaml: str
) -> None:
    text = minimal_yaml.replace(
        "        stage: ceasefire\n",
        "        stage: ceasefire\n        replaces: [ru-neutral]\n    withdraws: [ua-guarantee]\n",
    )
    assert where(problems_of(write(text))) == [
        (62, "`ru-neutral` is not a condition `ukraine` stated earlier"),
        (63, "`ua-guarantee` is not a condition `ukraine` stated earlier"),
    ]


def test_replacing_a_later_condition_is_refused(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("date: 2022-03-29", "date: 2022-03-01").replace(
        "        stage: ceasefire\n", "        stage: ceasefire\n        replaces: [ua-guarantees]\n"
    )
    # replacing a condition stated in the same statement is not "earlier"
    assert where(problems_of(write(text)))[0][0] == 62


def test_duplicate_ids(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("id: ua-1", "id: ru-1").replace(
        "id: ua-all-for-all\n        issue: prisoners", "id: ua-guarantees\n        issue: nato"
    )
    text = text.replace("stage: ceasefire", "stage: ceasefire\n        level: joins")
    problems = problems_of(write(text))
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (45, "duplicate id `ru-1`"),
        (57, "duplicate condition id `ua-guarantees`"),
    ]


def test_future_dates(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("date: 2022-03-29", "date: 2027-01"))))
    assert (problem.line, problem.message) == (47, "date 2027-01 is in the future (today is 2026-11-27)")


def test_ambiguous_alias(write: Writer, minimal_yaml: str) -> None:
    problem = only(problems_of(write(minimal_yaml.replace("aliases: [Kyiv]", "aliases: [Kyiv, moscow]"))))
    assert problem.line == 25
    assert "already names party `russia`" in problem.message


def test_three_problems_in_three_places_are_all_reported(write: Writer, minimal_yaml: str) -> None:
    text = (
        minimal_yaml.replace("category: security", "category: securty")
        .replace("basis: on-record", "basis: on-the-record")
        .replace("party: ukraine", "party: ukrane")
    )
    assert [p.line for p in problems_of(write(text))] == [9, 37, 46]


def test_a_bad_enum_value_does_not_hide_a_bad_ladder_level_on_the_same_condition(
    write: Writer, minimal_yaml: str
) -> None:
    text = minimal_yaml.replace(
        "        kind: demand\n        stage: settlement\n        level: neutral",
        "        kind: demnad\n        stage: settlement\n        level: neutrall",
        1,
    )
    text = text.replace("    basis: official-document", "    basis: oficial-document")
    text = text.replace(
        "        stage: settlement\n        level: neutral\n      - id: ua-all",
        "        stage: settlement\n      - id: ua-all",
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset(write(text), today=date(2026, 1, 1))
    messages = [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]
    assert messages == [
        "42:15: `demnad` is not one of `demand`, `offer` or `red-line`; did you mean `demand`?",
        "44:16: `neutrall` is not a level of `nato`; did you mean `neutral`?",
        "49:12: `oficial-document` is not one of `official-document`, `on-record`, `reported-by-sources` or `media-report`; did you mean `official-document`?",
        "51:9: condition `ua-guarantees` is on laddered issue `nato` and needs a `level` (one of: joins, neutral, no-enlargement)",
    ]


def test_a_malformed_level_is_reported_once(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "        kind: demand\n        stage: settlement\n        level: neutral",
        "        kind: demnad\n        stage: settlement\n        level: Neutral!",
        1,
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset(write(text), today=date(2026, 1, 1))
    assert len(caught.value.problems) == 2
    assert "not a valid id" in caught.value.problems[1].message


def test_a_speaker_listed_for_two_parties_is_ambiguous(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("aliases: [Kyiv]", "aliases: [Kyiv]\n    speakers: [Moscow]")
    problem = only(problems_of(write(text)))
    assert problem.line == 26
    assert "already names party `russia`" in problem.message


def test_a_name_listed_twice_for_one_party_is_a_problem(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("aliases: [Kyiv]", "aliases: [Kyiv, kyiv]")
    problem = only(problems_of(write(text)))
    assert problem.line == 25
    assert "`kyiv` is listed twice for party `ukraine`" in problem.message
