"""One sentence: whose words it carries, for which party, on what basis, and its
candidate conditions (or the reason it is set aside)."""

from __future__ import annotations

import re

from tracker.extract.article import Article, ParagraphKind, Quote, QuoteKind, Sentence
from tracker.extract.attribution import attribute
from tracker.extract.clauses import clause_issues, clauses_with_cue
from tracker.extract.context import antecedent, speaker_context, speech_in
from tracker.extract.cues import Cue, Kind, find_cues
from tracker.extract.draft import (
    BACKGROUND,
    CHARACTERISATION,
    NO_ISSUE,
    NO_PARTY,
    OPINION,
    OTHER_PARTY,
    UNNAMED,
    Draft,
    SetAside,
)
from tracker.extract.listed import listed_attribution
from tracker.extract.speakers import BACKGROUND_WORDS, INTERPRETIVE_VERBS, Attribution, People, Voice
from tracker.extract.units import Official, Unit, party_name, tidy
from tracker.extract.vocab import Vocabulary, speaker_key

OBSERVER = re.compile(
    r"\b(?:researcher|analyst|professor|historian|expert|fellow|journalist|columnist|editor|commentator|"
    r"scholar|economist|observer)s?\b",
    re.IGNORECASE,
)


def sentence_units(
    article: Article,
    sentence: Sentence,
    vocab: Vocabulary,
    people: People,
    by_quote: dict[Quote, Attribution],
    official: Official | None,
    draft: Draft,
) -> list[Unit]:
    """The sentence's candidate conditions: one per clause with condition wording on its own issue."""
    kind = article.paragraphs[sentence.paragraph].kind
    if kind in (ParagraphKind.HEADER, ParagraphKind.QUESTION):
        return []
    visible = article.masked(sentence.start, sentence.end, (QuoteKind.TITLE,))
    if kind is ParagraphKind.HEADLINE:
        if find_cues(visible):
            draft.set_aside.append(SetAside(CHARACTERISATION, sentence.text, "headline"))
        return []
    listed_kind: Kind | None = None  # for a bulleted item under "<speaker> outlined … demands:"
    direct = kind is ParagraphKind.ANSWER or article.speech_share(sentence) >= 0.5
    if direct and kind is not ParagraphKind.ANSWER and not find_cues(speech_in(article, sentence)):
        # The condition is in the reporter's words around the quotation ("According to
        # Zelenskyy, the first step is still an unconditional ceasefire, "even if…"").
        direct = False
    if direct:
        quotes = article.quotes_in(sentence.start, sentence.end, QuoteKind.SPEECH)
        owner = max(quotes, key=lambda q: min(q.end, sentence.end) - max(q.start, sentence.start))
        found = by_quote.get(owner)
        attribution = (
            found if found is not None else Attribution(Voice.UNNAMED, speaker_text="an unattributed quotation")
        )
        content = speech_in(article, sentence)
        voice: Voice = Voice.DIRECT if attribution.voice in (Voice.DIRECT, Voice.INDIRECT) else attribution.voice
        attribution_text = attribution.attribution_text
    else:
        attribution = attribute(article, sentence, vocab, people)
        listed = listed_attribution(article, sentence, vocab, people) if attribution.voice is Voice.REPORTER else None
        if listed is not None:
            # "Medinsky outlined Moscow's five key demands:" then "- No reparations: Both
            # parties must…": each item is the introducer's, and a demand by being listed
            attribution, listed_kind = listed
        voice = attribution.voice
        start, end = attribution.content_start, attribution.content_end
        content = article.masked(start, end, (QuoteKind.TITLE,)).replace("\u2591", " ")
        attribution_text = attribution.attribution_text

    def cues_in(text: str) -> list[Cue]:
        found = find_cues(text)
        if found or listed_kind is None:
            return found
        return [Cue("a listed item", 0, 0, listed_kind, "around", False)]

    clauses = clauses_with_cue(content)
    content = clauses[0]
    cues = cues_in(content)
    if not cues:
        return []
    if not direct and attribution.background:
        draft.set_aside.append(SetAside(BACKGROUND, sentence.text))
        return []
    if voice is Voice.REPORTER and official is not None and attribution.person is None and kind is ParagraphKind.BODY:
        # An official text speaks in its issuer's own voice.
        voice = Voice.INSTITUTION
        attribution = Attribution(
            Voice.INSTITUTION,
            party=official.party,
            speaker_text=official.issuer,
            verb="issued",
            content_start=sentence.start,
            content_end=sentence.end,
        )
    paraphrase = False
    if voice is Voice.REPORTER and not draft.opinion and not _INTERPRETIVE.fullmatch(attribution.verb):
        subject = _reporter_subject(vocab, article, sentence)
        if subject is not None and _follows_background(article, sentence):
            draft.set_aside.append(SetAside(BACKGROUND, sentence.text))
            return []
        if subject is not None and _ASKED_OF_SUBJECT.search(sentence.text):
            # "The Ukrainian army must lay down its arms": a demand made of the party, whoever
            # makes it (often an unmarked quotation), never the party's own condition
            detail = f"a demand made of {party_name(vocab, subject[0])}, not its own condition"
            draft.set_aside.append(SetAside(CHARACTERISATION, sentence.text, detail))
            return []
        if subject is not None:
            # Wire copy paraphrases most conditions in its own voice ("Azerbaijan is also
            # demanding…"): a candidate, marked as the outlet's account (media-report).
            voice, paraphrase = Voice.INSTITUTION, True
            attribution = Attribution(
                Voice.INSTITUTION,
                party=subject[0],
                speaker_text=subject[1],
                verb=attribution.verb,
                content_start=sentence.start,
                content_end=sentence.end,
                venue=attribution.venue,
            )
    if voice is Voice.REPORTER:
        category = OPINION if draft.opinion and attribution.person is None else CHARACTERISATION
        detail = attribution.speaker_text
        if attribution.verb and attribution.verb not in detail:
            detail = f"{detail} {attribution.verb}".strip()
        draft.set_aside.append(SetAside(category, sentence.text, detail))
        return []
    if (
        voice is Voice.UNNAMED
        and attribution.party is not None
        and sentence.paragraph != article.first_body
        and _UNNAMED_OFFICIAL.search(attribution.speaker_text)
        and not OBSERVER.search(attribution.speaker_text)
    ):
        # "a special envoy of the Sudanese army commander said": an official of a party
        # speaking for it, though the article does not give the name; drafted as sourcing
        voice = Voice.SOURCES
        attribution.voice = Voice.SOURCES
    if voice is Voice.UNNAMED:
        lede = sentence.paragraph == article.first_body
        category = CHARACTERISATION if lede and not direct else UNNAMED
        detail = f"unnamed subject: {attribution.speaker_text}" if lede else attribution.speaker_text
        draft.set_aside.append(SetAside(category, sentence.text, detail))
        return []
    party, party_evidence = _party(voice, attribution, official, _subject_party(vocab, content))
    if party is None:
        person = attribution.person
        if person is not None and person.foreign:
            detail = f"foreign: {person.foreign} ({person.described()})"
        elif person is not None:
            detail = person.described()
        else:
            detail = attribution.speaker_text
        draft.set_aside.append(SetAside(NO_PARTY, sentence.text, detail))
        return []
    if official is not None and party != official.party:
        draft.set_aside.append(SetAside(OTHER_PARTY, sentence.text, attribution.speaker_text))
        return []
    if not direct and _demand_of_another(vocab, content, cues, party):
        # "Zelensky confirmed that the teams of Trump and Putin are demanding that Ukraine
        # withdraw": the speaker's account of someone else's demand, not the speaker's own
        draft.set_aside.append(SetAside(OTHER_PARTY, sentence.text, attribution.speaker_text))
        return []
    basis, reason = _basis(voice, attribution, official)
    if paraphrase and official is None:
        reason = (
            f"the outlet's own account of {party_name(vocab, party)} ({tidy(attribution.speaker_text)}), "
            "not the party's words: find the party's own words before relying on it"
        )
    context = speaker_context(article, sentence) if direct else antecedent(article, sentence, content)
    guesses = clause_issues(vocab, clauses, cues_in, context)
    if not guesses:
        draft.set_aside.append(SetAside(NO_ISSUE, sentence.text, party_name(vocab, party)))
        return []
    if voice is Voice.SOURCES and not attribution.anonymous and _UNNAMED_OFFICIAL.search(attribution.speaker_text):
        # one unnamed official, however the article refers back to them ("a special envoy…", "the envoy")
        official_words = re.sub(r"^(?:a|an|the|one)\s+", "", attribution.speaker_text.lower().strip())
        group: tuple[str, ...] = ("official", party, official_words)
    elif voice is Voice.SOURCES:
        group = ("sources", party, attribution.speaker_text.lower(), str(sentence.index))
    elif attribution.person is not None:
        # "Volodymyr Zelenskyy" and a later "Zelensky" are one speaker
        group = ("person", party, speaker_key(attribution.person.name.split()[-1]))
    else:
        group = ("body", party, attribution.speaker_text.lower())
    return [
        Unit(
            sentence=sentence,
            voice=voice,
            attribution=attribution,
            party=party,
            party_evidence=party_evidence,
            basis=basis,
            basis_reason=reason,
            content=clause,
            focus=focus,
            cues=clause_cues,
            issue=issue,
            quote=clause if voice is Voice.DIRECT else None,
            group=group,
            attribution_text=attribution_text,
            paraphrase=paraphrase,
        )
        for clause, clause_cues, focus, issue in guesses
    ]


def _party(
    voice: Voice, attribution: Attribution, official: Official | None, content_party: tuple[str, str] | None
) -> tuple[str | None, str]:
    person = attribution.person
    if person is not None:
        if person.party is not None:
            return person.party, person.party_words or person.role or person.name
        if official is not None and person.foreign is None:
            return official.party, f"{person.described()}, in the issuer's own text ({official.issuer})"
        return None, ""
    if attribution.party is not None:
        return attribution.party, attribution.speaker_text
    if voice is Voice.SOURCES and content_party is not None:
        return content_party
    return None, ""


def _subject_party(vocab: Vocabulary, content: str) -> tuple[str, str] | None:
    """The party a reported clause is about when it opens the clause: "Marovia is privately willing…"."""
    mentions = vocab.party_mentions(content)
    if mentions and len(content[: mentions[0].start].split()) <= 2:
        return mentions[0].party, f"{mentions[0].text}, the subject of what the sources say"
    return None


def _basis(voice: Voice, attribution: Attribution, official: Official | None) -> tuple[str, str]:
    if official is not None:
        return "official-document", f"the issuer's own text ({official.issuer})"
    if voice is Voice.DIRECT:
        return "on-record", "a direct quotation attributed by name"
    if voice is Voice.INDIRECT:
        return "on-record", f"reported speech attributed by name ({attribution.verb})"
    if voice is Voice.SOURCES and not attribution.anonymous:
        return (
            "reported-by-sources",
            f"an official the article does not name ({attribution.speaker_text}): find the name",
        )
    if voice is Voice.SOURCES:
        return "reported-by-sources", f"unnamed sources: {attribution.speaker_text}"
    return "media-report", f"the outlet's account of {attribution.speaker_text} ({attribution.verb})"


_UNNAMED_OFFICIAL = re.compile(
    r"\b(?:officials?|envoys?|spokes(?:man|woman|person|people)|diplomats?|negotiators?|commanders?|ministers?|"
    r"advis[eo]rs?|aides?|representatives?)\b",
    re.IGNORECASE,
)
_ASKED_OF_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s+(?:must|should|has\s+to|have\s+to|needs\s+to|is\s+obliged\s+to)\b"
)


def _reporter_subject(vocab: Vocabulary, article: Article, sentence: Sentence) -> tuple[str, str] | None:
    """The party a sentence in the reporter's voice is about, when it is the sentence's subject.

    "Azerbaijan's leadership continues to demand…", "Therefore, Moscow wants…": a party
    mention among the first words, not after a preposition ("talks with Kestria").
    """
    masked = article.masked(sentence.start, sentence.end, (QuoteKind.SPEECH, QuoteKind.TITLE))
    mentions = vocab.party_mentions(masked)
    if not mentions:
        return None
    first = mentions[0]
    before = _REPORTS_SAY.sub("", masked[: first.start])
    words = re.findall(r"[\w'’-]+", before)
    if any(w.lower() not in _LEADING_WORDS for w in words):
        # "Aliyev reiterated that Armenia should…": Armenia is not the subject
        return None
    # the party and, after a possessive, its body: "Azerbaijan’s leadership", "Moscow"
    body = re.match(r"['’]s\s+[a-z-]+", masked[first.end :])
    return first.party, first.text + (body.group() if body else "")


_THIRD_PARTY_CUES = frozenset({"demands", "insists", "wants", "calls for", "asks for"})


def _demand_of_another(vocab: Vocabulary, content: str, cues: list[Cue], party: str) -> bool:
    """Whether a reported clause's demand verb has another party as its subject."""
    for cue in cues:
        if cue.label not in _THIRD_PARTY_CUES:
            continue
        before = content[: cue.start]
        if "that" in before.split()[-1:]:
            continue
        others = [m for m in vocab.party_mentions(before) if m.party != party]
        if others and not any(m.party == party for m in vocab.party_mentions(before)):
            return True
    return False


def _follows_background(article: Article, sentence: Sentence) -> bool:
    """Whether an earlier sentence of the paragraph recalls the past ("In the spring of 2022, …"):
    the reporter's next sentence ("Kyiv, for its part, insisted…") continues that recollection."""
    return any(
        BACKGROUND_WORDS.search(other.text)
        for other in article.sentences_of(sentence.paragraph)
        if other.index < sentence.index
    )


# "Reports say the Kinshasa government wants…": the outlet passing on what is reported
_REPORTS_SAY = re.compile(
    r"^\W*(?:(?:media|news|press|local)\s+)?reports\s+(?:say|said|suggest|suggested|indicate)\s+(?:that\s+)?|"
    r"^\W*(?:it\s+is|it\s+was)\s+reported\s+(?:that\s+)?|^\W*according\s+to\s+(?:media\s+)?reports,?\s+",
    re.IGNORECASE,
)
_LEADING_WORDS = frozenset(
    "the a an therefore however meanwhile but and also now still so yet moreover instead thus then".split()
    # "The government under SAF influence continues to demand…"
    + "government leadership authorities army military movement group under led by of in".split()
)
_INTERPRETIVE = re.compile(rf"(?:{INTERPRETIVE_VERBS})")
