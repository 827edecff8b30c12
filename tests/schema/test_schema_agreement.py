"""The committed JSON Schema, as editors and validators apply it, agrees with tracker.

The schema side is check-jsonschema's own: its YAML reader (ruamel, YAML 1.2,
timestamps kept as text) and its default regex engine (regress, ECMA-262 in
Unicode mode, as Ajv and yaml-language-server use). The tracker side is the
loader, with `today` far ahead so that only the file's shape is judged.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from check_jsonschema.parsers.yaml import _normalize, construct_yaml_implementation
from check_jsonschema.regex_variants import RegexImplementation, RegexVariantName
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MINIMAL, REPO
from tracker.core.file_format import DATE_PATTERN, ENUM_MEANINGS
from tracker.load.loader import _load_bytes, load_dataset_bytes
from tracker.load.schema import SCHEMA_URL, schema_dict, schema_text

SCHEMA_FILE = REPO / "schema" / "positions.schema.json"
FAR_AHEAD = date(9999, 12, 31)
_REGEX = RegexImplementation(RegexVariantName.default)
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _REGEX.pattern_keyword})
_VALIDATOR = _Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
_YAML = construct_yaml_implementation()


def schema_accepts(text: str) -> bool:
    data = _normalize(_YAML.load(text.encode("utf-8")))
    return not any(True for _ in _VALIDATOR.iter_errors(data))


def tracker_accepts(text: str) -> bool:
    """Whether the file's shape passes: what a file may hold, which is what a schema says.

    References between items and date order are checked after that, on the
    whole dataset, and no JSON Schema can express them.
    """
    return not _load_bytes("positions.yaml", text.encode("utf-8")).problems


def test_committed_schema_is_what_tracker_generates() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    assert json.loads(schema_text()) == schema_dict()


def test_schema_is_valid_with_unicode_mode_regexes() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$id"] == SCHEMA_URL
    jsonschema.Draft202012Validator.check_schema(schema)
    patterns: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.append(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    assert patterns
    assert all(_REGEX.check_format(pattern) for pattern in patterns)


def test_every_property_and_enum_value_is_described() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    missing: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties", {}) if "additionalProperties" in node else {}).items():
                if "description" not in prop:
                    missing.append(f"{where}.{name}")
            if "enum" in node:
                assert node["enumDescriptions"] == [ENUM_MEANINGS[value] for value in node["enum"]]
                assert all(f"`{value}`" in node["description"] for value in node["enum"])
            for key, value in node.items():
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                visit(value, where)

    visit(schema, "")
    assert missing == []


def test_the_shipped_dataset_passes_both() -> None:
    text = (REPO / "positions.yaml").read_text(encoding="utf-8")
    load_dataset_bytes([("positions.yaml", text.encode())], FAR_AHEAD)  # raises on any problem
    assert tracker_accepts(text)
    assert schema_accepts(text)


def test_the_check_jsonschema_command_passes_the_shipped_file_and_explains_a_bad_enum(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_FILE)]
    good = subprocess.run([*command, str(REPO / "positions.yaml")], capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("kind: demand", "kind: demnad", 1).replace("  title: Test war", "  titel: x"))
    out = subprocess.run([*command, "--verbose", str(bad)], capture_output=True, text=True, check=False)
    assert out.returncode == 1
    assert "'demnad' is not one of ['demand', 'offer', 'red-line']" in out.stdout
    assert "'titel' was unexpected" in out.stdout


# NaN (`.nan`) is left out: it is no JSON value, so a JSON Schema has no say on it;
# the loader refuses it where a number is wanted.
# Raw YAML scalars that YAML 1.2 reads in different ways: text, numbers, flags,
# null, dates of every shape, URLs with odd characters.
SCALARS = [
    "2024",
    "'2024'",
    "02024",
    "+2024",
    "0x7E8",
    "2024.0",
    "999",
    "10000",
    "0000",
    "'0000'",
    "2024-02-29",
    "2023-02-29",
    "2000-02-29",
    "1900-02-29",
    "2024-13",
    "2024-04-31",
    "'2024-06'",
    "true",
    "'true'",
    "no",
    "null",
    "~",
    "''",
    "' '",
    "'  x  '",
    "1e3",
    ".inf",
    "0o17",
    "20211217",
    "1:20",
    "-1",
    "a-b",
    "A-b",
    "a--b",
    "a.b_c",
    "demand",
    "red-line",
    "max",
    "state",
    "security",
    "on-record",
    "correction",
    "https://a.org/x",
    "http://a b",
    "'https://x/\"'",
    "'https://x/\\ufeff'",
    '"https://x/\\u0085"',
    "'ftp://x'",
    '"tab\\there"',
    '"bell\\a"',
    "[]",
    "-.inf",
    "[2024]",
    "['2024']",
    "[a, b]",
    "{}",
    "'\\u2028'",
    '"\\u2028"',
    '"x\\u202e"',
]
# Where a scalar goes: (text in MINIMAL to replace, the replacement with {} for the scalar).
SLOTS = [
    ("title: Test war", "title: {}"),
    ("    date: 2022-03-07", "    date: {}"),
    ("title: Interview", "title: {}"),
    ("url: https://tass.com/politics/1", "url: {}"),
    ("id: ua-all-for-all", "id: {}"),
    ("kind: offer", "kind: {}"),
    ("stage: ceasefire", "stage: {}"),
    ("basis: official-document", "basis: {}"),
    ("category: security", "category: {}"),
    ("text: Exchange all prisoners for all.", "text: {}"),
    ("aliases: [Kyiv]", "aliases: [{}]"),
    ("aliases: [Kyiv]", "aliases: {}"),
    ("        stage: ceasefire\n", "        stage: ceasefire\n        tags: [{}]\n"),
    ("        stage: ceasefire\n", "        stage: ceasefire\n        quote: {}\n"),
    ("        stage: ceasefire\n", "        stage: ceasefire\n        quantities: [{{measure: m, value: {}}}]\n"),
    (
        "        stage: ceasefire\n",
        "        stage: ceasefire\n        quantities: [{{measure: m, value: 1, bound: {}}}]\n",
    ),
    ("    basis: on-record\n", "    basis: on-record\n    date_inferred: {}\n"),
    ("    source: tass-1\n", "    source: {{publisher: TASS, published: {}}}\n"),
    (
        "    basis: on-record\n",
        "    basis: on-record\n    corrections: [{{kind: dispute, source: tass-1, text: x, date: {}}}]\n",
    ),
    ("    party: russia\n", "    party: {}\n"),
    ("    party: ukraine\n", "    parties: [{}]\n"),
    ("sources:\n  - id: tass-1\n", "sources: {}\nold:\n  - id: tass-1\n"),
]


def _variant(slot: int, scalar: str) -> str:
    old, new = SLOTS[slot]
    assert old in MINIMAL
    return MINIMAL.replace(old, new.format(scalar), 1)


@pytest.mark.parametrize("slot", range(len(SLOTS)))
def test_loader_and_schema_agree_on_every_scalar_in_every_slot(slot: int) -> None:
    disagreements = []
    for scalar in SCALARS:
        text = _variant(slot, scalar)
        ours, theirs = tracker_accepts(text), schema_accepts(text)
        if ours != theirs:
            disagreements.append((scalar, ours, theirs))
    assert disagreements == []


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar, every character outside printable ASCII escaped."""
    out = []
    for character in value:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif 0x20 <= code < 0x7F:
            out.append(character)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12))
def test_loader_and_schema_agree_on_fuzzed_text(value: str) -> None:
    for slot in (0, 3, 4, 1):
        text = _variant(slot, _double_quoted(value))
        assert tracker_accepts(text) == schema_accepts(text), (slot, value)


def test_the_date_pattern_is_exactly_what_tracker_parses() -> None:
    from tracker.core.dates import PartialDate

    pattern = re.compile(DATE_PATTERN)
    for year in (0, 1, 999, 1000, 1900, 2000, 2023, 2024, 2100, 2400, 9999):
        for month in range(14):
            for day in range(33):
                for text in (f"{year:04d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{day:02d}"):
                    try:
                        PartialDate.parse(text)
                        parses = True
                    except ValueError:
                        parses = False
                    assert bool(pattern.match(text)) == parses, text


def test_the_text_pattern_is_exactly_what_tracker_accepts_as_text() -> None:
    import itertools

    from pydantic import TypeAdapter, ValidationError

    from tracker.core.file_format import _TEXT_SCHEMA_PATTERN, Text

    adapter: TypeAdapter[str] = TypeAdapter(Text)
    pattern = _REGEX._concrete._compile_pattern(_TEXT_SCHEMA_PATTERN)
    characters = ["a", " ", "\t", "\r", "\x0b", "\x85", "\x01", "\u2028", "\x1c", "\u202e", "\xa0", "\ufeff", "-"]
    for size in range(5):
        for chosen in itertools.product(characters, repeat=size):
            text = "".join(chosen)
            try:
                adapter.validate_python(text)
                accepted = True
            except ValidationError:
                accepted = False
            assert (pattern.find(text) is not None) == accepted, repr(text)
