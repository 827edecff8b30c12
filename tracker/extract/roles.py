"""A person's role and the party it names: role words before a name or in an
appositive after it, a possessor's party ("Zelenskyy's spokesman"), a role the article
ties to a party elsewhere, or the party whose conduct the speaker announces."""

from __future__ import annotations

import bisect
import re

from tracker.extract.article import Article
from tracker.extract.speakers import (
    NOT_NAMES,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    VERB,
    People,
    Person,
    strip_possessive,
)
from tracker.extract.vocab import PartyMention, Vocabulary


def possessor_party(vocab: Vocabulary, people: People, person: Person) -> bool:
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


def party_from_commitments(article: Article, vocab: Vocabulary, people: People, person: Person) -> None:
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


def from_role_noun(phrase: str) -> str:
    """'Transcript of the briefing by the spokesperson of the Ministry' → 'spokesperson of the Ministry'."""
    words = phrase.strip().split()
    for index, word in enumerate(words):
        if word.lower().strip(",.'’s") in ROLE_NOUNS:
            start = index
            while start > 0 and words[start - 1].lower() in ROLE_ADJECTIVES:
                start -= 1
            return " ".join(words[start:])
    return phrase.strip()


def party_from_article(article: Article, mentions: list[PartyMention], person: Person, people: People) -> None:
    """A role without a country ("Defence Minister") tied to a party elsewhere ("Kestria's defence minister").

    A role never borrows another person's country: "Russian President Vladimir Putin"
    says nothing about the party of a "President Volodymyr Zelensky".
    """
    words = [w for w in re.findall(r"[A-Za-z-]+", person.role or "") if w.lower() not in ("the", "a", "an", "of", "s")]
    cores = [c for c in (words[-2:], words[:2]) if c]
    if not cores or not has_role_noun(person.role or ""):
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


def has_role_noun(text: str) -> bool:
    return any(w.lower().strip(",.") in ROLE_NOUNS for w in re.split(r"[\s’'-]+|'s|’s", text))


def role_before(masked: str, local_start: int) -> str | None:
    """'EU special envoy Tomas Heller' or 'the Union's special envoy, Ilse Marten,' → the role words."""
    # The role is within a few words of the name; the window keeps long run-on text linear.
    window = max(0, local_start - 150)
    before = masked[window:local_start]
    boundary = r"(?:^|[,;:]\s|\bthat\s|\band\s)" if window == 0 else r"(?:[,;:]\s|\bthat\s|\band\s)"
    appositive = re.search(
        boundary + r"\s*(?P<role>[^,;:░]{3,90}?),\s*(?:Dr\.?\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?$",
        before,
    )
    if appositive and has_role_noun(appositive.group("role")) and not VERB.search(appositive.group("role")):
        role = appositive.group("role").strip()
        # Keep the noun phrase: from its last article, or its last six words.
        article = re.search(r"\b(?:the|a|an)\s", role, re.IGNORECASE)
        if article and has_role_noun(role[article.end() :]):
            role = role[article.end() :]
        elif not article and len(role.split()) > 6:
            role = " ".join(role.split()[-6:])
        # else "Leader of the paramilitary Rapid Support Forces in Sudan": the noun is before "the"
        return role if has_role_noun(role) else None
    words = before.rstrip().split(" ") if before.endswith(" ") else []
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip()
        if not bare or re.search(r"[,;:.░]$", bare):
            break
        lower = strip_possessive(bare).lower()
        if lower in ROLE_NOUNS or lower in ROLE_ADJECTIVES or (bare[:1].isupper() and lower not in NOT_NAMES):
            taken.append(bare)
            continue
        if (
            lower in ("of", "for")
            and (not taken or taken[-1][:1].isupper())
            and masked[local_start : local_start + 1].isupper()
            and not has_role_noun(" ".join(masked[local_start : local_start + 40].split()[:2]))
        ):
            # "Minister of Foreign Affairs", "Minister for Europe"
            taken.append(bare)
            continue
        break
    taken.reverse()
    text = " ".join(taken)
    return text if taken and has_role_noun(text) else None


def appositive_role(masked: str, local_end: int) -> str | None:
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
    if not has_role_noun(role) or len(role.split()) > 25 or re.match(rf"(?:{SPEECH_VERBS})\b", role):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.IGNORECASE) if role.lower().startswith(("the ",)) else role


def party_of_role(vocab: Vocabulary, role: str | None) -> tuple[str | None, str | None, str | None]:
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
        if mention.possessive or first_after in ROLE_NOUNS or first_after in ROLE_ADJECTIVES:
            return mention
        if mention.form == "name" and re.search(r"\b(?:of|for)\s+(?:the\s+)?$", role[: mention.start]):
            return mention
    return None
