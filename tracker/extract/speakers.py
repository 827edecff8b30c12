"""Who says what: the words and records the speaker rules share.

The rules follow news-writing conventions: a named official with a role ("Sergei
Ryabkov, Russia's deputy foreign minister"), a speech verb with its subject ("Kovac
said", "said Pieter Holm"), pronouns and "the minister" referring back, unnamed
sourcing ("three Russian sources familiar with"), and the reporter's own voice
(verbs such as "suggests" or "indicates", "according to him", an unnamed subject).

This module holds their vocabulary (role nouns, title words, speech verbs) and records
(`Voice`, `Person`, `Venue`, `Attribution`, `People`); the rules are in `people` (who
the article names), `roles` (the party a role names), `outlets` (venues), `attribution`
(whose words a sentence reports), `references` (words that point back to a speaker)
and `quotes` (who speaks each quotation).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

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
TITLE_WORDS = frozenset(
    """
    president vice prime minister foreign defence defense deputy interior finance justice economy secretary general
    secretary-general chancellor spokesman spokeswoman spokesperson ambassador envoy special chief commander colonel
    col col. gen gen. lt lt. admiral adm adm. senator governor mayor king queen prince sheikh emir sultan dr dr. mr mr.
    mrs mrs. ms ms. prof prof. sir lord head chairman chairwoman chair state top senior former acting first
    affairs information communication communications army armed forces military
    """.split()
)
ROLE_ADJECTIVES = frozenset(
    "special deputy senior chief top former acting foreign defence defense interior prime vice state general "
    "first presidential principal lead permanent military political rebel paramilitary armed national supreme".split()
)
NOT_NAMES = frozenset(
    """
    the a an in on at but and or meanwhile however previously last since according q this that these those it
    he she they we i his her their our its monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december read more north south east
    west western eastern northern southern central new old top official officials minister
    """.split()
)
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


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
VERB = re.compile(rf"\b(?:(?P<speech>{SPEECH_VERBS})|(?P<interp>{INTERPRETIVE_VERBS}))\b")


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
        name = strip_possessive(name).lower()
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


def strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip())
