"""What a sentence becomes on its way to a statement, and the small helpers every step shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extract.article import Sentence
from tracker.extract.cues import Cue
from tracker.extract.issues import IssueGuess
from tracker.extract.speakers import Attribution, Voice
from tracker.extract.vocab import Vocabulary


@dataclass
class Unit:
    """One sentence's candidate condition, before grouping and merging."""

    sentence: Sentence
    voice: Voice
    attribution: Attribution
    party: str
    party_evidence: str
    basis: str
    basis_reason: str
    content: str
    focus: str
    cues: list[Cue]
    issue: IssueGuess
    quote: str | None
    group: tuple[str, ...]
    attribution_text: str
    extra_sentences: list[Sentence] = field(default_factory=list)
    # The reporter's words about a party ("Azerbaijan continues to demand…"): a candidate,
    # unless the article also gives the party's own words on the same issue.
    paraphrase: bool = False


@dataclass(frozen=True)
class Official:
    issuer: str
    party: str


def party_name(vocab: Vocabulary, party_id: str) -> str:
    terms = vocab.party(party_id)
    return terms.name if terms else party_id


def tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,")
