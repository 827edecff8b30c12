"""Kill `tracker add` at random moments, many times, and check every file on disk.

Each run copies the shipped positions.yaml into a fresh folder, starts
`tracker add` on it, sends SIGKILL after a random delay, and classifies the file
left behind: the old content, byte for byte; or the new one, which must validate
and differ from the old by added lines only. Anything else is a corruption.

Run:  .venv/bin/python scripts/kill_add.py [--runs 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import difflib
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.core.problems import DatasetError  # noqa: E402
from tracker.load.loader import load_dataset  # noqa: E402

ADD = [
    "add", "--party", "russia", "--date", "2025-06-20", "--speaker", "Test Speaker",
    "--publisher", "TASS", "--url", "https://tass.com/politics/0", "--basis", "on-record",
    "-c", "{issue: nato, text: NATO must stop enlarging; the root causes must be addressed., "
    "kind: demand, stage: settlement}",
]  # fmt: skip


def classify(old: str, path: Path) -> str:
    new = path.read_text(encoding="utf-8")
    if new == old:
        return "old"
    removed = [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line.startswith("- ")]
    try:
        load_dataset(path, today=date.today())
    except DatasetError:
        return "corrupt"
    return "corrupt" if removed else "new"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    chooser = random.Random(args.seed)
    original = (REPO / "positions.yaml").read_text(encoding="utf-8")
    # How long a full add takes here, to spread the kills over its whole life.
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "positions.yaml"
        shutil.copy(REPO / "positions.yaml", target)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", *ADD, "-d", str(target)], check=True, capture_output=True)
        span = time.perf_counter() - start
    outcomes: Counter[str] = Counter()
    leftovers = 0
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "positions.yaml"
            shutil.copy(REPO / "positions.yaml", target)
            child = subprocess.Popen(
                [sys.executable, "-m", "tracker", *ADD, "-d", str(target)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
            time.sleep(chooser.uniform(0, span * 1.1))
            child.send_signal(signal.SIGKILL)
            child.wait()
            outcomes[classify(original, target)] += 1
            leftovers += sum(1 for _ in Path(folder).glob(".*.tmp"))
    print(f"one add takes {span * 1000:.0f} ms; {args.runs} kills spread over 0..{span * 1100:.0f} ms")
    print(f"old file intact: {outcomes['old']}, new file complete: {outcomes['new']}, corrupted: {outcomes['corrupt']}")
    print(f"temporary files left behind: {leftovers}")
    sys.exit(1 if outcomes["corrupt"] else 0)


if __name__ == "__main__":
    main()
