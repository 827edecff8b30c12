"""Characters that data text may not carry: one definition for validation and rendering."""

from __future__ import annotations

import re

# Control characters other than tab and newline, and Unicode line separators and
# bidirectional overrides: none belongs in a paraphrase or a quote, and they are
# the raw material of terminal escape and display-spoofing attacks.
CONTROL_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def control_character_in(text: str) -> str | None:
    """The first forbidden control character of text, as U+XXXX, if any."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None
