"""Who says what: people with their roles and parties, outlets, and who a sentence quotes.

The rules follow news-writing conventions: a named official with a role ("Sergei
Ryabkov, Russia's deputy foreign minister"), a speech verb with its subject ("Kovac
said", "said Pieter Holm"), pronouns and "the minister" referring back, unnamed
sourcing ("three Russian sources familiar with"), and the reporter's own voice
(verbs such as "suggests" or "indicates", "according to him", an unnamed subject).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from enum import Enum

from tracker.extract.article import (
    SOURCE_LINE,
    SPEAKER_LABEL,
    Article,
    ParagraphKind,
    Quote,
    QuoteKind,
    Sentence,
)
from tracker.extract.vocab import PartyMention, Vocabulary

ROLE_NOUNS = frozenset(
    """
    minister president premier chancellor spokesman spokeswoman spokesperson ambassador envoy adviser advisor
    aide secretary secretary-general chief head negotiator negotiators official officials diplomat diplomats
    commander general admiral lawmaker senator deputy representative director chairman chairwoman chair leader
    governor mayor king queen prince emir sheikh sultan foreign-minister ministry ministries office government
    presidency administration delegation researcher analyst professor historian expert fellow journalist
    columnist editor commentator spokespeople mediator ombudsman prosecutor marshal colonel
    ruler strongman commander-in-chief
    """.split()
)
# Capitalised words that may stand before a name as part of a title.
_TITLE_WORDS = frozenset(
    """
    president vice prime minister foreign defence defense deputy interior finance justice economy secretary general
    secretary-general chancellor spokesman spokeswoman spokesperson ambassador envoy special chief commander colonel
    col col. gen gen. lt lt. admiral adm adm. senator governor mayor king queen prince sheikh emir sultan dr dr. mr mr.
    mrs mrs. ms ms. prof prof. sir lord head chairman chairwoman chair state top senior former acting first
    affairs information communication communications army armed forces military
    """.split()
)
_ROLE_ADJECTIVES = frozenset(
    "special deputy senior chief top former acting foreign defence defense interior prime vice state general "
    "first presidential principal lead permanent military political rebel paramilitary armed national supreme".split()
)
_NOT_NAMES = frozenset(
    """
    the a an in on at but and or meanwhile however previously last since according q this that these those it
    he she they we i his her their our its monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december read more north south east
    west western eastern northern southern central new old top official officials minister
    """.split()
)
_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_NUMBER_WORDS = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|multiple|various|\d+|other|another)"
)
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|insisted|insists|stated|"
    r"states|declared|declares|warned|warns|reiterated|reiterates|underlined|underlines|noted|notes|announced|"
    r"announces|wrote|writes|repeated|repeats|confirmed|confirms|explained|explains|asserted|asserts|replied|"
    r"replies|responded|reported|reports|rejected|rejects|demanded|demands|called\s+for|calls\s+for|urged|urges|"
    r"offered|offers|proposed|proposes|ruled\s+out|rules\s+out|vowed|vows|pledged|pledges|threatened|threatens|"
    # issue 14: verbs real copy uses for an official's words
    r"continued|reaffirmed|reaffirms|affirmed|affirms|made\s+(?:it\s+)?clear|makes\s+(?:it\s+)?clear|promised|"
    r"promises|presented|presents|maintained|maintains|assured|assures|pointed\s+out|points\s+out|clarified|"
    r"refused|refuses|was\s+quoted\s+as\s+saying|(?:was|were)\s+reported\s+to\s+(?:say|tell)|stating|saying|"
    r"asserting|adding|insisting|declaring|dismissed|dismisses|emphasi[sz]ing|"
    r"mentioned|mentions|outlined|outlines|underscored|underscores|highlighted|highlights|"
    r"communicated|informed|remarked|acknowledged"
)
# Verbs that carry the condition themselves: the content starts at the verb.
CUE_VERBS = re.compile(
    r"^(?:rejected|rejects|demanded|demands|called\s+for|calls\s+for|urged|urges|offered|offers|proposed|proposes|"
    r"ruled\s+out|rules\s+out|vowed|vows|pledged|pledges|threatened|threatens|promised|promises|presented|presents|"
    r"refused|refuses|dismissed|dismisses)$"
)
# The reporter interpreting, not reporting: never a source of an on-record condition.
INTERPRETIVE_VERBS = (
    r"argued|argues|indicated|indicates|suggested|suggests|signall?ed|signals|hinted|hints|implied|implies|"
    r"appeared|appears|seemed|seems|believes|believed|views|viewed|characteri[sz]ed|characteri[sz]es|"
    r"framed|frames|sees|saw|made\s+the\s+comments|commented|comments|described|describes|thinks|thought"
)
_VERB = re.compile(rf"\b(?:(?P<speech>{SPEECH_VERBS})|(?P<interp>{INTERPRETIVE_VERBS}))\b")
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
_KNOWN_OUTLETS = {
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
BACKGROUND_WORDS = re.compile(
    r"\b(?:previously|had\s+(?:long\s+|repeatedly\s+|earlier\s+)?(?:demanded|insisted|called|said|rejected|sought|"
    r"proposed|offered|wanted|required|made|set|stated|declared|urged|refused)|has\s+long|have\s+long|had\s+long|"
    r"long\s+(?:demanded|insisted|sought|refused)|in\s+the\s+past|for\s+years|once\s+demanded|"
    # "The group has maintained that it would not lay down arms…": a standing position recalled
    r"ha(?:s|ve)\s+(?:consistently\s+|repeatedly\s+)?maintained|"
    r"earlier\s+(?:this|last)\s+(?:year|month))\b|^\s*(?:earlier|later|before\s+that|at\s+the\s+time|back\s+then)\b|"
    r"^\s*(?:in|by|during|since)\s+(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter|early|late|mid)\s+(?:of\s+)?)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


_TRAILING = re.compile(
    r",\s*(?:(?:he|she)|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?P<verb>said|says|told|added|stated|stressed|declared|insisted|noted|warned)\b(?![^.]*\bthat\b)[^░]*$"
)
_MAX_VERBS = 12  # speech verbs looked at per sentence
_SUBJECT_WINDOW = 300  # characters before a verb where its subject can be


class Voice(str, Enum):
    """Whose words a sentence carries."""

    DIRECT = "direct"  # quotation marks or an interview answer: the speaker's own words
    INDIRECT = "indirect"  # a named speaker with a speech verb: "Kovac said Marovia was ready…"
    SOURCES = "sources"  # unnamed sources: "three Russian sources familiar with…"
    INSTITUTION = "institution"  # a party body without a name: "the Kremlin said…"
    UNNAMED = "unnamed"  # "a top Russian diplomat", "analysts", "one of them"
    REPORTER = "reporter"  # the reporter's own voice or interpretation


@dataclass
class Person:
    name: str
    role: str | None
    party: str | None
    party_words: str | None  # the words that tie the role to the party
    foreign: str | None  # a country-like name in the role that is not a party in the dataset
    first: int

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def described(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True)
class Venue:
    """Where words were published: an outlet, with the article's title for it when given."""

    outlet: str
    phrase: str
    title: str | None = None


@dataclass
class Attribution:
    voice: Voice
    person: Person | None = None
    party: str | None = None  # for sources and institutions
    speaker_text: str = ""  # the subject as written
    verb: str = ""
    content_start: int = 0
    content_end: int = 0
    venue: Venue | None = None
    background: bool = False
    anonymous: bool = False
    attribution_text: str = ""  # the sentence minus its content, for dates and venues
    subject_at: int | None = None  # where the subject really starts, when a role stood between it and the verb


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    mentions: list[tuple[int, int, Person]] = field(default_factory=list)

    def find(self, name: str) -> Person | None:
        # Case-blind: copy writes "al-Burhan" and "Al-Burhan" at a sentence start.
        name = _strip_possessive(name).lower()
        for person in self.persons:
            if person.name.lower() == name or person.surname.lower() == name:
                return person
        return None

    def last_before(self, offset: int) -> Person | None:
        index = bisect.bisect_left(self.mentions, offset, key=lambda m: m[0])
        return self.mentions[index - 1][2] if index else None

    def last_with_role(self, noun: str, offset: int) -> Person | None:
        best: tuple[int, Person] | None = None
        for start, _, person in self.mentions:
            if (
                start < offset
                and person.role
                and re.search(rf"\b{re.escape(noun)}\b", person.role, re.IGNORECASE)
                and (best is None or start > best[0])
            ):
                best = (start, person)
        return best[1] if best else None

    def refer(self, start: int, end: int, person: Person) -> None:
        """Record that words such as "the minister" refer to a person, for later pronouns."""
        if not self.in_span(start, start + 1) or self.in_span(start, start + 1)[0][0] != start:
            bisect.insort(self.mentions, (start, end, person), key=lambda m: m[0])

    def in_span(self, start: int, end: int) -> list[tuple[int, int, Person]]:
        first = bisect.bisect_left(self.mentions, start, key=lambda m: m[0])
        found: list[tuple[int, int, Person]] = []
        for mention in self.mentions[first:]:
            if mention[0] >= end:
                break
            if mention[1] <= end:
                found.append(mention)
        return found


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip())


_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")


def _runs(text: str, offset: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words separated by single spaces, with absolute offsets."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    last_end = -1
    for match in _TOKEN.finditer(text):
        word = (
            match.group().rstrip(".")
            if not re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Adm|St)\.", match.group())
            else match.group()
        )
        start = match.start()
        adjacent = current and start == last_end + 1 and text[last_end] == " "
        # a name particle inside a run: "Abdel Fattah al-Burhan", "Ursula von der Leyen"
        particle = bool(
            current and adjacent and re.fullmatch(r"(?:al|el|ad|bin|ibn|von|van|der|de|da|di|le)(?:-\w+)?", word)
        )
        capital = word[:1].isupper() or particle
        if capital and (adjacent or not current):
            current.append((offset + start, offset + start + len(word), word))
            if re.search(r"['’]s$", word):
                # a possessive ends the name: "Nikol Pashinian’s January 19 calls"
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = [(offset + start, offset + start + len(word), word)] if capital else []
        last_end = start + len(word)
    if current:
        runs.append(current)
    return runs


def find_people(article: Article, vocab: Vocabulary) -> People:
    """Register every person the article names with a role or as a speaker."""
    people = People()
    party_words = {
        word.lower()
        for terms in vocab.parties
        for surface in (*terms.names, *terms.demonyms)
        for word in surface.split()
    }
    for sentence in article.sentences:
        if article.paragraphs[sentence.paragraph].kind not in (
            ParagraphKind.BODY,
            ParagraphKind.ANSWER,
            ParagraphKind.HEADER,
            ParagraphKind.HEADLINE,
        ):
            continue
        masked = article.masked(sentence.start, sentence.end, (QuoteKind.SPEECH, QuoteKind.TITLE))
        for run in _runs(masked, sentence.start):
            _register(article, vocab, people, sentence, masked, run, party_words)
    _register_labels(article, vocab, people)
    _index_mentions(article, people)
    mentions = vocab.party_mentions(article.text)
    for person in people.persons:
        if person.party is None and person.role and _possessor_party(vocab, people, person):
            person.foreign = None  # "Putin's spokesperson": a person's name, not a country
            continue
        if person.party is None and person.foreign is None:
            known = vocab.speaker_party(person.name)
            if known is not None:
                # The dataset already quotes this person for a party: the strongest evidence.
                person.party, person.party_words = known[0], f"{known[1]}, a speaker of this party in the dataset"
            elif person.role:
                _party_from_article(article, mentions, person, people)
            if person.party is None:
                _party_from_commitments(article, vocab, people, person)
    return people


def _possessor_party(vocab: Vocabulary, people: People, person: Person) -> bool:
    """ "Zelenskyy's spokesman Serhiy Nikiforov": the party of the person whose aide this is."""
    owner = re.search(r"\b([A-Z][\w-]+)['’]s\s+(?:[a-z-]+\s+){0,2}[a-z-]+", person.role or "")
    if owner is None:
        return False
    found = people.find(owner.group(1))
    known = vocab.speaker_party(owner.group(1))
    if found is not None and found is not person and found.party is not None:
        person.party, person.party_words = found.party, f"{person.role} ({found.described()})"
        return True
    if known is not None:
        person.party, person.party_words = (
            known[0],
            f"{person.role} ({known[1]}, a speaker of this party in the dataset)",
        )
        return True
    return False


_COMMITMENT = re.compile(
    r"\s+(?:will|would|won['’]t|wouldn['’]t|shall|could|can|cannot|can['’]t|is|are|was|were)\s+(?:not\s+|never\s+|only\s+|also\s+)?"
    r"(?:ready|willing|prepared|agree|accept|sign|recogni[sz]e|stop|cede|negotiate|talk|hold|continue|fight|give|"
    r"withdraw|return|release|allow|tolerate|join|go|be)\b"
)
_CLAUSE_START = re.compile(r"(?:^|\bthat\s+|\b(?:saying|adding|insisting|stressing)\s+(?:that\s+)?)\W*$", re.IGNORECASE)


def _party_from_commitments(article: Article, vocab: Vocabulary, people: People, person: Person) -> None:
    """A speaker whose role names no country ("Prime Minister Benjamin Netanyahu") speaks for
    the party whose own conduct the sentences reporting them announce: "Israel will not
    agree to any ceasefire…, Prime Minister Benjamin Netanyahu said." One party only."""
    found: dict[str, str] = {}
    starts = [s.start for s in article.sentences]
    # the sentences that name the person, found by bisection: linear in the article
    indexes = sorted(
        {
            bisect.bisect_right(starts, m[0]) - 1
            for m in people.mentions
            if m[2] is person and starts and m[0] >= starts[0]
        }
    )
    for index in indexes:
        sentence = article.sentences[index]
        text = article.text[sentence.start : sentence.end]
        for mention in vocab.party_mentions(text):
            if mention.form != "name" or mention.possessive:
                continue
            if _CLAUSE_START.search(text[: mention.start]) and _COMMITMENT.match(text[mention.end :]):
                clause = text[mention.start : mention.start + 80].split(",")[0]
                found.setdefault(mention.party, clause)
    if len(found) == 1:
        [(party, clause)] = found.items()
        person.party = party
        person.party_words = f"the speaker announces what {clause.split()[0]} will or will not do: “{clause.strip()}”"


def _register_labels(article: Article, vocab: Vocabulary, people: People) -> None:
    """Transcript speakers ("Dana Pell: …"), with the role the header gives them, if any."""
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.ANSWER:
            continue
        label = SPEAKER_LABEL.match(article.text[paragraph.start : paragraph.end])
        if label is None or people.find(label.group("name")) is not None:
            continue
        name = label.group("name")
        owner = vocab.party_mentions(name)
        if owner and owner[0].start == 0 and owner[0].possessive:
            # a headline's "Sudan's Burhan: …": the party's man, not a person called "Sudan's Burhan"
            name = re.sub(r"^\S+\s+", "", name)
            if people.find(name) is not None or " " in name or not name:
                continue
            people.persons.append(Person(name, None, owner[0].party, owner[0].text, None, paragraph.start))
            continue
        role: str | None = None
        described = re.search(
            rf"(?:^|[\n,;:]\s*|\bby\s+)(?P<role>[^,;:\n]{{3,100}}),\s*{re.escape(name)}\b", article.text
        )
        if described and _has_role_noun(described.group("role")):
            role = _from_role_noun(described.group("role"))
        party, words, foreign = _party_of_role(vocab, role)
        people.persons.append(Person(name, role, party, words, foreign, paragraph.start))


def _from_role_noun(phrase: str) -> str:
    """'Transcript of the briefing by the spokesperson of the Ministry' → 'spokesperson of the Ministry'."""
    words = phrase.strip().split()
    for index, word in enumerate(words):
        if word.lower().strip(",.'’s") in ROLE_NOUNS:
            start = index
            while start > 0 and words[start - 1].lower() in _ROLE_ADJECTIVES:
                start -= 1
            return " ".join(words[start:])
    return phrase.strip()


def _party_from_article(article: Article, mentions: list[PartyMention], person: Person, people: People) -> None:
    """A role without a country ("Defence Minister") tied to a party elsewhere ("Kestria's defence minister").

    A role never borrows another person's country: "Russian President Vladimir Putin"
    says nothing about the party of a "President Volodymyr Zelensky".
    """
    words = [w for w in re.findall(r"[A-Za-z-]+", person.role or "") if w.lower() not in ("the", "a", "an", "of", "s")]
    cores = [c for c in (words[-2:], words[:2]) if c]
    if not cores or not _has_role_noun(person.role or ""):
        return
    found: dict[str, str] = {}
    for core in cores:
        role = r"\s+".join(re.escape(w) for w in core)
        for mention in mentions:
            after = article.text[mention.end : mention.end + 60]
            match = re.match(rf"(?:['’]s)? +(?:[a-z-]+ +){{0,2}}?{role}\b", after, re.IGNORECASE)
            if match and _titles_someone_else(article, people, person, mention.end + match.end()):
                continue
            if match:
                found.setdefault(mention.party, article.text[mention.start : mention.end + match.end()])
    if len(found) == 1:
        [(party, phrase)] = found.items()
        person.party, person.party_words = party, phrase


def _titles_someone_else(article: Article, people: People, person: Person, end: int) -> bool:
    """Whether the role words ending at `end` stand before another person's name."""
    following = re.match(r",?\s+(?:[A-Z][\w'’.-]*\s*){1,4}", article.text[end : end + 60])
    if following is None:
        return False
    named = [p for _, _, p in people.in_span(end, end + following.end())]
    others = {p.name for p in named} - {person.name}
    if others:
        return True
    words = following.group().split()
    return not named and person.surname not in words and any(w[:1].isupper() for w in words)


def _register(
    article: Article,
    vocab: Vocabulary,
    people: People,
    sentence: Sentence,
    masked: str,
    run: list[tuple[int, int, str]],
    party_words: set[str],
) -> None:
    words = [w for _, _, w in run]
    split = 0
    while split < len(words):
        lower = _strip_possessive(words[split]).lower()
        follows_title = split + 1 < len(words) and words[split + 1].lower() in _TITLE_WORDS
        if lower in _TITLE_WORDS or lower in party_words or (_looks_demonym(words[split]) and follows_title):
            split += 1
            continue
        break
    name_tokens = words[split:]
    while name_tokens and name_tokens[0].lower() in _NOT_NAMES:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return
    if any(
        t.lower() in _NOT_NAMES or _strip_possessive(t).lower() in party_words or (t.isupper() and len(t) > 1)
        for t in name_tokens
    ):
        return
    if " ".join(name_tokens).lower() in _KNOWN_OUTLETS:
        return
    name = _strip_possessive(" ".join(name_tokens))
    title = " ".join(w for w in words[:split] if not re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?", w))
    name_start = run[len(words) - len(name_tokens)][0]
    name_end = run[-1][1]
    local_end = name_end - sentence.start
    local_start = run[0][0] - sentence.start
    before_role = _role_before(masked, local_start)
    after_role = _appositive(masked, local_end)
    role_parts = [p for p in (before_role, title) if p]
    role = " ".join(role_parts) if role_parts else None
    if after_role and (role is None or not _has_role_noun(role)):
        role = after_role if role is None else f"{role}, {after_role}"
    existing = people.find(name)
    if existing is None and len(name_tokens) > 1:
        lone = people.find(name_tokens[-1])
        if lone is not None and " " not in lone.name:
            # "Zelenskyy announces…" in the headline, "President Volodymyr Zelenskyy" below
            lone.name = name
            existing = lone
    speaks = _speech_verb_follows(masked, local_end) or _speech_verb_precedes(masked, local_start)
    if existing is None and len(name_tokens) == 1 and not (speaks and _lone_surname(article, vocab, name)):
        # A surname alone: a person already named, one the dataset quotes, or a name that
        # speaks ("Aliyev reiterated that…") and is no common word.
        return
    if existing is not None:
        if role and _has_role_noun(role) and existing.party is None:
            party, words_for_party, foreign = _party_of_role(vocab, role)
            if existing.role is None or party is not None:
                existing.role = role if existing.role is None else f"{existing.role}, {role}"
                existing.party, existing.party_words, existing.foreign = party, words_for_party, foreign
        return
    if not (role and _has_role_noun(role)) and not speaks:
        return
    if role is not None and not _has_role_noun(role):
        role = None
    party, words_for_party, foreign = _party_of_role(vocab, role) if role else (None, None, None)
    people.persons.append(Person(name, role, party, words_for_party, foreign, name_start))


@functools.lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case (computed once per article)."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][a-z'’-]*(?![\w-])", text))


def _lone_surname(article: Article, vocab: Vocabulary, name: str) -> bool:
    """Whether a single capitalised word before a speech verb is a person's surname."""
    if vocab.speaker_party(name):
        return True
    lower = name.lower()
    if lower in ROLE_NOUNS or lower in _NOT_NAMES or lower in _KNOWN_OUTLETS or vocab.party_mentions(name):
        return False
    if lower in _lower_words(article.text):
        return False  # written in lower case elsewhere: a common word ("Analysts", "Officials")
    return (
        bool(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*", name))
        and not re.search(r"(?:[^s]s|ing|ed|ly)$", name)  # "Analysts", "Rejecting", "Asked", "Separately"
    )


def _looks_demonym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ian|ean|ese|ish|i|ic|an)", word))


def _has_role_noun(text: str) -> bool:
    return any(w.lower().strip(",.") in ROLE_NOUNS for w in re.split(r"[\s’'-]+|'s|’s", text))


def _role_before(masked: str, local_start: int) -> str | None:
    """'EU special envoy Tomas Heller' or 'the Union's special envoy, Ilse Marten,' → the role words."""
    # The role is within a few words of the name; the window keeps long run-on text linear.
    window = max(0, local_start - 150)
    before = masked[window:local_start]
    boundary = r"(?:^|[,;:]\s|\bthat\s|\band\s)" if window == 0 else r"(?:[,;:]\s|\bthat\s|\band\s)"
    appositive = re.search(
        boundary + r"\s*(?P<role>[^,;:░]{3,90}?),\s*(?:Dr\.?\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?$",
        before,
    )
    if appositive and _has_role_noun(appositive.group("role")) and not _VERB.search(appositive.group("role")):
        role = appositive.group("role").strip()
        # Keep the noun phrase: from its last article, or its last six words.
        article = re.search(r"\b(?:the|a|an)\s", role, re.IGNORECASE)
        if article and _has_role_noun(role[article.end() :]):
            role = role[article.end() :]
        elif not article and len(role.split()) > 6:
            role = " ".join(role.split()[-6:])
        # else "Leader of the paramilitary Rapid Support Forces in Sudan": the noun is before "the"
        return role if _has_role_noun(role) else None
    words = before.rstrip().split(" ") if before.endswith(" ") else []
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip()
        if not bare or re.search(r"[,;:.░]$", bare):
            break
        lower = _strip_possessive(bare).lower()
        if lower in ROLE_NOUNS or lower in _ROLE_ADJECTIVES or (bare[:1].isupper() and lower not in _NOT_NAMES):
            taken.append(bare)
            continue
        if (
            lower in ("of", "for")
            and (not taken or taken[-1][:1].isupper())
            and masked[local_start : local_start + 1].isupper()
            and not _has_role_noun(" ".join(masked[local_start : local_start + 40].split()[:2]))
        ):
            # "Minister of Foreign Affairs", "Minister for Europe"
            taken.append(bare)
            continue
        break
    taken.reverse()
    text = " ".join(taken)
    return text if taken and _has_role_noun(text) else None


def _appositive(masked: str, local_end: int) -> str | None:
    """'Sergei Ryabkov, Russia's deputy foreign minister …, made' → the words between the commas."""
    after = masked[local_end : local_end + 400]
    match = re.match(
        r"\s*,\s*(?P<role>[^░;]{3,200}?)(?=,\s+(?:who|which|made|said|says|told|added|has|had|is|was|in|on|at|during|"
        r"will|would|also|spoke|rejected|warned|insisted|stressed|urged|called|announced)\b|"
        r"\s+(?:said|told|made|added)\b|(?<!\b[A-Z])[.;]\s|[.;]?$|,\s*$)",
        after,
    )
    if not match:
        return None
    role = match.group("role").strip().rstrip(",")
    if not _has_role_noun(role) or len(role.split()) > 25 or re.match(rf"(?:{SPEECH_VERBS})\b", role):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.IGNORECASE) if role.lower().startswith(("the ",)) else role


def _speech_verb_follows(masked: str, local_end: int) -> bool:
    after = masked[local_end : local_end + 80]
    return bool(
        re.match(
            rf"(?:['’]s)?\s+(?:(?:also|later|again|now|then|has|have|had|on\s+\w+day)\s+)*(?:{SPEECH_VERBS})\b", after
        )
    )


def _speech_verb_precedes(masked: str, local_start: int) -> bool:
    before = masked[max(0, local_start - 40) : local_start]
    return bool(re.search(rf"\b(?:{SPEECH_VERBS})\s+$", before))


def _party_of_role(vocab: Vocabulary, role: str | None) -> tuple[str | None, str | None, str | None]:
    """The party a role names ('Russia's deputy foreign minister' → russia), or a foreign name."""
    if not role:
        return None, None, None
    mentions = vocab.party_mentions(role)
    chosen = _leading_mention(role, mentions)
    if chosen is not None:
        return chosen.party, chosen.text, None
    for foreign in re.finditer(r"\b([A-Z][a-z]+)['’]s\b|\b([A-Z][a-z]+(?:ian|ean|ese|ish|i))\b", role):
        name = foreign.group(1) or foreign.group(2)
        if not vocab.party_mentions(name):
            return None, None, name
    return None, None, None


def _leading_mention(role: str, mentions: list[PartyMention]) -> PartyMention | None:
    """The mention that qualifies the role: possessive, a demonym or name before the role noun, 'of X'."""
    for mention in mentions:
        # strip a possessive ("Russia's deputy …"), not every leading "s" ("Kremlin spokesman")
        after = re.sub(r"^(?:['’]s?)?\s*", "", role[mention.end :]).lower()
        first_after = after.split(" ")[0] if after else ""
        if mention.possessive or first_after in ROLE_NOUNS or first_after in _ROLE_ADJECTIVES:
            return mention
        if mention.form == "name" and re.search(r"\b(?:of|for)\s+(?:the\s+)?$", role[: mention.start]):
            return mention
    return None


def _index_mentions(article: Article, people: People) -> None:
    """Every mention of every person, in one pass over the text (longest form first, so a
    surname inside a full name is not a second mention; the first person registered with
    a form owns it)."""
    owners: dict[str, Person] = {}
    bodies: list[tuple[str, str]] = []
    for person in people.persons:
        for form in (person.name, person.surname):
            if form.lower() in owners:
                continue
            owners[form.lower()] = person
            body = re.escape(form)
            particle = re.match(r"(?i:al|el|ad|bin|ibn|von|van|de|da|di|le)(?=\\?[-\s])", body)
            if particle:
                body = f"(?i:{particle.group()}){body[particle.end() :]}"
            bodies.append((form, body))
    if not bodies:
        return
    bodies.sort(key=lambda item: -len(item[0]))
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(body for _, body in bodies)})(?![\w-])")
    for match in pattern.finditer(article.text):
        owner = owners.get(match.group().lower())
        if owner is not None:
            people.mentions.append((match.start(), match.end(), owner))
    people.mentions.sort(key=lambda m: m[0])


# --- outlets ---------------------------------------------------------------------------


def normalise_outlet(name: str) -> str:
    return _KNOWN_OUTLETS.get(name.lower().strip(), name.strip())


def known_outlet_in(text: str) -> str | None:
    lowered = text.lower()
    for key in sorted(_KNOWN_OUTLETS, key=len, reverse=True):
        if len(key) <= 3 and not re.search(rf"(?<![\w-]){re.escape(key.upper())}(?![\w-])", text):
            continue
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", lowered):
            return _KNOWN_OUTLETS[key]
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
    if lower in _KNOWN_OUTLETS:
        return False
    if lower in {"reporters", "journalists", "the press", "parliament", "lawmakers", "i", "we", "he", "she"}:
        return True
    if people.find(outlet) is not None or vocab.party_mentions(outlet):
        return True
    first = outlet.split()[0].lower()
    return (first in _NOT_NAMES and first != "the") or first in _TITLE_WORDS


def title_for(article: Article, outlet: str) -> str | None:
    """The title the article gives for a piece by this outlet: 'a Tass article titled "…"'."""
    for quote in article.titles():
        if article.paragraphs[quote.paragraph].kind is ParagraphKind.HEADLINE:
            continue
        before = article.text[max(0, quote.start - 80) : quote.start]
        if _TITLED.search(before[-20:]) and outlet.lower() in before.lower():
            return article.text[quote.start : quote.end].strip()
    return None


# --- attribution -----------------------------------------------------------------------


def attribute(article: Article, sentence: Sentence, vocab: Vocabulary, people: People) -> Attribution:
    """Whose words an unquoted (or partly quoted) sentence reports, and where its content is."""
    start = sentence.start
    masked = article.masked(start, sentence.end, (QuoteKind.SPEECH, QuoteKind.TITLE))
    background = bool(BACKGROUND_WORDS.search(masked))
    according = _ACCORDING.match(masked)
    if according:
        who = according.group("who")
        person = _person_in(who, start + according.start("who"), people) if who.lower() not in _PRONOUNS else None
        if who.lower() in ("him", "her"):
            person = people.last_before(start)
        voice = Voice.SOURCES if _SOURCES.search(who) else Voice.REPORTER
        if voice is Voice.REPORTER and person is not None and who.lower() not in _PRONOUNS:
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
    matches = list(itertools.islice(_VERB.finditer(masked), _MAX_VERBS))
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
    if lower in _PRONOUNS or words[-1:] in (["he"], ["she"]):
        # "al-Burhan agreed to meet Hemedti, but he told local media…": a pronoun takes up
        # the subject of its own sentence, not the last name said
        in_sentence = people.in_span(sentence.start, subject_offset)
        person = in_sentence[0][2] if in_sentence else people.last_before(subject_offset)
        if person is None:
            official = _last_unnamed_official(article, vocab, subject_offset)
            if official is not None:
                # '"…are not negotiable," he said' after "A senior Hamas official denied…"
                return Attribution(Voice.SOURCES, party=official[0], speaker_text=official[1], verb=verb)
            return Attribution(Voice.UNNAMED, speaker_text=subject, verb=verb)
        return Attribution(Voice.INDIRECT, person=person, speaker_text=subject, verb=verb)
    if lower == "it":
        # "…,” it said: the organisation the sentence before named.
        body = _last_body_before(article, vocab, subject_offset)
        if body is not None:
            return Attribution(Voice.INSTITUTION, party=body[0], speaker_text=f"it ({body[1]})", verb=verb)
    if lower == "they":
        officials = _last_unnamed_official(article, vocab, subject_offset)
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
    body_noun = _DEFINITE_BODY.match(lower)
    if body_noun and not vocab.party_mentions(subject):
        # "the ministry also called for…" (the ministry named before), "the organization
        # reiterated…" (the body named before)
        noun = body_noun.group("noun")
        body = (
            _last_body_before(article, vocab, subject_offset)
            if noun in _ANY_BODY
            else _last_with_noun(article, vocab, subject_offset, noun)
        )
        if body is not None:
            return Attribution(Voice.INSTITUTION, party=body[0], speaker_text=f"{subject} ({body[1]})", verb=verb)
    back = _back_reference(vocab, people, subject, subject_offset)
    if back is not None:
        people.refer(subject_offset, subject_offset + len(subject), back)
        return Attribution(Voice.INDIRECT, person=back, speaker_text=subject, verb=verb)
    found_named = _named_before_appositive(article, people, subject_offset)
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


_BACK_REFERENCE = re.compile(r"^(?:[Tt]he|[Tt]his)\s+(?P<qualifier>[A-Z][\w'’-]+)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z-]+)$")


def _back_reference(vocab: Vocabulary, people: People, subject: str, offset: int) -> Person | None:
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


def _last_body_before(article: Article, vocab: Vocabulary, offset: int) -> tuple[str, str] | None:
    """The party an organisation pronoun points back to: a party named (not by demonym) just before."""
    window = article.text[max(0, offset - 400) : offset]
    mentions = [m for m in vocab.party_mentions(window) if m.form == "name"]
    if not mentions:
        return None
    # the body that was itself speaking ("The Kremlin said …. It said …"), else the last named
    speaking = [m for m in mentions if re.match(rf"\s+(?:has\s+|had\s+)?(?:{SPEECH_VERBS})\b", window[m.end :])]
    last = (speaking or mentions)[-1]
    return last.party, last.text


_DEFINITE_BODY = re.compile(
    r"^(?:the|this)\s+(?:\w+\s+)?(?P<noun>ministry|organi[sz]ation|group|movement|government|presidency|office|"
    r"administration|authorities|leadership|militia|rebels|army|military)$"
)
_UNNAMED_OFFICIAL_PHRASE = re.compile(
    r"(?:\b(?:an?|the)\s+|(?<![\w’'-]\s)(?=[A-Z]))(?:(?:senior|top|high-ranking|unnamed|anonymous|former|military|security|government)\s+){0,2}"
    r"(?P<qualifier>[A-Z][\w’'-]+)\s+(?:(?:military|security|government|political|movement|group)\s+)?"
    r"(?:official|source|spokesman|spokeswoman|spokesperson|diplomat|negotiator|commander|leader)s?\b"
)


def _last_unnamed_official(article: Article, vocab: Vocabulary, offset: int) -> tuple[str, str] | None:
    """The party of "a senior Hamas official" named in the sentences just before a bare "he"."""
    window = article.text[max(0, offset - 500) : offset]
    for found in reversed(list(_UNNAMED_OFFICIAL_PHRASE.finditer(window))):
        mentions = vocab.party_mentions(found.group("qualifier"))
        if mentions:
            return mentions[0].party, found.group()
    return None


_ANY_BODY = frozenset({"organization", "organisation", "group", "movement", "militia", "rebels"})


def _last_with_noun(article: Article, vocab: Vocabulary, offset: int, noun: str) -> tuple[str, str] | None:
    """The party of the last "<party> <noun>" or "<noun> of <party>" before `offset`:
    "the ministry" after "The Azerbaijani Foreign Ministry" or "Ministry of Defence of the Kestrian Federation"."""
    window = article.text[max(0, offset - 600) : offset]
    for found in reversed(list(re.finditer(rf"\b{noun}\b", window, re.IGNORECASE))):
        around = window[max(0, found.start() - 40) : found.end() + 50]
        mentions = vocab.party_mentions(around)
        if mentions:
            return mentions[0].party, f"{mentions[0].text} {noun}"
    return None


def _named_before_appositive(article: Article, people: People, subject_offset: int) -> tuple[Person, int] | None:
    # "Anna Kovac, Marovia's foreign minister, said" and "Sami Abu Zuhri, a senior Hamas
    # official and spokesman for the organization, has said" (the subject is the part after "and")
    window = article.text[max(0, subject_offset - 120) : subject_offset]
    gap = re.search(r"\s*,\s*(?:(?:a|an|the)\s+[^,;:.]{0,80}?\s+and\s+)?$", window)
    if gap is None:
        return None
    end = subject_offset - len(gap.group())
    before = people.in_span(max(0, end - 80), end)
    return (before[-1][2], before[-1][0]) if before and before[-1][1] == end else None


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
