"""`tracker chart` through the runner: formats, files, errors, and the shipped NATO record."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import REPO
from tracker.cli.app import app
from tracker.core.engine.diff import diff
from tracker.load.loader import load_dataset

FIXTURE = str(REPO / "tests" / "render" / "chart_fixture.yaml")
SHIPPED = str(REPO / "positions.yaml")


def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_terminal_by_default() -> None:
    code, out, err = run("chart", "NATO membership", "kremlin", "-d", FIXTURE)
    assert code == 0, err
    assert out.startswith("NATO membership: asks over time, 2021-12-17 to 2025-08-15\n")
    assert "R Russia" in out and "U Ukraine" not in out


def test_window_options() -> None:
    code, out, err = run("chart", "nato", "--from", "2023", "--to", "2025-06", "-d", FIXTURE)
    assert code == 0, err
    assert "asks over time, 2023-01-01 to 2025-06-30" in out
    assert "2021-12-17" not in out


def test_markdown_and_svg_and_png(tmp_path: Path) -> None:
    code, out, err = run("chart", "nato", "-d", FIXTURE, "--format", "markdown")
    assert code == 0, err
    assert out.startswith("```mermaid\n") and "xychart-beta" in out
    svg = tmp_path / "nato.svg"
    code, out, err = run("chart", "nato", "-d", FIXTURE, "-o", str(svg))  # the suffix picks the format
    assert (code, out) == (0, ""), err
    assert ET.parse(svg).getroot().tag.endswith("svg")
    png = tmp_path / "nato.png"
    code, _, err = run("chart", "nato", "-d", FIXTURE, "-o", str(png))
    assert code == 0, err
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_errors_are_one_line() -> None:
    cases = [
        (("chart", "prisoners", "-d", FIXTURE), "tracker: error: issue `prisoners` has no ladder"),
        (("chart", "natto", "-d", FIXTURE), "tracker: error: unknown issue `natto`; did you mean `nato`?"),
        (("chart", "nato", "rusia", "-d", FIXTURE), "tracker: error: unknown party `rusia`; did you mean `russia`?"),
        (
            ("chart", "nato", "--from", "2026", "--to", "2025", "-d", FIXTURE),
            "tracker: error: --from 2026 is after --to 2025",
        ),
        (("chart", "nato", "-f", "png", "-d", FIXTURE), "tracker: error: a PNG is written to a file"),
    ]
    for args, message in cases:
        code, out, err = run(*args)
        assert (code, out) == (2, ""), args
        assert err.startswith(message) and err.count("\n") == 1, err
    code, _, err = run("chart", "nato", "--from", "2025-13", "-d", FIXTURE)
    assert code == 2 and "month 13 does not exist" in err and "Traceback" not in err


def test_shipped_nato_at_80_columns() -> None:
    """The issue's acceptance case: Russia's and Ukraine's asks on NATO, in rung titles, with the
    moves the diff headline names, and the 2025-06-09 Baltic report marked as corrected."""
    code, out, err = run("chart", "nato", "-d", SHIPPED, columns=80)
    assert code == 0, err
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("NATO membership and enlargement: asks over time, 2021-12-17 to ")
    for title in ("NATO posture rolled back", "No further NATO enlargement", "Ukraine joins NATO"):
        assert any(line.startswith(tuple("1234567")) and title in line for line in lines), title
    assert "R Russia" in out and "U Ukraine" in out
    assert "2022-04-15" in out and "2025-06-09" in out  # the Istanbul low and the climb back
    corrected = out.split("Corrected or disputed reports", 1)[1]
    assert "2025-06-09" in corrected and "Newsweek" in corrected and "Baltic" in corrected
    [mark_row] = [line for line in lines if line.startswith("corrected report")]
    assert mark_row.count("×") == 1
    # Every statement the diff headline names as moving Russia's ask is marked on the chart.
    dataset = load_dataset(REPO / "positions.yaml", today=date.today())
    [russia] = diff(dataset, ["russia"], since=None, issue_id="nato").parties
    [nato] = russia.issues
    assert nato.headline is not None and nato.headline.moved_by is not None
    named = [nato.headline.moved_by] + ([nato.headline.turn.citation] if nato.headline.turn else [])
    moves = out.split("Statements that moved a stance:", 1)[1].split("Corrected", 1)[0]
    for citation in named:
        assert f"R {citation.date} " in moves, citation
