"""Outlets: known names, the venue words were said in ("told Reuters", "in an
interview with Tass") and the title the article gives a piece."""

from __future__ import annotations

import re

from tracker.extract.article import Article, ParagraphKind
from tracker.extract.speakers import NOT_NAMES, TITLE_WORDS, People, Venue
from tracker.extract.vocab import Vocabulary

KNOWN_OUTLETS = {
    "tass": "TASS",
    "reuters": "Reuters",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "ap": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "ria novosti": "RIA Novosti",
    "ria": "RIA Novosti",
    "interfax": "Interfax",
    "bloomberg": "Bloomberg",
    "bbc": "BBC",
    "cnn": "CNN",
    "ukrinform": "Ukrinform",
    "kyiv independent": "Kyiv Independent",
    "the kyiv independent": "Kyiv Independent",
    "newsweek": "Newsweek",
    "politico": "Politico",
    "axios": "Axios",
    "financial times": "Financial Times",
    "the financial times": "Financial Times",
    "new york times": "The New York Times",
    "the new york times": "The New York Times",
    "washington post": "The Washington Post",
    "the washington post": "The Washington Post",
    "wall street journal": "The Wall Street Journal",
    "the wall street journal": "The Wall Street Journal",
    "the guardian": "The Guardian",
    "rt": "RT",
    "sputnik": "Sputnik",
    "izvestia": "Izvestia",
    "kommersant": "Kommersant",
    "dpa": "dpa",
    "anadolu": "Anadolu Agency",
    "xinhua": "Xinhua",
    "al jazeera": "Al Jazeera",
    "ukrainska pravda": "Ukrainska Pravda",
}
_OUTLET_NOUNS = (
    r"(?:news\s+agency|agency|newspaper|daily|weekly|broadcaster|outlet|channel|magazine|website|paper|wire)"
)
_PROPER = r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w&.'’-]*){0,4}"
_VENUE_PATTERNS = (
    re.compile(
        rf"\binterview\s+(?:with|to|for)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}}?(?:{_OUTLET_NOUNS}\s+)?(?P<outlet>{_PROPER})"
    ),
    re.compile(rf"\b(?:told|telling|spoke\s+to|speaking\s+to|talked\s+to|sat\s+down\s+with)\s+(?P<outlet>{_PROPER})"),
    re.compile(rf"\b(?:{_OUTLET_NOUNS})\s+(?P<outlet>{_PROPER})"),
    re.compile(rf"(?P<outlet>{_PROPER})\s+(?:reported|reports|wrote|published|quoted|cited)\b"),
    re.compile(
        rf"\b(?:in|on|to|for)\s+(?:an?\s+)?(?P<outlet>{_PROPER})\s+(?:article|interview|report|piece|broadcast)\b"
    ),
)
_TITLED = re.compile(r"(?:titled|entitled|headlined|headed)\s*[:,]?\s*[\"“‘']", re.IGNORECASE)


def normalise_outlet(name: str) -> str:
    return KNOWN_OUTLETS.get(name.lower().strip(), name.strip())


def known_outlet_in(text: str) -> str | None:
    lowered = text.lower()
    for key in sorted(KNOWN_OUTLETS, key=len, reverse=True):
        if len(key) <= 3 and not re.search(rf"(?<![\w-]){re.escape(key.upper())}(?![\w-])", text):
            continue
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", lowered):
            return KNOWN_OUTLETS[key]
    return None


def find_venue(article: Article, text: str, vocab: Vocabulary, people: People) -> Venue | None:
    """An outlet named as where the words were said: 'in an interview with Tass', 'told Reuters'."""
    for pattern in _VENUE_PATTERNS:
        for match in pattern.finditer(text):
            outlet = _clean_outlet(match.group("outlet"))
            if not outlet or _not_an_outlet(outlet, vocab, people):
                continue
            return Venue(normalise_outlet(outlet), match.group().strip().rstrip(".,;"))
    return None


def _clean_outlet(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"\s+(?:in|on|at|about|that|on\s+\w+day)$", "", text)
    return text.strip(" ,.")


def _not_an_outlet(outlet: str, vocab: Vocabulary, people: People) -> bool:
    lower = outlet.lower()
    if lower in KNOWN_OUTLETS:
        return False
    if lower in {"reporters", "journalists", "the press", "parliament", "lawmakers", "i", "we", "he", "she"}:
        return True
    if people.find(outlet) is not None or vocab.party_mentions(outlet):
        return True
    first = outlet.split()[0].lower()
    return (first in NOT_NAMES and first != "the") or first in TITLE_WORDS


def title_for(article: Article, outlet: str) -> str | None:
    """The title the article gives for a piece by this outlet: 'a Tass article titled "…"'."""
    for quote in article.titles():
        if article.paragraphs[quote.paragraph].kind is ParagraphKind.HEADLINE:
            continue
        before = article.text[max(0, quote.start - 80) : quote.start]
        if _TITLED.search(before[-20:]) and outlet.lower() in before.lower():
            return article.text[quote.start : quote.end].strip()
    return None
