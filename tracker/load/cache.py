"""A cache of validated datasets, keyed by the hash of their content.

A valid dataset does not change until its bytes do, so the second run on the
same files can skip parsing, validation and the cross-dataset checks. Entries
live in the user's cache folder ($TRACKER_CACHE_DIR, else the platform's), one
file per content hash, written atomically, so concurrent runs at worst write
the same entry twice. An entry carries a header with the format version, the
key and a SHA-256 of its payload; anything that does not match (a truncated or
damaged file, another tracker version) is ignored, never decoded, and
rebuilt. Set TRACKER_NO_CACHE=1 to turn the cache off.

The payload is MessagePack decoded into the records' types by msgspec: data
only, never code, so even a forged entry cannot run anything. The folder is
still created 0700, since an entry that decodes is trusted to be valid.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import msgspec

from tracker import __version__
from tracker.core.dataset import Dataset
from tracker.core.model import PositionsFile

_MAGIC = b"tracker-dataset-cache 2\n"
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


def contains(key: str) -> bool:
    """Whether an entry exists (it may still turn out damaged on lookup)."""
    folder = cache_folder()
    return folder is not None and (folder / f"{key}.cache").is_file()


def lookup(key: str) -> Dataset | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        raw = (folder / f"{key}.cache").read_bytes()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not raw.startswith(header) or len(raw) < len(header) + 64:
        return None
    checksum, payload = raw[len(header) : len(header) + 64], raw[len(header) + 64 :]
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        return decode(payload)
    except (msgspec.DecodeError, ValueError):  # a damaged entry is ignored, and rebuilt
        return None


def store(key: str, dataset: Dataset) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    from tracker.files import atomic_write

    folder = cache_folder()
    if folder is None:
        return
    try:
        payload = encode(dataset)
    except (OverflowError, TypeError, ValueError):  # an integer beyond 64 bits, say: not cached
        return
    checksum = hashlib.sha256(payload).hexdigest().encode()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(folder / f"{key}.cache", _MAGIC + key.encode() + b"\n" + checksum + payload)
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[_KEEP:]:
        try:
            old.unlink()
        except OSError:
            continue
