"""Precision and recall of `tracker extract` on the test articles.

Run `python -m tests.extract.evaluate` from the repository root for the table.
An extracted condition matches an expected one when party, basis and issue agree
and one of its source sentences contains the expected phrase; each expected
condition matches at most one extracted condition.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.extract.cases import CASES, Case, Expected
from tracker.extract import CandidateCondition, CandidateStatement, Draft, Vocabulary, extract_draft
from tracker.load.loader import load_dataset


@functools.cache
def vocabulary(path: Path) -> Vocabulary:
    return Vocabulary.from_dataset(load_dataset(path, today=date.today()))


def draft_for(case: Case) -> Draft:
    return extract_draft(case.article.read_text(encoding="utf-8"), vocabulary(case.dataset))


class Rates:
    """Precision and recall of a count of matched, proposed and expected conditions."""

    matched: int
    extracted: int
    expected: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None


@dataclass(frozen=True)
class Score(Rates):
    name: str
    extracted: int
    expected: int
    matched: int
    kind_right: int
    level_right: int
    level_expected: int
    missed: tuple[Expected, ...]
    spurious: tuple[str, ...]


def _matches(expected: Expected, statement: CandidateStatement, condition: CandidateCondition) -> bool:
    return (
        statement.party == expected.party
        and statement.basis == expected.basis
        and condition.issue.issue == expected.issue
        and any(expected.phrase in sentence for sentence in condition.evidence)
    )


def score(case: Case, draft: Draft) -> Score:
    found = draft.conditions
    used: set[int] = set()
    matched = kind_right = level_right = 0
    missed: list[Expected] = []
    for expected in case.expected:
        hit = next(
            (i for i, (s, c) in enumerate(found) if i not in used and _matches(expected, s, c)),
            None,
        )
        if hit is None:
            missed.append(expected)
            continue
        used.add(hit)
        matched += 1
        condition = found[hit][1]
        kind_right += expected.kind is None or condition.kind == expected.kind
        level_right += expected.level is not None and condition.issue.level == expected.level
    spurious = tuple(
        f"{s.party}/{s.basis}/{c.issue.issue}: {c.evidence[0][:70]}" for i, (s, c) in enumerate(found) if i not in used
    )
    return Score(
        case.name,
        len(found),
        len(case.expected),
        matched,
        kind_right,
        level_right,
        sum(1 for e in case.expected if e.level is not None),
        tuple(missed),
        spurious,
    )


def _ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def _total(name: str, scores: list[Score]) -> Score:
    return Score(
        name,
        sum(s.extracted for s in scores),
        sum(s.expected for s in scores),
        sum(s.matched for s in scores),
        sum(s.kind_right for s in scores),
        sum(s.level_right for s in scores),
        sum(s.level_expected for s in scores),
        (),
        (),
    )


def table(scores: list[Score]) -> str:
    lines = [f"{'article':20} {'expected':>8} {'extracted':>9} {'matched':>7} {'precision':>9} {'recall':>6}"]
    for s in scores:
        lines.append(
            f"{s.name:20} {s.expected:8} {s.extracted:9} {s.matched:7} {_ratio(s.precision):>9} {_ratio(s.recall):>6}"
        )
    groups = {case.name: case.group for case in CASES}
    totals = [
        _total(group, [s for s in scores if groups[s.name] == group])
        for group in ("development", "held out 1", "held out 2")
    ]
    for total in (*totals, _total("overall", scores)):
        lines.append(
            f"{total.name:20} {total.expected:8} {total.extracted:9} {total.matched:7} "
            f"{_ratio(total.precision):>9} {_ratio(total.recall):>6}"
        )
    overall = _total("overall", scores)
    lines.append(
        f"of matched conditions: kind right {overall.kind_right}/{overall.matched}, "
        f"level right {overall.level_right}/{overall.level_expected} where a level is expected"
    )
    for s in scores:
        for expected in s.missed:
            lines.append(f"  missed   {s.name}: {expected.party}/{expected.basis}/{expected.issue}: {expected.phrase}")
        for text in s.spurious:
            lines.append(f"  spurious {s.name}: {text}")
    return "\n".join(lines)


def available_cases() -> list[Case]:
    return [case for case in CASES if case.article.is_file()]


def main() -> None:
    scores = [score(case, draft_for(case)) for case in available_cases()]
    print(table(scores))


if __name__ == "__main__":
    main()
