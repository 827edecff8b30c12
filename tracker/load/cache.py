"""A cache of validated datasets, keyed by the hash of their content.

A valid dataset does not change until its bytes do, so the second run on the
same files can skip parsing, validation and the cross-dataset checks. Entries
live in the user's cache folder ($TRACKER_CACHE_DIR, else the platform's), one
file per key, written atomically, so concurrent runs at worst write the same
entry twice. Set TRACKER_NO_CACHE=1 to turn the cache off.

An entry that decodes is trusted to be valid, so the cache must not lie:

- The key depends on the SHA-256 of every file's bytes as read (and the code
  that validated them), and an entry holds its key and an HMAC-SHA256 of key
  and payload under a per-user secret (a 0600 file in the folder). A copied,
  renamed or forged entry fails the HMAC and is never decoded.
- Entries are opened with O_NOFOLLOW and O_NONBLOCK and must be regular files
  owned by this user and at most MAX_ENTRY_BYTES, checked before reading: a
  symlink, FIFO or device in the folder is never read.
- The folder is created 0700; one that is group- or world-writable or owned by
  another user is not used (a note says so), nor is a secret that is.
- Pruning removes only files named like an entry that begin with the header.

The payload is MessagePack decoded into the records' types by msgspec: data
only, never code.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

import msgspec

from tracker import __version__
from tracker.core.dataset import Dataset
from tracker.core.model import PositionsFile

_MAGIC = b"tracker-dataset-cache 3\n"
_Files = tuple[tuple[str, PositionsFile], ...]


def encode(dataset: Dataset) -> bytes:
    """A valid dataset as MessagePack; raises OverflowError for an integer beyond 64 bits."""
    return msgspec.msgpack.encode(dataset.files)


def decode(payload: bytes) -> Dataset:
    """The dataset `encode` wrote; raises msgspec.DecodeError (or ValueError) for anything else."""
    return Dataset(files=msgspec.msgpack.decode(payload, type=_Files))


_KEEP = 32  # newest entries kept; older ones are removed when a new one is written


def cache_folder() -> Path | None:
    """The folder for entries, or None when the cache is off.

    Written out rather than taken from platformdirs, whose import alone would
    cost more start-up time than the cache saves on a small dataset.
    """
    if os.environ.get("TRACKER_NO_CACHE"):
        return None
    if os.environ.get("TRACKER_CACHE_DIR"):
        return Path(os.environ["TRACKER_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "tracker"


def _code_digest() -> bytes:
    """A digest of the code that decides what is valid, so that a change to a rule
    (between releases, or on a developer's checkout) never revives an old verdict."""
    import tracker.core
    import tracker.load

    digest = hashlib.sha256()
    for package in (tracker.core, tracker.load):
        folder = Path(next(iter(package.__path__)))
        for source in sorted(folder.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


def key_for(files: Sequence[tuple[str, bytes]]) -> str:
    """Depends on every file's name and bytes, and on the code that validated them."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    digest.update(_code_digest())
    for display, data in files:
        digest.update(display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


# An entry is a few times smaller than the files it stands for, which the
# loader bounds at 64 MiB each; anything larger is not one of ours.
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.cache$")
_SECRET_NAME = "tracker-cache.secret"
_SECRET_BYTES = 32
_noted: set[str] = set()


def _note_once(message: str) -> None:
    if message not in _noted:
        _noted.add(message)
        from tracker.core.text import inert

        sys.stderr.write(f"tracker: note: {inert(message)}\n")


def _user() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def _safe_folder(create: bool) -> Path | None:
    """The cache folder if it is this user's alone (created 0700 when asked), else None."""
    folder = cache_folder()
    if folder is None:
        return None
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    try:
        info = folder.stat()
    except OSError:
        return None
    user = _user()
    if not stat.S_ISDIR(info.st_mode):
        return None
    if user is not None and (info.st_uid != user or info.st_mode & 0o022):
        why = "is owned by another user" if info.st_uid != user else "is writable by other users"
        _note_once(f"the cache folder {folder} {why}; not using it (fix it, or set TRACKER_CACHE_DIR)")
        return None
    return folder


def _open_regular(path: Path, limit: int) -> tuple[int, os.stat_result] | None:
    """A descriptor of path if it is a regular file of ours within limit; never follows a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    info = os.fstat(descriptor)
    user = _user()
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit or (user is not None and info.st_uid != user):
        os.close(descriptor)
        return None
    return descriptor, info


def _read_regular(path: Path, limit: int) -> bytes | None:
    opened = _open_regular(path, limit)
    if opened is None:
        return None
    descriptor, _ = opened
    try:
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def _secret(folder: Path) -> bytes | None:
    """This user's HMAC key, made on first use; None when it cannot be made or trusted.

    Written to a temporary file and linked into place, so that it appears whole
    or not at all, even when two first runs race.
    """
    path = folder / _SECRET_NAME
    if not os.path.lexists(path):
        temporary = folder / f".{_SECRET_NAME}.{os.getpid()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            descriptor = os.open(temporary, flags, 0o600)
            try:
                os.write(descriptor, os.urandom(_SECRET_BYTES))
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.link(temporary, path)
        except OSError:
            pass  # another run linked its secret first, or the folder is not writable
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    secret = _read_regular(path, _SECRET_BYTES)
    if secret is None or len(secret) != _SECRET_BYTES:
        return None
    try:
        if path.lstat().st_mode & 0o077:
            return None  # readable by others: entries signed with it prove nothing
    except OSError:
        return None
    return secret


def _tag(secret: bytes, key: str, payload: bytes) -> bytes:
    return hmac.new(secret, _MAGIC + key.encode() + b"\n" + payload, hashlib.sha256).hexdigest().encode()


def contains(key: str) -> bool:
    """Whether an entry exists (it may still turn out damaged on lookup)."""
    folder = _safe_folder(create=False)
    if folder is None:
        return False
    try:
        return stat.S_ISREG((folder / f"{key}.cache").lstat().st_mode)
    except OSError:
        return False


def lookup(key: str) -> Dataset | None:
    folder = _safe_folder(create=False)
    if folder is None:
        return None
    raw = _read_regular(folder / f"{key}.cache", MAX_ENTRY_BYTES)
    if raw is None:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not raw.startswith(header) or len(raw) < len(header) + 64:
        return None
    tag, payload = raw[len(header) : len(header) + 64], raw[len(header) + 64 :]
    secret = _secret(folder)
    if secret is None or not hmac.compare_digest(_tag(secret, key, payload), tag):
        return None
    try:
        return decode(payload)
    except (msgspec.DecodeError, ValueError):  # a damaged entry is ignored, and rebuilt
        return None


def store(key: str, dataset: Dataset) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    from tracker.files import atomic_write

    try:
        payload = encode(dataset)
    except (OverflowError, TypeError, ValueError):  # an integer beyond 64 bits, say: not cached
        return
    folder = _safe_folder(create=True)
    if folder is None or len(payload) > MAX_ENTRY_BYTES:
        return
    secret = _secret(folder)
    if secret is None:
        return
    try:
        # follow_links=False: an entry's name that is a link is replaced, never written through.
        atomic_write(
            folder / f"{key}.cache",
            _MAGIC + key.encode() + b"\n" + _tag(secret, key, payload) + payload,
            follow_links=False,
        )
        _prune(folder)
    except OSError:
        return


def _is_entry(path: Path) -> bool:
    """Named like an entry, a regular file of ours, and starting with the header."""
    if not _ENTRY_NAME.match(path.name):
        return False
    opened = _open_regular(path, MAX_ENTRY_BYTES)
    if opened is None:
        return False
    descriptor, _ = opened
    try:
        return os.read(descriptor, len(_MAGIC)) == _MAGIC
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _prune(folder: Path) -> None:
    """Keep the newest _KEEP entries; other files in the folder are not tracker's to remove."""
    entries = []
    for path in folder.iterdir():
        if _is_entry(path):
            try:
                entries.append((path.lstat().st_mtime, path))
            except OSError:
                continue
    entries.sort(reverse=True)
    for _, old in entries[_KEEP:]:
        try:
            old.unlink()
        except OSError:
            continue
