"""Load a dataset from a file or a directory of `*.yaml` files.

The contract: either a `Dataset` that passed every check, or a `DatasetError`
listing every problem found, each with its file, line and column.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import collector
from tracker.core.checks import Incomplete, SalvagedCondition, check_dataset, check_salvaged
from tracker.core.dataset import Dataset
from tracker.core.model import PositionsFile
from tracker.core.problems import DatasetError, Problem
from tracker.core.problems import Path as DataPath
from tracker.load.pieces import has_mark
from tracker.load.text import decode, fast_parser_may_misread, read_bytes

if TYPE_CHECKING:
    from tracker.load.validation import Located
    from tracker.load.yaml_parse import Parsed

YAML_SUFFIXES = (".yaml", ".yml")


def fast_pass_allowed(text: str) -> bool:
    """Whether yaml-rs reads the text as the precise pass would.

    Not where a tag could start (yaml-rs drops unknown tags silently; a "!" in
    prose is a false alarm that only costs the slower pass), nor where a
    character would be read differently (a NUL, where yaml-rs stops reading).
    """
    return not has_mark(text, "!") and not fast_parser_may_misread(text)


@dataclass
class _File:
    display: str
    text: str
    content: PositionsFile | None = None
    parsed: Parsed | None = None
    problems: list[Problem] = field(default_factory=list)
    incomplete: Incomplete = field(default_factory=Incomplete)
    kept: dict[str, list[int]] = field(default_factory=dict)
    refused: frozenset[DataPath] = frozenset()
    salvaged: list[SalvagedCondition] = field(default_factory=list)

    def precise(self) -> Parsed:
        if self.parsed is None:
            from tracker.load.yaml_parse import precise_parse

            self.parsed = precise_parse(self.text, self.display)
        return self.parsed

    def original_path(self, path: DataPath) -> DataPath:
        """Map a path into the valid items back to the item's place in the file."""
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int) and path[0] in self.kept:
            return (path[0], self.kept[path[0]][path[1]], *path[2:])
        return path

    def hidden(self, problem: Problem) -> bool:
        """A problem inside a node already refused (an unsupported tag, say)."""
        return any(problem.path[: len(r)] == r for r in self.refused)

    def locate(self, located: Located) -> Problem:
        return self.locate_problem(located.problem, on_key=located.on_key)

    def locate_problem(self, problem: Problem, on_key: bool = False) -> Problem:
        if problem.line is not None:
            return problem
        parsed = self.precise()
        line, column = parsed.locate_key(problem.path) if on_key else parsed.locate(problem.path)
        return problem.at(line, column)


def dataset_files(path: Path) -> list[tuple[Path, str]]:
    """The files a path stands for, with the names used in messages.

    In a directory: the regular files (or links to one) named *.yaml or *.yml,
    in any case. Every other entry is skipped with one line on stderr saying
    why, except hidden ones (a lock file, an editor's swap file).
    """
    if path.is_dir():
        found = []
        for member in sorted(path.iterdir()):
            why = _skipped_because(member)
            if why is None:
                found.append(member)
            elif not member.name.startswith("."):
                from tracker.core.text import inert

                sys.stderr.write(f"tracker: note: skipping {inert(str(member))}: {why}\n")
        if not found:
            raise DatasetError([Problem("directory holds no *.yaml or *.yml files", str(path))], unreadable=True)
        return [(p, str(p)) for p in found]
    return [(path, str(path))]


def _skipped_because(member: Path) -> str | None:
    """Why a directory entry is not a member of the dataset, or None when it is."""
    if member.suffix.lower() not in YAML_SUFFIXES:
        return "not a .yaml or .yml file"
    try:
        info = member.stat()
    except FileNotFoundError:
        return "a symbolic link to nothing"
    except RuntimeError:
        return "a symbolic link that loops"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops"
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return "a directory"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, socket or device)"
    return None


def load_dataset(path: Path, today: date) -> Dataset:
    """The dataset at path (a file or a folder of *.yaml), from the cache when the bytes are known."""
    return load_dataset_bytes([(display, read_bytes(p, display)) for p, display in dataset_files(path)], today)


def load_dataset_bytes(files: Sequence[tuple[str, bytes]], today: date) -> Dataset:
    """A dataset from file contents already in memory (a git revision, say)."""
    from tracker.load import cache

    key = cache.key_for(files)
    with collector.paused():
        cached = cache.lookup(key)
        if cached is not None:
            return cached
        dataset = _assemble([_load_bytes(display, data) for display, data in files], today)
    cache.store(key, dataset)
    return dataset


def _assemble(files: list[_File], today: date) -> Dataset:
    problems = [problem for f in files for problem in f.problems]
    loaded = [f for f in files if f.content is not None]
    incomplete = _merge_incomplete([f.incomplete for f in files], any_lost=len(loaded) < len(files))
    dataset = Dataset(files=tuple((f.display, f.content) for f in loaded if f.content is not None))
    by_name = {f.display: f for f in files}
    for problem in check_dataset(dataset, today, incomplete):
        owner = by_name[problem.file]
        moved = Problem(problem.message, problem.file, owner.original_path(problem.path))
        problems.append(owner.locate_problem(moved))
    for problem in check_salvaged(dataset, (s for f in files for s in f.salvaged), incomplete):
        problems.append(by_name[problem.file].locate_problem(problem))  # paths already as written
    if problems:
        order = {f.display: i for i, f in enumerate(files)}
        problems.sort(key=lambda p: (order.get(p.file, 0), p.line or 0, p.column or 0))
        raise DatasetError(problems)
    return dataset


def _load_bytes(display: str, data: bytes) -> _File:
    try:
        text = decode(data, display)
    except DatasetError as error:
        return _File(display, "", problems=error.problems, incomplete=_ALL)
    return _load_text(display, text)


def _load_text(display: str, text: str) -> _File:
    # Imported here: a dataset found in the cache needs neither pydantic nor the parsers.
    from tracker.core import file_format
    from tracker.load.fast import fast_parse, parse_pieces
    from tracker.load.pieces import cut
    from tracker.load.validation import validate_shape

    loaded = _File(display, text)
    if fast_pass_allowed(text):
        try:
            pieces = cut(text)
            if pieces is None:
                loaded.content = file_format.consume_into_records(fast_parse(text))
            else:
                loaded.content = file_format.records_from_parts(*parse_pieces(pieces))
            return loaded
        except Exception as error:  # noqa: BLE001 - invalid data, or any fast-parser failure: the precise pass words it
            _fast_pass_failed(display, error)
    parsed = loaded.precise()
    loaded.problems = list(parsed.problems)
    if parsed.data is None and parsed.problems:
        loaded.incomplete = _ALL
        return loaded
    shape = validate_shape(parsed.data, display)
    loaded.refused = frozenset(parsed.refused)
    loaded.problems += [loaded.locate(p) for p in shape.problems if not loaded.hidden(p.problem)]
    loaded.incomplete = shape.incomplete
    loaded.kept = shape.kept
    loaded.salvaged = shape.salvaged
    # A file with any problem at all (a duplicate key dropped a value, say) is not
    # trusted as a whole, but its valid items still take part in the checks.
    loaded.content = None if shape.content is None else file_format.to_records(shape.content)
    return loaded


# Why the fast pass gave up, by exception type, in this process. Invalid data is
# the expected reason; anything else is a bug that would show only as slowness.
FAST_PASS_FAILURES: Counter[str] = Counter()


def _fast_pass_failed(display: str, error: Exception) -> None:
    FAST_PASS_FAILURES[type(error).__name__] += 1
    if os.environ.get("TRACKER_DEBUG"):
        reason = " ".join(str(error).split())
        sys.stderr.write(
            f"tracker: debug: {display}: fast pass gave up ({type(error).__name__}: {reason}); reading it again\n"
        )


_ALL = Incomplete(issues=True, parties=True, sources=True, statements=True)


def _merge_incomplete(parts: list[Incomplete], any_lost: bool) -> Incomplete:
    if any_lost:
        return _ALL
    return Incomplete(
        issues=any(p.issues for p in parts),
        parties=any(p.parties for p in parts),
        sources=any(p.sources for p in parts),
        statements=any(p.statements for p in parts),
    )


# Below this many bytes a side loads in less time than a second process takes to start.
PARALLEL_BYTES = 2_000_000
Loaded = Dataset | DatasetError


def load_two(
    first: Sequence[tuple[str, bytes]], second: Sequence[tuple[str, bytes]], today: date
) -> tuple[Loaded, Loaded]:
    """Two datasets, each loaded or its DatasetError, as `review` needs them.

    When both are large and neither is in the cache, the first loads in a forked
    worker process while this one loads the second: on two cores a review of
    20,000 statements then costs about one load instead of two. The worker hands
    back records as MessagePack; if it fails in any way, the first is loaded
    here after all. Where fork is missing (Windows), the loads run one by one.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from tracker.load import cache

    def size(files: Sequence[tuple[str, bytes]]) -> int:
        return sum(len(data) for _, data in files)

    worth_it = (
        "fork" in multiprocessing.get_all_start_methods()
        and min(size(first), size(second)) >= PARALLEL_BYTES
        and not cache.contains(cache.key_for(first))
        and not cache.contains(cache.key_for(second))
    )
    if not worth_it:
        return _attempt(first, today), _attempt(second, today)
    # fork, not spawn: the worker needs no fresh interpreter and imports, only the loader already here.
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    try:
        try:
            future = pool.submit(_load_encoded, first, today)
        except OSError:  # no process to be had: load here
            return _attempt(first, today), _attempt(second, today)
        later = _attempt(second, today)
        try:
            encoded, problems, unreadable = future.result()
            return (cache.decode(encoded) if encoded else DatasetError(problems, unreadable=unreadable)), later
        except Exception:  # noqa: BLE001 - a worker that died or failed: load this side here
            return _attempt(first, today), later
    except BaseException:  # Ctrl-C, say: stop the worker rather than wait for its load
        # ProcessPoolExecutor has no public way to stop a running worker before Python 3.14.
        for process in (getattr(pool, "_processes", None) or {}).values():
            process.kill()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _attempt(files: Sequence[tuple[str, bytes]], today: date) -> Loaded:
    try:
        return load_dataset_bytes(files, today)
    except DatasetError as error:
        return error


def _load_encoded(files: Sequence[tuple[str, bytes]], today: date) -> tuple[bytes, list[Problem], bool]:
    """The worker's side: the records as MessagePack, or the problems."""
    from tracker.load import cache

    try:
        return cache.encode(load_dataset_bytes(files, today)), [], False
    except DatasetError as error:
        return b"", error.problems, error.unreadable
