"""`tracker extract` through typer: output, messages, and errors without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from tests.extract.cases import ARTICLES, FICTIONAL
from tracker.cli.extract_cmd import extract

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def app() -> typer.Typer:
    # As the lead will register it: app.command()(extract)
    application = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    application.command()(extract)
    return application


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_draft_on_stdout(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, [str(ARTICLES / "wire-report.txt"), "--data", str(FICTIONAL)])
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(result.stdout)
    assert [s["party"] for s in document["statements"]] == ["marovia", "marovia"]
    assert result.stderr == ""


def test_stdin_and_output_file(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    text = (ARTICLES / "interview.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["-", "-d", str(FICTIONAL), "-o", str(target)], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["statements"][0]["party"] == "kestria"


def test_data_from_environment(app: typer.Typer, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DATA", str(FICTIONAL))
    result = runner.invoke(app, [str(ARTICLES / "readout.txt")])
    assert result.exit_code == 0, result.output
    assert "official-document" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\xff\xfeU\x00k\x00", "UTF-16"),
        (b"caf\xe9 au lait", "invalid UTF-8"),
        (b"\x00\x01\x02binary", "binary"),
    ],
)
def test_unreadable_article_is_one_line_and_exit_2(
    app: typer.Typer, runner: CliRunner, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, [str(path), "--data", str(FICTIONAL)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("tracker: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_directory_is_not_an_article(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, [str(tmp_path), "--data", str(FICTIONAL)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_empty_article_gives_an_empty_draft_and_a_message(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["-", "--data", str(FICTIONAL)], input="\n  \n")
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == {"statements": []}
    assert "no text" in result.stderr


def test_opinion_piece_has_no_candidates(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, [str(ARTICLES / "opinion.txt"), "--data", str(REPO / "positions.yaml")])
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == {"statements": []}
    assert "no candidate statements" in result.stderr


def test_unknown_parties_are_named_on_stderr(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, [str(ARTICLES / "other-conflict.txt"), "--data", str(REPO / "positions.yaml")])
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == {"statements": []}
    assert "unknown party: Veltranian" in result.stderr


def test_bad_dataset_exits_2(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, [str(ARTICLES / "readout.txt"), "--data", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert "cannot load" in result.stderr


def test_help_has_an_example(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_oversized_article_is_refused(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    from tracker.cli.extract_cmd import MAX_ARTICLE_BYTES

    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    result = runner.invoke(app, [str(path), "--data", str(FICTIONAL)])
    assert result.exit_code == 2
    assert "MiB" in result.stderr
