"""JSON: a versioned envelope for scripts; see docs/json.md."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from typing import Any

import msgspec

from tracker import __version__
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.results import Comparison, DiffResult, Position, Report, Review, Timeline, ValidationReport
from tracker.core.engine.texts import TextComparison
from tracker.core.model import Issue, Party, Record
from tracker.core.problems import Problem
from tracker.core.text import json_safe
from tracker.render.base import Renderer

ENVELOPE_VERSION = 1


def envelope(kind: str, data: Any) -> str:
    document = {"format": "tracker", "version": ENVELOPE_VERSION, "tracker": __version__, "kind": kind, "data": data}
    # UTF-8 stays readable; C1, bidi and invisible characters become \u escapes.
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def to_json(value: Any) -> Any:
    """Result objects as JSON data: struct fields in declaration order."""
    if isinstance(value, Issue):
        return {"id": value.id, "title": value.title, "category": value.category.value}
    if isinstance(value, Party):
        return {"id": value.id, "name": value.name, "kind": value.kind.value}
    if isinstance(value, Record):
        return record_json(value)
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, date):  # a chart's day (report): ISO, as the PartialDates
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, msgspec.Struct):
        data = {name: to_json(getattr(value, name)) for name in value.__struct_fields__}
        for name in ("shifted", "stated"):  # derived facts scripts should not recompute
            if hasattr(type(value), name):
                data[name] = getattr(value, name)
        return data
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    return value


def problem_json(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, "line": problem.line, "column": problem.column, "message": problem.message}


def record_json(record: Record) -> dict[str, Any]:
    """A record as the file would hold it: fields in the format's order, absent ones left out."""
    fields = ((name, getattr(record, name)) for name in record.__struct_fields__)
    return {name: to_json(value) for name, value in fields if value is not None}


class JsonRenderer(Renderer):
    def validation(self, report: ValidationReport) -> str:
        return envelope(
            "validation",
            {
                "valid": report.valid,
                "datasets": [
                    {
                        "path": item.path,
                        "valid": item.valid,
                        "problems": [problem_json(p) for p in item.problems],
                        **(_counts(item.dataset) if item.dataset is not None else {}),
                    }
                    for item in report.checked
                ],
            },
        )

    def parties(self, dataset: Dataset) -> str:
        return envelope("parties", [record_json(party) for party in dataset.parties])

    def issues(self, dataset: Dataset) -> str:
        return envelope("issues", [record_json(issue) for issue in dataset.issues])

    def position(self, position: Position) -> str:
        return envelope("position", to_json(position))

    def diff(self, result: DiffResult) -> str:
        return envelope("diff", to_json(result))

    def comparison(self, comparison: Comparison) -> str:
        return envelope("comparison", to_json(comparison))

    def timeline(self, timeline: Timeline) -> str:
        return envelope("timeline", to_json(timeline))

    def report(self, report: Report) -> str:
        return envelope("report", to_json(report))

    def texts(self, comparison: TextComparison) -> str:
        return envelope("texts", to_json(comparison))

    def review(self, review: Review) -> str:
        data = to_json(review)
        data["loaded"] = review.loaded
        return envelope("review", data)


def _counts(dataset: Dataset) -> dict[str, int]:
    return {
        "statements": len(dataset.statements),
        "parties": len(dataset.parties),
        "issues": len(dataset.issues),
        "conditions": sum(len(p.statement.conditions) for p in dataset.statements),
    }
