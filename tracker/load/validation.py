"""Shape validation of parsed data, with pydantic's errors made readable.

Items of each list are validated one by one on the slow path, so that one bad
statement does not hide the problems of the others.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from tracker.core import file_format
from tracker.core.checks import Incomplete, SalvagedCondition, did_you_mean
from tracker.core.problems import Path, Problem
from tracker.core.scalars import PlainScalar, resolved_value
from tracker.core.text import control_character_in

SECTIONS: dict[str, type[BaseModel]] = {
    "issues": file_format.Issue,
    "parties": file_format.Party,
    "sources": file_format.Source,
    "statements": file_format.Statement,
}


@dataclass(frozen=True)
class Located:
    """A problem with the path it concerns and whether it points at a key."""

    problem: Problem
    on_key: bool = False


@dataclass
class ShapeResult:
    content: file_format.PositionsFile | None
    problems: list[Located]
    incomplete: Incomplete
    # For each section, the original index of every item that passed, so that
    # later problems about a valid item point at the right place in the file.
    kept: dict[str, list[int]] = field(default_factory=dict)
    # References of conditions in statements that failed, to check all the same.
    salvaged: list[SalvagedCondition] = field(default_factory=list)


def validate_shape(data: Any, display: str) -> ShapeResult:
    """Validate item by item; keep every valid item, report every invalid one."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else _kind(data)
        problem = Problem(
            f"the file is {kind}; expected a mapping with `schema`, `conflict`, `issues`, `parties`, `statements`",
            display,
        )
        return ShapeResult(None, [Located(problem)], Incomplete())
    kept: dict[str, list[int]] = {}
    problems: list[Located] = []
    salvaged: list[SalvagedCondition] = []
    root = {key: value for key, value in data.items() if key not in SECTIONS}
    sections: dict[str, list[BaseModel]] = {}
    failed: set[str] = set()
    for section, model in SECTIONS.items():
        items = data.get(section, [])
        if items is None:
            items = []
        if not isinstance(items, list):
            problems.append(Located(Problem(f"`{section}` must be a list, not {_kind(items)}", display, (section,))))
            failed.add(section)
            continue
        valid: list[BaseModel] = []
        kept[section] = []
        for index, item in enumerate(items):
            try:
                valid.append(model.model_validate(item))
                kept[section].append(index)
            except ValidationError as error:
                failed.add(section)
                located = translate(error, item, display, (section, index), model)
                problems += located
                if section == "statements":
                    salvaged += _salvage(item, display, index, located)
        sections[section] = valid
    content: file_format.PositionsFile | None = None
    try:
        content = file_format.PositionsFile.model_validate({**root, **sections})
    except ValidationError as error:
        problems += translate(error, data, display, (), file_format.PositionsFile)
    incomplete = Incomplete(**{section: section in failed for section in SECTIONS})
    return ShapeResult(content, problems, incomplete, kept, salvaged)


_SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


def _salvage(item: Any, display: str, index: int, located: list[Located]) -> list[SalvagedCondition]:
    """The issue and level of each condition of a failed statement, where both are well-formed
    and no problem already points at them (that problem says enough)."""
    if not isinstance(item, dict) or not isinstance(item.get("conditions"), list):
        return []
    flagged = {p.problem.path for p in located}
    found = []
    for j, condition in enumerate(item["conditions"]):
        if not isinstance(condition, dict):
            continue
        path = ("statements", index, "conditions", j)
        issue, level, condition_id = condition.get("issue"), condition.get("level"), condition.get("id")
        if type(issue) is not str or not _SLUG.match(issue) or (*path, "issue") in flagged:
            continue
        if level is not None and (type(level) is not str or not _SLUG.match(level) or (*path, "level") in flagged):
            continue
        name = condition_id if type(condition_id) is str else f"#{j + 1}"
        found.append(SalvagedCondition(display, path, name, issue, level))
    return found


def translate(error: ValidationError, data: Any, display: str, prefix: Path, model: type[BaseModel]) -> list[Located]:
    return [_translate_one(detail, data, display, prefix, model) for detail in error.errors(include_url=False)]


def _translate_one(detail: ErrorDetails, data: Any, display: str, prefix: Path, model: type[BaseModel]) -> Located:
    path, value = _real_path(data, detail["loc"])
    full = (*prefix, *path)
    kind = detail["type"]
    if kind == "missing":
        return Located(Problem(f"missing required key `{detail['loc'][-1]}`", display, full[:-1]))
    if kind == "extra_forbidden":
        key = str(detail["loc"][-1])
        known = _field_names(_model_at(model, path[:-1]))
        return Located(Problem(f"unknown key `{key}`{did_you_mean(key, known)}", display, full), on_key=True)
    return Located(Problem(_message(detail, value), display, full))


def _message(detail: ErrorDetails, value: Any) -> str:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        if isinstance(value, str) and (character := control_character_in(value)) is not None:
            return f"contains the control or invisible character {character}; remove it"
        if "https?" in str(ctx.get("pattern", "")):
            return f"`{value}` is not an http:// or https:// address"
        return f"`{value}` is not a valid id: use lower-case letters and digits, joined by - _ or ."
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace("'", "`")
        choices = [choice.strip().strip("`") for choice in expected.replace(" or ", ",").split(",")]
        return f"`{value}` is not one of {expected}{did_you_mean(str(value), choices)}"
    if kind == "literal_error":
        return f"`{value}` is not one of {ctx.get('expected', '')}"
    if kind == "string_type":
        if isinstance(value, PlainScalar):
            # YAML 1.2 reads an unquoted `1997`, `true` or `1e3` as a number or flag;
            # tracker, like the JSON Schema and editors, takes text only as a string.
            return f'YAML reads `{value.text}` as {_kind(value)}, not text; quote it: "{value.text}"'
        return f"expected text, not {_kind(value)}"
    if kind == "list_type":
        return f"expected a list, not {_kind(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping, not {_kind(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    message = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def _kind(value: Any) -> str:
    value = resolved_value(value)  # a plain `5` from the precise pass is a number, not text
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


# Tags of the discriminated unions in file_format (SourceRef): pydantic puts them
# in an error's location, where the data has no such key.
_UNION_TAGS = frozenset({"inline", "ref"})


def _real_path(data: Any, loc: tuple[int | str, ...]) -> tuple[Path, Any]:
    """Follow pydantic's location through the data, dropping union branch tags."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            path.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            path.append(part)
        elif isinstance(data, dict) and part in _UNION_TAGS:
            continue  # the branch of a tagged union (an inline source), not a key
        elif isinstance(data, dict) and not isinstance(part, int):
            path.append(part)  # a missing or unknown key: keep it for the message
            data = None
    return tuple(path), data


def _model_at(model: type[BaseModel], path: Path) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in path:
        if current is None or isinstance(part, int):
            continue
        field = next((f for name, f in current.model_fields.items() if (f.alias or name) == part), None)
        current = _first_model(field.annotation) if field is not None else None
    return current


def _first_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _first_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]
