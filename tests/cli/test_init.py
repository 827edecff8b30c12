"""`tracker init`: a starter dataset that validates, diffs and takes `tracker add` as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.ci.github import DOCS, yaml_blocks
from tests.conftest import REPO
from tracker.cli.app import app
from tracker.load.schema import SCHEMA_URL
from tracker.starter import conflict_id, pre_commit_text, workflow_text


@pytest.fixture
def inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_then_validate_diff_and_add_with_no_other_step(inside: Path) -> None:
    code, _, err = run("init", "--conflict", "Sudan war")
    assert code == 0, err
    assert sorted(p.name for p in inside.iterdir()) == ["positions.yaml"]
    text = (inside / "positions.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_URL}\n")
    data = yaml.safe_load(text)
    assert data["conflict"] == {"id": "sudan-war", "title": "Sudan war"}
    assert [(p["id"], p["pole"]) for p in data["parties"]] == [("side-a", "first"), ("side-b", "last")]
    assert len(data["issues"]) == 1 and len(data["issues"][0]["ladder"]) >= 2
    assert data["statements"] is None  # the example statement is a comment: nothing invented enters the data
    assert "#  - party: side-a" in text and "#      publisher:" in text

    code, out, _ = run("validate")
    assert code == 0 and "valid (0 statements" in out
    code, out, _ = run("diff")
    assert code == 0 and "0 of 2 parties shifted" in out

    condition = "{id: a-joint, issue: territory, text: Joint administration., kind: demand, stage: settlement, level: joint-administration}"
    args = [
        "--date",
        "2025-01-15",
        "--publisher",
        "Example News",
        "--url",
        "https://example.org/a",
        "--basis",
        "on-record",
    ]
    code, _, err = run("add", "--party", "side-a", *args, "-c", condition, "--yes")
    assert code == 0, err
    code, out, _ = run("validate")
    assert code == 0 and "valid (1 statements" in out


def test_the_starter_passes_the_json_schema_as_editors_apply_it(inside: Path) -> None:
    run("init", "--conflict", "Sudan war")
    schema = REPO / "schema" / "positions.schema.json"
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), "positions.yaml"]
    checked = subprocess.run(command, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_pre_commit_and_workflow_on_request(inside: Path) -> None:
    code, _, err = run("init", "--conflict", "Sudan war", "--pre-commit", "--workflow")
    assert code == 0, err
    assert (inside / ".pre-commit-config.yaml").read_text(encoding="utf-8") == pre_commit_text()
    workflow = inside / ".github" / "workflows" / "tracker.yml"
    assert workflow.read_text(encoding="utf-8") == workflow_text()
    # The same workflow as docs/ci.md shows, and the hook the repository defines.
    documented = [yaml.safe_load(block) for block in yaml_blocks(DOCS.read_text(encoding="utf-8"))]
    assert yaml.safe_load(workflow_text()) in documented
    (repo,) = yaml.safe_load(pre_commit_text())["repos"]
    hook_ids = [hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))]
    assert [hook["id"] for hook in repo["hooks"]] == hook_ids


def test_init_refuses_to_overwrite_and_writes_nothing(inside: Path) -> None:
    (inside / ".pre-commit-config.yaml").write_text("mine\n", encoding="utf-8")
    code, _, err = run("init", "--conflict", "Sudan war", "--pre-commit")
    assert code == 2
    assert ".pre-commit-config.yaml already exists" in err
    assert sorted(p.name for p in inside.iterdir()) == [".pre-commit-config.yaml"]
    assert (inside / ".pre-commit-config.yaml").read_text(encoding="utf-8") == "mine\n"
    assert run("init", "--conflict", "Sudan war")[0] == 0
    code, _, err = run("init", "--conflict", "Sudan war")
    assert code == 2 and "positions.yaml already exists" in err


def test_a_title_becomes_an_id_or_init_asks_for_one(inside: Path) -> None:
    assert conflict_id("Sudan war") == "sudan-war"
    assert conflict_id("Nagorno-Karabakh: the 2020 war") == "nagorno-karabakh-the-2020-war"
    assert conflict_id("Guerra de Côte d’Ivoire") == "guerra-de-cote-divoire"
    code, _, err = run("init", "--conflict", "Война")
    assert code == 2 and "--id" in err
    code, _, err = run("init", "--conflict", "Война", "--id", "russo-ukrainian-war", "sub")
    assert code == 0, err
    assert yaml.safe_load((inside / "sub" / "positions.yaml").read_text(encoding="utf-8"))["conflict"] == {
        "id": "russo-ukrainian-war",
        "title": "Война",
    }


def test_a_title_the_format_refuses_writes_nothing(inside: Path) -> None:
    code, _, err = run("init", "--conflict", "bad\x07title")
    assert code == 2 and "U+0007" in err
    code, _, err = run("init", "--conflict", "1997: true", "--id", "Not A Slug")
    assert code == 2 and "not a valid id" in err
    assert list(inside.iterdir()) == []
    assert run("init", "--conflict", "1997")[0] == 0  # a number-like title is quoted, so it stays text
    assert yaml.safe_load((inside / "positions.yaml").read_text(encoding="utf-8"))["conflict"]["title"] == "1997"
