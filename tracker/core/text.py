"""Untrusted text: what data may not carry, and the one neutraliser for every path out.

Validation refuses FORBIDDEN characters in the data (first wall). Whatever
reaches an output anyway (a message quoting a bad value, a file name, a forged
cache entry) goes through `inert` (terminal, CSV, messages), `json_safe` (JSON,
JSONL) or the Markdown helpers built on `inert`, and every line tracker writes
passes `no_commands` (second wall). See docs/security.md.
"""

from __future__ import annotations

import re

# Control characters other than tab and newline, and Unicode line separators and
# bidirectional overrides: none belongs in a paraphrase or a quote, and they are
# the raw material of terminal escape and display-spoofing attacks.
CONTROL_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Characters a reader cannot see: bidi marks (U+061C, U+200E/F), zero-width
# characters and joiners, the invisible operators, the byte order mark, and the
# Unicode tag characters (which can smuggle a hidden copy of any ASCII text).
INVISIBLE_CHARACTERS = "\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f"
FORBIDDEN_CHARACTERS = CONTROL_CHARACTERS + INVISIBLE_CHARACTERS
CONTROL = re.compile(f"[{FORBIDDEN_CHARACTERS}]")

NEWLINE_MARK = "⏎"  # U+23CE: a line break in data, shown where it was
_NEWLINE = re.compile(r"\r\n|\r|\n")
_COMMAND_START = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)


def control_character_in(text: str) -> str | None:
    """The first forbidden character of text, as U+XXXX, if any."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def inert(text: str) -> str:
    """Data text for a line of output: one line, every forbidden character visible.

    Line breaks become ⏎ (so data never starts an output line), and control,
    bidi, invisible and tag characters become `\\uXXXX` escapes. Idempotent.
    """
    return CONTROL.sub(_escape, _NEWLINE.sub(NEWLINE_MARK, text))


def no_commands(text: str) -> str:
    """Output text in which no line can start a GitHub Actions workflow command.

    The runner reads a line whose first non-blank characters are `::` as a
    command (`::add-mask::`, `::stop-commands::`); tracker itself never writes
    one, so a zero-width space goes between the two colons of any such line.
    """
    return _COMMAND_START.sub(lambda m: m.group(1) + ":\u200b", text) if "::" in text else text


# C0 is escaped by json.dumps itself; DEL, C1 and the rest are not.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{INVISIBLE_CHARACTERS}]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(document: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with C1, bidi and invisible
    characters written as `\\u` escapes: the same value, readable UTF-8 elsewhere.

    Those characters can only occur inside JSON strings, where the escape is valid.
    """
    return _JSON_UNSAFE.sub(_json_escape, document)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell: text made `inert`, and a leading `'` before = + - @ tab or CR.

    Spreadsheets run a cell that starts with one of those as a formula; the `'`
    is the usual mark for "text", shown by none of them. Numbers, flags and
    empty cells are left alone.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return inert(value)
