"""The dataset cache: a hit gives the same dataset; a damaged entry is never trusted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, Writer
from tracker.load import cache
from tracker.load.loader import load_dataset

TODAY = date(2026, 11, 27)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.cache"))


def _python(code: str, *args: str, path: Path = REPO) -> str:
    """Run code in a fresh interpreter (tracker imported from `path`) and return its output."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=path, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


LOAD = """
import sys
from datetime import date
from pathlib import Path
from tracker.load.loader import load_dataset
dataset = load_dataset(Path(sys.argv[1]), date(2026, 11, 27))
print(len(dataset.statements), "pydantic" in sys.modules)
"""


def test_second_load_comes_from_the_cache_and_is_equal(write: Writer, minimal_yaml: str, private_cache: Path) -> None:
    path = write(minimal_yaml)
    first = load_dataset(path, TODAY)
    [entry] = entries(private_cache)
    assert entry.name == cache.key_for([(str(path), path.read_bytes())]) + ".cache"
    assert load_dataset(path, TODAY).files == first.files
    # A process that finds the dataset in the cache never validates: it does not even import pydantic.
    assert _python(LOAD, str(path)) == "2 False\n"
    entry.unlink()
    assert _python(LOAD, str(path)) == "2 True\n"


def test_changed_content_is_a_new_key(write: Writer, minimal_yaml: str, private_cache: Path) -> None:
    path = write(minimal_yaml)
    load_dataset(path, TODAY)
    write(minimal_yaml.replace("Test war", "Another war"))
    dataset = load_dataset(path, TODAY)
    assert dataset.conflict is not None and dataset.conflict.title == "Another war"
    assert len(entries(private_cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-10] + bytes(10),  # payload overwritten
        lambda raw: b"not a cache" + raw,  # wrong header
        lambda raw: raw.replace(b"tracker-dataset-cache 3", b"tracker-dataset-cache 9"),  # other version
        lambda raw: b"",  # empty
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    write: Writer, minimal_yaml: str, private_cache: Path, damage: object
) -> None:
    path = write(minimal_yaml)
    load_dataset(path, TODAY)
    [entry] = entries(private_cache)
    assert callable(damage)
    entry.write_bytes(damage(entry.read_bytes()))
    dataset = load_dataset(path, TODAY)
    assert [s.id for s in dataset.statements] == ["ru-1", "ua-1"]
    assert entry.read_bytes().startswith(b"tracker-dataset-cache 3\n")  # rebuilt


def test_a_valid_looking_entry_with_the_wrong_payload_type_is_ignored(
    write: Writer, minimal_yaml: str, private_cache: Path
) -> None:
    import hashlib

    import msgspec

    path = write(minimal_yaml)
    load_dataset(path, TODAY)
    [entry] = entries(private_cache)
    key = entry.stem
    payload = msgspec.msgpack.encode(("not", "a dataset"))
    entry.write_bytes(
        b"tracker-dataset-cache 3\n" + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + payload
    )
    assert [s.id for s in load_dataset(path, TODAY).statements] == ["ru-1", "ua-1"]


def test_invalid_data_is_never_cached(write: Writer, minimal_yaml: str, private_cache: Path) -> None:
    from tracker.core.problems import DatasetError

    path = write(minimal_yaml.replace("party: ukraine", "party: ukrane"))
    with pytest.raises(DatasetError):
        load_dataset(path, TODAY)
    assert entries(private_cache) == []


def test_the_cache_can_be_turned_off(
    write: Writer, minimal_yaml: str, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    load_dataset(write(minimal_yaml), TODAY)
    assert entries(private_cache) == []


def test_an_unwritable_cache_folder_is_no_error(
    write: Writer, minimal_yaml: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(blocker / "cache"))
    assert load_dataset(write(minimal_yaml), TODAY).conflict is not None


def test_a_change_to_the_validating_code_changes_the_key(tmp_path: Path) -> None:
    key = "from tracker.load import cache; print(cache.key_for([('positions.yaml', b'schema: 1')]))"
    shutil.copytree(REPO / "tracker", tmp_path / "tracker", ignore=shutil.ignore_patterns("__pycache__"))
    assert _python(key, path=tmp_path) == _python(key)
    checks = tmp_path / "tracker" / "core" / "checks.py"
    checks.write_text(checks.read_text(encoding="utf-8") + "\n# a stricter rule\n", encoding="utf-8")
    assert _python(key, path=tmp_path) != _python(key)


def test_a_dataset_the_cache_cannot_encode_still_loads(write: Writer, private_cache: Path) -> None:
    """MessagePack holds integers up to 64 bits; a larger quantity is kept, just not cached."""
    from tests.conftest import MINIMAL

    huge = MINIMAL.replace(
        "        level: neutral\n  - id: ua-1",
        "        level: neutral\n        quantities: [{measure: troops, value: 99999999999999999999}]\n  - id: ua-1",
    )
    path = write(huge)
    dataset = load_dataset(path, TODAY)
    assert dataset.statements[0].statement.conditions[0].quantities[0].value == 99999999999999999999
    assert entries(private_cache) == []


# --- a cache that cannot lie (docs/security.md) ---------------------------------


def _entry_for(write: Writer, text: str, name: str) -> tuple[Path, bytes]:
    """Load text from its own file, and return that file and the raw entry it left."""
    path = write(text, name)
    load_dataset(path, TODAY)
    folder = cache.cache_folder()
    assert folder is not None
    entry = folder / (cache.key_for([(str(path), path.read_bytes())]) + ".cache")
    return path, entry.read_bytes()


def test_a_forged_entry_for_another_dataset_is_never_served(
    write: Writer, minimal_yaml: str, private_cache: Path
) -> None:
    """The reported attack: a valid entry of another dataset, re-headed with a bad file's key."""
    import hashlib

    from tracker.core.problems import DatasetError

    _, good = _entry_for(write, minimal_yaml, "good.yaml")
    bad = write(minimal_yaml.replace("party: ukraine", "party: ukrane"), "bad.yaml")
    key = cache.key_for([(str(bad), bad.read_bytes())])
    header = cache._MAGIC + key.encode() + b"\n"
    payload = good[len(cache._MAGIC) + 65 + 64 :]
    for tag in (hashlib.sha256(payload).hexdigest().encode(), good[len(cache._MAGIC) + 65 : len(cache._MAGIC) + 129]):
        (private_cache / f"{key}.cache").write_bytes(header + tag + payload)
        with pytest.raises(DatasetError):
            load_dataset(bad, TODAY)


def test_an_entry_under_another_secret_is_not_served(
    write: Writer, minimal_yaml: str, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = _entry_for(write, minimal_yaml, "positions.yaml")
    (private_cache / "tracker-cache.secret").write_bytes(bytes(32))  # another user's, say
    monkeypatch.setattr("tracker.load.loader._assemble", lambda *a: pytest.fail("validated again"))
    key = cache.key_for([(str(path), path.read_bytes())])
    assert cache.lookup(key) is None


@pytest.mark.parametrize("kind", ["symlink", "fifo", "oversized", "foreign owner"])
def test_entries_that_are_not_plain_files_of_ours_are_never_read(
    write: Writer, minimal_yaml: str, private_cache: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    import os

    path, raw = _entry_for(write, minimal_yaml, "positions.yaml")
    key = cache.key_for([(str(path), path.read_bytes())])
    entry = private_cache / f"{key}.cache"
    assert cache.lookup(key) is not None  # the genuine entry is served
    if kind == "symlink":
        elsewhere = private_cache.parent / "elsewhere.cache"
        elsewhere.write_bytes(raw)
        entry.unlink()
        entry.symlink_to(elsewhere)
    elif kind == "fifo":
        entry.unlink()
        os.mkfifo(entry)  # a read would hang; the open must not block
    elif kind == "oversized":
        monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", len(raw) - 1)
    else:
        monkeypatch.setattr(cache, "_user", lambda: os.geteuid() + 1)
    assert cache.lookup(key) is None
    assert [s.id for s in load_dataset(path, TODAY).statements] == ["ru-1", "ua-1"]


def test_a_shared_cache_folder_is_not_used_and_says_so(
    write: Writer,
    minimal_yaml: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(shared))
    monkeypatch.setattr(cache, "_noted", set())
    load_dataset(write(minimal_yaml), TODAY)
    assert list(shared.iterdir()) == []
    assert "writable by other users; not using it" in capsys.readouterr().err


def test_a_new_cache_folder_is_private(
    write: Writer, minimal_yaml: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new" / "cache"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(folder))
    load_dataset(write(minimal_yaml), TODAY)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "tracker-cache.secret").stat().st_mode & 0o777 == 0o600
    assert len(entries(folder)) == 1


def test_pruning_leaves_foreign_files_alone(
    write: Writer, minimal_yaml: str, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_KEEP", 1)
    foreign = [private_cache / "notes.cache", private_cache / ("0" * 64 + ".cache")]
    for path in foreign:
        path.write_bytes(b"someone else's file")
    for number in range(3):
        load_dataset(write(minimal_yaml.replace("Test war", f"War {number}"), f"p{number}.yaml"), TODAY)
    assert all(path.exists() for path in foreign)
    ours = [p for p in entries(private_cache) if p not in foreign]
    assert len(ours) == 1
