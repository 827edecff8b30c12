"""The loader: valid files load through the fast pass, directories merge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Writer
from tracker.core.dataset import Dataset
from tracker.core.problems import DatasetError
from tracker.load.loader import load_dataset

TODAY = date(2026, 11, 27)


def load(path: Path) -> Dataset:
    return load_dataset(path, today=TODAY)


def test_minimal_dataset_loads(write: Writer, minimal_yaml: str) -> None:
    dataset = load(write(minimal_yaml))
    assert dataset.conflict is not None and dataset.conflict.id == "test-war"
    assert [p.id for p in dataset.parties] == ["russia", "ukraine"]
    assert [s.id for s in dataset.statements] == ["ru-1", "ua-1"]
    assert dataset.issues_by_id["nato"].level_index("no-enlargement") == 2


def test_yaml_12_strings_stay_text(write: Writer, minimal_yaml: str) -> None:
    # `no` and `1:20` are booleans and numbers in YAML 1.1 only; in 1.2 they are text
    text = minimal_yaml.replace("text: Ukraine becomes neutral.", "text: no")
    text = text.replace("title: Interview", "title: 1:20")
    dataset = load(write(text))
    assert dataset.statements[0].statement.conditions[0].text == "no"
    assert dataset.sources[0].title == "1:20"


def test_an_unquoted_number_where_text_is_expected_asks_for_quotes(write: Writer, minimal_yaml: str) -> None:
    # YAML 1.2 reads these as a number and a flag, and so do the JSON Schema and editors:
    # tracker agrees with them and names the fix, at the value's line
    text = minimal_yaml.replace("id: ru-neutral", "id: 0777").replace("title: Interview", "title: true")
    with pytest.raises(DatasetError) as caught:
        load(write(text))
    messages = [f"{p.line}: {p.message}" for p in caught.value.problems]
    line = text.splitlines().index(next(x for x in text.splitlines() if "id: 0777" in x)) + 1
    assert f'{line}: YAML reads `0777` as the number 777, not text; quote it: "0777"' in messages
    assert any(m.endswith('YAML reads `true` as true/false, not text; quote it: "true"') for m in messages)


def test_on_and_yes_are_not_booleans(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("text: Exchange all prisoners for all.", "text: on")
    dataset = load(write(text))
    assert dataset.statements[1].statement.conditions[1].text == "on"


def test_bom_is_ignored(write: Writer, minimal_yaml: str) -> None:
    dataset = load(write(b"\xef\xbb\xbf" + minimal_yaml.encode()))
    assert dataset.conflict is not None


def test_a_bare_year_is_a_date_with_year_precision(write: Writer, minimal_yaml: str) -> None:
    dataset = load(write(minimal_yaml.replace("date: 2022-03-07", "date: 2021")))
    first = dataset.statements[0].statement
    assert str(first.date) == "2021"
    assert first.date.precision.value == "year"


def test_aliases_within_bounds_are_fine(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "    speaker: {name: Dmitry Peskov, role: Kremlin spokesman}",
        "    speaker: &peskov {name: Dmitry Peskov, role: Kremlin spokesman}",
    ).replace("    basis: official-document", "    speaker: *peskov\n    basis: official-document")
    dataset = load(write(text))
    speaker = dataset.statements[1].statement.speaker
    assert speaker is not None and speaker.name == "Dmitry Peskov"


def test_directory_of_files_forms_one_dataset(tmp_path: Path, minimal_yaml: str) -> None:
    head, statements = minimal_yaml.split("statements:\n")
    (tmp_path / "a-base.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "b-statements.yaml").write_text("schema: 1\nstatements:\n" + statements, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not yaml: [", encoding="utf-8")
    dataset = load(tmp_path)
    assert len(dataset.statements) == 2
    assert {f for f, _ in dataset.files} == {str(tmp_path / "a-base.yaml"), str(tmp_path / "b-statements.yaml")}


def test_directory_problems_name_the_right_file(tmp_path: Path, minimal_yaml: str) -> None:
    head, statements = minimal_yaml.split("statements:\n")
    (tmp_path / "a.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "schema: 1\nstatements:\n" + statements.replace("party: ukraine", "party: ukrain"), encoding="utf-8"
    )
    with pytest.raises(DatasetError) as caught:
        load(tmp_path)
    [problem] = caught.value.problems
    assert problem.file == str(tmp_path / "b.yaml")
    assert problem.line == 17
    assert "unknown party `ukrain`; did you mean `ukraine`?" in problem.message


def test_conflict_defined_twice_in_a_directory(tmp_path: Path, minimal_yaml: str) -> None:
    (tmp_path / "a.yaml").write_text(minimal_yaml, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("schema: 1\nconflict: {id: other, title: Other}\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load(tmp_path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(tmp_path / "b.yaml"), 2)
    assert "already defined" in problem.message


def test_empty_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(DatasetError) as caught:
        load(tmp_path)
    assert caught.value.unreadable


def test_statements_sort_by_date_then_file_order(write: Writer, minimal_yaml: str) -> None:
    text = minimal_yaml.replace("date: 2022-03-29", "date: 2022-03-07")
    dataset = load(write(text))
    assert [s.id for s in dataset.statements] == ["ru-1", "ua-1"]
    text = minimal_yaml.replace("date: 2022-03-29", "date: 2022-03")
    dataset = load(write(text))
    assert [s.id for s in dataset.statements] == ["ua-1", "ru-1"]


def test_models_accept_python_dates_from_other_yaml_loaders(minimal_yaml: str) -> None:
    import yaml

    from tracker.core.file_format import validate_records

    content = validate_records(yaml.safe_load(minimal_yaml))  # YAML 1.1: dates become `date`
    assert str(content.statements[0].date) == "2022-03-07"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("!tag x", True),
        ("key: !!python/object:os.system x", True),
        ("a: [!x y]", True),
        ("a: {b: 1,!c d}", True),
        ("a:\n\t!x", True),
        ("text: Stop now! Now!\nnext: yes!", False),
        ("no bang at all", False),
        ("", False),
    ],
)
def test_tag_detection_sends_only_possible_tags_to_the_precise_pass(text: str, expected: bool) -> None:
    from tracker.load.loader import fast_pass_allowed

    assert fast_pass_allowed(text) is not expected


def test_a_fast_pass_failure_is_counted_and_shown_under_tracker_debug(
    write: Writer, minimal_yaml: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tracker.load import loader

    path = write(minimal_yaml.replace("basis: on-record", "basis: on-the-record"))
    before = sum(loader.FAST_PASS_FAILURES.values())
    with pytest.raises(DatasetError):
        load(path)
    assert sum(loader.FAST_PASS_FAILURES.values()) == before + 1
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("TRACKER_DEBUG", "1")
    with pytest.raises(DatasetError):
        load(path)
    err = capsys.readouterr().err
    assert err.startswith(f"tracker: debug: {path}: fast pass gave up (ValidationError: ")
    assert err.endswith("; reading it again\n") and err.count("\n") == 1
