"""The authoring loop: `tracker extract SEED | tracker add --snippet -`, on a copy of the shipped data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import REPO, SEED_ARTICLE
from tracker.cli.app import app


def test_extract_then_add_leaves_a_valid_file_with_only_added_lines(tmp_path: Path) -> None:
    target = tmp_path / "positions.yaml"
    shutil.copy(REPO / "positions.yaml", target)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"], cwd=tmp_path, check=True
    )
    runner = CliRunner()
    draft = runner.invoke(app, ["extract", str(SEED_ARTICLE), "-d", str(target)])
    assert draft.exit_code == 0, draft.stderr
    # The article prints no date; the curator supplies the interview's (2025-06-09).
    added = runner.invoke(app, ["add", "--snippet", "-", "--date", "2025-06-09", "-d", str(target)], input=draft.stdout)
    assert added.exit_code == 0, added.stderr
    diff = subprocess.run(["git", "diff", "--unified=0"], cwd=tmp_path, check=True, capture_output=True, text=True)
    changed = [line for line in diff.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed and all(line.startswith("+") for line in changed)
    assert "+    speaker:" in diff.stdout and "Sergei Ryabkov" in diff.stdout
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0
