"""The seed story, in every format: the outputs a reader sees, kept small and reviewed by eye.

`UPDATE_GOLDEN=1` rewrites the files and fails, so that a rewrite is never a pass.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tracker.core.dates import PartialDate
from tracker.core.engine.diff import diff
from tracker.load.loader import load_dataset
from tracker.render import Format, renderer_for

SEED = Path(__file__).parent / "seed"
SUFFIX = {Format.TERMINAL: "txt", Format.MARKDOWN: "md", Format.JSON: "json"}
CASES = {
    "russia-window": (["russia"], "2022-03-01", "2025-07-01"),
    "ukraine-from-first": (["ukraine"], None, None),
}


@pytest.mark.parametrize("format", list(Format))
@pytest.mark.parametrize("case", list(CASES))
def test_seed_story(case: str, format: Format) -> None:
    parties, since, until = CASES[case]
    dataset = load_dataset(SEED / "positions.yaml", today=date(2026, 11, 30))
    result = diff(
        dataset, parties, PartialDate.parse(since) if since else None, PartialDate.parse(until) if until else None
    )
    text = renderer_for(format, color=False, width=80).diff(result).replace(str(SEED), "SEED")
    golden = SEED / f"{case}.{SUFFIX[format]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
        pytest.fail(f"rewrote {golden.name}: review it, then run again without UPDATE_GOLDEN")
    assert text == golden.read_text(encoding="utf-8")
