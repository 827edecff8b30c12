"""Suggestions for a new condition: which id to reuse, which ladder level.

Pure fuzzy matching (difflib) over the conditions already in the dataset, so a
curator restates a demand under its existing id instead of inventing a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from tracker.core.dataset import Dataset
from tracker.core.model import Condition

SIMILAR = 0.6  # score above which two paraphrases likely name one demand
LEVEL_SIMILAR = 0.4  # a level only places a demand on a ladder: a looser match will do
_STOP = frozenset(
    [
        "the",
        "and",
        "that",
        "this",
        "with",
        "from",
        "must",
        "will",
        "would",
        "should",
        "their",
        "there",
        "which",
        "have",
        "into",
        "than",
        "for",
        "not",
    ]
)


@dataclass(frozen=True)
class Similar:
    condition: Condition
    party_ids: tuple[str, ...]
    score: float


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _stems(text: str) -> frozenset[str]:
    """Content words cut to five letters, so "enlarging" meets "enlargement"."""
    return frozenset(w[:5] for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) > 3 and w not in _STOP)


def similarity(a: str, b: str) -> float:
    """The better of a character-level ratio and a shared-content-word measure.

    Paraphrases of one demand often share their key words in a different order,
    which difflib alone scores low.
    """
    stems_a, stems_b = _stems(a), _stems(b)
    smaller = min(len(stems_a), len(stems_b))
    overlap = len(stems_a & stems_b) / smaller if smaller >= 3 else 0.0
    return max(overlap, SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio())


def most_similar(
    dataset: Dataset, issue: str, text: str, party: str | None = None, threshold: float = SIMILAR
) -> Similar | None:
    """The stated condition on `issue` whose wording (any of its wordings) is closest to `text`.

    Corrected or disputed statements are not learnt from. O(C · L²) in the worst
    case of difflib, over the conditions of one issue.
    """
    best: Similar | None = None
    for placed in dataset.statements:
        if placed.statement.disputed or (party is not None and party not in placed.parties):
            continue
        for condition in placed.statement.conditions:
            if condition.issue != issue:
                continue
            score = similarity(text, condition.text)
            if score >= threshold and (best is None or score > best.score):
                best = Similar(condition, placed.parties, score)
    return best


def new_condition_id(party: str, issue: str, text: str, taken: set[str]) -> str:
    """A fresh slug from the party, the issue and the first words of the text."""
    skip = set(issue.split("-")) | _STOP
    words = [w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 2 and w not in skip][:4]
    base = "-".join([party[:2], issue, *words])[:80].strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
