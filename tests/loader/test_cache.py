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
        lambda raw: raw.replace(b"tracker-dataset-cache 2", b"tracker-dataset-cache 9"),  # other version
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
    assert entry.read_bytes().startswith(b"tracker-dataset-cache 2\n")  # rebuilt


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
        b"tracker-dataset-cache 2\n" + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + payload
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
