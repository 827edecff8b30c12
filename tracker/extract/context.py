"""A sentence's quoted words and the words around it that say what it is about."""

from __future__ import annotations

import re

from tracker.extract.article import Article, QuoteKind, Sentence


def speech_in(article: Article, sentence: Sentence) -> str:
    return speech_between(article, sentence.start, sentence.end)


def speech_between(article: Article, first: int, last: int) -> str:
    """The quoted words between two offsets; separate quotations joined by an ellipsis."""
    parts = []
    for quote in article.quotes_in(first, last, QuoteKind.SPEECH):
        start, end = max(quote.start, first), min(quote.end, last)
        part = article.text[start:end].strip().strip('"“”«»„').strip()
        if part:
            parts.append(part.rstrip(","))
    return " … ".join(parts)


def speaker_context(article: Article, sentence: Sentence) -> str:
    """The speaker's other words in the same paragraph, for 'this issue', 'that'."""
    by_index = {other.index: other for other in article.sentences_of(sentence.paragraph)}
    parts = []
    for step in (-1, 1):
        for distance in (1, 2):
            other = by_index.get(sentence.index + step * distance)
            if other is None:
                break
            speech = speech_in(article, other)
            if speech:
                parts.append(speech)
                continue
            if distance == 1:
                # the reporter's sentence next to the quotation names its subject; it also
                # ends the passage: a quotation beyond it is another utterance
                parts.append(other.text)
            break
    return " ".join(parts)


_ANAPHOR = re.compile(
    r"\b(?:such\s+(?:a\s+)?|this\s+|that\s+|these\s+|those\s+)"
    r"(?:demands?|conditions?|proposals?|plans?|ideas?|offers?|requests?|requirements?|scenarios?|ultimatums?)\b|"
    # '"It won't happen," when asked about this': the question is the sentence before
    r"\b(?:asked|questioned)\s+(?:about|on|whether)\s+(?:this|that|it)\b",
    re.IGNORECASE,
)


def antecedent(article: Article, sentence: Sentence, content: str) -> str:
    """The sentence before a reported clause that points back to it ("considers such a
    demand unfair"): what the demand is about is said there."""
    if not _ANAPHOR.search(content) or sentence.index == 0:
        return ""
    before = article.sentences[sentence.index - 1]
    return before.text if before.paragraph == sentence.paragraph else ""
