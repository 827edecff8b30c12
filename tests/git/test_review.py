"""`tracker review` in real temporary git repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from tests.conftest import LATER_STATEMENT, MINIMAL, REPO
from tracker.cli.app import app


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the minimal dataset; cwd inside it."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "positions.yaml").write_text(MINIMAL, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def commit(repo: Path, text: str, message: str = "change", name: str = "positions.yaml") -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *args, "--color", "never"])
    return result.exit_code, result.stdout, result.stderr


def test_added_statement_is_named_with_the_shift_it_causes(repo: Path) -> None:
    commit(repo, MINIMAL + LATER_STATEMENT)
    code, out, err = run("HEAD~1", "HEAD")
    assert code == 0, err
    assert "+ added    ru-2" in out
    assert "Russia on NATO: 1 rung harder, from “Neutral” to “No enlargement”" in out
    assert "Gap to Ukraine: 0 → 1 rung." in out
    assert "gap on nato, russia ↔ ukraine: 0 → 1 (diverging)" in out


def test_review_in_markdown_and_json(repo: Path) -> None:
    commit(repo, MINIMAL + LATER_STATEMENT)
    code, out, _ = run("HEAD~1", "--format", "markdown")
    assert code == 0
    assert "**1 statement(s) added, 0 edited, 0 removed;" in out
    assert "- Russia on NATO: 1 rung harder, from “Neutral” to “No enlargement”" in out
    code, out, _ = run("HEAD~1", "--format", "json")
    data = json.loads(out)["data"]
    assert [(e["kind"], e["statement_id"]) for e in data["edits"]] == [("added", "ru-2")]
    [shift] = data["shifts"]
    assert shift["party"]["id"] == "russia"
    assert [(c["kind"], c["chain"]) for c in shift["issues"][0]["changes"]] == [("replaced", ["ru-neutral", "ru-halt"])]


def test_edited_and_removed_statements_are_matched_by_id_not_position(repo: Path) -> None:
    edited = MINIMAL.replace("Ukraine becomes neutral.", "Ukraine stays neutral for ever.")
    # move ua-1 above ru-1: a position change alone is not an edit
    head, statements = edited.split("statements:\n")
    ru, ua = statements.split("  - id: ua-1\n")
    commit(repo, head + "statements:\n  - id: ua-1\n" + ua + ru)
    code, out, _ = run("HEAD~1", "--format", "json")
    assert code == 0
    edits = json.loads(out)["data"]["edits"]
    assert [(e["kind"], e["statement_id"], e["conditions_changed"]) for e in edits] == [
        ("edited", "ru-1", ["ru-neutral"])
    ]
    commit(repo, head + "statements:\n  - id: ua-1\n" + ua)
    code, out, _ = run("HEAD~1", "--format", "json")
    assert code == 0
    edits = json.loads(out)["data"]["edits"]
    assert [(e["kind"], e["statement_id"]) for e in edits] == [("removed", "ru-1")]


def test_working_tree_is_the_default_head(repo: Path) -> None:
    (repo / "positions.yaml").write_text(MINIMAL + LATER_STATEMENT, encoding="utf-8")
    code, out, _ = run("HEAD")
    assert code == 0
    assert "→ working tree" in out and "ru-2" in out


def test_a_moved_file_is_followed(repo: Path) -> None:
    (repo / "data").mkdir()
    git(repo, "mv", "positions.yaml", "data/positions.yaml")
    git(repo, "commit", "-q", "-m", "move")
    code, out, err = run("HEAD~1", "HEAD", "--data", "data/positions.yaml")
    assert code == 0, err
    assert "0 statement(s) added, 0 edited, 0 removed" in out


def test_a_file_split_into_a_directory_is_followed(repo: Path) -> None:
    head, statements = MINIMAL.split("statements:\n")
    (repo / "data").mkdir()
    git(repo, "mv", "positions.yaml", "data/a-base.yaml")
    (repo / "data" / "a-base.yaml").write_text(head, encoding="utf-8")
    (repo / "data" / "b-statements.yaml").write_text("schema: 1\nstatements:\n" + statements, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "split")
    code, out, err = run("HEAD~1", "HEAD", "--data", "data")
    assert code == 0, err
    assert "0 statement(s) added, 0 edited, 0 removed" in out


def test_a_dataset_added_in_the_change_counts_everything_as_added(repo: Path) -> None:
    git(repo, "rm", "-q", "positions.yaml")
    git(repo, "commit", "-q", "-m", "remove")
    commit(repo, MINIMAL, "add again")
    code, out, _ = run("HEAD~1", "HEAD")
    assert code == 0
    assert "2 statement(s) added" in out


def test_an_invalid_head_says_which_side_and_why(repo: Path) -> None:
    commit(repo, MINIMAL.replace("party: ukraine", "party: ukrane"))
    code, out, err = run("HEAD~1", "HEAD")
    assert code == 1
    assert "The head side (HEAD" in out
    assert "positions.yaml:46:12: unknown party `ukrane`; did you mean `ukraine`?" in out
    assert "problem(s)" in err


def test_an_invalid_base_is_reported_but_does_not_fail(repo: Path) -> None:
    commit(repo, MINIMAL.replace("party: ukraine", "party: ukrane"), "break")
    commit(repo, MINIMAL, "fix")
    code, out, _ = run("HEAD~1", "HEAD")
    assert code == 0
    assert "The base side (HEAD~1" in out


def test_unknown_revision(repo: Path) -> None:
    code, out, err = run("no-such-branch")
    assert code == 2
    assert out == ""
    assert err == "tracker: error: unknown revision `no-such-branch`\n"


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # ignore repositories above
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        code, _, err = run("HEAD")
    finally:
        os.chdir(old)
    assert code == 2
    assert "is not inside a git repository" in err


def test_git_missing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    code, _, err = run("HEAD")
    assert code == 2
    assert err == "tracker: error: git is not installed or not on PATH\n"


def _whole_dataset_change(repo: Path) -> None:
    commit(repo, (REPO / "positions.yaml").read_text(encoding="utf-8"), "whole dataset")


def test_whole_shipped_dataset_review_fits_a_pr_comment_and_is_valid_gfm(repo: Path) -> None:
    _whole_dataset_change(repo)
    code, out, _ = run("HEAD~1", "HEAD", "--format", "markdown", "--max-chars", "65536")
    assert code == 0
    assert len(out) <= 65536
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    opened = sum(1 for t in tokens if t.type == "table_open")
    closed = sum(1 for t in tokens if t.type == "table_close")
    assert opened == closed >= 1
    assert out.count("<details>") == out.count("</details>")


def test_small_limit_cuts_whole_sections_with_a_visible_note(repo: Path) -> None:
    _whole_dataset_change(repo)
    code, out, _ = run("HEAD~1", "HEAD", "--format", "markdown", "--max-chars", "4000")
    assert code == 0
    assert len(out) <= 4000
    assert "Truncated" in out or "not shown" in out
    assert out.count("<details>") == out.count("</details>")
    for line in out.splitlines():  # no table was cut mid-row
        assert not line.startswith("|") or line.endswith("|")
