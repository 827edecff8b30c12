"""What commands share after parsing: where the data is, loading it, naming parties and issues."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import fail, note

if TYPE_CHECKING:
    from tracker.core.dataset import Dataset

DEFAULT_DATA = Path("positions.yaml")


def data_path(data: Path | None) -> Path:
    """`--data`, else $TRACKER_DATA, else ./positions.yaml."""
    if data is not None:
        return data
    from_env = os.environ.get("TRACKER_DATA")
    return Path(from_env) if from_env else DEFAULT_DATA


def load(data: Path | None) -> Dataset:
    """The dataset, or a clean exit 2 listing every problem on stderr."""
    from datetime import date

    from tracker.core.problems import DatasetError
    from tracker.load.loader import load_dataset

    path = data_path(data)
    try:
        return load_dataset(path, today=date.today())
    except DatasetError as error:
        for problem in error.problems:
            note(str(problem))
        hint = "" if error.unreadable else f"; run `tracker validate {path}` for details"
        fail(f"cannot load {path}{hint}")


def party_ids(dataset: Dataset, names: list[str] | None) -> list[str]:
    """Party ids for names given by id, name or alias; every party when none."""
    from tracker.core.engine.lookup import LookupFailed, resolve_party

    if not names:
        return [party.id for party in dataset.parties]
    try:
        return [resolve_party(dataset, name).id for name in names]
    except LookupFailed as error:
        fail(str(error))


def issue_id(dataset: Dataset, name: str | None) -> str | None:
    from tracker.core.engine.lookup import LookupFailed, resolve_issue

    if name is None:
        return None
    try:
        return resolve_issue(dataset, name).id
    except LookupFailed as error:
        fail(str(error))
