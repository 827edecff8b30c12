"""Reading a dataset as it was at a git revision, through the `git` command line.

A dataset is found at a revision by its path; when the path does not exist there,
git's rename detection says where the files came from, so a review still works
after the file was moved or split into a directory.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from tracker.core.dataset import Dataset
from tracker.core.problems import DatasetError
from tracker.load.loader import YAML_SUFFIXES, load_two
from tracker.load.text import MAX_FILE_BYTES, read_bytes

WORKTREE = None  # the "revision" that means the files on disk


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision is unknown."""


class GitMissing(GitError):
    """No git command to run."""


@dataclass(frozen=True)
class Side:
    """One side of a review: a label for messages and the files found there."""

    label: str
    files: tuple[tuple[str, bytes], ...]  # (display name, content); empty: no dataset here


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        # Literal pathspecs: a dataset path such as `:(top)x` or `*.yaml` names a file, not git magic.
        environment = {**os.environ, "GIT_LITERAL_PATHSPECS": "1"}
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120, env=environment)
    except FileNotFoundError:
        raise GitMissing("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than 120 s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository_root(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    except GitMissing:
        raise
    except GitError:
        raise GitError(f"{cwd.resolve()} is not inside a git repository") from None


def resolve_revision(root: Path, revision: str) -> str:
    """The commit a revision names, or a GitError naming the revision."""
    if revision.startswith("-"):
        raise GitError(f"unknown revision `{revision}`")
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).decode().strip()
    except GitMissing:
        raise
    except GitError:
        raise GitError(f"unknown revision `{revision}`") from None


def _tracked(root: Path, commit: str, relative: str) -> list[str]:
    listing = _git(["ls-tree", "-r", "--name-only", "-z", commit, "--", relative], root)
    return [name for name in listing.decode("utf-8", "replace").split("\0") if name]


def _dataset_names(names: list[str], relative: str) -> list[str]:
    """A file at the path itself, or the *.yaml files directly inside it."""
    if relative in names:
        return [relative]
    prefix = relative.rstrip("/") + "/"
    return sorted(
        name
        for name in names
        if name.startswith(prefix) and "/" not in name[len(prefix) :] and PurePosixPath(name).suffix in YAML_SUFFIXES
    )


def _renamed_from(root: Path, commit: str, other: str | None, relative: str) -> list[str]:
    """Files at `commit` that git sees as renamed or copied to the dataset path."""
    span = [commit] if other is None else [commit, other]
    output = _git(["diff", "--name-status", "-z", "-M", "-C", *span, "--"], root).decode("utf-8", "replace")
    fields = [field for field in output.split("\0") if field]
    found, index = [], 0
    prefix = relative.rstrip("/") + "/"
    while index < len(fields):
        status = fields[index]
        if status[:1] in ("R", "C") and index + 2 < len(fields):
            old, new = fields[index + 1], fields[index + 2]
            if new == relative or new.startswith(prefix):
                found.append(old)
            index += 3
        else:
            index += 2
    return sorted(set(found))


def _blob(root: Path, commit: str, name: str) -> bytes:
    size = int(_git(["cat-file", "-s", f"{commit}:{name}"], root).decode().strip() or 0)
    if size > MAX_FILE_BYTES:
        raise GitError(f"{commit[:10]}:{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    return _git(["cat-file", "blob", f"{commit}:{name}"], root)


def read_side(root: Path, revision: str | None, data: Path, other: str | None = None) -> Side:
    """The dataset files at a revision (None: the working tree).

    `other` is the commit on the far side of the review, for rename detection
    when the dataset path does not exist at this revision.
    """
    absolute = data if data.is_absolute() else (Path.cwd() / data)
    try:
        relative = absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{data} is outside the repository {root}") from None
    if revision is None:
        from tracker.load.loader import dataset_files

        if not absolute.exists():
            return Side("working tree", ())
        try:
            files = tuple((display, read_bytes(path, display)) for path, display in dataset_files(data))
        except DatasetError as error:  # an empty folder, an unreadable or oversized file
            raise GitError("; ".join(str(problem) for problem in error.problems)) from None
        return Side("working tree", files)
    commit = resolve_revision(root, revision)
    label = f"{revision} ({commit[:10]})" if revision != commit else commit[:10]
    names = _dataset_names(_tracked(root, commit, relative), relative)
    if not names:
        moved = _renamed_from(root, commit, other, relative)
        names = [name for name in moved if PurePosixPath(name).suffix.lower() in YAML_SUFFIXES]
    return Side(label, tuple((f"{commit[:10]}:{name}", _blob(root, commit, name)) for name in names))


@dataclass(frozen=True)
class LoadedSide:
    """One side of a review, loaded: a dataset, or why it could not be."""

    label: str
    dataset: Dataset | None  # None: no dataset there, or it did not load
    problems: tuple[str, ...]  # FILE:LINE:COL: message, when it did not load
    present: bool


def load_sides(cwd: Path, base: str, head: str | None, data: Path, today: date) -> tuple[LoadedSide, LoadedSide]:
    """The dataset at `base` and at `head` (None: the working tree), each loaded.

    Raises GitError for git trouble, and when neither side has a dataset.
    """
    root = repository_root(cwd)
    head_commit = resolve_revision(root, head) if head is not None else None
    base_side = read_side(root, base, data, other=head_commit)
    head_side = read_side(root, head, data, other=resolve_revision(root, base))
    if not base_side.files and not head_side.files:
        raise GitError(f"no dataset at {data} in {base_side.label} or in {head_side.label}")
    base_loaded, head_loaded = load_two(base_side.files, head_side.files, today)
    return _loaded(base_side, base_loaded), _loaded(head_side, head_loaded)


def _loaded(side: Side, loaded: Dataset | DatasetError) -> LoadedSide:
    if not side.files:
        return LoadedSide(side.label, None, (), present=False)
    if isinstance(loaded, DatasetError):
        return LoadedSide(side.label, None, tuple(str(problem) for problem in loaded.problems), present=True)
    return LoadedSide(side.label, loaded, (), present=True)
