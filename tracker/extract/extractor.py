"""From news text to a draft: candidate statements, each field backed by the article.

The steps: parse the article; find its date, publisher and the people it names; decide
for every sentence whose words it carries (a speaker's quotation, a named speaker's
reported words, unnamed sources, a party body, or the reporter); keep the sentences
with condition wording that a party's speaker carries; match each to an issue; group
them into one statement per speaker and source; date each statement from the
article's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.core.dates import PartialDate
from tracker.extract.article import Article, ParagraphKind, Quote, QuoteKind, Sentence, parse
from tracker.extract.cues import Cue, Kind, find_cues, kind_of, stage_of
from tracker.extract.draft import (
    BACKGROUND,
    CHARACTERISATION,
    NO_ISSUE,
    NO_PARTY,
    OPINION,
    OTHER_CONFLICT,
    OTHER_PARTY,
    UNNAMED,
    CandidateCondition,
    CandidateStatement,
    Draft,
    SetAside,
    SourceDraft,
)
from tracker.extract.issues import STRONG, IssueGuess, guess_issue
from tracker.extract.speakers import (
    BACKGROUND_WORDS,
    INTERPRETIVE_VERBS,
    SPEECH_VERBS,
    Attribution,
    People,
    Venue,
    Voice,
    attribute,
    find_interviewee,
    find_people,
    find_venue,
    known_outlet_in,
    normalise_outlet,
    quote_attributions,
    title_for,
)
from tracker.extract.vocab import KnownCondition, Vocabulary, speaker_key
from tracker.extract.when import TimePhrase, article_date, time_phrases
from tracker.extract.words import content_stems, slug_words

_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
_OFFICIAL = re.compile(
    r"\b(?:read-?out|press\s+release|news\s+release|communiqu[eé]|official\s+statement|statement\s+(?:by|of|from)|"
    r"transcript|declaration)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:ministry|office|presidency|government|administration|kremlin|chancellery|council|commission|"
    r"department|embassy|mission|secretariat|cabinet|spokesperson)\b",
    re.IGNORECASE,
)
_INSTITUTION_NAME = re.compile(
    r"\b(?:(?:Presidential\s+)?(?:Ministry|Office|Presidency|Government|Administration|Kremlin|Chancellery|Council|"
    r"Commission|Department|Embassy|Mission|Secretariat|Cabinet))\b[^,;:\n]*",
)
_OPINION = re.compile(
    r"\b(?:opinion|op-ed|commentary|comment|column|editorial|views\s+expressed|analysis)\b", re.IGNORECASE
)
_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|ninety|hundred|thousand)(?:\s+(?:hundred|thousand|million))?\s*(?:%|per\s*cent|percent|km|kilometres|"
    r"kilometers|miles|days|weeks|months|years|troops|soldiers|men|personnel|tanks|aircraft|prisoners|people)\b",
    re.IGNORECASE,
)
_OBSERVER = re.compile(
    r"\b(?:researcher|analyst|professor|historian|expert|fellow|journalist|columnist|editor|commentator|"
    r"scholar|economist|observer)s?\b",
    re.IGNORECASE,
)
_SPEECH_EVENT = re.compile(
    r"['’]s\b|\b(?:address|speech|interview|statement|briefing|conference|meeting|during|remarks|post|"
    r"telegram|facebook|video|told|said|comments?)\b",
    re.IGNORECASE,
)
_CONDITION_SPLIT = re.compile(
    r",\s*(?=(?:saying|adding|insisting|stressing|stating|arguing|warning)\s)|"
    r"\s+and\s+(?=(?:would|will|must|should|could|is|are|agree[sd]?|wants?|demands?)\b)|;\s+|"
    r"\s*(?:\.\.\.|…)\s+(?=[A-Z])"
)
_ELABORATION = re.compile(r"(?:saying|adding|insisting|stressing|stating|arguing|warning)\s+(?:that\s+)?", re.I)
_BEFORE_TALKS = re.compile(
    r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:\w+\s+){0,3}?(?:talks|negotiations|negotiating|dialogue|any\s+deal)\b",
    re.IGNORECASE,
)
_TEXT_LIMIT = 240
_QUOTE_LIMIT = 600
_CLAUSE_SPLIT = re.compile(
    rf"(?:,\s*|;\s*|\s+)(?:but|while|whereas|and)\s+(?:also\s+)?(?:{SPEECH_VERBS})\s+(?:that\s+)?"
)


@dataclass
class _Unit:
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
class _Official:
    issuer: str
    party: str


def extract_draft(text: str, vocab: Vocabulary) -> Draft:
    """Candidate statements for `text`, against the dataset's parties and issues."""
    article = parse(text)
    draft = Draft(conflict_title=vocab.conflict_title)
    if article.empty:
        draft.empty = True
        draft.messages.append("the article has no text; the draft has no statements")
        return draft
    draft.headline = article.headline
    found_date = article_date(article)
    anchor = found_date.value if found_date else None
    if found_date is not None:
        draft.article_date = PartialDate.of(found_date.value)
        draft.article_date_phrase = found_date.phrase
    draft.opinion = any(_OPINION.search(m) for m in article.markers)
    people = find_people(article, vocab)
    official = _official(article, vocab)
    draft.issuer = official.issuer if official else None
    draft.publisher = official.issuer if official else _article_publisher(article)
    urls = _URL.findall(article.text)
    draft.url = urls[0] if urls else None
    interviewee = find_interviewee(article, people)
    by_quote = quote_attributions(article, vocab, people, interviewee)

    units: list[_Unit] = []
    for sentence in article.sentences:
        units.extend(_sentence_units(article, sentence, vocab, people, by_quote, official, draft))

    on_topic = _mentions_conflict(article, vocab)
    if not on_topic and units:
        for unit in units:
            draft.set_aside.append(SetAside(OTHER_CONFLICT, unit.sentence.text, _party_name(vocab, unit.party)))
        names = ", ".join(_party_name(vocab, p) for p in vocab.conflict_parties)
        draft.messages.append(
            f"the article names none of the parties of {vocab.conflict_title or 'the dataset'} ({names}); "
            "it looks like another conflict, so nothing was extracted"
        )
        units = []
    elif not on_topic:
        names = ", ".join(_party_name(vocab, p) for p in vocab.conflict_parties)
        draft.messages.append(
            f"the article names none of the parties of {vocab.conflict_title or 'the dataset'} ({names})"
        )

    _passage_issues(article, vocab, units)
    units = _fold_paraphrases(units, draft)
    merged = _merge_passages(article, units)
    draft.statements = _statements(article, vocab, people, merged, anchor, draft, official)
    _name_conditions(vocab, draft)
    # Speakers of other parties, or of no party the article names, are never dropped
    # silently: their sentences are listed in the draft and each is named on stderr.
    for detail in dict.fromkeys(s.detail for s in draft.set_aside if s.category == NO_PARTY):
        if detail.startswith("foreign: "):
            name = detail.removeprefix("foreign: ")
            draft.messages.append(f"unknown party: {name} is not a party in the dataset; its words were left out")
        elif not _OBSERVER.search(detail):
            # an official whose side the article does not say (an analyst speaks for no one)
            draft.messages.append(
                f"no party: the article does not tie {detail} to a party of the dataset; "
                "their words are listed in the draft, not extracted"
            )
    if not draft.statements:
        draft.messages.append("no candidate statements found in the article")
    return draft


# --- the article as a whole ------------------------------------------------------------


def _official(article: Article, vocab: Vocabulary) -> _Official | None:
    """An official text (readout, press release) and the party that issued it."""
    header = article.header_lines()
    if not any(_OFFICIAL.search(line) for line in header):
        return None
    if any(re.search(r"\bjoint\s+statement\b", line, re.IGNORECASE) for line in header):
        return None
    for line in header:
        institution = _INSTITUTION_NAME.search(line)
        if institution:
            name = institution.group().strip(" ,.")
            mentions = vocab.party_mentions(name) or vocab.party_mentions(line)
            if mentions:
                return _Official(name, mentions[0].party)
    return None


def _article_publisher(article: Article) -> str | None:
    if article.dateline and article.dateline.agency:
        return normalise_outlet(article.dateline.agency)
    for line in article.header_lines():
        source = re.match(r"^(?:source|©|\(c\)|copyright)\s*:?\s*(?:\d{4}\s+)?(?P<name>.+)$", line, re.IGNORECASE)
        if source and _SPEECH_EVENT.search(source.group("name")):
            # "Source: Zelenskyy's evening address on 25 April" names a speaker, not a publisher
            continue
        if source:
            return normalise_outlet(source.group("name").strip(" ."))
        outlet = known_outlet_in(line)
        if outlet and len(line.split()) <= 4:
            return outlet
    return None


def _mentions_conflict(article: Article, vocab: Vocabulary) -> bool:
    if not vocab.conflict_parties:
        return True
    found = {m.party for m in vocab.party_mentions(article.text)}
    return bool(found & set(vocab.conflict_parties))


def _party_name(vocab: Vocabulary, party_id: str) -> str:
    terms = vocab.party(party_id)
    return terms.name if terms else party_id


# --- one sentence ------------------------------------------------------------------------


def _sentence_units(
    article: Article,
    sentence: Sentence,
    vocab: Vocabulary,
    people: People,
    by_quote: dict[Quote, Attribution],
    official: _Official | None,
    draft: Draft,
) -> list[_Unit]:
    """The sentence's candidate conditions: one per clause with condition wording on its own issue."""
    kind = article.paragraphs[sentence.paragraph].kind
    if kind in (ParagraphKind.HEADER, ParagraphKind.QUESTION):
        return []
    visible = article.masked(sentence.start, sentence.end, (QuoteKind.TITLE,))
    if kind is ParagraphKind.HEADLINE:
        if find_cues(visible):
            draft.set_aside.append(SetAside(CHARACTERISATION, sentence.text, "headline"))
        return []
    listed: tuple[Attribution, Kind] | None = None
    listed_kind: Kind = "demand"
    direct = kind is ParagraphKind.ANSWER or article.speech_share(sentence) >= 0.5
    if direct and kind is not ParagraphKind.ANSWER and not find_cues(_speech_in(article, sentence)):
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
        content = _speech_in(article, sentence)
        voice: Voice = Voice.DIRECT if attribution.voice in (Voice.DIRECT, Voice.INDIRECT) else attribution.voice
        attribution_text = attribution.attribution_text
    else:
        attribution = attribute(article, sentence, vocab, people)
        if attribution.voice is Voice.REPORTER:
            listed = _listed(article, sentence, vocab, people)
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
        if found or listed is None:
            return found
        return [Cue("a listed item", 0, 0, listed_kind, "around", False)]

    clauses = _clauses_with_cue(content)
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
            detail = f"a demand made of {_party_name(vocab, subject[0])}, not its own condition"
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
        and not _OBSERVER.search(attribution.speaker_text)
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
            f"the outlet's own account of {_party_name(vocab, party)} ({_tidy(attribution.speaker_text)}), "
            "not the party's words: find the party's own words before relying on it"
        )
    context = _speaker_context(article, sentence) if direct else _antecedent(article, sentence, content)
    guesses: list[tuple[str, list[Cue], str, IssueGuess]] = []
    for whole in clauses:
        clause = _condition_part(whole)
        clause_cues = cues_in(clause)
        if (
            guesses
            and _ELABORATION.match(clause)
            and kind_of(clause_cues, clause) == kind_of(guesses[-1][1], guesses[-1][0])
        ):
            # "would not accept a ceasefire deal that…, insisting that we will not accept a
            # frozen conflict": the same refusal said again, not a second condition
            continue
        split = _conditional_offer(vocab, clause, clause_cues, context)
        if split is not None:
            for cues_of, focus_of, guess in split:
                if all(guess.issue != g[3].issue for g in guesses):
                    guesses.append((whole, cues_of, focus_of, guess))
            continue
        clause_focus = _focus(clause, clause_cues)
        parts = _conjuncts(vocab, clause_focus)
        for part in parts:
            # a conjunct on an issue of its own is judged by its own words
            guess = guess_issue(vocab, part, clause if len(parts) == 1 else part, context)
            if guess.issue is not None and all(guess.issue != g[3].issue for g in guesses):
                guesses.append((whole, clause_cues, part, guess))
    if not guesses:
        draft.set_aside.append(SetAside(NO_ISSUE, sentence.text, _party_name(vocab, party)))
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
        _Unit(
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


def _speech_in(article: Article, sentence: Sentence) -> str:
    return _speech_between(article, sentence.start, sentence.end)


def _speech_between(article: Article, first: int, last: int) -> str:
    """The quoted words between two offsets; separate quotations joined by an ellipsis."""
    parts = []
    for quote in article.quotes_in(first, last, QuoteKind.SPEECH):
        start, end = max(quote.start, first), min(quote.end, last)
        part = article.text[start:end].strip().strip('"“”«»„').strip()
        if part:
            parts.append(part.rstrip(","))
    return " … ".join(parts)


def _clauses_with_cue(content: str) -> list[str]:
    """'X remains committed, but emphasized that Y must…' → the clauses with condition wording.

    "…it would not hold talks with the rebels and would push Rwanda from the country",
    "…will not hold any negotiations, saying the insurgents must be defeated": two
    conditions, each with its own issue.
    """
    parts = [p for piece in _CLAUSE_SPLIT.split(content) for p in _CONDITION_SPLIT.split(piece)]
    with_cue = [p.strip().strip('"“”').strip() for p in parts if find_cues(p)]
    return [c for c in with_cue if c] or [content.strip().strip('"“”').strip()]


def _party(
    voice: Voice, attribution: Attribution, official: _Official | None, content_party: tuple[str, str] | None
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


def _basis(voice: Voice, attribution: Attribution, official: _Official | None) -> tuple[str, str]:
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


def _focus(content: str, cues: list[Cue]) -> str:
    """The words a condition is about: after 'until', before 'is a precondition', or the clause."""
    pieces: list[str] = []
    for cue in cues:
        if cue.focus == "after":
            pieces.append(content[cue.end :])
        elif cue.focus == "before":
            pieces.append(content[: cue.start])
        else:
            pieces.append(content)
    focus = " ".join(p for p in pieces if p.strip())
    return focus if len(focus.split()) >= 2 else content


_UNNAMED_OFFICIAL = re.compile(
    r"\b(?:officials?|envoys?|spokes(?:man|woman|person|people)|diplomats?|negotiators?|commanders?|ministers?|"
    r"advis[eo]rs?|aides?|representatives?)\b",
    re.IGNORECASE,
)
_ASKED_OF_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s+(?:must|should|has\s+to|have\s+to|needs\s+to|is\s+obliged\s+to)\b"
)
_ALSO = re.compile(r",?\s+as\s+well\s+as\s+|,?\s+along\s+with\s+|,?\s+in\s+addition\s+to\s+")


_BULLET = re.compile(r"^\s*(?:[-•*–—▪●]|\(?\d{1,2}[.)])\s+(?:[^:.;\n]{1,60}:\s+)?")
_LIST_NOUNS = re.compile(
    r"\b(?P<noun>demands?|conditions?|terms|requirements?|preconditions?|points?|proposals?|offers?|steps|"
    r"red\s+lines|principles|priorities)\b[^:]*:\s*$",
    re.IGNORECASE,
)


def _listed(article: Article, sentence: Sentence, vocab: Vocabulary, people: People) -> tuple[Attribution, Kind] | None:
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


def _conjuncts(vocab: Vocabulary, focus: str) -> list[str]:
    """'the cancellation of its bid for NATO membership, as well as its non-nuclear status':
    two demands when each side of "as well as" names an issue of its own; else the focus whole."""
    pieces = [p for p in _ALSO.split(focus) if p.strip()]
    if len(pieces) == 2:
        guesses = [guess_issue(vocab, piece, "", "") for piece in pieces]
        if all(g.issue is not None for g in guesses) and guesses[0].issue != guesses[1].issue:
            return pieces
    return _list_items(vocab, focus)


def _list_items(vocab: Vocabulary, focus: str) -> list[str]:
    """'calls for a complete ceasefire …, support for the Lebanese Armed Forces …, the
    disarmament of Hezbollah …, and the opening of direct negotiations': a list of three or
    more items ("A, B, and C") whose items name issues of their own is that many conditions."""
    if focus.count(",") < 2 or not re.search(r",\s+(?:and|as\s+well\s+as)\s+", focus):
        return [focus]
    if re.search(
        r"\b(?:dialogue|talks|negotiations|discuss\w*)\b[^,.;]{0,40}?\b(?:on|about|over|including)\b", focus, re.I
    ):
        return [focus]  # an agenda ("a dialogue on Kashmir, water and terrorism"), not a list of demands
    items = [i for i in re.split(r",\s+(?:and\s+|as\s+well\s+as\s+)?", focus) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > 16 for i in items):
        return [focus]
    merged: list[tuple[str, str | None]] = []
    for item in items:
        guess = guess_issue(vocab, item, "", "")
        issue = guess.issue if guess.score >= STRONG else None
        if merged and (issue is None or issue == merged[-1][1]):
            merged[-1] = (f"{merged[-1][0]}, {item}", merged[-1][1] or issue)
        else:
            merged.append((item, issue))
    if len([i for i in merged if i[1]]) >= 2:
        return [text for text, issue in merged if issue]
    return [focus]


_IF = re.compile(
    r"\b(?:if|once|provided(?:\s+that)?|on\s+(?:the\s+)?condition\s+that|as\s+soon\s+as|in\s+exchange\s+for|"
    r"in\s+return\s+for)\b",
    re.IGNORECASE,
)


def _conditional_offer(
    vocab: Vocabulary, clause: str, cues: list[Cue], context: str
) -> list[tuple[list[Cue], str, IssueGuess]] | None:
    """'…would withdraw from all five positions … if Hezbollah were completely disarmed':
    an offer and the demand it is conditioned on, when the two are on different issues."""
    if kind_of(cues, clause) != "offer":
        return None
    first_offer = min(c.start for c in cues if c.kind == "offer")
    condition = next((m for m in _IF.finditer(clause) if m.start() > first_offer), None)
    if condition is None:
        return None
    offered, asked = clause[: condition.start()], clause[condition.end() :]
    offer_guess = guess_issue(vocab, offered, offered, context)
    demand_guess = guess_issue(vocab, asked, asked, "")
    if offer_guess.issue is None or demand_guess.issue is None or offer_guess.issue == demand_guess.issue:
        return None
    asking = Cue("on condition", condition.start(), condition.end(), "demand", "after", True)
    return [([c for c in cues if c.start < condition.start()], offered, offer_guess), ([asking], asked, demand_guess)]


def _condition_part(clause: str) -> str:
    """'insist on a ceasefire before holding negotiations on a prisoner swap': what comes
    after "before" is what the condition opens, not the condition (nor its kind or issue)."""
    opens = _BEFORE_TALKS.search(clause)
    if opens is None:
        return clause
    head = clause[: opens.start()]
    return head if find_cues(head) and len(head.split()) >= 4 else clause


def _speaker_context(article: Article, sentence: Sentence) -> str:
    """The speaker's other words in the same paragraph, for 'this issue', 'that'."""
    by_index = {other.index: other for other in article.sentences_of(sentence.paragraph)}
    parts = []
    for step in (-1, 1):
        for distance in (1, 2):
            other = by_index.get(sentence.index + step * distance)
            if other is None:
                break
            speech = _speech_in(article, other)
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


def _antecedent(article: Article, sentence: Sentence, content: str) -> str:
    """The sentence before a reported clause that points back to it ("considers such a
    demand unfair"): what the demand is about is said there."""
    if not _ANAPHOR.search(content) or sentence.index == 0:
        return ""
    before = article.sentences[sentence.index - 1]
    return before.text if before.paragraph == sentence.paragraph else ""


# --- grouping ----------------------------------------------------------------------------


def _passage_issues(article: Article, vocab: Vocabulary, units: list[_Unit]) -> None:
    """A quotation is one utterance: a sentence weak on its own takes the issue of the whole passage.

    "The American side must address the root causes … NATO expansion is front and
    center. Without solving this … issue, …" is about NATO, sentence by sentence too.
    """
    for unit in units:
        if unit.voice is not Voice.DIRECT or unit.issue.own >= STRONG:
            continue
        speech = " ".join(_speech_in(article, s) for s in _quoted_run(article, unit.sentence))
        passage = guess_issue(vocab, speech, "", "")
        if passage.issue is not None and (passage.issue != unit.issue.issue or unit.issue.level is None):
            unit.issue = guess_issue(vocab, f"{unit.focus} {speech}", unit.content, "")


def _quoted_run(article: Article, sentence: Sentence) -> list[Sentence]:
    """The sentences of the paragraph quoted without a break around `sentence`: a sentence
    in the reporter's own words between two quotations ends one utterance."""
    run: list[Sentence] = []
    for other in article.sentences_of(sentence.paragraph):
        if other.index < sentence.index and not _speech_in(article, other):
            run = []
        elif other.index > sentence.index and not _speech_in(article, other):
            break
        else:
            run.append(other)
    return run


def _fold_paraphrases(units: list[_Unit], draft: Draft) -> list[_Unit]:
    """A paraphrase of a condition the article also gives in the party's own words is the
    reporter's summary of them (often the lede): listed, not a second candidate, and never
    evidence for the party's own words (a misreported lede must not become a quote's support)."""
    kept: list[_Unit] = []
    for unit in units:
        if unit.paraphrase:
            own = next(
                (u for u in units if not u.paraphrase and u.party == unit.party and u.issue.issue == unit.issue.issue),
                None,
            )
            if own is not None:
                detail = f"the reporter's summary; the article gives {own.attribution.speaker_text}'s own words on this issue"
                draft.set_aside.append(SetAside(CHARACTERISATION, unit.sentence.text, detail))
                continue
        kept.append(unit)
    return kept


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


def _merge_passages(article: Article, units: list[_Unit]) -> list[_Unit]:
    """Join neighbouring sentences of one speaker on one issue into one condition."""
    merged: list[_Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.group == unit.group
            and last.issue.issue == unit.issue.issue
            and last.voice is unit.voice
            and last.sentence.paragraph == unit.sentence.paragraph
            and unit.sentence.index - (last.extra_sentences or [last.sentence])[-1].index <= 2
        ):
            # Sentence indexes are positions in article.sentences.
            gap = article.sentences[(last.extra_sentences or [last.sentence])[-1].index + 1 : unit.sentence.index + 1]
            last.extra_sentences.extend(gap)
            last.cues.extend(unit.cues)
            last.focus = f"{last.focus} {unit.focus}"
            if last.voice is Voice.DIRECT:
                last.quote = _speech_between(article, last.sentence.start, unit.sentence.end)
                last.content = last.quote
            else:
                last.content = f"{last.content} {unit.content}"
            if last.issue.level is None and unit.issue.level is not None:
                last.issue = unit.issue
            continue
        merged.append(unit)
    return merged


def _statements(
    article: Article,
    vocab: Vocabulary,
    people: People,
    units: list[_Unit],
    when: date | None,
    draft: Draft,
    official: _Official | None,
) -> list[CandidateStatement]:
    groups: dict[tuple[str, ...], list[_Unit]] = {}
    for unit in units:
        groups.setdefault(unit.group, []).append(unit)
    statements: list[CandidateStatement] = []
    for members in groups.values():
        first = members[0]
        named = [m.attribution.person for m in members if m.attribution.person is not None]
        person = max(named, key=lambda p: len(p.name)) if named else None
        venue = _venue_for(article, vocab, people, members)
        source, see_also = _sources(article, draft, venue, official, when)
        value, inferred, note = _date_of(members, when, venue, draft)
        if first.voice is Voice.SOURCES:
            speaker_name: str | None = _tidy(first.attribution.speaker_text)
            outlet = source.publisher or "the article"
            speaker_role: str | None = f"unnamed; as reported by {outlet}"
        elif person is not None:
            speaker_name, speaker_role = person.name, person.role
        else:
            speaker_name, speaker_role = _tidy(first.attribution.speaker_text), None
        statement = CandidateStatement(
            party=first.party,
            party_evidence=first.party_evidence,
            basis=first.basis,
            basis_reason=first.basis_reason,
            speaker_name=speaker_name,
            speaker_role=speaker_role,
            source=source,
            see_also=see_also,
            date=value,
            date_inferred=inferred,
            date_note=note,
        )
        statement.conditions = _conditions(vocab, members)
        statements.append(statement)
    return statements


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,")


def _venue_for(article: Article, vocab: Vocabulary, people: People, members: list[_Unit]) -> Venue | None:
    for unit in members:
        if unit.attribution.venue is not None:
            venue = unit.attribution.venue
            return Venue(venue.outlet, venue.phrase, title_for(article, venue.outlet))
        found = find_venue(article, unit.attribution_text, vocab, people)
        if found is not None:
            return Venue(found.outlet, found.phrase, title_for(article, found.outlet))
    person = members[0].attribution.person
    if person is None:
        return None
    for sentence in article.sentences:
        if article.paragraphs[sentence.paragraph].kind is not ParagraphKind.BODY:
            continue
        if not people.in_span(sentence.start, sentence.end) or all(
            m[2] is not person for m in people.in_span(sentence.start, sentence.end)
        ):
            continue
        masked = article.masked(sentence.start, sentence.end, (QuoteKind.SPEECH, QuoteKind.TITLE))
        found = find_venue(article, masked, vocab, people)
        if found is not None:
            return Venue(found.outlet, found.phrase, title_for(article, found.outlet))
    return None


def _sources(
    article: Article, draft: Draft, venue: Venue | None, official: _Official | None, when: date | None
) -> tuple[SourceDraft, list[SourceDraft]]:
    published = PartialDate.of(when) if when is not None else None
    own = SourceDraft(
        publisher=draft.publisher,
        evidence=(
            f"issued by {official.issuer}"
            if official
            else (article.dateline.text if article.dateline and article.dateline.agency else None)
        ),
        url=draft.url,
        published=published,
    )
    if venue is None or (draft.publisher and venue.outlet.lower() == draft.publisher.lower()):
        if venue is not None and own.evidence is None:
            own.evidence = venue.phrase
        if own.title is None and venue is not None:
            own.title = venue.title
        return own, []
    source = SourceDraft(publisher=venue.outlet, evidence=venue.phrase, title=venue.title)
    if draft.url and _same_site(draft.url, venue.outlet):
        source.url = draft.url
        return source, []
    see_also = [own] if (own.publisher or own.url) else []
    return source, see_also


def _same_site(url: str, outlet: str) -> bool:
    host = re.sub(r"^https?://(?:www\.)?", "", url).split("/")[0].lower()
    key = re.sub(r"[^a-z0-9]", "", outlet.lower())
    return bool(key) and key in host.replace(".", "").replace("-", "")


def _date_of(
    members: list[_Unit],
    when: date | None,
    venue: Venue | None,
    draft: Draft,
) -> tuple[PartialDate | None, bool, str]:
    """The statement's date from its attribution's words; else the article's date, marked inferred."""
    texts = [u.attribution_text for u in members]
    if venue is not None:
        texts.append(venue.phrase)
    phrases: list[TimePhrase] = [p for text in texts for p in time_phrases(text, when)]
    for phrase in phrases:
        if phrase.value is not None:
            if phrase.printed:
                return phrase.value, False, f'printed in the article: "{phrase.phrase}"'
            return phrase.value, True, f'inferred from "{phrase.phrase}" against the article date {draft.article_date}'
    if phrases:
        phrase = phrases[0]
        return None, False, f'"{phrase.phrase}": {phrase.reason}'
    if when is not None:
        return (
            PartialDate.of(when),
            True,
            f"taken from the article's date ({draft.article_date_phrase}): the article gives no date for the words",
        )
    return None, False, "not found in the article"


def _conditions(vocab: Vocabulary, members: list[_Unit]) -> list[CandidateCondition]:
    conditions: list[CandidateCondition] = []
    for unit in members:
        sentences = [unit.sentence, *unit.extra_sentences]
        evidence = [s.text for s in sentences]
        kind = kind_of(unit.cues, unit.content)
        stage = stage_of(unit.content)
        labels = list(dict.fromkeys(c.label for c in unit.cues))
        numbers = list(dict.fromkeys(m.group() for m in _NUMBER.finditer(unit.content)))
        candidate = CandidateCondition(
            id="",
            issue=unit.issue,
            kind=kind,
            stage=stage,
            text=_trim(unit.content, _TEXT_LIMIT),
            focus=unit.focus,
            quote=_trim(unit.quote, _QUOTE_LIMIT) if unit.quote else None,
            evidence=evidence,
            cues=labels,
            direct=unit.voice is Voice.DIRECT,
            numbers=numbers,
        )
        twin = _same_demand(candidate, unit, conditions, vocab)
        if twin is not None:
            twin.evidence.extend(e for e in evidence if e not in twin.evidence)
            twin.cues.extend(label for label in labels if label not in twin.cues)
            if twin.quote is None and candidate.quote is not None:
                twin.quote, twin.direct, twin.text = candidate.quote, True, candidate.text
            if twin.issue.level is None and candidate.issue.level is not None:
                twin.issue = candidate.issue
            continue
        conditions.append(candidate)
    return conditions


def _same_demand(
    candidate: CandidateCondition, unit: _Unit, existing: list[CandidateCondition], vocab: Vocabulary
) -> CandidateCondition | None:
    """One demand said twice (a lede and its quotation): same issue, kind, stage, level and wording."""
    words = set(content_stems(" ".join(candidate.evidence), vocab.party_stems))
    for other in existing:
        if other.kind != candidate.kind:
            continue
        if other.issue.issue != candidate.issue.issue and set(other.evidence) & set(candidate.evidence):
            continue  # one sentence with conditions on two issues: two conditions
        if other.issue.issue != candidate.issue.issue:
            # the lede and the body word one refusal differently ("a deal with Moscow that
            # would allow Russian troops to remain" / "a ceasefire deal that would allow
            # Russian forces to remain"), and the wording leads to two issues
            theirs = set(content_stems(" ".join(other.evidence), vocab.party_stems))
            if len(words & theirs) >= max(4, 0.5 * min(len(words), len(theirs))):
                return other
            continue
        if other.issue.level and candidate.issue.level and other.issue.level != candidate.issue.level:
            continue
        shared = words & set(content_stems(" ".join(other.evidence), vocab.party_stems))
        if len(shared) >= 2:
            return other
    return None


def _trim(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut} …"


def _name_conditions(vocab: Vocabulary, draft: Draft) -> None:
    """Suggest ids `<party prefix>-<issue>-<words>`, unique in the draft and new to the dataset."""
    taken = {c.id for c in vocab.known_conditions}
    for statement in draft.statements:
        terms = vocab.party(statement.party)
        prefix = terms.prefix if terms else statement.party
        for condition in statement.conditions:
            issue = condition.issue.issue or "issue"
            exclude = vocab.party_stems | set(content_stems(issue.replace("-", " ")))
            words = slug_words(condition.focus or condition.text, frozenset(exclude), 3)
            base = "-".join([prefix, issue, *words])
            slug = re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "", base.lower())).strip("-")[:80].rstrip("-")
            candidate = slug
            n = 2
            while candidate in taken:
                candidate = f"{slug}-{n}"
                n += 1
            taken.add(candidate)
            condition.id = candidate
            condition.restates = _restated(vocab, statement.party, condition)


def _restated(vocab: Vocabulary, party: str, condition: CandidateCondition) -> KnownCondition | None:
    matches = [
        known
        for known in vocab.known_conditions
        if known.party == party
        and known.issue == condition.issue.issue
        and condition.issue.level is not None
        and known.level == condition.issue.level
    ]
    return matches[-1] if matches else None


__all__ = ["extract_draft"]
