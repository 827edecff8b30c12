"""Word-level diffs of condition texts."""

from __future__ import annotations

import difflib

from tracker.core.engine.results import WordChange


def word_diff(old: str, new: str) -> tuple[WordChange, ...]:
    """Runs of equal, deleted and inserted words from `old` to `new`.

    Words are whitespace-separated tokens; a replaced span becomes a delete run
    followed by an insert run, and neighbouring runs of the same kind are merged.
    O(w²) at worst in the number of words, as difflib is.
    """
    before, after = old.split(), new.split()
    runs: list[tuple[str, list[str]]] = []

    def add(op: str, tokens: list[str]) -> None:
        if not tokens:
            return
        if runs and runs[-1][0] == op:
            runs[-1][1].extend(tokens)
        else:
            runs.append((op, list(tokens)))

    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", before[i1:i2])
            continue
        add("delete", before[i1:i2])
        add("insert", after[j1:j2])
    return tuple(WordChange(op, " ".join(tokens)) for op, tokens in runs)
