"""Words that point back to a speaker named before: "the Russian minister", "it",
"the ministry", "he" after "a senior Hamas official", a name before its appositive."""

from __future__ import annotations

import re

from tracker.extract.article import Article
from tracker.extract.speakers import ROLE_NOUNS, SPEECH_VERBS, People, Person
from tracker.extract.vocab import Vocabulary

_BACK_REFERENCE = re.compile(r"^(?:[Tt]he|[Tt]his)\s+(?P<qualifier>[A-Z][\w'’-]+)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z-]+)$")


def back_reference(vocab: Vocabulary, people: People, subject: str, offset: int) -> Person | None:
    """ "the Russian minister", "the Azerbaijani official": the last person named of that party."""
    match = _BACK_REFERENCE.match(subject.strip())
    if match is None or match.group("noun") not in ROLE_NOUNS:
        return None
    mentions = vocab.party_mentions(match.group("qualifier"))
    if not mentions:
        return None
    party = mentions[0].party
    before = [m for m in people.mentions if m[0] < offset and m[2].party == party]
    return before[-1][2] if before else None


def last_body_before(article: Article, vocab: Vocabulary, offset: int) -> tuple[str, str] | None:
    """The party an organisation pronoun points back to: a party named (not by demonym) just before."""
    window = article.text[max(0, offset - 400) : offset]
    mentions = [m for m in vocab.party_mentions(window) if m.form == "name"]
    if not mentions:
        return None
    # the body that was itself speaking ("The Kremlin said …. It said …"), else the last named
    speaking = [m for m in mentions if re.match(rf"\s+(?:has\s+|had\s+)?(?:{SPEECH_VERBS})\b", window[m.end :])]
    last = (speaking or mentions)[-1]
    return last.party, last.text


DEFINITE_BODY = re.compile(
    r"^(?:the|this)\s+(?:\w+\s+)?(?P<noun>ministry|organi[sz]ation|group|movement|government|presidency|office|"
    r"administration|authorities|leadership|militia|rebels|army|military)$"
)
_UNNAMED_OFFICIAL_PHRASE = re.compile(
    r"(?:\b(?:an?|the)\s+|(?<![\w’'-]\s)(?=[A-Z]))(?:(?:senior|top|high-ranking|unnamed|anonymous|former|military|security|government)\s+){0,2}"
    r"(?P<qualifier>[A-Z][\w’'-]+)\s+(?:(?:military|security|government|political|movement|group)\s+)?"
    r"(?:official|source|spokesman|spokeswoman|spokesperson|diplomat|negotiator|commander|leader)s?\b"
)


def last_unnamed_official(article: Article, vocab: Vocabulary, offset: int) -> tuple[str, str] | None:
    """The party of "a senior Hamas official" named in the sentences just before a bare "he"."""
    window = article.text[max(0, offset - 500) : offset]
    for found in reversed(list(_UNNAMED_OFFICIAL_PHRASE.finditer(window))):
        mentions = vocab.party_mentions(found.group("qualifier"))
        if mentions:
            return mentions[0].party, found.group()
    return None


ANY_BODY = frozenset({"organization", "organisation", "group", "movement", "militia", "rebels"})


def last_with_noun(article: Article, vocab: Vocabulary, offset: int, noun: str) -> tuple[str, str] | None:
    """The party of the last "<party> <noun>" or "<noun> of <party>" before `offset`:
    "the ministry" after "The Azerbaijani Foreign Ministry" or "Ministry of Defence of the Kestrian Federation"."""
    window = article.text[max(0, offset - 600) : offset]
    for found in reversed(list(re.finditer(rf"\b{noun}\b", window, re.IGNORECASE))):
        around = window[max(0, found.start() - 40) : found.end() + 50]
        mentions = vocab.party_mentions(around)
        if mentions:
            return mentions[0].party, f"{mentions[0].text} {noun}"
    return None


def named_before_appositive(article: Article, people: People, subject_offset: int) -> tuple[Person, int] | None:
    # "Anna Kovac, Marovia's foreign minister, said" and "Sami Abu Zuhri, a senior Hamas
    # official and spokesman for the organization, has said" (the subject is the part after "and")
    window = article.text[max(0, subject_offset - 120) : subject_offset]
    gap = re.search(r"\s*,\s*(?:(?:a|an|the)\s+[^,;:.]{0,80}?\s+and\s+)?$", window)
    if gap is None:
        return None
    end = subject_offset - len(gap.group())
    before = people.in_span(max(0, end - 80), end)
    return (before[-1][2], before[-1][0]) if before and before[-1][1] == end else None
