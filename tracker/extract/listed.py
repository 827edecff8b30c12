"""Bulleted items under an introducing sentence ("Medinsky outlined Moscow's five key
demands:"): each item is the introducer's words."""

from __future__ import annotations

import re

from tracker.extract.article import LIST_MARKER, Article, Sentence
from tracker.extract.attribution import attribute
from tracker.extract.cues import Kind
from tracker.extract.speakers import Attribution, People, Voice
from tracker.extract.vocab import Vocabulary

# the marker and an item's own label ("- No reparations: Both parties must…")
_BULLET = re.compile(rf"^{LIST_MARKER}(?:[^:.;\n]{{1,60}}:\s+)?")
_LIST_NOUNS = re.compile(
    r"\b(?P<noun>demands?|conditions?|terms|requirements?|preconditions?|points?|proposals?|offers?|steps|"
    r"red\s+lines|principles|priorities)\b[^:]*:\s*$",
    re.IGNORECASE,
)


def listed_attribution(
    article: Article, sentence: Sentence, vocab: Vocabulary, people: People
) -> tuple[Attribution, Kind] | None:
    """For a bulleted item under "<speaker> outlined <party>'s five demands:", the
    introducer's attribution (its content this item) and the kind its noun gives."""
    paragraph = article.paragraphs[sentence.paragraph]
    bullet = _BULLET.match(article.text[paragraph.start : paragraph.end])
    if bullet is None:
        return None
    index = paragraph.index - 1
    while index >= 0 and _BULLET.match(article.text[article.paragraphs[index].start : article.paragraphs[index].end]):
        index -= 1
    intro = article.sentences_of(index)[-1:] if index >= 0 else []
    noun = _LIST_NOUNS.search(intro[0].text) if intro else None
    if noun is None:
        return None
    found = attribute(article, intro[0], vocab, people)
    if found.voice is Voice.REPORTER:
        # "Kremlin representative Volodymyr Medinsky outlined…": the first person named
        named = [p for _, _, p in people.in_span(intro[0].start, intro[0].end) if p.party is not None]
        if not named:
            return None
        found = Attribution(Voice.INDIRECT, person=named[0], speaker_text=named[0].name, verb="listed")
    if found.voice not in (Voice.INDIRECT, Voice.INSTITUTION, Voice.SOURCES):
        return None
    start = paragraph.start + bullet.end() if sentence.start <= paragraph.start + bullet.end() else sentence.start
    item = Attribution(
        found.voice,
        person=found.person,
        party=found.party,
        speaker_text=found.speaker_text,
        verb=found.verb,
        content_start=start,
        content_end=sentence.end,
        anonymous=found.anonymous,
        attribution_text=intro[0].text,
    )
    kind: Kind = "offer" if noun.group("noun").lower().startswith(("proposal", "offer")) else "demand"
    return item, kind
