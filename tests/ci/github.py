"""Reading the CI files, and running the action's shell steps the way a GitHub runner would.

Only what the tests need of GitHub Actions is imitated: a `run:` script is run as
`bash --noprofile --norc -eo pipefail FILE` (GitHub's `shell: bash`), with the step's
`env:` evaluated for the one expression form the action uses there, `${{ inputs.NAME }}`,
and the runner's variables (GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_ACTION_PATH, ...).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
ACTION = REPO / "action.yml"
WORKFLOWS = REPO / ".github" / "workflows"
HOOKS = REPO / ".pre-commit-hooks.yaml"
DOCS = REPO / "docs" / "ci.md"

# The interpreter running the tests has tracker installed next to it.
VENV_BIN = Path(sys.executable).parent

INPUT_EXPRESSION = re.compile(r"^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def on(workflow: Mapping[Any, Any]) -> Any:
    """The `on:` of a workflow; YAML 1.1 (PyYAML) reads the bare key `on` as True."""
    return workflow["on"] if "on" in workflow else workflow[True]


def steps_of(document: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every step of an action (runs.steps) or a workflow (jobs.*.steps)."""
    runs = document.get("runs")
    if isinstance(runs, dict):
        yield from runs.get("steps", [])
    for job in (document.get("jobs") or {}).values():
        yield from job.get("steps", [])


def step(action: Mapping[str, Any], step_id: str) -> dict[str, Any]:
    for candidate in action["runs"]["steps"]:
        if candidate.get("id") == step_id:
            return dict(candidate)
    raise KeyError(step_id)


def yaml_blocks(markdown: str) -> list[str]:
    """The ```yaml fenced blocks of a Markdown document."""
    return re.findall(r"^```ya?ml\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL)


def clean_environment(path_first: list[Path] | None = None) -> dict[str, str]:
    """This process's environment without GitHub's or tracker's variables; tracker on PATH."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "RUNNER_", "INPUT_", "TRACKER_", "GIT_")) and key != "NO_COLOR"
    }
    path = [*(str(p) for p in path_first or []), str(VENV_BIN), env.get("PATH", "")]
    env["PATH"] = os.pathsep.join(path)
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    return env


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=clean_environment(), capture_output=True, text=True, check=True)
    return done.stdout


@dataclass(frozen=True)
class StepResult:
    code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Runner:
    """A workspace (the checked-out repository) and the runner's files for one job."""

    workspace: Path
    temp: Path  # RUNNER_TEMP
    summary: Path  # GITHUB_STEP_SUMMARY
    path_first: tuple[Path, ...] = ()

    def env(self, action: Mapping[str, Any], run_step: Mapping[str, Any], given: Mapping[str, str]) -> dict[str, str]:
        """The step's environment: its `env:` with inputs filled in, over the runner's variables.

        An input not given takes its declared default; a default that is itself an
        expression (base's) must be given, as GitHub would evaluate it from the event.
        """
        declared: dict[str, Any] = action["inputs"]
        unknown = set(given) - set(declared)
        assert not unknown, f"not inputs of the action: {unknown}"
        env = clean_environment(list(self.path_first))
        for key, value in (run_step.get("env") or {}).items():
            match = INPUT_EXPRESSION.match(str(value))
            assert match, f"env {key}: only ${{{{ inputs.NAME }}}} is imitated here, not {value!r}"
            name = match.group(1)
            if name in given:
                env[key] = given[name]
            else:
                default = str(declared[name].get("default", ""))
                assert "${{" not in default, f"give input {name}: its default is an expression"
                env[key] = default
        env.update(
            GITHUB_ACTIONS="true",
            GITHUB_WORKSPACE=str(self.workspace),
            GITHUB_ACTION_PATH=str(REPO),
            GITHUB_STEP_SUMMARY=str(self.summary),
            RUNNER_TEMP=str(self.temp),
        )
        return env

    def run(self, action: Mapping[str, Any], step_id: str, **given: str) -> StepResult:
        """Run one `run:` step of the action in the workspace."""
        run_step = step(action, step_id)
        assert run_step.get("shell") == "bash"
        script = self.temp / f"{step_id}.sh"
        script.write_text(run_step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=self.env(action, run_step, given),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        return StepResult(done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True)
class ActionResult:
    validate: StepResult
    review: StepResult
    summary: str

    @property
    def failed(self) -> bool:
        return self.validate.code != 0 or self.review.code != 0


def run_action(runner: Runner, action: Mapping[str, Any], **given: str) -> ActionResult:
    """The action after setup-python and install: validate, then review.

    The review runs whatever validate's outcome, as its `if:` says (checked in
    test_ci_files); the action fails when either step fails.
    """
    validate = runner.run(action, "validate", **given)
    review = runner.run(action, "review", **given)
    summary = runner.summary.read_text(encoding="utf-8") if runner.summary.exists() else ""
    return ActionResult(validate, review, summary)
