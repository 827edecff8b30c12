"""A file's change as a unified diff, for a terminal or a CI log (`tracker add --dry-run`).

The text is untrusted on both sides: the new statements come from flags or a
snippet, and the file's comments are checked by nothing. So the lines are
split at line feeds only (never at the other breaks `str.splitlines` knows,
such as U+2028 or NEL, which would hide the character), and every line of the
diff, headers included, goes through `inert`, as every terminal line does; the
caller writes it with `emit`, whose `no_commands` covers context lines that
start with `::`.
"""

from __future__ import annotations

import difflib

from tracker.core.text import inert

# Lines of context around each change, as `diff -u` and `git diff` show by default.
CONTEXT = 3


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def unified_diff(before: str, after: str, name: str, context: int = CONTEXT) -> str:
    """`--- NAME` / `+++ NAME (after add)` and the hunks that turn `before` into `after`.

    Both texts have LF line ends (a file's BOM and CRLF line ends are kept by
    the write, not shown here). Empty when the texts are equal.
    """
    diff = difflib.unified_diff(
        _lines(before), _lines(after), fromfile=name, tofile=f"{name} (after add)", n=context, lineterm=""
    )
    return "".join(inert(line) + "\n" for line in diff)
