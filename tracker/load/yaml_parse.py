"""The precise YAML pass, for files the fast pass (`tracker.load.fast`) cannot vouch for.

It reads the file through PyYAML's event stream and composes the data itself,
so that it can

- resolve scalars by YAML 1.2 rules, keeping the typed text (`0777`, `no`),
- refuse every tag that is not a plain YAML type (nothing runs, nothing is read),
- reject duplicate keys and non-text keys,
- bound nesting depth and alias expansion, and
- remember the line and column of every key and value, for error messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from tracker.core.problems import Path, Problem
from tracker.core.scalars import PlainScalar
from tracker.load.fast import MAX_ALIAS_NODES, MAX_DEPTH

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


Position = tuple[int, int]


@dataclass
class Parsed:
    """The precise pass's result: data, where each part was, and what was wrong."""

    data: Any = None
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)  # nodes replaced after a problem

    def locate(self, path: Path) -> Position:
        """The position of the value at path, or of its nearest ancestor."""
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def locate_key(self, path: Path) -> Position:
        return self.keys.get(path) or self.locate(path)


class _Stop(Exception):
    """Composition cannot go on; the problem is already recorded."""


def precise_parse(text: str, display: str) -> Parsed:
    parsed = Parsed()
    composer = _Composer(text, display, parsed)
    try:
        composer.compose_stream()
    except _Stop:
        parsed.data = None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = error.context
        if context and error.context_mark is not None and error.problem_mark is not None:
            context += f" (line {error.context_mark.line + 1})"
        message = " ".join(filter(None, [context, error.problem]))
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        parsed.problems.append(Problem(f"YAML syntax: {message}", display, line=line, column=column))
        parsed.data = None
    except yaml.reader.ReaderError as error:
        line, column = _offset_to_position(text, error.position)
        parsed.problems.append(
            Problem(
                f"character U+{error.character if isinstance(error.character, int) else ord(error.character):04X} is not allowed in YAML",
                display,
                line=line,
                column=column,
            )
        )
        parsed.data = None
    except yaml.YAMLError as error:
        parsed.problems.append(Problem(f"YAML: {error}", display, line=1, column=1))
        parsed.data = None
    return parsed


def _position(mark: Any) -> Position:
    """1-based line and column of a PyYAML mark (events always carry one)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _offset_to_position(text: str, offset: int) -> Position:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class _Composer:
    def __init__(self, text: str, display: str, parsed: Parsed) -> None:
        self.events: Iterator[yaml.Event] = iter(yaml.parse(text, Loader=_Loader))
        self.display = display
        self.parsed = parsed
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.lookahead: yaml.Event | None = None

    def next_event(self) -> yaml.Event:
        if self.lookahead is not None:
            event, self.lookahead = self.lookahead, None
            return event
        return next(self.events)

    def peek(self) -> yaml.Event:
        if self.lookahead is None:
            self.lookahead = next(self.events)
        return self.lookahead

    def fail(self, event: yaml.Event, message: str, *, stop: bool = False) -> None:
        line, column = _position(event.start_mark)
        self.parsed.problems.append(Problem(message, self.display, line=line, column=column))
        if stop:
            raise _Stop

    def compose_stream(self) -> None:
        self.next_event()  # StreamStartEvent
        event = self.next_event()
        if isinstance(event, yaml.StreamEndEvent):
            self.parsed.data = None
            return
        self.parsed.data, _ = self.compose_node((), depth=0)
        self.next_event()  # DocumentEndEvent
        event = self.next_event()
        if isinstance(event, yaml.DocumentStartEvent):
            self.fail(event, "a second YAML document starts here; a positions file holds one", stop=True)

    def compose_node(self, path: Path, depth: int) -> tuple[Any, int]:
        """The node's value and its size in nodes (for the alias budget)."""
        event = self.next_event()
        self.parsed.values[path] = _position(event.start_mark)
        if depth > MAX_DEPTH:
            self.fail(event, f"nesting deeper than {MAX_DEPTH} levels; refusing to read further", stop=True)
        if isinstance(event, yaml.AliasEvent):
            return self.compose_alias(event)
        if isinstance(event, yaml.ScalarEvent):
            value, size = self.compose_scalar(event, path), 1
        elif isinstance(event, yaml.SequenceStartEvent):
            self.check_collection_tag(event, "seq", path)
            value, size = self.compose_sequence(path, depth)
        elif isinstance(event, yaml.MappingStartEvent):
            self.check_collection_tag(event, "map", path)
            value, size = self.compose_mapping(path, depth)
        else:  # pragma: no cover - the parser guarantees a node here
            self.fail(event, f"unexpected YAML event {type(event).__name__}", stop=True)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        return value, size

    def compose_alias(self, event: yaml.AliasEvent) -> tuple[Any, int]:
        found = self.anchors.get(event.anchor or "")
        if found is None:
            self.fail(event, f"alias *{event.anchor} refers to no complete anchor before it", stop=True)
            raise _Stop
        value, size = found
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            self.fail(
                event,
                f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; refusing (is this a billion-laughs file?)",
                stop=True,
            )
        return value, size

    def check_collection_tag(self, event: yaml.CollectionStartEvent, kind: str, path: Path) -> None:
        if event.tag not in (None, "!", _TAG + kind):
            self.fail(event, f"tag {event.tag} is not supported; remove it")
            self.parsed.refused.add(path)

    def compose_sequence(self, path: Path, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        size = 1
        while not isinstance(self.peek(), yaml.SequenceEndEvent):
            value, item_size = self.compose_node((*path, len(items)), depth + 1)
            items.append(value)
            size += item_size
        self.next_event()
        return items, size

    def compose_mapping(self, path: Path, depth: int) -> tuple[dict[str, Any], int]:
        mapping: dict[str, Any] = {}
        size = 1
        while not isinstance(self.peek(), yaml.MappingEndEvent):
            key_event = self.peek()
            key_path = (*path, "\0key")  # named: mypy's 3.10 mode misreads `x[(*a, b)]`
            key, _ = self.compose_node(key_path, depth + 1)
            del self.parsed.values[key_path]
            key_position = _position(key_event.start_mark)
            if isinstance(key, PlainScalar):
                key = key.text  # `2024:` as a key is its text; keys are never numbers here
            if not isinstance(key, str):
                self.fail(key_event, "a key must be plain text")
                self.compose_node((*path, "\0value"), depth + 1)
                continue
            key = str(key)
            if key in mapping:
                first = self.parsed.keys.get((*path, key), key_position)[0]
                self.fail(key_event, f"duplicate key `{key}` (first on line {first})")
                self.compose_node((*path, "\0value"), depth + 1)
                continue
            value_path = (*path, key)
            self.parsed.keys[value_path] = key_position
            value, value_size = self.compose_node((*path, key), depth + 1)
            mapping[key] = value
            size += value_size
        self.next_event()
        return mapping, size

    def compose_scalar(self, event: yaml.ScalarEvent, path: Path) -> Any:
        text, tag = event.value, event.tag
        plain = not event.style and event.implicit[0]
        if tag is None or tag == "!":
            return _resolve_plain(text) if plain and tag is None else text
        if tag == _TAG + "str":
            return text
        kind = tag[len(_TAG) :] if tag.startswith(_TAG) else None
        if kind in ("int", "float", "bool", "null"):
            resolved = _resolve_plain(text)
            wanted: dict[str, type | tuple[type, ...]] = {
                "int": int,
                "float": (int, float),
                "bool": bool,
                "null": type(None),
            }
            expected = wanted[kind]
            value = resolved.resolved if isinstance(resolved, PlainScalar) else resolved
            if isinstance(value, expected) and not (kind != "bool" and isinstance(value, bool)):
                return resolved
            self.fail(event, f"`{text}` is not a valid !!{kind}")
            self.parsed.refused.add(path)
            return text
        self.fail(event, f"tag {tag} is not supported; remove it")
        self.parsed.refused.add(path)
        return text


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema, keeping the typed text for non-strings."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return PlainScalar(text, _BOOL[text])
    if _INT.match(text):
        return PlainScalar(text, int(text))
    if _OCT.match(text):
        return PlainScalar(text, int(text[2:], 8))
    if _HEX.match(text):
        return PlainScalar(text, int(text[2:], 16))
    if _FLOAT.match(text):
        return PlainScalar(text, float(text))
    if _INF.match(text):
        return PlainScalar(text, float("-inf") if text.startswith("-") else float("inf"))
    if _NAN.match(text):
        return PlainScalar(text, float("nan"))
    return text
