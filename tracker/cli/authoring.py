"""`tracker add`: append statements to a positions file, validated, atomically."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import typer

from tracker.cli.output import fail, note
from tracker.core.dataset import Dataset
from tracker.core.problems import DatasetError


@dataclass
class Suggestions:
    """What was suggested for the new conditions, and whether it was taken."""

    interactive: bool
    accept_all: bool
    notes: list[str] = field(default_factory=list)

    def confirm(self, question: str, default: bool) -> bool:
        if self.accept_all or not self.interactive:
            return default
        return typer.confirm(question, default=default, err=True)


def read_snippet(source: str) -> list[dict[str, Any]]:
    """Statements from a YAML snippet file or stdin: `statements: [...]`, a list, or one mapping."""
    from tracker.load.text import decode, read_text
    from tracker.load.yaml_parse import precise_parse

    display = "<stdin>" if source == "-" else source
    text = decode(sys.stdin.buffer.read(), display) if source == "-" else read_text(Path(source), display)
    parsed = precise_parse(text, display)
    if parsed.problems:
        raise DatasetError(parsed.problems)
    data = parsed.data
    if isinstance(data, dict) and "statements" in data:
        data = data["statements"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        from tracker.core.problems import Problem

        raise DatasetError([Problem("expected `statements:` with a list of statements", display, line=1, column=1)])
    return [_plain(item) for item in data]


def _plain(value: Any) -> Any:
    """Snippet data as plain str/int/float/bool, so that PyYAML can write it back."""
    from tracker.core.scalars import PlainScalar

    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, PlainScalar):
        resolved = value.resolved
        # keep what the author typed unless it is a real number or flag the format wants
        return resolved if isinstance(resolved, bool | float) or str(resolved) == str(value) else value.text
    return value


@dataclass(frozen=True)
class StatementFlags:
    """`tracker add`'s flags for one statement."""

    statement_id: str | None
    party: str | None
    date: str | None
    speaker: str | None
    role: str | None
    source: str | None
    publisher: str | None
    title: str | None
    url: str | None
    published: str | None
    basis: str | None
    conditions: list[str]
    withdraws: list[str]


def statement_from_flags(flags: StatementFlags) -> dict[str, Any]:
    """A statement mapping from flags, in the file's usual key order."""
    from tracker.core.problems import Problem
    from tracker.load.yaml_parse import precise_parse

    if not (flags.party and flags.date and flags.basis and (flags.source or flags.publisher)):
        fail("give --party, --date, --basis and --source or --publisher (or use --from)")
    statement: dict[str, Any] = {}
    if flags.statement_id:
        statement["id"] = flags.statement_id
    statement["party"] = flags.party
    statement["date"] = flags.date
    if flags.speaker:
        statement["speaker"] = {"name": flags.speaker, **({"role": flags.role} if flags.role else {})}
    if flags.source:
        statement["source"] = flags.source
    else:
        fields = {"publisher": flags.publisher, "title": flags.title, "url": flags.url, "published": flags.published}
        statement["source"] = {key: value for key, value in fields.items() if value}
    statement["basis"] = flags.basis
    conditions = []
    for number, text in enumerate(flags.conditions, start=1):
        where = f"--condition #{number}"
        parsed = precise_parse(text, where)
        if parsed.problems:
            raise DatasetError(parsed.problems)
        if not isinstance(parsed.data, dict):
            raise DatasetError([Problem("expected a mapping like '{issue: nato, text: ...}'", where)])
        conditions.append(_plain(parsed.data))
    if conditions:
        statement["conditions"] = conditions
    if flags.withdraws:
        statement["withdraws"] = list(flags.withdraws)
    return statement


def fill_missing(statement: dict[str, Any], flags: StatementFlags) -> None:
    """Flags given with --from fill what a draft lacks (an article without a date, say).

    They never override a value the snippet has.
    """
    simple = {"party": flags.party, "date": flags.date, "basis": flags.basis, "id": flags.statement_id}
    for key, value in simple.items():
        if value and key not in statement and not (key == "party" and "parties" in statement):
            statement[key] = value
    if flags.speaker and "speaker" not in statement:
        statement["speaker"] = {"name": flags.speaker, **({"role": flags.role} if flags.role else {})}
    source = statement.get("source")
    if flags.source and source is None:
        statement["source"] = flags.source
    elif isinstance(source, dict) or source is None:
        inline = source if isinstance(source, dict) else {}
        for key, value in (("publisher", flags.publisher), ("title", flags.title), ("url", flags.url)):
            if value and key not in inline:
                inline[key] = value
        if flags.published and "published" not in inline:
            inline["published"] = flags.published
        if inline:
            statement["source"] = inline


def _first_party(statement: dict[str, Any]) -> str:
    """The party a drafted statement is filed under; shape errors are the validator's to report."""
    parties = statement.get("parties")
    if isinstance(parties, list) and parties:
        return str(parties[0])
    return str(statement.get("party") or "")


def resolve_parties(dataset: Dataset, statement: dict[str, Any]) -> None:
    """Party names and aliases (`Kremlin`) become ids; unknown names stay for the validator."""
    from tracker.core.engine.lookup import LookupFailed, resolve_party

    def resolved(name: object) -> object:
        try:
            return resolve_party(dataset, str(name)).id
        except LookupFailed:
            return name

    if "party" in statement:
        statement["party"] = resolved(statement["party"])
    if isinstance(statement.get("parties"), list):
        statement["parties"] = [resolved(name) for name in statement["parties"]]


def complete_conditions(dataset: Dataset, statement: dict[str, Any], suggestions: Suggestions) -> None:
    """Fill a missing condition id or ladder level from similar existing conditions."""
    from tracker.core.suggest import LEVEL_SIMILAR, most_similar, new_condition_id

    party = _first_party(statement)
    taken = {c.id for p in dataset.statements for c in p.statement.conditions}
    conditions = statement.get("conditions")
    for condition in conditions if isinstance(conditions, list) else []:
        if not isinstance(condition, dict):
            continue
        issue, text = str(condition.get("issue", "")), str(condition.get("text", ""))
        if "id" not in condition and issue and text:
            similar = most_similar(dataset, issue, text, party=party)
            if similar is not None and suggestions.confirm(
                f"Restate existing condition `{similar.condition.id}` ({similar.score:.0%} similar: "
                f"{similar.condition.text!r})?",
                default=similar.score >= 0.85,
            ):
                condition["id"] = similar.condition.id
                suggestions.notes.append(f"condition id `{similar.condition.id}`: restates a similar condition")
            else:
                condition["id"] = new_condition_id(party, issue, text, taken)
                suggestions.notes.append(f"condition id `{condition['id']}`: new")
            taken.add(condition["id"])
        ladder = dataset.issues_by_id[issue].ladder if issue in dataset.issues_by_id else []
        if ladder and "level" not in condition and text:
            similar = most_similar(dataset, issue, text, threshold=LEVEL_SIMILAR)
            if (
                similar is not None
                and similar.condition.level
                and suggestions.confirm(
                    f"Level `{similar.condition.level}` for {condition.get('id')!r}, "
                    f"as `{similar.condition.id}` ({similar.score:.0%} similar)?",
                    default=True,
                )
            ):
                condition["level"] = similar.condition.level
                suggestions.notes.append(
                    f"level `{similar.condition.level}` for `{condition['id']}`: from `{similar.condition.id}`"
                )


def statement_id_for(dataset: Dataset, statement: dict[str, Any]) -> str:
    """`<party>-<date>-<speaker or publisher>`, unique in the dataset: the shipped data's habit."""
    import re

    speaker = statement.get("speaker")
    source = statement.get("source")
    who = speaker.get("name") if isinstance(speaker, dict) else None
    who = who or (source.get("publisher") if isinstance(source, dict) else source) or "statement"
    slug = "-".join(
        re.findall(r"[a-z0-9]+", f"{_first_party(statement)} {statement.get('date', '')} {who}".casefold())
    )[:80]
    taken = {placed.id for placed in dataset.statements}
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def add_statements(target: Path, statements: list[dict[str, Any]], suggestions: Suggestions, dry_run: bool) -> None:
    """Insert, validate the whole result, and write atomically; or change nothing."""
    from tracker.core.dates import PartialDate
    from tracker.files import atomic_write
    from tracker.load.loader import load_dataset_bytes
    from tracker.load.text import decode
    from tracker.load.yaml_edit import insert_lines, insertion_point, render_statement
    from tracker.load.yaml_parse import precise_parse

    display = str(target)
    try:
        original = target.read_bytes()
    except OSError as error:
        fail(f"cannot read {display}: {error.strerror or error}")
    digest = hashlib.sha256(original).hexdigest()
    today = date.today()
    try:
        dataset = load_dataset_bytes([(display, original)], today=today)
        text = decode(original, display)
    except DatasetError as error:
        for problem in error.problems:
            note(str(problem))
        fail(f"{display} has problems already; fix them (tracker validate) before adding")
    for statement in statements:
        resolve_parties(dataset, statement)
        complete_conditions(dataset, statement, suggestions)
        statement.setdefault("id", statement_id_for(dataset, statement))
        party = _first_party(statement)
        try:
            day = PartialDate.parse(str(statement.get("date", "")))
        except ValueError:
            day = PartialDate.of(today)  # the validator will name the bad date
        parsed = precise_parse(text, display)
        try:
            index, dash = insertion_point(text, parsed, dataset, str(party), day)
        except ValueError as error:
            fail(f"{display}: {error}")
        text = insert_lines(text, index, render_statement(statement, dash))
        note(f"{display}: statement placed at line {index + 1}")
        try:
            dataset = load_dataset_bytes([(f"{display} (with the new statement)", text.encode("utf-8"))], today=today)
        except DatasetError as error:
            for problem in error.problems:
                note(str(problem))
            fail("the dataset would not be valid with this statement; nothing was written", code=1)
    for line in suggestions.notes:
        note(f"suggested {line}")
    if dry_run:
        sys.stdout.write(text)
        return
    if hashlib.sha256(target.read_bytes()).hexdigest() != digest:
        fail(f"{display} changed on disk while tracker was adding to it; nothing was written, run again")
    try:
        atomic_write(target, text)
    except OSError as error:
        fail(f"cannot write {display}: {error.strerror or error}; the file is unchanged")
    note(f"{display}: added {len(statements)} statement(s)")
