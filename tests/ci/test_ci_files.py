"""The shape of action.yml, the workflow, .pre-commit-hooks.yaml and the examples in docs/ci.md."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ci.github import (
    ACTION,
    DOCS,
    HOOKS,
    INPUT_EXPRESSION,
    REPO,
    WORKFLOWS,
    clean_environment,
    load,
    on,
    step,
    steps_of,
    yaml_blocks,
)
from tests.conftest import MINIMAL

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    loaded: dict[str, Any] = load(ACTION)
    return loaded


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = load(WORKFLOWS / "tracker.yml")
    return loaded


def documents_with_steps() -> list[tuple[str, dict[str, Any]]]:
    """action.yml, every workflow here, and every workflow in docs/ci.md's examples."""
    found: list[tuple[str, dict[str, Any]]] = [("action.yml", load(ACTION))]
    found += [(str(path.relative_to(REPO)), load(path)) for path in sorted(WORKFLOWS.glob("*.y*ml"))]
    for number, block in enumerate(yaml_blocks(DOCS.read_text(encoding="utf-8")), 1):
        document = yaml.safe_load(block)
        if isinstance(document, dict) and "jobs" in document:
            found.append((f"docs/ci.md yaml block {number}", document))
    return found


# --- every run: script, wherever it is ---------------------------------------------


def test_no_run_script_interpolates_an_expression() -> None:
    """`${{ }}` in a run: script is pasted into the shell source before bash sees it:
    a branch name or an input could become code. Values go through env: instead."""
    scanned = 0
    for where, document in documents_with_steps():
        for run_step in steps_of(document):
            if "run" in run_step:
                scanned += 1
                assert "${{" not in run_step["run"], f"{where}: step {run_step.get('name') or run_step.get('id')}"
    assert scanned >= 3  # install, validate and review at least


def test_docs_examples_include_a_full_consumer_workflow() -> None:
    names = [where for where, _ in documents_with_steps() if where.startswith("docs/")]
    assert len(names) >= 2  # the job summary workflow and the pull-request comment one


# --- action.yml -----------------------------------------------------------------


def test_action_is_composite_with_the_four_steps_in_order(action: dict[str, Any]) -> None:
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"
    assert [s.get("id") for s in action["runs"]["steps"]] == ["setup-python", "install", "validate", "review"]
    setup = step(action, "setup-python")
    assert setup["uses"].startswith("actions/setup-python@v")
    assert setup["with"] == {"python-version": "${{ inputs.python-version }}"}


def test_action_inputs_and_their_defaults(action: dict[str, Any]) -> None:
    inputs = action["inputs"]
    assert set(inputs) == {"data", "base", "python-version", "max-chars", "tracker-source"}
    assert {name: spec["default"] for name, spec in inputs.items()} == {
        "data": "positions.yaml",
        "base": "${{ github.event.pull_request.base.sha || 'HEAD~1' }}",
        "python-version": "3.11",
        "max-chars": "1000000",
        "tracker-source": "",
    }
    for name, spec in inputs.items():
        assert spec["required"] is False, name
        assert len(spec["description"]) > 20, name
        assert isinstance(spec["default"], str), f"{name}: quote the default, or YAML makes it a number"


def test_run_steps_use_bash_and_read_inputs_only_through_env(action: dict[str, Any]) -> None:
    used: set[str] = set()
    for run_step in action["runs"]["steps"]:
        if "run" not in run_step:
            continue
        assert run_step["shell"] == "bash", run_step["id"]  # composite steps must name a shell
        for key, value in (run_step.get("env") or {}).items():
            match = INPUT_EXPRESSION.match(value)
            assert match, f"{run_step['id']}: env {key} = {value!r}"
            used.add(match.group(1))
    for setup_value in step(action, "setup-python")["with"].values():
        match = INPUT_EXPRESSION.match(setup_value)
        assert match
        used.add(match.group(1))
    assert used == set(action["inputs"]), "every input is used, and only declared inputs are"


def test_every_expression_names_known_inputs_or_steps(action: dict[str, Any]) -> None:
    text = ACTION.read_text(encoding="utf-8")
    step_ids = {s["id"] for s in action["runs"]["steps"]}
    for expression in EXPRESSION.findall(text):
        for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", expression):
            assert name in action["inputs"], expression
        for name in re.findall(r"steps\.([A-Za-z0-9_-]+)", expression):
            assert name in step_ids, expression


def test_install_uses_the_actions_own_checkout(action: dict[str, Any]) -> None:
    script = step(action, "install")["run"]
    assert '"${TRACKER_SOURCE:-$GITHUB_ACTION_PATH}"' in script
    assert re.search(r'python -m pip install .*"\$requirement"', script)


def test_validate_then_review_and_the_review_runs_even_when_validation_failed(action: dict[str, Any]) -> None:
    validate = step(action, "validate")
    assert "if" not in validate  # default success(): skipped only when install failed
    assert 'tracker validate --color never -- "$DATA"' in validate["run"]

    review = step(action, "review")
    condition = review["if"]
    assert "!cancelled()" in condition
    assert "steps.install.outcome == 'success'" in condition
    assert "validate" not in condition and "success()" not in condition
    assert review["env"] == {
        "DATA": "${{ inputs.data }}",
        "BASE": "${{ inputs.base }}",
        "MAX_CHARS": "${{ inputs.max-chars }}",
    }
    assert (
        'tracker review --data "$DATA" --format markdown --max-chars "$MAX_CHARS" -- "$BASE" > "$review"'
        in review["run"]
    )
    assert 'cat "$review" >> "$GITHUB_STEP_SUMMARY"' in review["run"]


# --- the workflow ---------------------------------------------------------------


def test_workflow_runs_the_local_action_on_pull_requests_with_read_only_contents(workflow: dict[str, Any]) -> None:
    assert "pull_request" in on(workflow)
    assert "pull_request_target" not in on(workflow)
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    checkout = next(i for i, name in enumerate(uses) if name.startswith("actions/checkout@"))
    local = uses.index("./")
    assert checkout < local
    assert steps[checkout]["with"]["fetch-depth"] == 0
    assert steps[checkout]["with"]["persist-credentials"] is False
    assert steps[local]["with"]["data"] == "positions.yaml"


# --- .pre-commit-hooks.yaml -----------------------------------------------------


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    hooks = load(HOOKS)
    assert isinstance(hooks, list) and len(hooks) == 1
    found: dict[str, Any] = hooks[0]
    return found


def test_pre_commit_hook_validates_the_whole_dataset(hook: dict[str, Any]) -> None:
    assert hook["id"] == "tracker-validate"
    assert hook["name"]
    assert hook["entry"] == "tracker validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for name in ["positions.yaml", "data/russia.yml", "a/b/c.yaml"]:
        assert files.search(name), name
    for name in ["positions.json", "notes.md", "yaml.txt", "positions.yaml.bak"]:
        assert not files.search(name), name


@pytest.mark.parametrize(("text", "code"), [(MINIMAL, 0), (MINIMAL.replace("party: ukraine", "party: ukrane"), 1)])
def test_pre_commit_hook_entry_runs_as_pre_commit_would(
    tmp_path: Path, hook: dict[str, Any], text: str, code: int
) -> None:
    # pre-commit runs entry + args in the repository root; with no args, positions.yaml there.
    (tmp_path / "positions.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "one.yaml").write_text(text, encoding="utf-8")
    for args in ([], ["data"]):
        done = subprocess.run(
            [*shlex.split(hook["entry"]), *args],
            cwd=tmp_path,
            env=clean_environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == code, (args, done.stdout, done.stderr)


# --- docs/ci.md -----------------------------------------------------------------


def test_docs_cover_what_an_adopting_team_needs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for needed in [
        "fetch-depth: 0",
        "permissions:",
        "contents: read",
        "pull-requests: write",
        "--max-chars 65536",
        "65,536",
        "1 MiB",
        "id: tracker-validate",
        "args: [",
        "pass_filenames",
        "tracker review",
        "tracker validate",
        "$GITHUB_STEP_SUMMARY",
    ]:
        assert needed in text, needed


def test_docs_examples_parse_and_use_the_action_after_a_full_checkout() -> None:
    blocks = yaml_blocks(DOCS.read_text(encoding="utf-8"))
    assert blocks
    workflows = [doc for doc in map(yaml.safe_load, blocks) if isinstance(doc, dict) and "jobs" in doc]
    for document in workflows:
        assert "permissions" in document
        steps = list(steps_of(document))
        uses = [s.get("uses", "") for s in steps]
        checkout = next(i for i, name in enumerate(uses) if name.startswith("actions/checkout@"))
        assert steps[checkout]["with"]["fetch-depth"] == 0
        assert any(name.endswith(("/tracker@v0.1.0", "/tracker@main")) or name == "./" for name in uses)


def test_docs_name_the_exit_codes() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in text
