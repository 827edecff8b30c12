"""Loading both sides of a review, the first in a forked process when both are large."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date

import pytest

from tests.conftest import MINIMAL
from tracker.core.dataset import Dataset
from tracker.core.problems import DatasetError
from tracker.load import loader
from tracker.load.loader import load_two

TODAY = date(2026, 11, 27)
VALID = [("a.yaml", MINIMAL.encode())]
EDITED = [("a.yaml", MINIMAL.replace("Test war", "Another war").encode())]
INVALID = [("a.yaml", MINIMAL.replace("party: ukraine", "party: ukrane").encode())]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every pair large enough to fork, and record the children started."""
    started: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid != 0:
            started.append(pid)
        return pid

    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "fork", counting_fork)
    return started


def _files(result: Dataset | DatasetError) -> object:
    assert isinstance(result, Dataset), result
    return result.files


def test_both_sides_load_in_parallel_and_equal_a_plain_load(forks: list[int]) -> None:
    first, second = load_two(VALID, EDITED, TODAY)
    assert len(forks) == 1
    assert _files(first) == loader.load_dataset_bytes(VALID, TODAY).files
    assert _files(second) == loader.load_dataset_bytes(EDITED, TODAY).files


def test_the_forked_side_reports_its_problems_as_a_plain_load_does(forks: list[int]) -> None:
    first, second = load_two(INVALID, VALID, TODAY)
    assert len(forks) == 1
    assert isinstance(first, DatasetError) and isinstance(second, Dataset)
    with pytest.raises(DatasetError) as plain:
        loader.load_dataset_bytes(INVALID, TODAY)
    assert first.problems == plain.value.problems and first.unreadable == plain.value.unreadable


def _in_the_worker_only(monkeypatch: pytest.MonkeyPatch, act: Callable[[], object]) -> None:
    """Make loading in the worker process `act` instead; loads here stay as they are."""
    parent, real_load = os.getpid(), loader.load_dataset_bytes

    def load(files: Sequence[tuple[str, bytes]], today: date) -> Dataset:
        if os.getpid() != parent:
            act()
        return real_load(files, today)

    monkeypatch.setattr(loader, "load_dataset_bytes", load)


def test_a_worker_that_dies_is_replaced_by_a_load_here(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    _in_the_worker_only(monkeypatch, lambda: os._exit(1))  # as when the kernel kills it for memory
    first, _ = load_two(VALID, EDITED, TODAY)
    assert len(forks) == 1
    assert _files(first) == loader.load_dataset_bytes(VALID, TODAY).files


def test_a_worker_that_fails_is_replaced_by_a_load_here(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise MemoryError

    _in_the_worker_only(monkeypatch, fail)
    first, _ = load_two(INVALID, EDITED, TODAY)
    assert isinstance(first, DatasetError)


def test_no_fork_when_fork_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "fork", broken_fork)
    first, second = load_two(VALID, INVALID, TODAY)
    assert isinstance(first, Dataset) and isinstance(second, DatasetError)


def test_small_or_cached_sides_load_here(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    loader.load_dataset_bytes(VALID, TODAY)  # now in the cache
    load_two(VALID, EDITED, TODAY)
    assert forks == []
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 10**9)
    load_two(INVALID, EDITED, TODAY)
    assert forks == []


def test_a_failure_while_loading_here_leaves_no_child_behind(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = loader.load_dataset_bytes

    def interrupted(files: Sequence[tuple[str, bytes]], today: date) -> Dataset:
        if files is EDITED:
            raise KeyboardInterrupt
        return real_load(files, today)

    monkeypatch.setattr(loader, "load_dataset_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_two(VALID, EDITED, TODAY)
    [pid] = forks
    with pytest.raises(ChildProcessError):  # reaped: no zombie left
        os.waitpid(pid, os.WNOHANG)


def test_a_child_reaped_by_someone_else_is_fine(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    real_waitpid = os.waitpid

    def already_reaped(pid: int, options: int) -> tuple[int, int]:
        real_waitpid(pid, options)
        raise ChildProcessError(10, "No child processes")  # as when SIGCHLD is ignored

    monkeypatch.setattr(os, "waitpid", already_reaped)
    first, _ = load_two(VALID, EDITED, TODAY)
    assert _files(first) == loader.load_dataset_bytes(VALID, TODAY).files
