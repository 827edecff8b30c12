"""Shell completion of party and issue ids from the dataset.

Runs inside the shell's completion request: it must never print, raise or be
slow. A dataset that does not load completes nothing; a loaded one comes from
tracker's cache, so a completion after the first costs about as much as a
cached command (docs/performance.md).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer  # its Context, not click's: typer vendors click, and importing click too costs 10 ms

if TYPE_CHECKING:
    from tracker.core.dataset import Dataset


def _dataset(ctx: typer.Context) -> Dataset | None:
    from datetime import date

    from tracker.load.loader import load_dataset

    data = ctx.params.get("data") or os.environ.get("TRACKER_DATA") or "positions.yaml"
    try:
        return load_dataset(Path(data), today=date.today())
    except Exception:  # noqa: BLE001 - bad data, a missing file: nothing to complete, never an error
        return None


def _matching(candidates: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    prefix = incomplete.casefold()
    return [(value, help_text) for value, help_text in candidates if value.casefold().startswith(prefix)]


def complete_party(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Party ids, each with its name as the shell's description."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return _matching([(party.id, party.name) for party in dataset.parties_by_id.values()], incomplete)


def complete_issue(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Issue ids, each with its title."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return _matching([(issue.id, issue.title) for issue in dataset.issues_by_id.values()], incomplete)
