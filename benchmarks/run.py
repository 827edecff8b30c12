"""Large-dataset benchmark: every operation as a ratio to json.loads of the same data.

For 1,000, 10,000 and 20,000 synthetic statements (benchmarks/generate.py), in
one run: load + validate, show, diff over all parties, compare, and review
between two git revisions; plus peak memory of a process that loads the file,
against the file's size. Start-up figures are benchmarks/startup.py.

Run:  .venv/bin/python benchmarks/run.py [--sizes 1000 10000 20000]
Every figure but the last row is taken with the cache off (TRACKER_NO_CACHE=1),
so that each load really parses and validates; the last row is a load that
finds its entry in the cache.
Targets (issue 7): load+validate <= 10x json.loads at 20,000; diff over all
parties adds <= 20% to that; review <= 2.2x one load; memory <= 10x the file.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ["TRACKER_NO_CACHE"] = "1"  # before tracker is imported; see cached_load for the other case

import yaml  # noqa: E402

from benchmarks.generate import dataset as synthetic  # noqa: E402
from tracker.core.dates import PartialDate  # noqa: E402
from tracker.core.engine.compare import compare  # noqa: E402
from tracker.core.engine.diff import diff  # noqa: E402
from tracker.core.engine.position import position  # noqa: E402
from tracker.core.engine.review import review  # noqa: E402
from tracker.load.git import load_sides  # noqa: E402
from tracker.load.loader import load_dataset  # noqa: E402

TODAY = date.today()


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Best of `repeat` runs, with the cyclic collector off as the `tracker` command has it."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
        gc.enable()
    return best


def peak_memory_of_load(path: Path) -> int:
    """Peak RSS in bytes of a fresh process that loads and validates the file.

    Read from VmHWM, which a new program starts afresh; getrusage's ru_maxrss
    would carry over the parent's peak through fork and exec.
    """
    code = (
        "import re, sys; from datetime import date; from pathlib import Path;"
        "from tracker.load.loader import load_dataset;"
        "load_dataset(Path(sys.argv[1]), date.today());"
        "print(re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) * 1024


def cached_load(path: Path, folder: Path) -> float:
    """A load whose entry is already in the cache (written by a first, untimed load)."""
    del os.environ["TRACKER_NO_CACHE"]
    os.environ["TRACKER_CACHE_DIR"] = str(folder)
    try:
        load_dataset(path, TODAY)
        return timed(lambda: load_dataset(path, TODAY), repeat=2)
    finally:
        os.environ["TRACKER_NO_CACHE"] = "1"
        del os.environ["TRACKER_CACHE_DIR"]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def bench(size: int) -> None:
    data = synthetic(size)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "positions.yaml"
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)
        path.write_text(text, encoding="utf-8")
        as_json = json.dumps(data)
        base = timed(lambda: json.loads(as_json), repeat=3)
        load = timed(lambda: load_dataset(path, TODAY), repeat=2)  # the first run also builds the validators
        loaded = load_dataset(path, TODAY)
        ids = [party.id for party in loaded.parties]
        first, last = loaded.statements[0].statement.date, PartialDate.of(TODAY)
        show = timed(lambda: position(loaded, ids[0], last))
        shifts = timed(lambda: diff(loaded, ids, first, last))
        gaps = timed(lambda: compare(loaded, ids, last, since=first))
        # review: the same file at two revisions, one statement added in between
        git(root, "init", "-q")
        git(root, "-c", "user.name=b", "-c", "user.email=b@b", "add", ".")
        git(root, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "base")
        extra = copy.deepcopy(data["statements"][-1]) | {"id": "added-statement"}  # type: ignore[index]
        data["statements"].append(extra)  # type: ignore[attr-defined]
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
        git(root, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qam", "head")

        def one_review() -> None:  # what `tracker review HEAD~1 HEAD` does
            old_side, new_side = load_sides(root, "HEAD~1", "HEAD", path, TODAY)
            review(old_side.dataset, new_side.dataset, last)

        cwd = os.getcwd()
        os.chdir(root)
        try:
            reviewed = timed(one_review, repeat=2)
        finally:
            os.chdir(cwd)
        file_size = len(text.encode("utf-8"))
        memory = peak_memory_of_load(path)
        from_cache = cached_load(path, root / "cache")
    statements = len(loaded.statements)
    conditions = sum(len(p.statement.conditions) for p in loaded.statements)
    print(f"\n{statements:,} statements, {conditions:,} conditions, {file_size / 1e6:.1f} MB of YAML")
    print(f"  json.loads of the same data     {base * 1000:8.0f} ms   1.00x")
    for name, seconds in (
        ("load + validate", load),
        ("show (one party)", show),
        ("diff (all parties)", shifts),
        ("compare (all parties)", gaps),
        ("review (two revisions)", reviewed),
        ("load, found in the cache", from_cache),
    ):
        print(f"  {name:<31} {seconds * 1000:8.0f} ms {seconds / base:6.2f}x")
    print(f"  diff adds {shifts / load:.0%} to a load; review is {reviewed / load:.2f}x one load")
    print(f"  peak memory of a load: {memory / 1e6:.0f} MB = {memory / file_size:.1f}x the file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 20000])
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for size in args.sizes:
        bench(size)


if __name__ == "__main__":
    main()
