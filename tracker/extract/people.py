"""The people an article names: capitalised runs split into title and name, transcript
speakers, lone surnames that speak, and every later mention of each person."""

from __future__ import annotations

import functools
import re

from tracker.extract.article import SPEAKER_LABEL, Article, ParagraphKind, QuoteKind, Sentence
from tracker.extract.outlets import KNOWN_OUTLETS
from tracker.extract.roles import (
    appositive_role,
    from_role_noun,
    has_role_noun,
    party_from_article,
    party_from_commitments,
    party_of_role,
    possessor_party,
    role_before,
)
from tracker.extract.speakers import NOT_NAMES, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS, People, Person, strip_possessive
from tracker.extract.vocab import Vocabulary

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
        if person.party is None and person.role and possessor_party(vocab, people, person):
            person.foreign = None  # "Putin's spokesperson": a person's name, not a country
            continue
        if person.party is None and person.foreign is None:
            known = vocab.speaker_party(person.name)
            if known is not None:
                # The dataset already quotes this person for a party: the strongest evidence.
                person.party, person.party_words = known[0], f"{known[1]}, a speaker of this party in the dataset"
            elif person.role:
                party_from_article(article, mentions, person, people)
            if person.party is None:
                party_from_commitments(article, vocab, people, person)
    return people


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
        if described and has_role_noun(described.group("role")):
            role = from_role_noun(described.group("role"))
        party, words, foreign = party_of_role(vocab, role)
        people.persons.append(Person(name, role, party, words, foreign, paragraph.start))


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
        lower = strip_possessive(words[split]).lower()
        follows_title = split + 1 < len(words) and words[split + 1].lower() in TITLE_WORDS
        if lower in TITLE_WORDS or lower in party_words or (_looks_demonym(words[split]) and follows_title):
            split += 1
            continue
        break
    name_tokens = words[split:]
    while name_tokens and name_tokens[0].lower() in NOT_NAMES:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return
    if any(
        t.lower() in NOT_NAMES or strip_possessive(t).lower() in party_words or (t.isupper() and len(t) > 1)
        for t in name_tokens
    ):
        return
    if " ".join(name_tokens).lower() in KNOWN_OUTLETS:
        return
    name = strip_possessive(" ".join(name_tokens))
    title = " ".join(w for w in words[:split] if not re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?", w))
    name_start = run[len(words) - len(name_tokens)][0]
    name_end = run[-1][1]
    local_end = name_end - sentence.start
    local_start = run[0][0] - sentence.start
    before_role = role_before(masked, local_start)
    after_role = appositive_role(masked, local_end)
    role_parts = [p for p in (before_role, title) if p]
    role = " ".join(role_parts) if role_parts else None
    if after_role and (role is None or not has_role_noun(role)):
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
        if role and has_role_noun(role) and existing.party is None:
            party, words_for_party, foreign = party_of_role(vocab, role)
            if existing.role is None or party is not None:
                existing.role = role if existing.role is None else f"{existing.role}, {role}"
                existing.party, existing.party_words, existing.foreign = party, words_for_party, foreign
        return
    if not (role and has_role_noun(role)) and not speaks:
        return
    if role is not None and not has_role_noun(role):
        role = None
    party, words_for_party, foreign = party_of_role(vocab, role) if role else (None, None, None)
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
    if lower in ROLE_NOUNS or lower in NOT_NAMES or lower in KNOWN_OUTLETS or vocab.party_mentions(name):
        return False
    if lower in _lower_words(article.text):
        return False  # written in lower case elsewhere: a common word ("Analysts", "Officials")
    return (
        bool(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*", name))
        and not re.search(r"(?:[^s]s|ing|ed|ly)$", name)  # "Analysts", "Rejecting", "Asked", "Separately"
    )


def _looks_demonym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ian|ean|ese|ish|i|ic|an)", word))


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
