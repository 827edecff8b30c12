"""Race `tracker add` against itself and count what every success left in the file.

Copies the shipped positions.yaml into a fresh folder, then starts WORKERS
processes that each run the installed `tracker add` ROUNDS times on it, each
with a statement of its own id. Every add that reports success (exit 0,
"added 1 statement(s)") must be in the final file, and the file must validate.
Prints the counts; exits 1 when anything was lost or the file is corrupt.

Run:  .venv/bin/python scripts/concurrent_add.py [--workers 4] [--rounds 100]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRACKER = Path(sys.executable).parent / "tracker"
CONDITION = "{issue: prisoners, text: Exchange the wounded first., kind: demand, stage: ceasefire}"


def adder(data: Path, worker: int, rounds: int) -> tuple[list[str], list[str]]:
    """(ids reported added, one-line failures) of one worker."""
    added, failures = [], []
    for number in range(rounds):
        statement_id = f"race-w{worker}-r{number}"
        command = [
            str(TRACKER), "add", "-d", str(data), "--id", statement_id, "--party", "ukraine",
            "--date", "2022-04-01", "--publisher", "Reuters", "--basis", "on-record", "-c", CONDITION, "--yes",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode == 0 and "added 1 statement(s)" in result.stderr:
            added.append(statement_id)
        else:
            failures.append(
                result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit {result.returncode}"
            )
    return added, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "positions.yaml"
        shutil.copy(REPO / "positions.yaml", data)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.workers) as pool:
            outcomes = list(pool.map(lambda w: adder(data, w, args.rounds), range(args.workers)))
        seconds = time.perf_counter() - started
        added = [i for ids, _ in outcomes for i in ids]
        failures = [f for _, fs in outcomes for f in fs]
        text = data.read_text(encoding="utf-8")
        lost = [i for i in added if f"id: {i}\n" not in text]
        check = subprocess.run([str(TRACKER), "validate", str(data)], capture_output=True, text=True, check=False)
        corrupt = check.returncode != 0
        leftovers = sorted(p.name for p in Path(folder).iterdir() if p.name != "positions.yaml")
    print(f"{args.workers} workers × {args.rounds} rounds in {seconds:.1f} s")
    print(f"reported added: {len(added)}; failed: {len(failures)}; lost: {len(lost)}; corrupt: {corrupt}")
    for line in sorted(set(failures))[:5]:
        print(f"  failure: {line}")
    if leftovers:
        print(f"files left beside the dataset: {leftovers}")
    return 1 if lost or corrupt or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
