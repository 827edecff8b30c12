"""SIGKILL at random moments never leaves a half-written file.

A child process rewrites one file in a loop, alternating two large contents;
the parent kills it at a random moment and checks what is on disk. The longer
run against the real `tracker add` is scripts/kill_add.py (documented figures
in docs/performance.md).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tracker.files import atomic_write

RUNS = 40
A = ("a" * 79 + "\n") * 20_000  # 1.6 MB: a write takes long enough to be hit mid-way
B = ("b" * 79 + "\n") * 20_000

CHILD = """
import sys
from pathlib import Path
from tracker.files import atomic_write
path = Path(sys.argv[1])
a, b = ("a" * 79 + "\\n") * 20_000, ("b" * 79 + "\\n") * 20_000
print("ready", flush=True)
while True:
    atomic_write(path, a)
    atomic_write(path, b)
"""


def test_kills_at_random_moments_leave_old_or_new_never_half(tmp_path: Path) -> None:
    target = tmp_path / "positions.yaml"
    target.write_text(A, encoding="utf-8")
    chooser = random.Random(20261127)
    for _ in range(RUNS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(chooser.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert target.read_text(encoding="utf-8") in (A, B)
        for leftover in tmp_path.glob(".positions.yaml.tracker-*.tmp"):
            # named only after the content was complete and fsynced
            assert leftover.read_text(encoding="utf-8") in (A, B)
    atomic_write(target, "done\n")  # the next writer clears what dead writers left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["positions.yaml"]
