"""Writing files so that a crash leaves the old file or the new one, never half.

The new content goes to a temporary file in the same folder, is flushed and
fsynced, then renamed over the target, and the folder is fsynced so that the
rename survives a power cut. On Linux the temporary file is first created
unnamed (O_TMPFILE) and only gets a name just before the rename, so a kill
while writing leaves nothing behind. A temporary name left by a kill in the
instant between naming and renaming carries its writer's pid, and the next
write to the same file removes it once that process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

_TEMP = re.compile(r"^\.(?P<name>.+)\.tracker-(?P<pid>\d+)\.tmp$")


def atomic_write(path: Path, text: str | bytes) -> None:
    """Replace path with text (UTF-8) atomically; see the module docstring."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = path.resolve().parent
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
    folder = path.resolve().parent
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
