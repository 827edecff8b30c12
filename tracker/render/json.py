"""JSON: a versioned envelope for scripts; see docs/json.md."""

from __future__ import annotations

import json
from typing import Any

from tracker import __version__
from tracker.core.dataset import Dataset
from tracker.core.model import Issue, Party
from tracker.core.problems import Problem
from tracker.core.results import ValidationReport
from tracker.render.base import Renderer

ENVELOPE_VERSION = 1


def envelope(kind: str, data: Any) -> str:
    document = {"format": "tracker", "version": ENVELOPE_VERSION, "tracker": __version__, "kind": kind, "data": data}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def problem_json(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, "line": problem.line, "column": problem.column, "message": problem.message}


def party_json(party: Party) -> dict[str, Any]:
    return party.model_dump(mode="json", exclude_none=True)


def issue_json(issue: Issue) -> dict[str, Any]:
    return issue.model_dump(mode="json", exclude_none=True)


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
        return envelope("parties", [party_json(party) for party in dataset.parties])

    def issues(self, dataset: Dataset) -> str:
        return envelope("issues", [issue_json(issue) for issue in dataset.issues])


def _counts(dataset: Dataset) -> dict[str, int]:
    return {
        "statements": len(dataset.statements),
        "parties": len(dataset.parties),
        "issues": len(dataset.issues),
        "conditions": sum(len(p.statement.conditions) for p in dataset.statements),
    }
