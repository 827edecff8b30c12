"""Whose words a sentence reports: a speech verb and its subject (a person, a pronoun,
a back-reference, unnamed sources, a party body, an outlet), and where the reported
words start and end."""

from __future__ import annotations

import itertools
import re

from tracker.extract.article import Article, QuoteKind, Sentence
from tracker.extract.outlets import known_outlet_in, normalise_outlet
from tracker.extract.references import (
    ANY_BODY,
    DEFINITE_BODY,
    back_reference,
    last_body_before,
    last_unnamed_official,
    last_with_noun,
    named_before_appositive,
)
from tracker.extract.speakers import (
    BACKGROUND_WORDS,
    CUE_VERBS,
    PRONOUNS,
    ROLE_NOUNS,
    VERB,
    Attribution,
    People,
    Person,
    Venue,
    Voice,
)
from tracker.extract.vocab import Vocabulary

_NUMBER_WORDS = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|multiple|various|\d+|other|another)"
)


_ADVERBS = re.compile(
    r"(?:\s*\b(?:also|later|again|now|then|previously|has|have|had|is|was|were|are|repeatedly|publicly|recently|"
    r"earlier|further|once|long|already|reportedly|separately|meanwhile|on\s+\w+day|today|yesterday|"
    r"last\s+\w+|this\s+\w+|in\s+a\s+statement|in\s+an\s+interview)\b)+\s*$",
    re.IGNORECASE,
)
_SOURCES = re.compile(
    r"\b(?:sources?|insiders?|people|persons?|officials?|diplomats?|individuals?)\b[^.]{0,60}?"
    r"\b(?:familiar|close\s+to|briefed|with\s+knowledge|knowledgeable|involved|who\s+(?:asked|spoke|declined|requested)|"
    r"speaking\s+on\s+condition|on\s+condition\s+of\s+anonymity|not\s+authori[sz]ed)|"
    r"\b(?:source|sources)\b",
    re.IGNORECASE,
)
_ANONYMOUS = re.compile(
    r"on\s+condition\s+of\s+anonymity|declined\s+to\s+be\s+named|asked\s+not\s+to\s+be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+speak",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    rf"^(?:{_NUMBER_WORDS})\b|^(?:analysts|experts|observers|diplomats|officials|critics|commentators|"
    r"negotiators|people|some|many|others|one\s+of\s+them)\b",
    re.IGNORECASE,
)
_DEFINITE_ROLE = re.compile(r"^(?:the|this)\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z-]+)$", re.IGNORECASE)
_ACCORDING = re.compile(r"^\s*(?:\W*\s*)?according\s+to\s+(?P<who>[^,]{1,60}),", re.IGNORECASE)
_INSTITUTION_NOUNS = re.compile(
    r"\b(?:government|ministry|foreign\s+ministry|defen[cs]e\s+ministry|office|presidency|administration|"
    r"delegation|side|authorities|cabinet|leadership|kremlin|council|commission|embassy|mission|team|army|military|"
    r"parliament|spokes(?:man|woman|person)|negotiators)\b",
    re.IGNORECASE,
)
_PERSON_ROLE = re.compile(
    r"\b(?:minister|president|premier|chancellor|spokes(?:man|woman|person)|ambassador|envoy|adviser|advisor|aide|"
    r"secretary|negotiator|diplomat|commander|general|leader|official|representative)\b",
    re.IGNORECASE,
)
_INSTITUTION_ONLY = re.compile(
    r"\b(?:ministry|office|government|administration|delegation|kremlin|council)\b", re.IGNORECASE
)


_TRAILING = re.compile(
    r",\s*(?:(?:he|she)|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?P<verb>said|says|told|added|stated|stressed|declared|insisted|noted|warned)\b(?![^.]*\bthat\b)[^░]*$"
)
_MAX_VERBS = 12  # speech verbs looked at per sentence
_SUBJECT_WINDOW = 300  # characters before a verb where its subject can be


def attribute(article: Article, sentence: Sentence, vocab: Vocabulary, people: People) -> Attribution:
    """Whose words an unquoted (or partly quoted) sentence reports, and where its content is."""
    start = sentence.start
    masked = article.masked(start, sentence.end, (QuoteKind.SPEECH, QuoteKind.TITLE))
    background = bool(BACKGROUND_WORDS.search(masked))
    according = _ACCORDING.match(masked)
    if according:
        who = according.group("who")
        person = _person_in(who, start + according.start("who"), people) if who.lower() not in PRONOUNS else None
        if who.lower() in ("him", "her"):
            person = people.last_before(start)
        voice = Voice.SOURCES if _SOURCES.search(who) else Voice.REPORTER
        if voice is Voice.REPORTER and person is not None and who.lower() not in PRONOUNS:
            # "According to Zelenskyy, the first step…": attribution to a named person
            voice = Voice.INDIRECT
        return Attribution(
            voice,
            person=person,
            speaker_text=f"according to {who}",
            verb="according to",
            content_start=start + according.end(),
            content_end=sentence.end,
            background=background,
        )
    venue: Venue | None = None
    previous: Attribution | None = None
    matches = list(itertools.islice(VERB.finditer(masked), _MAX_VERBS))
    trailing = _TRAILING.search(masked)
    if trailing is not None:
        # "Moscow's core demands include …, he said at a press conference": the speaker is
        # the one the sentence ends with, not the noun before the first verb-like word
        matches.sort(key=lambda m: m.start() != trailing.start("verb"))
    for match in matches:
        verb = re.sub(r"\s+", " ", match.group())
        subject, subject_start = _subject(masked, match.start())
        after_name = re.match(r"\s+[A-Z][\w'’.-]*\s+[A-Z]", masked[match.end() :])
        if after_name and re.search(r"[,░]\s*$", masked[: match.start()]):
            # "…, said Pieter Holm": the speaker follows the verb
            subject = ""
        if (
            not subject
            and previous is not None
            and re.search(r"\b(?:and|but)\s+(?:also\s+)?$", masked[: match.start()])
        ):
            subject, subject_start = previous.speaker_text, -1
        inverted = False
        if not subject.strip(" ,░"):
            # "…, said Ukrainian Deputy Foreign Minister Andriy Sybiha": title words and the name
            after = re.match(r"\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,6})", masked[match.end() :])
            if after:
                subject, subject_start = after.group("who"), match.end() + after.start("who")
                inverted = True
        attribution = _classify(article, sentence, vocab, people, subject, start + max(subject_start, 0), verb)
        if attribution is None:
            continue
        if attribution.voice is Voice.REPORTER and attribution.verb == "outlet":
            venue = Venue(normalise_outlet(subject.strip()), f"{subject.strip()} {verb}")
            continue
        proposal = (
            verb.startswith("suggest") and attribution.person is not None and _PROPOSAL.match(masked[match.end() :])
        )
        if attribution.subject_at is not None:
            # "…, Rubin Rubinyan, a deputy speaker and Armenia's envoy, said": the words
            # before the name are the content
            subject_start = attribution.subject_at - start
        if match.group("interp") and not proposal:
            # the reporter reading a mind ("Aliyev appeared to…"); but a named person who
            # "suggested that both countries should…" has made a proposal
            attribution.voice = Voice.REPORTER
        _set_content(attribution, masked, start, sentence.end, match, subject_start, inverted, verb)
        attribution.background = background
        attribution.anonymous = bool(_ANONYMOUS.search(article.text[sentence.start : sentence.end]))
        if venue is not None and attribution.venue is None:
            attribution.venue = venue
        return attribution
    return Attribution(
        Voice.REPORTER,
        content_start=start,
        content_end=sentence.end,
        background=background,
        venue=venue,
        attribution_text="",
    )


_PROPOSAL = re.compile(r"\s+that\s+[^.;]{0,80}?\b(?:should|must|ought\s+to)\b")


def _subject(masked: str, verb_start: int) -> tuple[str, int]:
    """The words before a verb that name who speaks, skipping adverbs and relative clauses."""
    # Only the words just before the verb can be its subject; the limit keeps run-on text linear.
    window = max(0, verb_start - _SUBJECT_WINDOW)
    before = masked[window:verb_start]
    # Step back over clause boundaries until a segment with content remains.
    segments = list(re.finditer(r"[^,;:—–()]+", before))
    while segments:
        last = segments.pop()
        text = last.group()
        text = _ADVERBS.sub("", text)
        cut = re.search(r"\b(?:that|and|but|while|whereas|when|as|because)\s+(?!.*\b(?:that|and|but|while)\s)", text)
        start = window + last.start()
        if cut:
            start += cut.end()
            text = text[cut.end() :]
        stripped = text.strip(" ░\"“”'’")
        if not stripped:
            if "░" in last.group():
                # only a quotation before the verb: "…," said X
                return "", verb_start
            continue
        if re.match(r"^(?:who|which|whose|where)\b", stripped, re.IGNORECASE):
            continue
        if re.fullmatch(r"(?:on|in|at|during|after|before)\s.*", stripped, re.IGNORECASE) and segments:
            continue
        return stripped, start + text.find(stripped[:1]) if stripped else start
    return "", verb_start


def _person_in(text: str, offset: int, people: People) -> Person | None:
    found = people.in_span(offset, offset + len(text))
    return found[-1][2] if found else None


def _classify(
    article: Article,
    sentence: Sentence,
    vocab: Vocabulary,
    people: People,
    subject: str,
    subject_offset: int,
    verb: str,
) -> Attribution | None:
    if not subject:
        return None
    lower = subject.lower().strip()
    words = lower.split()
    if lower in PRONOUNS or words[-1:] in (["he"], ["she"]):
        # "al-Burhan agreed to meet Hemedti, but he told local media…": a pronoun takes up
        # the subject of its own sentence, not the last name said
        in_sentence = people.in_span(sentence.start, subject_offset)
        person = in_sentence[0][2] if in_sentence else people.last_before(subject_offset)
        if person is None:
            official = last_unnamed_official(article, vocab, subject_offset)
            if official is not None:
                # '"…are not negotiable," he said' after "A senior Hamas official denied…"
                return Attribution(Voice.SOURCES, party=official[0], speaker_text=official[1], verb=verb)
            return Attribution(Voice.UNNAMED, speaker_text=subject, verb=verb)
        return Attribution(Voice.INDIRECT, person=person, speaker_text=subject, verb=verb)
    if lower == "it":
        # "…,” it said: the organisation the sentence before named.
        body = last_body_before(article, vocab, subject_offset)
        if body is not None:
            return Attribution(Voice.INSTITUTION, party=body[0], speaker_text=f"it ({body[1]})", verb=verb)
    if lower == "they":
        officials = last_unnamed_official(article, vocab, subject_offset)
        if officials is not None and officials[1].endswith("s"):
            # "Israeli security officials … said …. They said…": the same officials
            return Attribution(Voice.SOURCES, party=officials[0], speaker_text=officials[1], verb=verb)
    if lower in ("they", "we", "i", "it"):
        return Attribution(Voice.UNNAMED, speaker_text=subject, verb=verb)
    found = people.in_span(subject_offset, subject_offset + len(subject))
    if found:
        end, person = found[-1][1], found[-1][2]
        # not "Putin's spokesman said" (the possessor speaks not), but "Sudan's military
        # ruler General Abdel Fattah al-Burhan said" (a possessive before the name is fine)
        if not re.match(r"['’]s\s+\w", article.text[end : end + 4]):
            return Attribution(Voice.INDIRECT, person=person, speaker_text=subject, verb=verb)
    definite = _DEFINITE_ROLE.match(lower)
    if definite and definite.group("noun") in ROLE_NOUNS and not vocab.party_mentions(subject):
        person = people.last_with_role(definite.group("noun"), subject_offset)
        if person is not None:
            people.refer(subject_offset, subject_offset + len(subject), person)
            return Attribution(Voice.INDIRECT, person=person, speaker_text=subject, verb=verb)
    body_noun = DEFINITE_BODY.match(lower)
    if body_noun and not vocab.party_mentions(subject):
        # "the ministry also called for…" (the ministry named before), "the organization
        # reiterated…" (the body named before)
        noun = body_noun.group("noun")
        body = (
            last_body_before(article, vocab, subject_offset)
            if noun in ANY_BODY
            else last_with_noun(article, vocab, subject_offset, noun)
        )
        if body is not None:
            return Attribution(Voice.INSTITUTION, party=body[0], speaker_text=f"{subject} ({body[1]})", verb=verb)
    back = back_reference(vocab, people, subject, subject_offset)
    if back is not None:
        people.refer(subject_offset, subject_offset + len(subject), back)
        return Attribution(Voice.INDIRECT, person=back, speaker_text=subject, verb=verb)
    found_named = named_before_appositive(article, people, subject_offset)
    if found_named is not None:
        # "Anna Kovac, Marovia's foreign minister, said": the subject is the name, not its role
        named, name_start = found_named
        return Attribution(Voice.INDIRECT, person=named, speaker_text=named.name, verb=verb, subject_at=name_start)
    mentions = vocab.party_mentions(subject)
    if mentions and _PERSON_ROLE.search(subject) and not _INSTITUTION_ONLY.search(subject):
        # "Kestria's defence minister has ruled out…": a person, not named here.
        return Attribution(Voice.UNNAMED, party=mentions[0].party, speaker_text=subject, verb=verb)
    if _SOURCES.search(subject) and not re.match(r"^(?:the|a)\s+(?:\w+\s+)?(?:foreign|defen[cs]e)\s+ministry", lower):
        party = mentions[0].party if mentions else None
        return Attribution(Voice.SOURCES, party=party, speaker_text=subject, verb=verb, anonymous=True)
    if _INDEFINITE.match(lower):
        return Attribution(
            Voice.UNNAMED, party=mentions[0].party if mentions else None, speaker_text=subject, verb=verb
        )
    if (
        mentions
        and (len(words) <= 6)
        and (_INSTITUTION_NOUNS.search(subject) or any(m.form == "name" for m in mentions))
    ):
        return Attribution(Voice.INSTITUTION, party=mentions[0].party, speaker_text=subject, verb=verb)
    outlet = known_outlet_in(subject)
    if outlet is not None or (verb in ("reported", "reports", "wrote") and subject[:1].isupper()):
        return Attribution(Voice.REPORTER, speaker_text=outlet or subject, verb="outlet")
    return None


_FINITE = re.compile(
    r"\b(?:would|will|could|can|cannot|must|should|shall|may|might|is|are|was|were|has|have|had|won['’]t)\b",
    re.IGNORECASE,
)


def _set_content(
    attribution: Attribution,
    masked: str,
    start: int,
    end: int,
    match: re.Match[str],
    subject_start: int,
    inverted: bool,
    verb: str,
) -> None:
    after = masked[match.end() :]
    before_subject = masked[: max(0, subject_start)] if subject_start >= 0 else ""
    trailing = bool(
        subject_start > 0
        and re.search(r",\s*$", before_subject)
        and len(before_subject.split()) >= 4
        and re.match(r"\s*(?:$|[.,;]|(?:on|in|at|during|after|late|early|last|this|to|told|—|–)\b)", after)
        # "Leader of the RSF, Gen. Mohamed Hamdan Dagalo, said on Saturday that he is
        # ready…": the reported words follow "that", they are not the role before the name
        and not re.match(r"[^.;]{0,60}?\bthat\s", after)
    )
    if inverted or trailing:
        content_end = start + len(before_subject.rstrip().rstrip(","))
        attribution.content_start = start
        attribution.content_end = content_end
        attribution.attribution_text = masked[len(before_subject) :]
        return
    if CUE_VERBS.match(verb):
        attribution.content_start = start + match.start()
    else:
        that = re.match(r"(?P<before>\s*(?:[^,.;░]{0,60}?\s)??)that\s", after)
        if that and _FINITE.search(that.group("before")):
            # "said he would not accept a deal that…": "that" starts a relative clause
            # inside the reported words, not the reported words themselves
            that = None
        skip = that.end() if that and not re.match(r"\s*(?:the|a)\b", after[: that.start() + 1] or "") else 0
        if not that:
            skip = len(after) - len(after.lstrip())
        attribution.content_start = start + match.end() + skip
    attribution.content_end = end
    attribution.attribution_text = masked[: attribution.content_start - start]
