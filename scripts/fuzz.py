"""The long fuzzing run: the test suite's properties, with many more inputs.

Run:  .venv/bin/python scripts/fuzz.py [--files 100000] [--datasets 2000] [--seed 0]
Prints how many inputs were tried and exits 1 on the first failure (hypothesis
shrinks it and prints the smallest failing input).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings

from tests.fuzz.properties import check_cutting, check_load, check_render, datasets, mutated_yaml
from tracker.core.dataset import Dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--datasets", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = {"files": 0, "valid files": 0, "cut files": 0, "datasets": 0}
    common = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}

    @seed(args.seed)
    @settings(max_examples=args.files, **common)  # type: ignore[arg-type]
    @given(mutated_yaml())
    def files(data: bytes) -> None:
        counts["files"] += 1
        if check_load(data) is not None:
            counts["valid files"] += 1
        if check_cutting(data):
            counts["cut files"] += 1

    @seed(args.seed)
    @settings(max_examples=args.datasets, **common)  # type: ignore[arg-type]
    @given(datasets())
    def rendered(dataset: Dataset) -> None:
        counts["datasets"] += 1
        check_render(dataset)

    start = time.perf_counter()
    files()
    rendered()
    elapsed = time.perf_counter() - start
    print(
        f"{counts['files']:,} mutated files loaded ({counts['valid files']:,} still valid; "
        f"{counts['cut files']:,} cut into pieces, each read as the whole), "
        f"{counts['datasets']:,} generated datasets rendered in 3 formats x 5 results, "
        f"no failure, in {elapsed:.0f} s"
    )


if __name__ == "__main__":
    main()
