"""Plain YAML scalars that keep their source text.

YAML 1.2 reads `0777` as the number 777 and `true` as a boolean. The precise
loader hands such unquoted scalars over as `PlainScalar`: the exact text typed,
plus the value YAML resolved. Fields that want a number, a flag or a year take
the resolved value; text fields refuse it, as the fast pass and the JSON Schema
do (both see only the resolved value), and the loader asks the author to quote
it. `PlainScalar` is deliberately not a `str`, so that pydantic's string
validation rejects it natively, without a Python validator per string.
"""

from __future__ import annotations


class PlainScalar:
    """An unquoted scalar that YAML 1.2 resolves to a non-string."""

    __slots__ = ("resolved", "text")

    def __init__(self, text: str, resolved: object) -> None:
        self.text = text
        self.resolved = resolved

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PlainScalar({self.text!r}, {self.resolved!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlainScalar):
            return self.text == other.text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)


def resolved_value(value: object) -> object:
    """The value YAML resolved, for fields that want numbers, flags or years."""
    if isinstance(value, PlainScalar):
        return value.resolved
    return value
