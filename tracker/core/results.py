"""Result objects that commands compute and renderers consume."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.core.dataset import Dataset
from tracker.core.engine.results import Comparison, DiffResult, Position, Timeline
from tracker.core.problems import Problem


@dataclass(frozen=True)
class CheckedDataset:
    """One dataset path that `validate` looked at."""

    path: str
    problems: tuple[Problem, ...]
    dataset: Dataset | None  # None when invalid

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ValidationReport:
    checked: tuple[CheckedDataset, ...]

    @property
    def valid(self) -> bool:
        return all(item.valid for item in self.checked)

    @property
    def problem_count(self) -> int:
        return sum(len(item.problems) for item in self.checked)


@dataclass(frozen=True)
class Report:
    """The CI report: where everyone stands, what moved lately, the gaps, the story."""

    title: str
    positions: tuple[Position, ...]
    recent: DiffResult
    comparison: Comparison
    timeline: Timeline
