"""What extraction knows about a dataset: party names and issue vocabulary.

Built once from the dataset (`Vocabulary.from_dataset`) or from plain models in tests.
Nothing here reads files or prints.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from tracker.core.dataset import Dataset
from tracker.core.model import Conflict, Issue, Party, PartyKind
from tracker.extract.words import STOPWORDS, content_stems, stem

# Demonyms that no suffix rule produces. Only used when the dataset has the state.
_IRREGULAR_DEMONYMS = {
    "china": ("Chinese",),
    "turkey": ("Turkish",),
    "türkiye": ("Turkish",),
    "united states": ("American",),
    "united states of america": ("American",),
    "united kingdom": ("British",),
    "britain": ("British",),
    "france": ("French",),
    "germany": ("German",),
    "poland": ("Polish",),
    "japan": ("Japanese",),
    "israel": ("Israeli",),
    "pakistan": ("Pakistani",),
    "iraq": ("Iraqi",),
    "qatar": ("Qatari",),
    "saudi arabia": ("Saudi",),
    "netherlands": ("Dutch",),
    "switzerland": ("Swiss",),
    "sweden": ("Swedish",),
    "finland": ("Finnish",),
    "denmark": ("Danish",),
    "spain": ("Spanish",),
    "ireland": ("Irish",),
    "belarus": ("Belarusian",),
    "vatican": ("Vatican",),
    "lebanon": ("Lebanese",),
    "yemen": ("Yemeni",),
    "iran": ("Iranian",),
    "afghanistan": ("Afghan",),
    "somalia": ("Somali",),
    "thailand": ("Thai",),
    "myanmar": ("Burmese", "Myanmar"),
    "burma": ("Burmese",),
    "bangladesh": ("Bangladeshi",),
    "vietnam": ("Vietnamese",),
    "philippines": ("Philippine", "Filipino"),
    "taiwan": ("Taiwanese",),
    "nepal": ("Nepali", "Nepalese"),
    "egypt": ("Egyptian",),
    "jordan": ("Jordanian",),
    "oman": ("Omani",),
    "kuwait": ("Kuwaiti",),
    "bahrain": ("Bahraini",),
    "greece": ("Greek",),
    "cyprus": ("Cypriot",),
    "portugal": ("Portuguese",),
    "italy": ("Italian",),
    "norway": ("Norwegian",),
    "belgium": ("Belgian",),
    "hungary": ("Hungarian",),
    "czechia": ("Czech",),
    "czech republic": ("Czech",),
    "kazakhstan": ("Kazakh",),
    "uzbekistan": ("Uzbek",),
    "tajikistan": ("Tajik",),
    "kyrgyzstan": ("Kyrgyz",),
    "turkmenistan": ("Turkmen",),
    "mali": ("Malian",),
    "niger": ("Nigerien",),
    "chad": ("Chadian",),
    "burundi": ("Burundian",),
    "mexico": ("Mexican",),
    "peru": ("Peruvian",),
    "chile": ("Chilean",),
    "brazil": ("Brazilian",),
    "argentina": ("Argentine", "Argentinian"),
    "canada": ("Canadian",),
    "iceland": ("Icelandic",),
    "new zealand": ("New Zealand",),
    "sri lanka": ("Sri Lankan",),
    "south sudan": ("South Sudanese",),
    "north korea": ("North Korean",),
    "south korea": ("South Korean",),
}


# "Lebanese government", "Yemeni authorities": the adjective names the state's people
_DEMONYM_BODY = re.compile(
    r"^([A-Z][a-z]+(?:ian|ean|ese|ish|i|ic|an))\s+(?:government|state|authorities|army|armed\s+forces|military)$"
)


def demonyms_of(name: str) -> tuple[str, ...]:
    """The adjective for a state's people: Russia → Russian, Ukraine → Ukrainian."""
    known = _IRREGULAR_DEMONYMS.get(name.lower())
    if known is not None:
        return known
    if " " in name or not name[:1].isupper():
        return ()
    if name.endswith("ia"):
        return (name + "n",)
    if name.endswith("ine"):
        return (name[:-1] + "ian",)
    if name.endswith("a"):
        return (name + "n",)
    if name.endswith("e"):
        return (name[:-1] + "ian",)
    if name.endswith("o"):
        return (name + "lese", name + "an")  # Congolese, Kosovan
    if name[-1] not in "aeiouy":
        # Azerbaijani, Israeli, Sudanese, Pakistani: which one a language uses is not
        # derivable, and a form nobody writes is never found, so offer them all.
        return (name + "ian", name + "i", name + "ese")
    return ()


@dataclass(frozen=True)
class PartyTerms:
    id: str
    name: str
    kind: str
    names: tuple[str, ...]  # the name and every alias
    demonyms: tuple[str, ...]
    prefix: str  # condition-id prefix, e.g. "ru" for russia when the dataset uses it


@dataclass(frozen=True)
class LevelTerms:
    id: str
    title: str
    stems: Mapping[str, str]  # stem → the title's word, for level matching


@dataclass(frozen=True)
class IssueTerms:
    id: str
    title: str
    weights: Mapping[str, float]  # stem → weight in matching
    ladder: tuple[LevelTerms, ...] = ()
    compound: frozenset[str] = frozenset()  # the stems of a multi-word id
    description: str = ""  # the dataset's words for the issue, for the model mode's prompt

    @cached_property
    def by_prefix(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """Stems of five letters or more by their first five, for prefix matching."""
        index: dict[str, list[tuple[str, float]]] = {}
        for key, weight in self.weights.items():
            if len(key) >= 5:
                index.setdefault(key[:5], []).append((key, weight))
        return {prefix: tuple(items) for prefix, items in index.items()}


@dataclass(frozen=True)
class KnownCondition:
    """A condition already in the dataset, to hint at restatements."""

    party: str
    id: str
    issue: str
    level: str | None
    date: str


@dataclass(frozen=True)
class PartyMention:
    start: int
    end: int
    party: str
    form: str  # "name" (name or alias) or "demonym"
    text: str
    possessive: bool


@dataclass(frozen=True)
class Vocabulary:
    parties: tuple[PartyTerms, ...]
    issues: tuple[IssueTerms, ...]
    conflict_title: str | None = None
    conflict_parties: tuple[str, ...] = ()
    known_conditions: tuple[KnownCondition, ...] = ()
    # People the dataset already quotes, by `speaker_key` of their surname: who speaks for whom.
    known_speakers: Mapping[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    # Stems of party names and demonyms: they say who, not what, so issue matching skips them.
    party_stems: frozenset[str] = field(default=frozenset(), repr=False)

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Vocabulary:
        # Joint texts are left out: their condition ids carry a joint prefix.
        known = tuple(
            KnownCondition(
                placed.parties[0], condition.id, condition.issue, condition.level, str(placed.statement.date)
            )
            for placed in dataset.statements
            if len(placed.parties) == 1
            for condition in placed.statement.conditions
        )
        speakers: dict[str, set[tuple[str, str]]] = {}
        for placed in dataset.statements:
            speaker = placed.statement.speaker
            if len(placed.parties) != 1 or speaker is None:
                continue
            for name in re.split(r"\s+and\s+|\s*,\s*", speaker.name):
                if _looks_personal(name):
                    speakers.setdefault(speaker_key(name.split()[-1]), set()).add((placed.parties[0], name.strip()))
        # and the people each party lists as speaking for it
        for party in dataset.parties:
            for name in party.speakers:
                # a body listed by mistake ("Foreign Ministry") is no person to match by surname
                if name.split() and not _NOT_PERSONAL.search(name):
                    speakers.setdefault(speaker_key(name.split()[-1]), set()).add((party.id, name.strip()))
        # A surname two parties' speakers share says nothing about the party.
        unique = {
            key: (next(iter(owners))[0], sorted(n for _, n in owners)[0])
            for key, owners in speakers.items()
            if len({party for party, _ in owners}) == 1
        }
        return cls.build(dataset.parties, dataset.issues, dataset.conflict, known, unique)

    @classmethod
    def build(
        cls,
        parties: Iterable[Party],
        issues: Iterable[Issue],
        conflict: Conflict | None = None,
        known_conditions: Iterable[KnownCondition] = (),
        known_speakers: Mapping[str, tuple[str, str]] | None = None,
    ) -> Vocabulary:
        known = tuple(known_conditions)
        party_terms = tuple(_party_terms(party, known) for party in parties)
        issue_list = list(issues)
        issue_ids = frozenset(stem(part) for issue in issue_list for part in issue.id.split("-"))
        party_stems = (
            frozenset(
                stem(word) for terms in party_terms for name in (*terms.names, *terms.demonyms) for word in name.split()
            )
            - issue_ids
        )
        # How many issues use each stem, counted once for all issues (not once per issue).
        frequency = Counter(key for issue in issue_list for key in _all_stems(issue, party_stems))
        conflict_parties: tuple[str, ...] = ()
        if conflict is not None:
            text = f"{conflict.id.replace('-', ' ')} {conflict.title}"
            conflict_parties = tuple(dict.fromkeys(m.party for m in find_party_mentions(party_terms, text)))
        return cls(
            parties=party_terms,
            issues=tuple(_issue_terms(issue, len(issue_list), frequency, party_stems) for issue in issue_list),
            conflict_title=conflict.title if conflict else None,
            conflict_parties=conflict_parties,
            known_conditions=known,
            known_speakers=dict(known_speakers or {}),
            party_stems=party_stems,
        )

    def party(self, party_id: str) -> PartyTerms | None:
        for terms in self.parties:
            if terms.id == party_id:
                return terms
        return None

    def issue(self, issue_id: str) -> IssueTerms | None:
        for terms in self.issues:
            if terms.id == issue_id:
                return terms
        return None

    def speaker_party(self, name: str) -> tuple[str, str] | None:
        """The party and dataset name of a person the dataset quotes, by surname: "Zelenskyy" → ukraine;
        failing that, by the surname's consonants when only one known speaker has them
        ("Hamedti" = "Hemedti")."""
        words = name.split()
        if not words:
            return None
        found = self.known_speakers.get(speaker_key(words[-1]))
        if found is not None:
            return found
        return self._by_consonants.get(_consonants(speaker_key(words[-1])))

    @cached_property
    def _by_consonants(self) -> dict[str, tuple[str, str]]:
        owners: dict[str, set[tuple[str, str]]] = {}
        for key, owner in self.known_speakers.items():
            skeleton = _consonants(key)
            if len(skeleton) >= 4:
                owners.setdefault(skeleton, set()).add(owner)
        return {skeleton: next(iter(found)) for skeleton, found in owners.items() if len(found) == 1}

    def party_mentions(self, text: str) -> list[PartyMention]:
        return find_party_mentions(self.parties, text)


_NOT_PERSONAL = re.compile(
    r"\b(?:ministry|delegation|council|office|government|sources|administration|kremlin|committee|spokes\w*|"
    r"unnamed|leaders?|team|side|services?|press)\b",
    re.IGNORECASE,
)


def _looks_personal(name: str) -> bool:
    """A person's name ("Volodymyr Zelensky"), not a body ("Russian delegation")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _NOT_PERSONAL.search(name)


def speaker_key(surname: str) -> str:
    """A surname folded over transliteration variants: Zelensky, Zelenskyy, Zelenskiy → zelensky;
    Pashinyan, Pashinian → pashinian."""
    key = re.sub(r"['’]s$", "", surname).lower().strip(".,")
    key = re.sub(r"^(?:al|el)-", "", key)
    key = re.sub(r"(?:iy|yy|yi|ij)$", "y", key)
    key = re.sub(r"yan$", "ian", key)  # Pashinyan = Pashinian
    # Arabic "Abd al-": Abdulsalam = Abdussalam = Abd al-Salam
    key = re.sub(r"^abd(?:ul|al|el|u(?=([srntdz])\1))[-\s]?", "abd", key)
    key = re.sub(r"^abd([srntdz])\1", r"abd\1", key)
    return key


def _consonants(key: str) -> str:
    return re.sub(r"[aeiouy'’-]", "", key)


def find_party_mentions(parties: tuple[PartyTerms, ...], text: str) -> list[PartyMention]:
    """Every party name, alias or demonym in `text`, longest match first, without overlaps."""
    pattern, owners = _matcher(parties)
    found: list[PartyMention] = []
    for match in pattern.finditer(text):
        surface, party, form = owners[match.lastgroup or ""]
        start, end = match.span()
        after = text[end : end + 2]
        possessive = after in ("'s", "’s") or (after[:1] in "'’" and surface.endswith("s"))
        found.append(PartyMention(start, end, party, form, match.group(), possessive))
    return found


@functools.lru_cache(maxsize=8)
def _matcher(parties: tuple[PartyTerms, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """One pattern for every surface, longest first, so the longest name wins at each place."""
    alternatives: list[str] = []
    owners: dict[str, tuple[str, str, str]] = {}
    for index, (surface, party, form) in enumerate(_surfaces(parties)):
        group = f"s{index}"
        owners[group] = (surface, party, form)
        body = re.escape(surface)
        if not _case_sensitive(surface):
            body = f"(?i:{body})"
        alternatives.append(f"(?P<{group}>{body})")
    if not alternatives:
        return re.compile(r"(?!)"), owners
    return re.compile(rf"(?<![\w.-])(?:{'|'.join(alternatives)})(?![\w-])"), owners


def _surfaces(parties: tuple[PartyTerms, ...]) -> list[tuple[str, str, str]]:
    items = [(name, terms.id, "name") for terms in parties for name in terms.names]
    items += [(demonym, terms.id, "demonym") for terms in parties for demonym in terms.demonyms]
    return sorted(items, key=lambda item: -len(item[0]))


def _case_sensitive(surface: str) -> bool:
    # Acronyms (US, EU, RF) must keep their case, or "us" would be the United States.
    letters = [c for c in surface if c.isalpha()]
    return len(letters) <= 4 or all(c.isupper() for c in letters) or surface[:1].isupper()


def _party_terms(party: Party, known: tuple[KnownCondition, ...]) -> PartyTerms:
    names = tuple(dict.fromkeys([party.name, *party.aliases]))
    demonyms: tuple[str, ...] = ()
    if party.kind is PartyKind.STATE:
        # The name's and every one-word alias's ("Sudan" for the Sudanese Armed Forces),
        # the country a name ends with ("Internationally recognised government of Yemen"),
        # and the adjective of a name or alias such as "Lebanese government".
        sources = [n for n in names if " " not in n and not n.isupper()]
        sources += [m.group(1) for n in names if (m := re.search(r"\bof\s+(?:the\s+)?([A-Z][\w-]+)$", n))]
        derived = [d for source in dict.fromkeys([party.name, *sources]) for d in demonyms_of(source)]
        derived += [m.group(1) for n in names if (m := _DEMONYM_BODY.match(n))]
        demonyms = tuple(d for d in dict.fromkeys(derived) if d not in names)
    prefixes = Counter(c.id.split("-")[0] for c in known if c.party == party.id and "-" in c.id)
    prefix = prefixes.most_common(1)[0][0] if prefixes else party.id
    return PartyTerms(party.id, party.name, party.kind.value, names, demonyms, prefix)


def _issue_terms(issue: Issue, total: int, frequency: Counter[str], party_stems: frozenset[str]) -> IssueTerms:
    """Weighted stems: the id counts most, then the title, ladder titles, descriptions.

    Each weight is scaled by how specific the stem is to this issue (an IDF over the
    dataset's issues), so "forces", which every security issue mentions, counts less
    than "enlargement".
    """
    raw: dict[str, float] = {}

    def add(text: str | None, weight: float) -> None:
        if not text:
            return
        for key in content_stems(text, party_stems):
            raw[key] = max(raw.get(key, 0.0), weight)

    # A two-word id names a compound: "frozen" alone (a frozen conflict) or "troops" alone
    # (Ukrainian troops) says little about frozen assets or foreign troops, so each part
    # alone weighs as a title word; `compound` lets matching restore the id's weight when
    # the parts occur together.
    id_stems = _id_stems(issue)
    add(issue.id.replace("-", " "), 3.0 if len(id_stems) < 2 else 2.0)
    add(issue.title, 2.0)
    for level in issue.ladder:
        add(level.title, 1.5)
    add(issue.description, 1.0)
    for level in issue.ladder:
        add(level.description, 0.5)
    weights = {key: value * _specificity(frequency[key], total) for key, value in raw.items()}
    ladder = tuple(
        LevelTerms(level.id, level.title, content_stems(level.title, party_stems | _id_stems(issue)))
        for level in issue.ladder
    )
    compound = id_stems if len(id_stems) >= 2 else frozenset()
    return IssueTerms(issue.id, issue.title, weights, ladder, compound, " ".join((issue.description or "").split()))


def _id_stems(issue: Issue) -> frozenset[str]:
    return frozenset(stem(part) for part in issue.id.split("-") if part not in STOPWORDS)


def _all_stems(issue: Issue, party_stems: frozenset[str]) -> set[str]:
    texts = [issue.id.replace("-", " "), issue.title, issue.description or ""]
    texts += [f"{level.title} {level.description or ''}" for level in issue.ladder]
    return {key for text in texts for key in content_stems(text, party_stems)}


def _specificity(count: int, total: int) -> float:
    if total <= 1 or count <= 1:
        return 1.0
    return max(0.25, math.log(1 + total / count) / math.log(1 + total))
