"""Score an earlier commit's extraction rules on today's corpus (docs/extract.md, "Figures").

A set scored blind by the rules of its round may also be scored by the rules of other
rounds: that is no tuning, and it shows what each round's changes did on unseen copy.
This checks the commit out into a temporary git worktree, puts today's corpus and
evaluation script in it, and prints the table for the held-out third, the fresh set and
round five's set. Commits from before parties had `speakers` read datasets without them
(`--no-speakers` strips the lists; it is needed for those commits, whose loader refuses
the field).

Run:  .venv/bin/python scripts/extract_rules_at.py COMMIT [--no-speakers]
e.g.  scripts/extract_rules_at.py 4319ae4 --no-speakers    (the rules before round three)
      scripts/extract_rules_at.py c9b1fa2                  (round three's rules)
      scripts/extract_rules_at.py a1dd147                  (round four's rules)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCORE = (
    "from tests.extract.evaluate_real import table, tallies\n"
    "parts = tallies(holdout=True, fresh=True, round5=True)\n"
    "print(table({key: tally for key, tally in parts.items() if key[0] in ('holdout', 'fresh', 'round5')}))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("commit")
    parser.add_argument("--no-speakers", action="store_true", help="strip the datasets' speakers lists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), args.commit], check=True
        )
        try:
            real = tree / "tests" / "extract" / "real"
            shutil.rmtree(real)
            shutil.copytree(REPO / "tests" / "extract" / "real", real)
            for name in ("evaluate.py", "evaluate_real.py"):
                shutil.copy2(REPO / "tests" / "extract" / name, tree / "tests" / "extract" / name)
            if args.no_speakers:
                for dataset in (real / "datasets").glob("*.yaml"):
                    text = dataset.read_text(encoding="utf-8")
                    dataset.write_text(re.sub(r"    speakers:\n(?:      - .*\n)+", "", text), encoding="utf-8")
            subprocess.run([sys.executable, "-c", SCORE], cwd=tree, check=True, env={"PYTHONPATH": str(tree)})
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)


if __name__ == "__main__":
    main()
