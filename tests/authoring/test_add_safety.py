"""`tracker add` under stress: concurrent adders, symlinks, and bytes the text does not show."""

from __future__ import annotations

import codecs
import multiprocessing
import os
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import MINIMAL, Writer
from tracker.cli.app import app
from tracker.files import LockTimeout, WriteRefused, atomic_write, lock_path, locked, write_target
from tracker.load.yaml_edit import EditRefused, Layout

CONDITION = "{issue: prisoners, text: Exchange the wounded first., kind: demand, stage: ceasefire}"


def add_flags(statement_id: str, data: Path) -> list[str]:
    return [
        "add", "-d", str(data), "--id", statement_id, "--party", "ukraine", "--date", "2022-04-01",
        "--publisher", "Reuters", "--basis", "on-record", "-c", CONDITION, "--yes",
    ]  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def inserted_only(before: bytes, after: bytes) -> bytes:
    """The bytes inserted into `before` to make `after`; fails if any existing byte changed."""
    start = 0
    while start < len(before) and start < len(after) and before[start] == after[start]:
        start += 1
    tail = len(before) - start
    assert after[len(after) - tail :] == before[start:], "an existing byte changed"
    return after[start : len(after) - tail]


# --- bytes the text does not show ------------------------------------------------


@pytest.mark.parametrize(
    "name, before",
    [
        ("bom", codecs.BOM_UTF8 + MINIMAL.encode()),
        ("crlf", MINIMAL.replace("\n", "\r\n").encode()),
        ("no final newline", MINIMAL.rstrip("\n").encode()),
        ("crlf, bom, no final newline", codecs.BOM_UTF8 + MINIMAL.rstrip("\n").replace("\n", "\r\n").encode()),
    ],
)
def test_add_changes_no_existing_byte(write: Writer, name: str, before: bytes) -> None:
    path = write(before)
    code, _, err = run(*add_flags("ua-late", path))
    assert code == 0, err
    after = path.read_bytes()
    added = inserted_only(before, after)
    assert b"id: ua-late" in added
    if b"\r\n" in before:
        assert added.count(b"\n") == added.count(b"\r\n")  # the new lines end as the old ones do
    assert after.startswith(codecs.BOM_UTF8) == before.startswith(codecs.BOM_UTF8)
    assert after.endswith(b"\n") == before.endswith(b"\n")
    assert run("validate", str(path))[0] == 0


def test_flow_style_statements_are_refused_with_what_to_change(write: Writer) -> None:
    head, _, _ = MINIMAL.partition("statements:\n")
    flow = head + (
        "statements: [{id: ru-1, party: russia, date: 2022-03-07, source: tass-1, basis: on-record, "
        "conditions: [{id: ru-neutral, issue: nato, text: Neutral., kind: demand, stage: settlement, level: neutral}]}]\n"
    )
    path = write(flow)
    code, _, err = run(*add_flags("ua-late", path))
    assert code == 2
    assert "flow style" in err and "block list" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == flow


@pytest.mark.parametrize("data", [b"a: 1\r\nb: 2\n", b"a: 1\rb: 2\r"])
def test_mixed_or_bare_carriage_return_line_ends_are_refused(data: bytes) -> None:
    with pytest.raises(EditRefused, match="line ends"):
        Layout.of(data)


def test_layout_round_trip() -> None:
    layout = Layout.of(codecs.BOM_UTF8 + b"a: 1\r\nb: 2")
    assert layout == Layout(bom=True, newline="\r\n", final_newline=False)
    assert layout.encode(layout.to_lf("a: 1\r\nb: 2") + "c: 3\n") == codecs.BOM_UTF8 + b"a: 1\r\nb: 2\r\nc: 3"


# --- symlinks ----------------------------------------------------------------


def test_add_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real" / "positions.yaml"
    real.parent.mkdir()
    real.write_text(MINIMAL, encoding="utf-8")
    link = tmp_path / "work" / "positions.yaml"
    link.parent.mkdir()
    link.symlink_to(os.path.relpath(real, link.parent))
    code, _, err = run(*add_flags("ua-late", link))
    assert code == 0, err
    assert link.is_symlink()
    assert "id: ua-late" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["positions.yaml"]  # no lock or temporary left
    assert sorted(p.name for p in link.parent.iterdir()) == ["positions.yaml"]


def test_output_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "schema.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run("schema", "-o", str(link))[0] == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    atomic_write(link, "x")
    assert link.is_symlink() and (tmp_path / "new.json").read_text(encoding="utf-8") == "x"


def test_a_looping_link_or_a_non_file_is_refused_in_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "loop.json")
    with pytest.raises(WriteRefused, match="loops"):
        write_target(loop)
    code, _, err = run("schema", "-o", str(loop))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "loops" in err
    to_folder = tmp_path / "folder-link"
    to_folder.symlink_to(tmp_path)
    with pytest.raises(WriteRefused, match="not a regular file"):
        atomic_write(to_folder, "x")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    code, _, err = run("schema", "-o", str(fifo))
    assert code == 2 and "not a regular file" in err


# --- the lock ----------------------------------------------------------------


def second_waits_for_first(
    target: Path,
    lock: Callable[..., AbstractContextManager[None]],
    while_held: Callable[[], None] = lambda: None,
) -> list[str]:
    """While `lock` is held, a second try gives up at once and a waiting thread gets the
    lock only after release; `while_held` checks run with the lock held. The order seen."""
    order: list[str] = []
    with lock(target):
        with pytest.raises(LockTimeout, match="locked by another tracker"), lock(target, timeout=0.05):
            pass  # pragma: no cover - never entered
        while_held()

        def second() -> None:
            with lock(target, timeout=30):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        order.append("first")
    thread.join()
    return order


def test_the_lock_excludes_a_second_writer_until_released(tmp_path: Path) -> None:
    target = tmp_path / "positions.yaml"
    target.write_text("x", encoding="utf-8")
    assert second_waits_for_first(target, locked) == ["first", "second"]
    assert not lock_path(target).exists()


def test_add_waits_for_the_lock_and_gives_up_in_one_line(write: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(MINIMAL)
    monkeypatch.setenv("TRACKER_LOCK_TIMEOUT", "0.1")
    with locked(path):
        code, _, err = run(*add_flags("ua-late", path))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "locked by another tracker" in err
    assert path.read_text(encoding="utf-8") == MINIMAL


def _adder(job: tuple[str, int, int]) -> list[str]:
    """One concurrent adder (in a forked process): the ids whose add reported success."""
    data, worker, rounds = job
    succeeded = []
    for round_number in range(rounds):
        statement_id = f"w{worker}-r{round_number}"
        code, _, err = run(*add_flags(statement_id, Path(data)))
        if code == 0 and "added 1 statement(s)" in err:
            succeeded.append(statement_id)
    return succeeded


def test_concurrent_adds_lose_nothing(write: Writer) -> None:
    """4 adders × 25 rounds on one file: every reported success is in the final, valid file.

    scripts/concurrent_add.py runs the same race longer, through the installed command.
    """
    path = write(MINIMAL)
    workers, rounds = 4, 25
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_adder, [(str(path), worker, rounds) for worker in range(workers)])
    succeeded = [statement_id for ids in results for statement_id in ids]
    assert len(succeeded) == workers * rounds  # nobody timed out: every add took its turn
    text = path.read_text(encoding="utf-8")
    lost = [statement_id for statement_id in succeeded if f"id: {statement_id}\n" not in text]
    assert lost == []
    assert run("validate", str(path))[0] == 0  # 0 corrupt
    assert sorted(p.name for p in path.parent.iterdir()) == ["positions.yaml"]
