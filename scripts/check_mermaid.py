#!/usr/bin/env python3
"""Check tracker's Mermaid with a real Mermaid parser, and measure what GitHub would show.

Every ```mermaid block of the given Markdown files (default: `tracker chart ISSUE
--format markdown` for each laddered issue of positions.yaml) is rendered by
mermaid-cli in headless Chromium, to SVG and to PNG. A block fails when Mermaid
cannot parse it, when the picture is wider than 1,000 px (GitHub's content width)
or when its smallest text is under 11 px. Prints one line per block.

Needs mermaid-cli and a Chromium, no browser download:

    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix ~/.cache/tracker-mermaid @mermaid-js/mermaid-cli
    apt-get install -y chromium      # Debian's, pointed at by a puppeteer config

Environment: MMDC (the mmdc program; default: on PATH, else
~/.cache/tracker-mermaid/node_modules/.bin/mmdc), CHROMIUM (default: chromium on
PATH), KEEP (a folder to keep the rendered SVG and PNG files in).

Usage:  scripts/check_mermaid.py [FILE.md ...]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_WIDTH = 1000
MIN_TEXT = 11.0
BLOCK = re.compile(r"^```mermaid\n(.*?)^```", re.MULTILINE | re.DOTALL)
FONT_SIZE = re.compile(r"font-size[:=]\s*\"?([0-9.]+)(px)?")


def tool(variable: str, name: str, fallback: Path | None = None) -> str:
    found = os.environ.get(variable) or shutil.which(name)
    if not found and fallback is not None and fallback.exists():
        found = str(fallback)
    if not found:
        sys.exit(f"check_mermaid: {name} not found; set {variable} (see the script's docstring)")
    return found


def default_inputs(folder: Path) -> list[Path]:
    """`tracker chart ISSUE --format markdown` for every laddered issue of the shipped data."""
    sys.path.insert(0, str(REPO))
    from datetime import date

    from tracker.load.loader import load_dataset

    dataset = load_dataset(REPO / "positions.yaml", today=date.today())
    files = []
    for issue in dataset.issues:
        if not issue.ladder:
            continue
        target = folder / f"chart-{issue.id}.md"
        command = [sys.executable, "-m", "tracker", "chart", issue.id, "--format", "markdown", "-o", str(target)]
        subprocess.run(command, cwd=REPO, check=True)
        files.append(target)
    return files


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def main(argv: list[str]) -> int:
    mmdc = tool("MMDC", "mmdc", Path.home() / ".cache/tracker-mermaid/node_modules/.bin/mmdc")
    chromium = tool("CHROMIUM", "chromium")
    failed = 0
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(os.environ.get("KEEP") or temporary)
        work.mkdir(parents=True, exist_ok=True)
        config = work / "puppeteer.json"
        config.write_text(json.dumps({"executablePath": chromium, "args": ["--no-sandbox", "--disable-gpu"]}))
        inputs = [Path(arg) for arg in argv] or default_inputs(work)
        for source in inputs:
            blocks = BLOCK.findall(source.read_text(encoding="utf-8"))
            if not blocks:
                print(f"{source}: no mermaid block")
            for number, block in enumerate(blocks, 1):
                name = f"{source.stem}-{number}"
                diagram = work / f"{name}.mmd"
                diagram.write_text(block, encoding="utf-8")
                problems = []
                for suffix in ("svg", "png"):
                    result = subprocess.run(
                        [mmdc, "-q", "-p", str(config), "-i", str(diagram), "-o", str(work / f"{name}.{suffix}"),
                         "-w", str(MAX_WIDTH), "-b", "white"],
                        capture_output=True, text=True, timeout=180,
                    )  # fmt: skip
                    if result.returncode != 0:
                        error = next((line for line in result.stderr.splitlines() if "rror" in line), "failed")
                        problems.append(f"mermaid-cli: {error.strip()}")
                        break
                if problems:
                    print(f"{source} block {number}: FAIL {'; '.join(problems)}")
                    failed += 1
                    continue
                svg = (work / f"{name}.svg").read_text(encoding="utf-8")
                sizes = [float(size) for size, _ in FONT_SIZE.findall(svg)]
                smallest = min(sizes, default=0.0)
                width, height = png_size(work / f"{name}.png")
                if width > MAX_WIDTH:
                    problems.append(f"wider than {MAX_WIDTH} px")
                if smallest < MIN_TEXT:
                    problems.append(f"text under {MIN_TEXT:g} px")
                verdict = "FAIL " + "; ".join(problems) if problems else "ok"
                failed += bool(problems)
                print(
                    f"{source.name} block {number}: parses; {width} x {height} px; "
                    f"text {smallest:g} to {max(sizes, default=0):g} px; {verdict}"
                )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
