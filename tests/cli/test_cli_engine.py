"""show, diff, compare, timeline, report through the runner: exit codes, streams, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import LATER_STATEMENT, Writer
from tracker.cli.app import app


@pytest.fixture
def data(write: Writer, minimal_yaml: str) -> Path:
    return write(minimal_yaml + LATER_STATEMENT)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_show_resolves_aliases_and_dates(data: Path) -> None:
    code, out, err = run("show", "KREMLIN", "--at", "2022-04", "-d", str(data), "--color", "never")
    assert code == 0, err
    assert out.startswith("Russia: position as of 2022-04\n")
    assert "ru-neutral" in out and "ru-halt" not in out


def test_unknown_party_suggests(data: Path) -> None:
    code, out, err = run("show", "rusia", "-d", str(data))
    assert (code, out) == (2, "")
    assert err == "tracker: error: unknown party `rusia`; did you mean `russia`?\n"


def test_bad_date_is_a_usage_error(data: Path) -> None:
    code, _, err = run("show", "russia", "--at", "2022-02-30", "-d", str(data))
    assert code == 2
    assert "2022-02 has no day 30" in err


def test_diff_exit_code(data: Path) -> None:
    args = ["diff", "russia", "--from", "2023", "--to", "2025-07", "-d", str(data)]
    assert run(*args)[0] == 0
    code, out, _ = run(*args, "--exit-code")
    assert code == 1
    assert "replaced" in out
    code, _, _ = run("diff", "russia", "--from", "2025-07", "--to", "2025-12", "-d", str(data), "--exit-code")
    assert code == 0


def test_diff_defaults_to_every_party_from_its_first_stated_stance(data: Path) -> None:
    code, out, _ = run("diff", "-d", str(data), "-f", "json")
    assert code == 0
    document = json.loads(out)["data"]
    assert document["since"] is None
    assert document["until"] == document["newest"]
    assert [p["party"]["id"] for p in document["parties"]] == ["russia", "ukraine"]


def test_compare_trend(data: Path) -> None:
    code, out, _ = run(
        "compare", "russia", "ukraine", "--at", "2025-07", "--from", "2022-04", "-d", str(data), "-f", "json"
    )
    assert code == 0
    [gap] = json.loads(out)["data"]["gaps"]
    assert (gap["distance_since"], gap["distance"], gap["trend"]) == (0, 1, "diverging")


def test_timeline_filters(data: Path) -> None:
    code, out, _ = run("timeline", "ukraine", "--issue", "prisoners", "-d", str(data), "-f", "json")
    assert code == 0
    events = json.loads(out)["data"]["events"]
    assert [e["events"][0]["condition_id"] for e in events] == ["ua-all-for-all"]


def test_report_is_markdown_that_states_its_newest_statement(data: Path) -> None:
    code, out, _ = run("report", "--from", "2022", "-d", str(data))
    assert code == 0
    assert out.startswith("# Negotiation positions: Test war\n")
    assert "Newest statement in the data: " in out


def test_reversed_windows_are_usage_errors_naming_the_options(data: Path) -> None:
    for args, named in (
        (("diff", "--from", "2025", "--to", "2024"), "--from 2025 is after --to 2024"),
        (("compare", "--from", "2025", "--at", "2024"), "--from 2025 is after --at 2024"),
        (("report", "--from", "2025", "--at", "2024"), "--from 2025 is after --at 2024"),
        (("timeline", "--from", "2025", "--to", "2024"), "--from 2025 is after --to 2024"),
        (
            ("diff", "--from", "2030"),
            "--from 2030 is after the newest statement (2025-06-09), where --to ends by default",
        ),
    ):
        code, out, err = run(*args, "-d", str(data))
        assert (code, out) == (2, "")
        assert err == f"tracker: error: {named}\n"


def test_output_file_and_colour(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = run("show", "russia", "-d", str(data), "-o", str(target), "--color", "always")
    assert (code, out) == (0, "")
    assert "\x1b[" not in target.read_text(encoding="utf-8")  # never colour into a file
    code, out, _ = run("show", "russia", "-d", str(data), "--color", "always")
    assert "\x1b[" in out
    code, out, _ = run("show", "russia", "-d", str(data), env={"NO_COLOR": "1"})
    assert "\x1b[" not in out


def test_output_to_an_unwritable_place_is_a_clean_error(data: Path, tmp_path: Path) -> None:
    code, _, err = run("show", "russia", "-d", str(data), "-o", str(tmp_path / "no" / "such" / "dir" / "x"))
    assert code == 2
    assert err.startswith("tracker: error: cannot write")


def test_usage_errors_are_one_line_in_tracker_style(data: Path) -> None:
    for args in (
        ["diff", "russia", "--from", "2025-13", "-d", str(data)],
        ["diff", "--frm", "2025"],
        ["show"],
        ["frobnicate"],
        ["timeline", "--format", "yaml"],
    ):
        code, out, err = run(*args)
        assert (code, out) == (2, ""), args
        [line] = err.splitlines()
        assert line.startswith("tracker: error: "), args
    assert run("diff", "--from", "2025-1")[2] == (
        "tracker: error: invalid value for '--from': '2025-1' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY\n"
    )


def test_old_spellings_still_work_and_say_so(data: Path) -> None:
    new = run("compare", "russia", "ukraine", "--at", "2025-07", "--from", "2022-04", "-d", str(data), "-f", "json")
    old = run("compare", "russia", "ukraine", "--at", "2025-07", "--since", "2022-04", "-d", str(data), "-f", "json")
    assert old[:2] == new[:2]
    assert old[2] == "tracker: warning: --since is deprecated and will be removed; use --from\n"
    code, out, err = run("timeline", "--party", "ukraine", "-d", str(data), "-f", "json")
    assert (code, out) == (0, run("timeline", "ukraine", "-d", str(data), "-f", "json")[1])
    assert "--party is deprecated" in err
    code, _, err = run("report", "--from", "2022", "--since", "2022", "-d", str(data))
    assert code == 2
    assert err == "tracker: error: invalid value for --since: give --from only (--since is its old spelling)\n"


def test_help_keeps_examples_on_their_own_lines() -> None:
    code, out, _ = run("add", "--help")
    assert code == 0
    assert "\n    tracker extract article.txt | tracker add --snippet - --date 2025-06-09\n" in out
    code, out, _ = run("--help")
    assert "\n    tracker diff russia --from 2022-03-01 --to 2025-07-01 --issue nato\n" in out


def test_compare_texts_side_by_side(data: Path) -> None:
    code, out, err = run("compare", "-s", "ru-1", "-s", "ua-1", "-d", str(data), "-f", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["kind"] == "texts"
    assert [text["statement_id"] for text in document["data"]["texts"]] == ["ru-1", "ua-1"]
    code, _, err = run("compare", "-s", "ua-l", "-d", str(data))
    assert code == 2 and err == "tracker: error: unknown statement `ua-l`; did you mean `ua-1`?\n"
