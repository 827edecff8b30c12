"""The action's shell steps, run as GitHub would run them, in real temporary git repositories.

setup-python and the pip install are not run: the tracker installed next to the test
interpreter is on PATH instead (the install step has its own test, with a stand-in pip).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.ci.github import ACTION, REPO, VENV_BIN, Runner, git, load, run_action
from tests.conftest import LATER_STATEMENT, MINIMAL
from tracker.load.loader import load_dataset

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# One statement appended to the shipped positions.yaml (statements come last in it).
SHIPPED_ADDITION = """
  - id: ru-2025-12-01-ci-fixture
    party: russia
    date: 2025-12-01
    source: {publisher: TASS, url: "https://tass.com/politics/ci-fixture"}
    basis: on-record
    conditions:
      - id: ru-ci-fixture-no-enlargement
        issue: nato
        level: no-nato-enlargement
        kind: demand
        stage: settlement
        text: NATO stops enlarging.
"""


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    loaded: dict[str, Any] = load(ACTION)
    return loaded


def make_runner(tmp_path: Path, workspace: Path) -> Runner:
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    return Runner(workspace=workspace, temp=temp, summary=temp / "step-summary.md")


def commit(repo: Path, text: str, name: str = "positions.yaml", message: str = "change") -> str:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    return path


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A repository: the shipped positions.yaml, then a commit adding one statement."""
    repo = new_repo(tmp_path / "repo")
    shipped = (REPO / "positions.yaml").read_text(encoding="utf-8")
    commit(repo, shipped, message="base")
    commit(repo, shipped.rstrip("\n") + "\n" + SHIPPED_ADDITION, message="add a statement")
    return repo


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A repository whose first commit holds tests/conftest.py's MINIMAL dataset."""
    repo = new_repo(tmp_path / "repo")
    commit(repo, MINIMAL, message="base")
    return repo


def test_the_review_of_an_added_statement_goes_to_the_job_summary(
    tmp_path: Path, shipped: Path, action: dict[str, Any]
) -> None:
    runner = make_runner(tmp_path, shipped)
    base = git(shipped, "rev-parse", "HEAD~1").strip()
    result = run_action(runner, action, base=base)

    assert result.validate.code == 0, result.validate.stderr
    shipped_count = len(load_dataset(REPO / "positions.yaml", today=date.today()).statements)
    assert f"positions.yaml: valid ({shipped_count + 1} statements" in result.validate.stdout
    assert result.review.code == 0, result.review.stderr
    assert not result.failed
    summary = result.summary
    assert summary.startswith("## Dataset review: ")
    assert base[:10] in summary.splitlines()[0].replace("&#8203;", "")  # shown whole, not linked
    assert "1 statement(s) added, 0 edited, 0 removed" in summary
    assert "<details>" in summary
    assert "`ru-2025-12-01-ci-fixture`" in summary
    assert "`ru-ci-fixture-no-enlargement`" in summary
    assert len(summary) <= 1_000_000
    # The log says where the review went; the Markdown itself is only in the summary.
    assert "written to the job summary" in result.review.stdout
    assert "ru-2025-12-01-ci-fixture" not in result.review.stdout


def test_the_summary_is_appended_to_not_replaced(tmp_path: Path, shipped: Path, action: dict[str, Any]) -> None:
    runner = make_runner(tmp_path, shipped)
    runner.summary.write_text("# Written by an earlier step\n\n", encoding="utf-8")
    result = run_action(runner, action, base="HEAD~1")
    assert result.review.code == 0, result.review.stderr
    assert result.summary.startswith("# Written by an earlier step\n\n## Dataset review: ")


def test_a_pull_request_base_several_commits_back_reviews_them_all(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    base = git(minimal, "rev-parse", "HEAD").strip()
    commit(minimal, MINIMAL + LATER_STATEMENT)
    third = LATER_STATEMENT.replace("ru-2", "ru-3").replace("ru-halt", "ru-halt-3").replace("2025-06-09", "2025-07-01")
    commit(minimal, MINIMAL + LATER_STATEMENT + third.replace("[ru-neutral]", "[ru-halt]"))
    result = run_action(make_runner(tmp_path, minimal), action, base=base)
    assert result.review.code == 0, result.review.stderr
    assert "2 statement(s) added, 0 edited, 0 removed" in result.summary
    assert "`ru-2`" in result.summary
    assert "`ru-3`" in result.summary


@pytest.mark.parametrize("base", ["", "0" * 40], ids=["empty", "zeros"])
def test_an_empty_or_all_zero_base_means_the_previous_commit(
    tmp_path: Path, minimal: Path, action: dict[str, Any], base: str
) -> None:
    commit(minimal, MINIMAL + LATER_STATEMENT)
    result = run_action(make_runner(tmp_path, minimal), action, base=base)
    assert result.review.code == 0, result.review.stderr
    assert result.summary.startswith("## Dataset review: HEAD\\~1")
    assert "`ru-2`" in result.summary


def test_an_invalid_dataset_fails_the_action_and_the_review_still_lists_the_problems(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    commit(minimal, MINIMAL.replace("party: ukraine", "party: ukrane"))
    runner = make_runner(tmp_path, minimal)
    result = run_action(runner, action, base="HEAD~1")

    assert result.validate.code == 1
    assert result.review.code == 1
    assert result.failed
    assert "does not load" in result.summary
    assert "unknown party \\`ukrane\\`" in result.summary
    assert "::error title=tracker validate::positions.yaml is not valid" in result.validate.stdout

    # The problem matcher is registered around validate's output, and turns its lines
    # into annotations at the right file, line and column.
    lines = result.validate.stdout.splitlines()
    add = next(i for i, line in enumerate(lines) if line.startswith("::add-matcher::"))
    remove = lines.index("::remove-matcher owner=tracker::")
    matcher_path = Path(lines[add].removeprefix("::add-matcher::"))
    assert matcher_path.parent == runner.temp
    (matcher,) = json.loads(matcher_path.read_text(encoding="utf-8"))["problemMatcher"]
    assert matcher["owner"] == "tracker"
    (pattern,) = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])
    fields = [pattern[key] for key in ("file", "line", "column", "message")]
    annotations = [m.group(*fields) for line in lines[add + 1 : remove] if (m := regexp.match(line))]
    assert annotations == [("positions.yaml", "46", "12", "unknown party `ukrane`; did you mean `ukraine`?")]
    # Nothing outside the matcher's window looks like a problem to it.
    assert not any(regexp.match(line) for line in lines[:add] + lines[remove + 1 :])


def test_an_unreadable_dataset_fails_validate_with_2(tmp_path: Path, minimal: Path, action: dict[str, Any]) -> None:
    result = run_action(make_runner(tmp_path, minimal), action, base="HEAD", data="missing.yaml")
    assert result.validate.code == 2
    assert "missing.yaml" in result.validate.stderr
    assert result.failed


def test_a_shallow_checkout_is_told_to_fetch_the_whole_history(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    base = git(minimal, "rev-parse", "HEAD").strip()
    commit(minimal, MINIMAL + LATER_STATEMENT)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", minimal.as_uri(), str(clone))
    result = run_action(make_runner(tmp_path, clone), action, base=base)

    assert result.validate.code == 0
    assert result.review.code == 2
    assert f"the base revision {base} is not in this shallow checkout" in result.review.stdout
    assert "fetch-depth: 0" in result.review.stdout
    assert f"unknown revision `{base}`" in result.review.stderr
    # The job summary, where people look, says the same and how to fix it.
    assert result.summary.startswith("## tracker review: no review\n")
    assert f"The base revision `{base}` is not in this checkout: it is shallow" in result.summary
    assert "```yaml\n- uses: actions/checkout@v4\n  with:\n    fetch-depth: 0\n```" in result.summary


def test_a_base_missing_from_a_full_clone_gets_no_shallow_hint(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    result = run_action(make_runner(tmp_path, minimal), action, base="no-such-branch")
    assert result.review.code == 2
    assert "fetch-depth" not in result.review.stdout
    assert "::error title=tracker review::tracker review no-such-branch exited with 2" in result.review.stdout
    assert "`tracker review no-such-branch` failed (exit status 2) before writing a review" in result.summary


def test_a_base_with_markdown_in_it_is_shown_as_a_revision_only(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    result = run_action(make_runner(tmp_path, minimal), action, base="x`<b>|[a](b)")
    assert result.review.code == 2
    assert "`tracker review xbab` failed" in result.summary
    assert "<b>" not in result.summary and "`<" not in result.summary


def test_max_chars_bounds_the_summary_with_a_visible_note(tmp_path: Path, action: dict[str, Any]) -> None:
    # The dataset arrives in the change: every shipped statement is new, a long review.
    repo = new_repo(tmp_path / "repo")
    commit(repo, "# a repository before its dataset\n", name="README.md")
    commit(repo, (REPO / "positions.yaml").read_text(encoding="utf-8"))
    result = run_action(make_runner(tmp_path, repo), action, base="HEAD~1", **{"max-chars": "65536"})
    assert result.review.code == 0, result.review.stderr
    assert len(result.summary) <= 65536
    assert "**Truncated:**" in result.summary


def test_paths_with_spaces_and_shell_syntax_are_data_not_code(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    name = "my data/$(touch pwned-data) `touch pwned-tick`;.yaml"
    commit(minimal, MINIMAL + LATER_STATEMENT, name=name)
    result = run_action(make_runner(tmp_path, minimal), action, base="HEAD~1", data=name)
    assert result.validate.code == 0, result.validate.stderr
    assert result.review.code == 0, result.review.stderr
    assert "`ru-2`" in result.summary

    hostile = run_action(make_runner(tmp_path, minimal), action, base="HEAD~1; touch pwned-base", data=name)
    assert hostile.review.code == 2
    assert "unknown revision" in hostile.review.stderr
    assert not list(minimal.glob("pwned*")) and not list(tmp_path.glob("pwned*"))


def test_a_base_that_looks_like_an_option_is_rejected_as_a_revision(
    tmp_path: Path, minimal: Path, action: dict[str, Any]
) -> None:
    result = run_action(make_runner(tmp_path, minimal), action, base="--output=/tmp/x")
    assert result.review.code == 2
    assert "unknown revision `--output=/tmp/x`" in result.review.stderr


STAND_IN_PYTHON = """\
#!/usr/bin/env bash
# Records how it was called instead of installing anything.
printf '%s\\n' "$@" > "$RUNNER_TEMP/python-args"
"""


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, str(REPO)),
        ({"tracker-source": "git+https://example.invalid/tracker@v1"}, "git+https://example.invalid/tracker@v1"),
    ],
    ids=["action-checkout", "tracker-source"],
)
def test_install_pip_installs_the_actions_own_checkout_unless_told_otherwise(
    tmp_path: Path, action: dict[str, Any], given: dict[str, str], expected: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text(STAND_IN_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    runner = Runner(workspace=tmp_path, temp=temp, summary=temp / "summary.md", path_first=(bin_dir,))

    result = runner.run(action, "install", **given)

    assert result.code == 0, result.stderr
    args = (temp / "python-args").read_text(encoding="utf-8").splitlines()
    assert args[:3] == ["-m", "pip", "install"]
    assert args[-1] == expected
    # After installing, the step shows which tracker it got (here: the one next to the tests).
    assert result.stdout.splitlines()[-1].startswith("tracker ")


def test_the_scripts_are_valid_bash(action: dict[str, Any]) -> None:
    for run_step in action["runs"]["steps"]:
        if "run" in run_step:
            done = subprocess.run(["bash", "-n"], input=run_step["run"], capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{run_step['id']}: {done.stderr}"


def test_tracker_next_to_the_tests_is_the_one_used() -> None:
    assert (VENV_BIN / "tracker").exists(), "install the package into the environment that runs the tests"
