"""`tracker add --dry-run`: the change as a unified diff on stdout, a summary on stderr,
nothing written or locked, and untrusted text inert in both."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from tests.authoring.test_add import DRESSED, FLAGS, directory_dataset, run, ua2_snippet
from tests.conftest import Writer
from tests.render.test_hostile_text import FORGED, HOSTILE_TEXT, assert_inert_lines
from tracker.files import locked

SNIPPET = ua2_snippet(
    "      - {id: ua-apply, issue: nato, text: Ukraine applies to join NATO., kind: demand, stage: settlement,"
    " level: joins}\n",
    party="Kyiv",
)


def test_a_snippet_add_prints_the_diff_the_add_would_make(write: Writer) -> None:
    path = write(DRESSED)
    code, out, err = run("-d", str(path), "--snippet", "-", "--dry-run", stdin=SNIPPET)
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == DRESSED
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no lock file, no temporary

    # Exactly the diff between the file and what the same add writes.
    real = write(DRESSED, "real/positions.yaml")
    assert run("-d", str(real), "--snippet", "-", stdin=SNIPPET)[0] == 0
    expected = difflib.unified_diff(
        DRESSED.splitlines(),
        real.read_text(encoding="utf-8").splitlines(),
        str(path),
        f"{path} (after add)",
        n=3,
        lineterm="",
    )
    assert out == "".join(line + "\n" for line in expected)

    lines = out.splitlines()
    assert lines[:2] == [f"--- {path}", f"+++ {path} (after add)"]
    assert lines[2].startswith("@@ ")
    # Ukraine's statement goes after ua-1, at the end: three lines of context before it, none after.
    assert lines[3:8] == [
        "         text: Exchange all prisoners for all.",
        "         kind: demand",
        "         stage: ceasefire",
        "+  - id: ua-2",
        "+    party: ukraine",  # the alias, resolved
    ]
    assert not [line for line in lines[2:] if line.startswith("-")]
    assert err.splitlines()[-1] == f"would add 1 statement(s) to {path}"
    assert "statement placed at line" in err


def test_a_dry_run_takes_no_lock(write: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    # flock belongs to the open file, so an add in this process that took the lock would wait and give up.
    path = write(DRESSED)
    monkeypatch.setenv("TRACKER_LOCK_TIMEOUT", "0.1")
    with locked(path):
        assert run("-d", str(path), *FLAGS)[0] == 2  # the real add is refused: the test holds the lock
        code, out, err = run("-d", str(path), *FLAGS, "--dry-run")
    assert code == 0, err
    assert "+  - id: russia-2022-03-20-sergei-lavrov" in out.splitlines()
    assert path.read_text(encoding="utf-8") == DRESSED


def test_hostile_snippet_text_stays_inert_in_the_diff(write: Writer) -> None:
    # Valid data: line breaks before workflow commands and a forged problem-matcher line.
    path = write(DRESSED)
    snippet = SNIPPET.replace("text: Ukraine applies to join NATO.,", f"text: {json.dumps(HOSTILE_TEXT)},")
    code, out, err = run("-d", str(path), "--snippet", "-", "--dry-run", stdin=snippet)
    assert code == 0, err
    assert_inert_lines(out + err, "add --dry-run")
    assert any("::add-mask::secret" in line for line in out.splitlines())  # shown, as data, after a `+`
    assert any(FORGED in line for line in out.splitlines())
    assert path.read_text(encoding="utf-8") == DRESSED


@pytest.mark.parametrize(
    "hostile",
    [
        '"Ukraine\\e]52;c;ZXZpbA==\\a applies\\e[2J."',  # YAML escapes: OSC 52 clipboard write, screen clear
        "Ukraine\x1b]0;title\x07 applies\x9b31m.",  # the raw bytes, which YAML itself refuses
        '"\\u202eOTAN\\u200b"',  # bidi override, zero-width space
    ],
)
def test_escape_sequences_in_a_snippet_never_reach_the_terminal(write: Writer, hostile: str) -> None:
    path = write(DRESSED)
    snippet = SNIPPET.replace("text: Ukraine applies to join NATO.,", f"text: {hostile},")
    code, out, err = run("-d", str(path), "--snippet", "-", "--dry-run", stdin=snippet)
    assert code in (1, 2)  # refused, before anything would be written
    assert out == ""
    assert_inert_lines(err, "add --dry-run")
    assert "character U+" in err  # the refused character is named, visibly
    assert path.read_text(encoding="utf-8") == DRESSED


def test_characters_the_file_holds_in_comments_are_shown_escaped(write: Writer) -> None:
    # Comments are checked by no validation; a context line must not carry them raw.
    text = DRESSED.replace("  # --- Ukraine ---", "  # --- Ukraine \u202eeniarkU\u202c ---\u200b \u2066x\u2069")
    path = write(text)
    code, out, err = run("-d", str(path), *FLAGS, "--dry-run")
    assert code == 0, err
    assert_inert_lines(out + err, "add --dry-run")
    assert "   # --- Ukraine \\u202eeniarkU\\u202c ---\\u200b \\u2066x\\u2069" in out.splitlines()
    assert path.read_text(encoding="utf-8") == text


def test_into_a_file_of_a_directory_dataset(tmp_path: Path) -> None:
    folder, target = directory_dataset(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    code, out, err = run("-d", str(folder), "--into", str(target), *FLAGS, "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:2] == [f"--- {target}", f"+++ {target} (after add)"]
    assert "+  - id: russia-2022-03-20-sergei-lavrov" in lines
    assert "+        level: neutral" in lines  # suggested from the condition in the other file's dataset
    assert err.splitlines()[-1] == f"would add 1 statement(s) to {target}"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written, no lock file


def test_a_context_line_cannot_be_a_workflow_command(write: Writer) -> None:
    # A quoted text may go on over lines of the file, and one of them may start with `::`.
    text = DRESSED.replace(
        "        stage: ceasefire\n",
        "        stage: ceasefire\n        quote: 'All for all.\n\n          ::add-mask::secret'\n",
    )
    path = write(text)
    code, out, err = run("-d", str(path), "--snippet", "-", "--dry-run", stdin=SNIPPET)
    assert code == 0, err
    assert_inert_lines(out, "add --dry-run")
    assert "           :\u200b:add-mask::secret'" in out.splitlines()
