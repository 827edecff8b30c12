"""Writing files so that a crash leaves the old file or the new one, never half.

The new content goes to a temporary file in the same folder, is flushed and
fsynced, then renamed over the target, and the folder is fsynced so that the
rename survives a power cut. On Linux the temporary file is first created
unnamed (O_TMPFILE) and only gets a name just before the rename, so a kill
while writing leaves nothing behind. A temporary name left by a kill in the
instant between naming and renaming carries its writer's pid, and the next
write to the same file removes it once that process is gone.

A path that is a symbolic link is written through: the link's final target is
replaced (its temporary file beside it, so the rename never crosses file
systems) and the link stays a link. `locked` serialises writers of one file
(`tracker add`) with an advisory lock on a lock file beside its target.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

_TEMP = re.compile(r"^\.(?P<name>.+)\.tracker-(?P<pid>\d+)\.tmp$")


class WriteRefused(OSError):
    """A write tracker will not do, with a one-line reason naming the path.

    An OSError, so that every caller that reports a failed write reports this too."""


def _shown(path: Path) -> str:
    from tracker.core.text import inert

    return inert(str(path))


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: path itself, or the end of its symlink chain.

    Raises WriteRefused for a link that loops, and for a target that exists but
    is not a regular file (a folder, a device, a FIFO), which a rename would
    replace rather than write.
    """
    target = path
    if path.is_symlink():
        try:
            target = path.resolve(strict=False)
        except (RuntimeError, OSError):  # a loop (RuntimeError before Python 3.13)
            raise WriteRefused(f"cannot write {_shown(path)}: it is a symbolic link that loops") from None
        if target.is_symlink():  # resolve() stops at a loop on some versions instead of raising
            raise WriteRefused(f"cannot write {_shown(path)}: it is a symbolic link that loops")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise WriteRefused(f"cannot write {_shown(path)}: {error.strerror or error}") from None
    import stat

    if not stat.S_ISREG(mode):
        where = "" if target == path else f" (a link to {_shown(target)})"
        raise WriteRefused(f"cannot write {_shown(path)}{where}: not a regular file; give a file path")
    return target


def atomic_write(path: Path, text: str | bytes, *, follow_links: bool = True) -> None:
    """Replace path (or the file it links to) with text (UTF-8) atomically; see the module docstring.

    With follow_links=False a link at path is replaced by the file, as a plain
    rename would (the cache, whose entries must never write elsewhere).
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if follow_links:
        path = write_target(path)
    folder = path.parent.resolve()
    remove_stale_temporaries(path)
    temporary = folder / f".{path.name}.tracker-{os.getpid()}.tmp"
    descriptor = _open_unnamed(folder)
    named = descriptor is None
    if descriptor is None:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write_all(descriptor, data)
        os.fsync(descriptor)
        os.fchmod(descriptor, _mode_for(path))
        if not named:
            _name_unnamed(descriptor, folder, temporary.name)
            named = True
        os.replace(temporary, path)
        named = False
    except BaseException:
        if named:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
    finally:
        os.close(descriptor)
    _fsync_folder(folder)


def atomic_create(path: Path, text: str) -> None:
    """Write a new file whole, or not at all; raise FileExistsError if path exists.

    The content is written and fsynced under a temporary name, then hard-linked
    to `path`, which fails rather than replace a file that appeared meanwhile.
    """
    folder = path.resolve().parent
    temporary = folder / f".{path.name}.tracker-{os.getpid()}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            _write_all(descriptor, text.encode("utf-8"))
            os.fsync(descriptor)
            os.fchmod(descriptor, _mode_for(path))
        finally:
            os.close(descriptor)
        os.link(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _fsync_folder(folder)


def _open_unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:  # a file system without O_TMPFILE support
        return None


def _name_unnamed(descriptor: int, folder: Path, name: str) -> None:
    # A dir_fd makes Python use linkat with AT_SYMLINK_FOLLOW, which is what
    # links an O_TMPFILE inode through /proc; plain link() would refuse.
    folder_descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.link(f"/proc/self/fd/{descriptor}", name, dst_dir_fd=folder_descriptor)
    finally:
        os.close(folder_descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of this target left by writers that no longer run."""
    folder = path.parent.resolve()
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return
    for candidate in candidates:
        match = _TEMP.match(candidate.name)
        if match is None or match["name"] != path.name or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own earlier attempt: not in progress
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask ones."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is done
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# How long `locked` waits for another writer before giving up, in seconds;
# $TRACKER_LOCK_TIMEOUT overrides it.
LOCK_TIMEOUT = 30.0


class LockTimeout(WriteRefused):
    """Another process held the lock for longer than the timeout."""


def lock_path(path: Path) -> Path:
    """The lock file of a dataset file: hidden, beside the file the path finally names."""
    target = write_target(path)
    return target.parent / f".{target.name}.lock"


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive advisory lock for writing `path`, waiting up to `timeout` seconds.

    Every tracker writer of the file takes it around its whole read, validate
    and write, so two `tracker add`s cannot both read the same old file. The
    holder removes the lock file before releasing it; a waiter that then holds
    the lock of a removed file sees that its file is no longer the one at the
    path, and starts again. Raises LockTimeout with a one-line message.
    """
    if timeout is None:
        try:
            timeout = float(os.environ.get("TRACKER_LOCK_TIMEOUT", LOCK_TIMEOUT))
        except ValueError:
            timeout = LOCK_TIMEOUT
    wait = timeout
    where = lock_path(path)
    deadline = time.monotonic() + wait
    descriptor = _acquire(path, where, deadline, wait)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(where)
        _unlock(descriptor)
        os.close(descriptor)


def _acquire(path: Path, where: Path, deadline: float, wait: float) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            descriptor = os.open(where, flags, 0o600)
        except OSError as error:
            raise WriteRefused(f"cannot create the lock file {_shown(where)}: {error.strerror or error}") from None
        try:
            while not _try_lock(descriptor):
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{_shown(path)} is locked by another tracker writing it ({_shown(where)}) "
                        f"for more than {wait:g} s; nothing was written, try again"
                    )
                time.sleep(0.02)
            held = os.fstat(descriptor)
            try:
                current = os.stat(where, follow_symlinks=False)
            except FileNotFoundError:
                current = None
        except BaseException:
            os.close(descriptor)
            raise
        if current is not None and (current.st_dev, current.st_ino) == (held.st_dev, held.st_ino):
            return descriptor
        _unlock(descriptor)  # the lock of a file its holder removed: try the new one
        os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        # flock belongs to the open file, not the process (as fcntl record locks
        # do), so two writers in one process exclude each other too; Linux
        # carries it over NFS as a record lock.
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
