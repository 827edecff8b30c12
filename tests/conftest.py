"""Shared fixtures: a small valid dataset as YAML text, and a way to write it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# pydantic-ai (the `llm` extra and its offline tests) needs Python 3.11: on 3.10,
# the oldest Python tracker supports, `extract --model` is not available.
collect_ignore = ["extract/test_llm.py"] if sys.version_info < (3, 11) else []

Writer = Callable[..., Path]

REPO = Path(__file__).resolve().parent.parent
# The news article the project started from, copied from the design material (see its README).
SEED_ARTICLE = REPO / "tests" / "data" / "seed" / "ryabkov-nato-baltics-article.txt"

# Every command that reads the dataset and renders it, as the walls are tested on each.
REPORTING_COMMANDS = [
    ["show", "russia"],
    ["diff"],
    ["compare"],
    ["timeline"],
    ["parties"],
    ["issues"],
    ["report", "--from", "2022-01"],
]

MINIMAL = """\
# A small but complete dataset.
schema: 1
conflict:
  id: test-war
  title: Test war
issues:
  - id: nato
    title: NATO
    category: security
    ladder:
      - {id: joins, title: Joins}
      - {id: neutral, title: Neutral}
      - {id: no-enlargement, title: No enlargement}
  - id: prisoners
    title: Prisoners
    category: justice-humanitarian
parties:
  - id: russia
    name: Russia
    kind: state
    aliases: [Kremlin, Moscow]
  - id: ukraine
    name: Ukraine
    kind: state
    aliases: [Kyiv]
sources:
  - id: tass-1
    publisher: TASS
    title: Interview
    url: https://tass.com/politics/1
statements:
  - id: ru-1
    party: russia
    date: 2022-03-07
    speaker: {name: Dmitry Peskov, role: Kremlin spokesman}
    source: tass-1
    basis: on-record
    conditions:
      - id: ru-neutral
        issue: nato
        text: Ukraine becomes neutral.
        kind: demand
        stage: settlement
        level: neutral
  - id: ua-1
    party: ukraine
    date: 2022-03-29
    source: {publisher: Reuters, url: "https://reuters.com/a"}
    basis: official-document
    conditions:
      - id: ua-guarantees
        issue: nato
        text: Neutrality in exchange for guarantees.
        kind: offer
        stage: settlement
        level: neutral
      - id: ua-all-for-all
        issue: prisoners
        text: Exchange all prisoners for all.
        kind: demand
        stage: ceasefire
"""


# One later Russian statement, appended to MINIMAL: it replaces `ru-neutral` by
# `ru-halt`, one step up the `nato` ladder.
LATER_STATEMENT = """\
  - id: ru-2
    party: russia
    date: 2025-06-09
    source: {publisher: TASS, url: "https://tass.com/politics/2"}
    basis: on-record
    conditions:
      - id: ru-halt
        issue: nato
        text: NATO stops enlarging.
        kind: demand
        stage: settlement
        level: no-enlargement
        replaces: [ru-neutral]
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own dataset cache, so no test sees another's entries."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(folder))
    monkeypatch.delenv("TRACKER_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def minimal_yaml() -> str:
    return MINIMAL


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (or bytes) to a file in tmp_path and return its path."""

    def _write(text: str | bytes, name: str = "positions.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
