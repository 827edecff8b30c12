"""The Windows branch of the add lock (`msvcrt.locking` in tracker/files.py), run on any system.

`tracker.files` is loaded a second time as if on Windows, with a stand-in
`msvcrt` that keeps the byte-range rules of the real one (a range held through
one descriptor cannot be locked through another; only the holder can unlock
it, and only the very range it locked; a closed descriptor is an error) and
records every call. Its `_try_lock` and `_unlock` then replace the POSIX ones
under the real `locked` and `tracker add`.

What this cannot show is Windows itself: that a lock dies with its handle, or
that removing the open lock file fails there (see the report of this change).
"""

from __future__ import annotations

import errno
import importlib.util
import os
import sys
import threading
import types
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.authoring.test_add import DRESSED, FLAGS, run
from tests.authoring.test_add_safety import second_waits_for_first
from tests.conftest import Writer
from tracker import files
from tracker.files import lock_path, locked


class Call(NamedTuple):
    mode: int
    descriptor: int
    start: int
    length: int


class FakeMsvcrt(types.ModuleType):
    """`msvcrt.locking` with Windows' byte-range semantics, keyed by the open file."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[Call] = []
        self.held: dict[tuple[int, int, int, int], int] = {}  # (device, inode, start, length) -> descriptor
        self._mutex = threading.Lock()

    def locking(self, descriptor: int, mode: int, length: int) -> None:
        state = os.fstat(descriptor)  # OSError (EBADF) for a closed descriptor, as on Windows
        start = os.lseek(descriptor, 0, os.SEEK_CUR)  # a range starts at the file position
        refused = PermissionError(errno.EACCES, "Permission denied")
        with self._mutex:
            self.calls.append(Call(mode, descriptor, start, length))
            key = (state.st_dev, state.st_ino, start, length)
            if mode == self.LK_NBLCK:
                overlapping = [
                    k for k in self.held if k[:2] == key[:2] and k[2] < start + length and start < k[2] + k[3]
                ]
                if overlapping:
                    raise refused
                self.held[key] = descriptor
            elif mode == self.LK_UNLCK:
                if self.held.get(key) != descriptor:
                    raise refused
                del self.held[key]
            else:  # LK_LOCK and LK_RLCK retry for 10 s and then fail: tracker does its own waiting
                raise AssertionError(f"unexpected locking mode {mode}")

    def modes(self) -> list[int]:
        return [call.mode for call in self.calls]


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    with monkeypatch.context() as windows_only:
        windows_only.setattr(sys, "platform", "win32")
        windows_only.setitem(sys.modules, "msvcrt", fake)
        spec = importlib.util.spec_from_file_location("tracker_files_on_windows", files.__file__)
        assert spec is not None and spec.loader is not None
        windows = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(windows)
    assert id(windows.msvcrt) == id(fake) and not hasattr(windows, "fcntl")  # the Windows branch, not POSIX
    monkeypatch.setattr(files, "_try_lock", windows._try_lock)
    monkeypatch.setattr(files, "_unlock", windows._unlock)
    return fake


def held_by(fake: FakeMsvcrt, path: Path) -> list[int]:
    state = path.stat()
    return [descriptor for key, descriptor in fake.held.items() if key[:2] == (state.st_dev, state.st_ino)]


def test_the_lock_takes_the_first_byte_and_releases_it_before_closing(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    target = tmp_path / "positions.yaml"
    target.write_text("x", encoding="utf-8")
    with locked(target):
        [descriptor] = held_by(msvcrt, lock_path(target))
        assert msvcrt.calls == [Call(msvcrt.LK_NBLCK, descriptor, 0, 1)]
    assert msvcrt.calls == [Call(msvcrt.LK_NBLCK, descriptor, 0, 1), Call(msvcrt.LK_UNLCK, descriptor, 0, 1)]
    assert msvcrt.held == {}


def test_the_lock_is_released_when_the_work_under_it_fails(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    target = tmp_path / "positions.yaml"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk on fire"), locked(target):
        raise RuntimeError("disk on fire")
    assert msvcrt.modes() == [msvcrt.LK_NBLCK, msvcrt.LK_UNLCK]
    assert msvcrt.held == {}


def test_a_refused_lock_is_waited_for_then_taken(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    target = tmp_path / "positions.yaml"
    target.write_text("x", encoding="utf-8")

    def survived() -> None:
        assert len(msvcrt.held) == 1  # the holder's lock survived the waiter giving up

    assert second_waits_for_first(target, locked, survived) == ["first", "second"]
    assert msvcrt.held == {}
    assert msvcrt.modes().count(msvcrt.LK_UNLCK) >= 2  # each holder released what it took


def test_add_under_the_windows_lock(write: Writer, msvcrt: FakeMsvcrt) -> None:
    path = write(DRESSED)
    code, _, err = run("-d", str(path), *FLAGS)
    assert code == 0, err
    assert "russia-2022-03-20-sergei-lavrov" in path.read_text(encoding="utf-8")
    assert msvcrt.modes() == [msvcrt.LK_NBLCK, msvcrt.LK_UNLCK]
    assert msvcrt.held == {}


def test_a_refused_add_releases_the_windows_lock(write: Writer, msvcrt: FakeMsvcrt) -> None:
    path = write(DRESSED)
    bad = [*FLAGS[:-1], "{issue: natto, text: x, kind: demand, stage: settlement}"]
    code, _, err = run("-d", str(path), *bad)
    assert code == 1 and "nothing was written" in err
    assert msvcrt.modes() == [msvcrt.LK_NBLCK, msvcrt.LK_UNLCK]
    assert msvcrt.held == {}
    assert path.read_text(encoding="utf-8") == DRESSED
