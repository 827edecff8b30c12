"""Rules that span the dataset: references, lineage, duplicates, dates.

Shape and types are the file format's job (pydantic, `tracker.core.file_format`);
these checks run on the records (`tracker.core.model`) of the items that passed it. Each problem carries the file and the path of the
offending value, and the loader turns the path into a line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tracker.core.dataset import Dataset
from tracker.core.model import Source, Statement
from tracker.core.problems import Path, Problem


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "; did you mean `x`?" suffix, or nothing when no choice is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


@dataclass
class _Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, path: Path, message: str) -> None:
        self.problems.append(Problem(message=message, file=file, path=path))


@dataclass(frozen=True)
class Incomplete:
    """Collections where some items failed shape validation.

    References into an incomplete collection are not checked: the target may be
    one of the items that failed, and a cascade of false errors helps nobody.
    """

    issues: bool = False
    parties: bool = False
    sources: bool = False
    statements: bool = False


def check_dataset(dataset: Dataset, today: date, incomplete: Incomplete = Incomplete()) -> list[Problem]:
    report = _Report()
    _check_conflict(dataset, report)
    _check_unique_ids(dataset, report)
    _check_aliases(dataset, report)
    ladders = {issue_id: tuple(level.id for level in issue.ladder) for issue_id, issue in dataset.issues_by_id.items()}
    for file, content in dataset.files:
        for index, statement in enumerate(content.statements):
            path: Path = ("statements", index)
            _check_statement_refs(dataset, statement, file, path, report, incomplete, ladders)
            _check_statement_dates(statement, file, path, today, report)
    if not incomplete.statements:
        _check_lineage(dataset, report)
    return report.problems


def _check_conflict(dataset: Dataset, report: _Report) -> None:
    defined = [(file, c) for file, c in dataset.files if c.conflict is not None]
    if not defined and dataset.files:
        report.add(dataset.files[0][0], (), "missing `conflict`: say which conflict this dataset tracks")
    for file, _ in defined[1:]:
        report.add(file, ("conflict",), f"`conflict` is already defined in {defined[0][0]}; define it once")


def _check_unique_ids(dataset: Dataset, report: _Report) -> None:
    for section in ("issues", "parties", "sources", "statements"):
        seen: dict[str, str] = {}
        for file, content in dataset.files:
            for index, item in enumerate(getattr(content, section)):
                item_id = item.id
                if section == "sources" and item_id is None:
                    report.add(file, (section, index), "a source in `sources` needs an `id`")
                    continue
                if item_id is None:
                    continue
                if item_id in seen:
                    report.add(file, (section, index, "id"), f"duplicate id `{item_id}` (first in {seen[item_id]})")
                else:
                    seen[item_id] = file
    for file, content in dataset.files:
        for i, issue in enumerate(content.issues):
            ladder = [level.id for level in issue.ladder]
            _report_duplicates(ladder, ("issues", i, "ladder"), ("id",), "ladder level", file, report)
        for i, statement in enumerate(content.statements):
            conditions = [condition.id for condition in statement.conditions]
            _report_duplicates(conditions, ("statements", i, "conditions"), ("id",), "condition id", file, report)
            if statement.parties is not None:
                _report_duplicates(statement.parties, ("statements", i, "parties"), (), "party", file, report)


def _report_duplicates(ids: Sequence[str], prefix: Path, suffix: Path, what: str, file: str, report: _Report) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            report.add(file, (*prefix, index, *suffix), f"duplicate {what} `{item_id}`")
        seen.add(item_id)


def _check_aliases(dataset: Dataset, report: _Report) -> None:
    """Every name a party answers to must lead to that party alone."""
    owner: dict[str, str] = {}
    for file, content in dataset.files:
        for index, party in enumerate(content.parties):
            names: list[tuple[Path, str]] = [(("id",), party.id), (("name",), party.name)]
            names += [(("aliases", j), alias) for j, alias in enumerate(party.aliases)]
            names += [(("speakers", j), person) for j, person in enumerate(party.speakers)]
            own: set[str] = set()
            for sub, name in names:
                folded = name.casefold()
                if sub[0] != "id":  # an id may well be its name in lower case
                    if folded in own:
                        report.add(file, ("parties", index, *sub), f"`{name}` is listed twice for party `{party.id}`")
                    own.add(folded)
                other = owner.get(folded)
                if other is not None and other != party.id:
                    report.add(
                        file,
                        ("parties", index, *sub),
                        f"`{name}` already names party `{other}`; names, aliases and speakers must be unambiguous",
                    )
                owner.setdefault(folded, party.id)


def _check_statement_refs(
    dataset: Dataset,
    statement: Statement,
    file: str,
    path: Path,
    report: _Report,
    incomplete: Incomplete,
    ladders: dict[str, tuple[str, ...]],  # issue id -> its level ids, computed once
) -> None:
    if not incomplete.parties:
        known = dataset.parties_by_id
        if statement.party is not None and statement.party not in known:
            report.add(
                file, (*path, "party"), f"unknown party `{statement.party}`{did_you_mean(statement.party, known)}"
            )
        for j, party in enumerate(statement.parties or ()):
            if party not in known:
                report.add(file, (*path, "parties", j), f"unknown party `{party}`{did_you_mean(party, known)}")
        if statement.parties is not None and len(statement.parties) < 2:
            report.add(file, (*path, "parties"), "a joint text needs at least two parties; for one, use `party`")
    if not incomplete.sources:
        _check_source_ref(dataset, statement.source, file, (*path, "source"), report)
        for j, ref in enumerate(statement.see_also):
            _check_source_ref(dataset, ref, file, (*path, "see_also", j), report)
        for j, correction in enumerate(statement.corrections):
            _check_source_ref(dataset, correction.source, file, (*path, "corrections", j, "source"), report)
    if incomplete.issues:
        return
    for j, condition in enumerate(statement.conditions):
        _check_condition_refs(
            dataset, ladders, condition.id, condition.issue, condition.level, file, (*path, "conditions", j), report
        )


def _check_condition_refs(
    dataset: Dataset,
    ladders: dict[str, tuple[str, ...]],
    condition_id: str,
    issue: str,
    level: str | None,
    file: str,
    path: Path,
    report: _Report,
) -> None:
    levels = ladders.get(issue)
    if levels is None:
        report.add(file, (*path, "issue"), f"unknown issue `{issue}`{did_you_mean(issue, dataset.issues_by_id)}")
    elif level is None:
        if levels:
            report.add(
                file,
                path,
                f"condition `{condition_id}` is on laddered issue `{issue}` and needs a `level` (one of: {', '.join(levels)})",
            )
    elif level not in levels:
        message = (
            f"`{level}` is not a level of `{issue}`{did_you_mean(level, levels)}"
            if levels
            else f"issue `{issue}` has no ladder, so a condition on it takes no `level`"
        )
        report.add(file, (*path, "level"), message)


@dataclass(frozen=True)
class SalvagedCondition:
    """The references of a condition in a statement that failed shape validation.

    The statement is left out of the dataset, but its conditions' issue and
    level are checked all the same: a misspelt `kind` must not hide a wrong
    ladder level on the same condition until the first is fixed.
    """

    file: str
    path: Path  # of the condition, in the file as written
    condition_id: str
    issue: str
    level: str | None


def check_salvaged(dataset: Dataset, salvaged: Iterable[SalvagedCondition], incomplete: Incomplete) -> list[Problem]:
    """Issue and level references of conditions whose statements failed shape validation."""
    if incomplete.issues:
        return []
    report = _Report()
    ladders = {issue_id: tuple(level.id for level in issue.ladder) for issue_id, issue in dataset.issues_by_id.items()}
    for item in salvaged:
        _check_condition_refs(dataset, ladders, item.condition_id, item.issue, item.level, item.file, item.path, report)
    return report.problems


def _check_source_ref(dataset: Dataset, ref: str | Source, file: str, path: Path, report: _Report) -> None:
    if isinstance(ref, str) and ref not in dataset.sources_by_id:
        report.add(file, path, f"unknown source `{ref}`{did_you_mean(ref, dataset.sources_by_id)}")


def _check_statement_dates(statement: Statement, file: str, path: Path, today: date, report: _Report) -> None:
    if statement.date.start > today:
        report.add(file, (*path, "date"), f"date {statement.date} is in the future (today is {today.isoformat()})")
    published = statement.source.published if isinstance(statement.source, Source) else None
    if published is not None and published.start > today:
        report.add(file, (*path, "source", "published"), f"published date {published} is in the future")
    for j, correction in enumerate(statement.corrections):
        if correction.date is None:
            continue
        if correction.date.start > today:
            report.add(file, (*path, "corrections", j, "date"), f"date {correction.date} is in the future")
        elif correction.date.end < statement.date.start:
            report.add(
                file,
                (*path, "corrections", j, "date"),
                f"correction dated {correction.date}, before the statement it corrects ({statement.date})",
            )


def _check_lineage(dataset: Dataset, report: _Report) -> None:
    """`replaces` and `withdraws` must name a condition the party stated earlier.

    "Earlier" is the dataset's chronological order (date, then file order), so a
    statement may also replace a condition stated before it on the same day.
    """
    stated: dict[str, dict[str, str]] = {}  # party -> condition id -> its issue
    for placed in dataset.statements:
        statement, file, index = placed.statement, placed.file, placed.index
        books = [stated.setdefault(party, {}) for party in placed.parties]
        for j, condition in enumerate(statement.conditions):
            for k, old in enumerate(condition.replaces):
                if old == condition.id:
                    where = ("statements", index, "conditions", j, "replaces", k)
                    report.add(file, where, f"condition `{old}` cannot replace itself")
                elif not any(old in book for book in books):
                    where = ("statements", index, "conditions", j, "replaces", k)
                    report.add(file, where, _not_stated(old, placed.parties, books))
        for j, old in enumerate(statement.withdraws):
            if not any(old in book for book in books):
                report.add(file, ("statements", index, "withdraws", j), _not_stated(old, placed.parties, books))
        for j, condition in enumerate(statement.conditions):
            for book in books:
                before = book.get(condition.id)
                if before is not None and before != condition.issue:
                    report.add(
                        file,
                        ("statements", index, "conditions", j, "issue"),
                        f"condition `{condition.id}` was on issue `{before}` before; a condition id stays on one issue (use a new id with `replaces`)",
                    )
                book[condition.id] = condition.issue


def _not_stated(condition: str, parties: tuple[str, ...], books: list[dict[str, str]]) -> str:
    own = {cid for book in books for cid in book}
    who = " or ".join(f"`{p}`" for p in parties)
    return f"`{condition}` is not a condition {who} stated earlier{did_you_mean(condition, own)}"
