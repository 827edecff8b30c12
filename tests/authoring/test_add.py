"""`tracker add`: only added lines, validation first, refusal on concurrent change, atomic writes."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.conftest import MINIMAL, Writer
from tracker import authoring
from tracker.cli.app import app

# The minimal dataset, dressed with the things an editor must not lose.
DRESSED = (
    MINIMAL.replace("schema: 1", "schema: 1  # format version")
    .replace("  - id: ua-1\n", "\n  # --- Ukraine ---\n  - id: ua-1\n")
    .replace("title: Test war", "title: 'Test war'")
    .replace(
        "    speaker: {name: Dmitry Peskov, role: Kremlin spokesman}",
        "    speaker: {name: Dmitry Peskov,   role: Kremlin spokesman}",
    )
)

FLAGS = [
    "--party", "kremlin", "--date", "2022-03-20", "--speaker", "Sergei Lavrov", "--role", "Foreign Minister",
    "--publisher", "TASS", "--url", "https://tass.com/politics/9", "--basis", "on-record",
    "-c", "{issue: nato, text: Ukraine must become neutral and stay out of NATO., kind: demand, stage: settlement}",
]  # fmt: skip


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["add", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def only_added(before: str, after: str) -> list[str]:
    """The added lines; fails if any line was changed or removed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "a line was changed or removed"
    return [line[2:] for line in diff if line.startswith("+ ")]


def test_add_from_flags_adds_lines_only_in_date_order(write: Writer) -> None:
    path = write(DRESSED)
    code, _, err = run("-d", str(path), *FLAGS)
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    added = only_added(DRESSED, after)
    assert added[0] == "  - id: russia-2022-03-20-sergei-lavrov"
    assert "        level: neutral" in added  # suggested from the similar Russian condition
    # between Russia's 7 March statement and the Ukraine section's comment
    lines = after.splitlines()
    assert lines.index("  - id: russia-2022-03-20-sergei-lavrov") < lines.index("  # --- Ukraine ---")
    assert "suggested level `neutral`" in err
    assert "added 1 statement(s)" in err


def test_the_result_validates(write: Writer) -> None:
    path = write(DRESSED)
    assert run("-d", str(path), *FLAGS)[0] == 0
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stdout


def ua2_snippet(conditions: str, party: str = "ukraine") -> str:
    """A one-statement snippet: Ukraine's 2022-09-30 application, with these condition lines."""
    return f"""\
statements:
  - id: ua-2
    party: {party}
    date: 2022-09-30
    source: {{publisher: Office of the President, url: "https://president.gov.ua/x"}}
    basis: official-document
    conditions:
{conditions}"""


def test_add_from_a_snippet_on_stdin(write: Writer) -> None:
    path = write(DRESSED)
    snippet = ua2_snippet(
        "      - {id: ua-apply, issue: nato, text: Ukraine applies to join NATO., kind: demand, stage: settlement,"
        " level: joins, replaces: [ua-guarantees]}\n"
    )
    code, _, err = run("-d", str(path), "--snippet", "-", stdin=snippet)
    assert code == 0, err
    added = only_added(DRESSED, path.read_text(encoding="utf-8"))
    assert added[:2] == ["  - id: ua-2", "    party: ukraine"]
    assert "        replaces:" in added


def test_an_invalid_result_is_refused_and_nothing_is_written(write: Writer) -> None:
    path = write(DRESSED)
    bad = [*FLAGS[:-1], "{issue: natto, text: x, kind: demand, stage: settlement}"]
    code, _, err = run("-d", str(path), *bad)
    assert code == 1
    assert "unknown issue `natto`; did you mean `nato`?" in err
    assert "nothing was written" in err
    assert path.read_text(encoding="utf-8") == DRESSED


def test_missing_flags_are_a_usage_error(write: Writer) -> None:
    path = write(DRESSED)
    code, _, err = run("-d", str(path), "--party", "russia")
    assert code == 2
    assert "give --party, --date, --basis" in err


def test_a_bad_condition_flag_names_itself(write: Writer) -> None:
    path = write(DRESSED)
    code, _, err = run("-d", str(path), *FLAGS[:-1], "{issue: nato")
    assert code == 2
    assert err.startswith("--condition #1:2:1: YAML syntax: while parsing a flow mapping")


def flag_statement(**fields: str) -> dict[str, object]:
    statement: dict[str, object] = {
        "party": "russia", "date": "2022-03-20", "basis": "on-record",
        "source": {"publisher": "TASS", "url": "https://tass.com/politics/9"},
        "conditions": [{"issue": "nato", "text": "Ukraine must become neutral and stay out of NATO.",
                        "kind": "demand", "stage": "settlement"}],
    }  # fmt: skip
    statement.update(fields)
    return statement


def test_refuses_when_the_file_changed_on_disk_meanwhile(write: Writer) -> None:
    path = write(DRESSED)
    addition = authoring.prepare(path, [flag_statement()])
    path.write_text(DRESSED + "# edited elsewhere\n", encoding="utf-8")
    with pytest.raises(authoring.AddError, match="changed on disk"):
        authoring.write(addition)
    assert path.read_text(encoding="utf-8") == DRESSED + "# edited elsewhere\n"


def test_the_confirm_callback_decides_each_suggestion(write: Writer) -> None:
    path = write(DRESSED)
    questions: list[tuple[str, bool]] = []

    def refuse(question: str, default: bool) -> bool:
        questions.append((question, default))
        return False

    with pytest.raises(authoring.InvalidResult):  # without the suggested level, the condition lacks one
        authoring.prepare(path, [flag_statement()], refuse)
    assert [question.split(" ", 1)[0] for question, _ in questions] == ["Restate", "Level"]
    addition = authoring.prepare(path, [flag_statement()], lambda question, default: True)
    assert "        level: neutral" in only_added(DRESSED, addition.text)
    assert path.read_text(encoding="utf-8") == DRESSED  # prepare writes nothing


def test_several_statements_are_placed_in_order_with_distinct_ids(write: Writer) -> None:
    path = write(DRESSED)
    statements = [flag_statement(date="2022-03-21"), flag_statement(date="2022-03-20"), flag_statement()]
    addition = authoring.prepare(path, statements)
    added = only_added(DRESSED, addition.text)
    ids = [line for line in added if line.startswith("  - id: ")]
    assert ids == [
        "  - id: russia-2022-03-20-tass",
        "  - id: russia-2022-03-20-tass-2",
        "  - id: russia-2022-03-21-tass",
    ]
    assert addition.count == 3
    lines = addition.text.splitlines()
    assert [f"{path}: statement placed at line {lines.index(i) + 1}" for i in ids] == sorted(
        [n for n in addition.notes if "placed" in n], key=lambda n: int(n.rsplit(" ", 1)[1])
    )


def test_an_invalid_result_raises_with_every_problem(write: Writer) -> None:
    path = write(DRESSED)
    with pytest.raises(authoring.InvalidResult) as caught:
        authoring.prepare(path, [flag_statement(basis="hearsay"), flag_statement(party="nobody")])
    assert caught.value.exit_code == 1
    assert len(caught.value.problems) >= 2


@pytest.mark.parametrize("step", ["write", "fsync", "link", "replace"])
def test_a_failure_at_any_step_leaves_the_old_file_and_no_temporary(
    write: Writer, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = write(DRESSED)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, broken)  # tracker.files calls os.<step>
    code, _, err = run("-d", str(path), *FLAGS)
    assert code == 2
    assert "cannot write" in err and "the file is unchanged" in err
    assert path.read_text(encoding="utf-8") == DRESSED
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_dry_run_prints_and_writes_nothing(write: Writer) -> None:
    path = write(DRESSED)
    code, out, _ = run("-d", str(path), *FLAGS, "--dry-run")
    assert code == 0
    assert "  - id: russia-2022-03-20-sergei-lavrov" in out
    assert path.read_text(encoding="utf-8") == DRESSED


def test_an_empty_directory_is_no_dataset_to_add_to(tmp_path: Path) -> None:
    code, _, err = run("-d", str(tmp_path), *FLAGS)
    assert code == 2
    assert "directory holds no *.yaml or *.yml files" in err


def test_an_existing_invalid_dataset_is_not_touched(write: Writer) -> None:
    path = write(DRESSED.replace("party: ukraine", "party: ukrane"))
    code, _, err = run("-d", str(path), *FLAGS)
    assert code == 2
    assert "has problems already" in err


def test_permissions_are_kept(write: Writer) -> None:
    path = write(DRESSED)
    os.chmod(path, 0o640)
    assert run("-d", str(path), *FLAGS)[0] == 0
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_malformed_snippet_is_reported_not_a_traceback(write: Writer) -> None:
    path = write(DRESSED)
    snippet = "statements: [{party: russia, date: 2025-01-01, conditions: 5}]\n"
    code, _, err = run("-d", str(path), "--snippet", "-", stdin=snippet)
    assert code == 1
    assert "expected a list, not the number 5" in err
    assert path.read_text(encoding="utf-8") == DRESSED


def directory_dataset(tmp_path: Path) -> tuple[Path, Path]:
    """A dataset folder: the parties, issues and sources in one file, the statements that
    cite them in another (returned second)."""
    head, statements = MINIMAL.split("statements:\n")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a-taxonomy.yaml").write_text(head, encoding="utf-8")
    target = folder / "b-statements.yaml"
    target.write_text("schema: 1\nstatements:\n" + statements, encoding="utf-8")
    return folder, target


def test_add_into_one_file_of_a_directory_dataset_is_validated_with_the_whole_directory(tmp_path: Path) -> None:
    folder, target = directory_dataset(tmp_path)
    before = target.read_text(encoding="utf-8")
    code, _, err = run("-d", str(folder), *FLAGS)
    assert (code, err) == (
        2,
        f"tracker: error: {folder} is a directory dataset; say which of its files to add to with --into FILE\n",
    )
    code, _, err = run("-d", str(folder), "--into", str(folder / "nope.yaml"), *FLAGS)
    assert code == 2 and "is not one of the files of the dataset" in err
    code, _, err = run("-d", str(folder), "--into", str(target), *FLAGS)
    assert code == 0, err
    added = only_added(before, target.read_text(encoding="utf-8"))
    assert "  - id: russia-2022-03-20-sergei-lavrov" in added
    assert (folder / "a-taxonomy.yaml").read_text(encoding="utf-8") == MINIMAL.split("statements:\n")[0]
    assert CliRunner().invoke(app, ["validate", str(folder)]).exit_code == 0


def test_a_text_with_a_blank_line_adds_no_trailing_spaces(write: Writer) -> None:
    # a paragraph break inside a text becomes a blank line of a block scalar, and it stays
    # empty: an indented blank line would leave trailing spaces in the user's file
    path = write(DRESSED)
    snippet = ua2_snippet("""\
      - id: ua-apply
        issue: nato
        text: "Ukraine applies to join NATO.\\n\\nThe application is accelerated."
        kind: demand
        stage: settlement
        level: joins
""")
    code, _, err = run("-d", str(path), "--snippet", "-", stdin=snippet)
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line != line.rstrip()] == []
    assert "" in only_added(DRESSED, after)  # the blank line is there, and empty
    loaded = yaml.safe_load(after)
    [added] = [s for s in loaded["statements"] if s["id"] == "ua-2"]
    assert added["conditions"][0]["text"] == "Ukraine applies to join NATO.\n\nThe application is accelerated."
