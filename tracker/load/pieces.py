"""Cut a large file's `statements` block into pieces the fast parser reads one by one.

yaml-rs builds the whole document at once, and that tree is ten times the size
of the file: a load of 20,000 statements peaked at 15 times the file. Parsed a
few hundred statements at a time, only one piece's tree is alive at once.

It is only asked of text the loader sends to the fast pass at all (no tag,
nothing `fast_parser_may_misread` flags: see `loader.fast_pass_allowed`), and
only done where it cannot change the meaning; otherwise the whole file goes to
the parser as before:
- no anchors, aliases, directives or document markers, which could tie one
  piece to another or change how the whole is read;
- exactly one `statements:` key at the start of a line, with nothing after it;
- every line of the block is blank, a comment, an item's `-` at the block's
  column, or indented deeper; the first line at column 0 ends the block;
- no tab at the start of a line.
Each piece must then parse to exactly the items it was cut around, and the
rest of the file, with `statements: []` standing in for the block, to a mapping
whose `statements` is that empty list: a quote or a bracket left open before
the block then fails there as it fails in the whole file. Any failure means the
caller starts again with the whole file, which also words the real error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Below this size the whole tree is small, and cutting is not worth a scan.
MIN_CHARACTERS = 2_000_000
ITEMS_PER_PIECE = 500

_KEY = "statements:"
# What may stand before an anchor's `&`, an alias's `*` or a tag's `!` (":" for
# flow mappings written like JSON, `{"a":!tag x}`).
BEFORE_MARK = frozenset(" \t\r\n[]{},:")
_BLOCK_END = re.compile(r"\n[^ \r\n#-]")  # the next line starting at column 0 with a key


@dataclass(frozen=True)
class Pieces:
    head: str  # the file with `statements: []` in place of its statements block
    text: str  # the whole file; pieces are cut from it only when asked for
    bounds: tuple[int, ...]  # where each piece starts, then where the last one ends
    counts: tuple[int, ...]  # how many items each piece holds

    def texts(self) -> Iterator[tuple[str, int]]:
        """Each piece's text and its number of items, in order."""
        for index, count in enumerate(self.counts):
            yield self.text[self.bounds[index] : self.bounds[index + 1]], count


def cut(text: str) -> Pieces | None:
    """The file cut around its statements, or None where cutting could change the meaning.

    `text` must be one the fast pass may read (`loader.fast_pass_allowed`)."""
    if len(text) < MIN_CHARACTERS or _risky(text):
        return None
    key = _only_key(text)
    if key is None:
        return None
    body_start = text.find("\n", key) + 1
    if body_start == 0 or text[key + len(_KEY) : body_start].strip(" \r\n"):
        return None  # a value or a comment on the key's line: not the plain layout
    end = _BLOCK_END.search(text, body_start - 1)
    body_end = end.start() + 1 if end else len(text)
    starts = _item_starts(text, body_start, body_end)
    if not starts:
        return None
    firsts = starts[::ITEMS_PER_PIECE]
    return Pieces(
        head=text[:key] + "statements: []\n" + text[body_end:],
        text=text,
        bounds=(*firsts, body_end),
        counts=tuple(len(starts[i : i + ITEMS_PER_PIECE]) for i in range(0, len(starts), ITEMS_PER_PIECE)),
    )


def _only_key(text: str) -> int | None:
    """Where the one `statements:` key at the start of a line is, if there is exactly one."""
    found = [0] if text.startswith(_KEY) else []
    at = text.find("\n" + _KEY)
    while at != -1 and len(found) < 2:
        found.append(at + 1)
        at = text.find("\n" + _KEY, at + 1)
    return found[0] if len(found) == 1 else None


def _risky(text: str) -> bool:
    if text.startswith(("%", "---", "...")) or any(f"\n{m}" in text for m in ("%", "---", "...")):
        return True
    return has_mark(text, "&") or has_mark(text, "*")


def has_mark(text: str, mark: str) -> bool:
    """Whether `mark` appears where YAML would read it as an anchor, alias or tag.

    str.find, not a regular expression: a pattern that can match at every
    position took 0.8 s on a 15 MB file, str.find takes milliseconds.
    """
    found = text.find(mark)
    while found != -1:
        if found == 0 or text[found - 1] in BEFORE_MARK:
            return True
        found = text.find(mark, found + 1)
    return False


def _item_starts(text: str, start: int, end: int) -> list[int] | None:
    """Where each item's line starts, or None if a line breaks the plain layout."""
    first = re.compile(r"^( *)-(?=[ \r\n])", re.MULTILINE).search(text, start, end)
    if first is None or not _blank_or_comments(text[start : first.start()]):
        return None
    column = len(first.group(1))
    # Lines that are neither blank nor comments and start at or left of the item column
    # (searched from each line's newline: a pattern that starts with a literal is fast).
    shallow = re.compile(rf"\n {{0,{column}}}(?=[^ \r\n#])")
    item = re.compile(rf" {{{column}}}-(?=[ \r\n])")
    starts = [first.start()]
    for line in shallow.finditer(text, first.start(), end):
        if not item.match(text, line.start() + 1, end):
            return None
        starts.append(line.start() + 1)
    return starts


def _blank_or_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
