"""Plain YAML scalars that keep their source text.

YAML 1.2 reads `0777` as the number 777 and `true` as a boolean. Where the format
expects text (an id, a paraphrase), the author meant the characters they typed, so
the precise loader hands such scalars over as `PlainScalar`: the exact text, plus
the value YAML resolved, for the few fields that really want a number or a flag.
"""

from __future__ import annotations


class PlainScalar(str):
    """An unquoted scalar that YAML 1.2 would resolve to a non-string."""

    resolved: object

    def __new__(cls, text: str, resolved: object) -> PlainScalar:
        scalar = super().__new__(cls, text)
        scalar.resolved = resolved
        return scalar


def resolved_value(value: object) -> object:
    """The value YAML resolved, for fields that want numbers or flags."""
    if isinstance(value, PlainScalar):
        return value.resolved
    return value
