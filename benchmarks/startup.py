"""Start-up benchmark: whole-process times as ratios against import baselines.

Targets (DESIGN.md): `tracker --help` within 1.2x `python -c "import typer"`;
`tracker diff` on the shipped data within 1.5x
`python -c "import typer, pydantic, rich.console"`.

Run:  .venv/bin/python benchmarks/startup.py [--runs N]
Each command runs N times (default 15), alternating, and the median is reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TRACKER = [PYTHON, "-m", "tracker"]

COMMANDS = {
    "import typer": [PYTHON, "-c", "import typer"],
    "import typer, pydantic, rich.console": [PYTHON, "-c", "import typer, pydantic, rich.console"],
    "tracker --help": [*TRACKER, "--help"],
    "tracker diff (shipped data)": [
        *TRACKER,
        "diff",
        "russia",
        "--from",
        "2022-03-01",
        "--to",
        "2025-07-01",
        "--color",
        "never",
    ],
    "tracker validate (shipped data)": [*TRACKER, "validate", "positions.yaml", "--color", "never"],
}
# The same diff on a machine that has not run tracker on these bytes yet.
COMMANDS["tracker diff, cache off"] = COMMANDS["tracker diff (shipped data)"]
NO_CACHE = {"tracker diff, cache off"}
RATIOS = [
    ("tracker --help", "import typer", 1.2),
    ("tracker diff (shipped data)", "import typer, pydantic, rich.console", 1.5),
    ("tracker validate (shipped data)", "import typer, pydantic, rich.console", None),
    ("tracker diff, cache off", "import typer, pydantic, rich.console", None),
]


# A real installation has bytecode (pip compiles it), and so do the baselines'
# packages; a PYTHONDONTWRITEBYTECODE left in the environment would make only
# tracker's own modules compile from source on every run.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: list[str], cache: bool = True) -> float:
    env = ENV if cache else ENV | {"TRACKER_NO_CACHE": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():
        run_once(command)  # warm the file cache, the .pyc files and tracker's cache
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            samples[name].append(run_once(command, cache=name not in NO_CACHE))
    medians = {name: statistics.median(times) for name, times in samples.items()}
    for name, median in medians.items():
        print(f"{name:<40} {median * 1000:8.1f} ms (median of {args.runs})")
    print()
    for name, baseline, target in RATIOS:
        ratio = medians[name] / medians[baseline]
        verdict = "" if target is None else (" ok" if ratio <= target else f" OVER target {target}x")
        print(f"{name} / {baseline}: {ratio:.2f}x{verdict}")


if __name__ == "__main__":
    main()
