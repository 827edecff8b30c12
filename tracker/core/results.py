"""Result objects that commands compute and renderers consume."""

from __future__ import annotations

import msgspec

from tracker.core.dataset import Dataset
from tracker.core.engine.chart import Chart
from tracker.core.engine.results import Comparison, DiffResult, Position, Timeline
from tracker.core.problems import Problem


class CheckedDataset(msgspec.Struct, frozen=True):
    """One dataset path that `validate` looked at."""

    path: str
    problems: tuple[Problem, ...]
    dataset: Dataset | None  # None when invalid

    @property
    def valid(self) -> bool:
        return not self.problems


class ValidationReport(msgspec.Struct, frozen=True):
    checked: tuple[CheckedDataset, ...]

    @property
    def valid(self) -> bool:
        return all(item.valid for item in self.checked)

    @property
    def problem_count(self) -> int:
        return sum(len(item.problems) for item in self.checked)


class Report(msgspec.Struct, frozen=True):
    """The CI report: where everyone stands, what moved lately, the gaps, the story."""

    title: str
    positions: tuple[Position, ...]
    recent: DiffResult
    comparison: Comparison
    timeline: Timeline
    charts: tuple[Chart, ...] = ()  # laddered issues on which a stance moved in the window
