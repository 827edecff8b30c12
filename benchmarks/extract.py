"""Speed and memory of `tracker extract` (rule mode) on an article of about 2,000 words.

The article is made of the real excerpts of tests/extract/real/articles/, Russia–Ukraine
first, concatenated until it has 2,000 words (real wire copy, not lorem ipsum: the
rules' cost depends on quotations, names and cues). Reported:

- the pure extraction (`extract_draft`) per article: median and worst of N runs, in one
  process with the vocabulary built once, as in a batch;
- one whole `tracker extract ARTICLE` command in a fresh process (start-up, loading
  positions.yaml, extraction, YAML): wall time and the process's peak resident memory;
- two hostile shapes, in process, once each: a 1 MB run of repeated condition wording
  in one sentence, and 1,000 bulleted demands under one introducing line (they once
  took minutes and 49 s; see docs/extract.md, "Speed").

Run:  .venv/bin/python benchmarks/extract.py [--words 2000] [--runs 20]
Target (issue 14): under 1 s and 100 MB per 2,000-word article.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.extract import Vocabulary, extract_draft, render_draft  # noqa: E402
from tracker.load.loader import load_dataset  # noqa: E402

ARTICLES = REPO / "tests" / "extract" / "real" / "articles"


def article_of(words: int) -> str:
    parts: list[str] = []
    count = 0
    files = sorted(ARTICLES.glob("ru-ua-*.txt")) + sorted(p for p in ARTICLES.glob("*.txt") if "ru-ua-" not in p.name)
    while count < words:
        for path in files:
            text = path.read_text(encoding="utf-8")
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(parts)


def vocab_of() -> Vocabulary:
    return Vocabulary.from_dataset(load_dataset(REPO / "positions.yaml", today=date.today()))


def hostile(vocab: Vocabulary) -> None:
    shapes = {
        "1 MB of repeated cues in one sentence": "Ukraine must withdraw — " * 40000 + ".",
        "1,000 bulleted demands": "Russia sets terms\n\nLavrov outlined Russia’s demands:\n\n"
        + "\n".join(f"- Ukraine must withdraw troops from region {i}." for i in range(1000))
        + "\n",
    }
    for label, text in shapes.items():
        start = time.perf_counter()
        render_draft(extract_draft(text, vocab))
        print(f"hostile shape, {label}: {time.perf_counter() - start:.1f} s")


def in_process(text: str, runs: int) -> list[float]:
    vocab = vocab_of()
    extract_draft(text, vocab)  # warm: compiled patterns, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_draft(extract_draft(text, vocab))
        times.append(time.perf_counter() - start)
    return times


def command(path: Path, cache: bool) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `tracker extract` process."""
    script = (
        "import resource, sys\n"
        "from tracker.cli.app import main\n"
        f"sys.argv = ['tracker', 'extract', {str(path)!r}, '--data', {str(REPO / 'positions.yaml')!r}, "
        "'-o', '/dev/null']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_NO_CACHE"}
    if not cache:
        env["TRACKER_NO_CACHE"] = "1"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    wall = time.perf_counter() - start
    kilobytes = int(done.stderr.strip().splitlines()[-1])
    return wall, kilobytes / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    text = article_of(args.words)
    words = len(text.split())
    times = in_process(text, args.runs)
    print(f"article: {words} words, {len(text.encode()):,} bytes (real excerpts, concatenated)")
    print(
        f"extract_draft + render, in process: median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms over {args.runs} runs"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        empty = Path(folder) / "empty.txt"
        empty.write_text("Nothing here.\n", encoding="utf-8")
        for cache in (True, False):
            command(path, cache)  # fills the dataset cache when it is on
            walls, peaks = zip(*(command(path, cache) for _ in range(3)), strict=True)
            base, _ = zip(*(command(empty, cache) for _ in range(3)), strict=True)
            label = "dataset cache on (default)" if cache else "dataset cache off"
            print(
                f"tracker extract command, fresh process, {label}: median {statistics.median(walls) * 1000:.0f} ms "
                f"(of which start-up and loading positions.yaml: {statistics.median(base) * 1000:.0f} ms), "
                f"peak RSS {max(peaks):.0f} MB"
            )
    hostile(vocab_of())
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this benchmark process: peak RSS {own:.0f} MB")


if __name__ == "__main__":
    main()
