"""Who speaks each quotation: the sentence's or the paragraph's attribution, a
continuation, a `Source:` line, or an interview's speaker labels."""

from __future__ import annotations

import re

from tracker.extract.article import SOURCE_LINE, SPEAKER_LABEL, Article, ParagraphKind, Quote, QuoteKind
from tracker.extract.attribution import attribute
from tracker.extract.speakers import Attribution, People, Person, Voice
from tracker.extract.vocab import Vocabulary


def quote_attributions(
    article: Article, vocab: Vocabulary, people: People, interviewee: Person | None
) -> dict[Quote, Attribution]:
    """Who speaks each quotation: the sentence's attribution, the paragraph's, or a continuation."""
    result: dict[Quote, Attribution] = {}
    previous_speaker: Attribution | None = None
    source_speaker: Person | None = None
    for paragraph in article.paragraphs:
        quotes = article.quotes_in(paragraph.start, paragraph.end, QuoteKind.SPEECH)
        source = SOURCE_LINE.match(article.text[paragraph.start : paragraph.end])
        if source is not None:
            source_speaker = source_person(source.group("text"), people) or source_speaker
            continue
        if paragraph.label == "quote" and quotes:
            # `Quote: "…"`: the words of the speaker the `Source:` line names, else of the
            # last person the article named
            speaker = source_speaker or people.last_before(paragraph.start)
            for quote in quotes:
                if speaker is not None:
                    result[quote] = Attribution(Voice.DIRECT, person=speaker, speaker_text=speaker.name, verb="quote")
                else:
                    result[quote] = Attribution(Voice.UNNAMED, speaker_text="an unattributed quotation")
            continue
        if paragraph.kind is ParagraphKind.ANSWER:
            label = SPEAKER_LABEL.match(article.text[paragraph.start : paragraph.end])
            labelled = people.find(label.group("name")) if label else None
            for quote in quotes:
                if labelled is not None:
                    result[quote] = Attribution(Voice.DIRECT, person=labelled, speaker_text=labelled.name)
                elif interviewee is not None:
                    result[quote] = Attribution(Voice.DIRECT, person=interviewee, speaker_text=interviewee.name)
                else:
                    result[quote] = Attribution(Voice.UNNAMED, speaker_text="the interviewee")
            continue
        if paragraph.kind is not ParagraphKind.BODY or not quotes:
            continue
        sentences = article.sentences_of(paragraph.index)
        found: dict[int, Attribution] = {}
        for sentence in sentences:
            attribution = attribute(article, sentence, vocab, people)
            if attribution.voice is not Voice.REPORTER or attribution.person is not None:
                found[sentence.index] = attribution
        for quote in quotes:
            owner = next((s for s in sentences if s.start <= quote.start < s.end), None)
            chosen: Attribution | None = None
            if owner is not None and owner.index in found:
                chosen = found[owner.index]
            elif found and owner is not None:
                nearest = min(found, key=lambda i: abs(i - owner.index))
                chosen = found[nearest]
            elif previous_speaker is not None and quote.start - paragraph.body_start <= 1:
                chosen = previous_speaker
            if chosen is not None:
                result[quote] = chosen
                previous_speaker = chosen
        if not found:
            continue
    return result


def source_person(text: str, people: People) -> Person | None:
    """The speaker a `Source:` line names: "Zelenskyy's evening address on 25 April"."""
    for word in re.findall(r"[A-Z][\w'’-]+", text):
        person = people.find(word)
        if person is not None:
            return person
    return None


def find_interviewee(article: Article, people: People) -> Person | None:
    """The person an interview is with: named before the first answer, preferably with a party."""
    answers = [p for p in article.paragraphs if p.kind is ParagraphKind.ANSWER]
    if not answers:
        return None
    first_answer = answers[0].start
    candidates = [m[2] for m in people.mentions if m[0] < first_answer]
    for person in candidates:
        if person.party is not None:
            return person
    return candidates[0] if candidates else None
