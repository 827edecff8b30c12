"""Adding statements to a positions file: completed, placed in date order, validated once, written atomically.

`prepare` does everything but the write and changes nothing; `write` checks the
file did not change meanwhile and replaces it atomically. Both raise `AddError`
(with the problems behind it) instead of exiting; questions go through a
`Confirm` callback, so a terminal can ask and a pipe take the default.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.core.dataset import Dataset
from tracker.core.problems import DatasetError, Problem

if TYPE_CHECKING:
    from tracker.load.yaml_edit import Layout

# (question, default answer) -> answer
Confirm = Callable[[str, bool], bool]


def take_default(question: str, default: bool) -> bool:
    """The `Confirm` of a pipe or of --yes: every suggestion as suggested."""
    return default


class AddError(Exception):
    """Nothing was written, and why; `exit_code` 1 when the result would be invalid, else 2."""

    exit_code = 2

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


class InvalidResult(AddError):
    """The dataset would not be valid with the new statements."""

    exit_code = 1


@dataclass
class Suggestions:
    """What was suggested for the new conditions, and whether it was taken."""

    confirm: Confirm
    notes: list[str] = field(default_factory=list)


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
    from tracker.load.yaml_parse import precise_parse

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
    """Flags given with --snippet fill what a draft lacks (an article without a date, say).

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


def complete_conditions(dataset: Dataset, statement: dict[str, Any], suggestions: Suggestions, taken: set[str]) -> None:
    """Fill a missing condition id or ladder level from similar existing conditions; `taken` ids grow."""
    from tracker.core.suggest import LEVEL_SIMILAR, most_similar, new_condition_id

    party = _first_party(statement)
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
                similar.score >= 0.85,
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
                    True,
                )
            ):
                condition["level"] = similar.condition.level
                suggestions.notes.append(
                    f"level `{similar.condition.level}` for `{condition['id']}`: from `{similar.condition.id}`"
                )


def statement_id_for(statement: dict[str, Any], taken: set[str]) -> str:
    """`<party>-<date>-<speaker or publisher>`, unique among `taken`: the shipped data's habit."""
    import re

    speaker = statement.get("speaker")
    source = statement.get("source")
    who = speaker.get("name") if isinstance(speaker, dict) else None
    who = who or (source.get("publisher") if isinstance(source, dict) else source) or "statement"
    slug = "-".join(
        re.findall(r"[a-z0-9]+", f"{_first_party(statement)} {statement.get('date', '')} {who}".casefold())
    )[:80]
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


@dataclass(frozen=True)
class Addition:
    """The file's new text, ready to write, and what was done to make it."""

    target: Path
    before: str  # the file's text as read, with LF line ends (what `text` was made from)
    text: str
    digest: str  # of the bytes it was made from
    count: int
    notes: list[str]
    layout: Layout  # BOM, line ends and final newline of the bytes it was made from


def prepare(
    target: Path,
    statements: list[dict[str, Any]],
    confirm: Confirm = take_default,
    dataset_files: Sequence[Path] = (),
) -> Addition:
    """Complete and place every statement, then validate the whole result once; write nothing.

    `dataset_files`: every file of a directory dataset that `target` belongs to, in
    the dataset's order; the statements go into `target`, and are checked against
    (and validated with) all of them. Empty: `target` is the whole dataset.
    """
    from tracker.core.dates import PartialDate
    from tracker.load.loader import load_dataset_bytes
    from tracker.load.text import decode
    from tracker.load.yaml_edit import (
        EditRefused,
        Layout,
        check_block_style,
        insert_lines,
        insertion_point,
        render_statement,
    )
    from tracker.load.yaml_parse import precise_parse

    display = str(target)
    try:
        original = target.read_bytes()
    except OSError as error:
        raise AddError(f"cannot read {display}: {error.strerror or error}") from None
    today = date.today()
    members = _members(target, original, dataset_files)
    try:
        dataset = load_dataset_bytes(members, today=today)
        layout = Layout.of(original)
        text = before = layout.to_lf(decode(original, display))
    except DatasetError as error:
        raise AddError(
            f"{display} has problems already; fix them (tracker validate) before adding", error.problems
        ) from None
    except EditRefused as error:
        raise AddError(f"{display} {error}") from None
    parsed = precise_parse(text, display)
    try:
        check_block_style(text, parsed)
    except EditRefused as error:
        raise AddError(f"{display}: {error}") from None
    suggestions = Suggestions(confirm)
    statement_ids = {placed.id for placed in dataset.statements}
    condition_ids = {c.id for p in dataset.statements for c in p.statement.conditions}
    # Every place is found in the file as it was; blocks that share a place go in date order.
    blocks: list[tuple[int, tuple[date, date], int, list[str]]] = []
    for order, statement in enumerate(statements):
        resolve_parties(dataset, statement)
        complete_conditions(dataset, statement, suggestions, condition_ids)
        statement.setdefault("id", statement_id_for(statement, statement_ids))
        statement_ids.add(str(statement["id"]))
        try:
            day = PartialDate.parse(str(statement.get("date", "")))
        except ValueError:
            day = PartialDate.of(today)  # the validator will name the bad date
        try:
            index, dash = insertion_point(text, parsed, dataset, _first_party(statement), day)
        except ValueError as error:
            raise AddError(f"{display}: {error}") from None
        blocks.append((index, day.sort_key, order, render_statement(statement, dash)))
    notes, shift = [], 0
    for index, _, _, block in sorted(blocks, key=lambda item: item[:3]):
        text = insert_lines(text, index + shift, block)
        notes.append(f"{display}: statement placed at line {index + shift + 1}")
        shift += len(block)
    try:
        with_new = [
            (f"{name} (with the new statements)", text.encode("utf-8")) if name == display else (name, data)
            for name, data in members
        ]
        load_dataset_bytes(with_new, today=today)
    except DatasetError as error:
        raise InvalidResult(
            "the dataset would not be valid with this statement; nothing was written", error.problems
        ) from None
    notes += [f"suggested {line}" for line in suggestions.notes]
    return Addition(target, before, text, hashlib.sha256(original).hexdigest(), len(statements), notes, layout)


def _members(target: Path, original: bytes, dataset_files: Sequence[Path]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file of the dataset, the target's as already read."""
    if not dataset_files:
        return [(str(target), original)]
    members = []
    for path in dataset_files:
        if path == target:
            members.append((str(target), original))
            continue
        try:
            members.append((str(path), path.read_bytes()))
        except OSError as error:
            raise AddError(f"cannot read {path}: {error.strerror or error}") from None
    return members


@contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold the file's lock from `prepare` to `write`, so that concurrent adds take
    turns instead of each writing over the other's statement (tracker.files.locked)."""
    from tracker.files import WriteRefused, locked

    try:
        with locked(target):
            yield
    except WriteRefused as error:  # the lock could not be taken: nothing was read or written
        raise AddError(str(error)) from None


def write(addition: Addition) -> None:
    """Replace the file atomically, unless it changed since `prepare` read it."""
    from tracker.files import atomic_write

    display = str(addition.target)
    if hashlib.sha256(addition.target.read_bytes()).hexdigest() != addition.digest:
        raise AddError(f"{display} changed on disk while tracker was adding to it; nothing was written, run again")
    try:
        atomic_write(addition.target, addition.layout.encode(addition.text))
    except OSError as error:
        raise AddError(f"cannot write {display}: {error.strerror or error}; the file is unchanged") from None
