"""Merged units into candidate statements: one per speaker and source, with the
statement's sources, date and conditions, and ids suggested for the conditions."""

from __future__ import annotations

import re
from datetime import date

from tracker.core.dates import PartialDate
from tracker.extract.article import Article, ParagraphKind, QuoteKind
from tracker.extract.cues import kind_of, stage_of
from tracker.extract.draft import CandidateCondition, CandidateStatement, Draft, SourceDraft
from tracker.extract.outlets import find_venue, title_for
from tracker.extract.speakers import People, Venue, Voice
from tracker.extract.units import Official, Unit, tidy
from tracker.extract.vocab import KnownCondition, Vocabulary
from tracker.extract.when import TimePhrase, time_phrases
from tracker.extract.words import content_stems, slug_words

_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|ninety|hundred|thousand)(?:\s+(?:hundred|thousand|million))?\s*(?:%|per\s*cent|percent|km|kilometres|"
    r"kilometers|miles|days|weeks|months|years|troops|soldiers|men|personnel|tanks|aircraft|prisoners|people)\b",
    re.IGNORECASE,
)


_TEXT_LIMIT = 240
_QUOTE_LIMIT = 600


def build_statements(
    article: Article,
    vocab: Vocabulary,
    people: People,
    units: list[Unit],
    when: date | None,
    draft: Draft,
    official: Official | None,
) -> list[CandidateStatement]:
    groups: dict[tuple[str, ...], list[Unit]] = {}
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
            speaker_name: str | None = tidy(first.attribution.speaker_text)
            outlet = source.publisher or "the article"
            speaker_role: str | None = f"unnamed; as reported by {outlet}"
        elif person is not None:
            speaker_name, speaker_role = person.name, person.role
        else:
            speaker_name, speaker_role = tidy(first.attribution.speaker_text), None
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


def _venue_for(article: Article, vocab: Vocabulary, people: People, members: list[Unit]) -> Venue | None:
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
    article: Article, draft: Draft, venue: Venue | None, official: Official | None, when: date | None
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
    members: list[Unit],
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


def _conditions(vocab: Vocabulary, members: list[Unit]) -> list[CandidateCondition]:
    conditions: list[CandidateCondition] = []
    # each condition's evidence words, kept as evidence is added (not recounted per candidate)
    stems: dict[int, set[str]] = {}
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
        words = set(content_stems(" ".join(evidence), vocab.party_stems))
        twin = _same_demand(candidate, words, conditions, stems)
        if twin is not None:
            twin.evidence.extend(e for e in evidence if e not in twin.evidence)
            stems[id(twin)] |= words
            twin.cues.extend(label for label in labels if label not in twin.cues)
            if twin.quote is None and candidate.quote is not None:
                twin.quote, twin.direct, twin.text = candidate.quote, True, candidate.text
            if twin.issue.level is None and candidate.issue.level is not None:
                twin.issue = candidate.issue
            continue
        conditions.append(candidate)
        stems[id(candidate)] = words
    return conditions


def _same_demand(
    candidate: CandidateCondition, words: set[str], existing: list[CandidateCondition], stems: dict[int, set[str]]
) -> CandidateCondition | None:
    """One demand said twice (a lede and its quotation): same issue, kind, stage, level and wording."""
    for other in existing:
        if other.kind != candidate.kind:
            continue
        if other.issue.issue != candidate.issue.issue and set(other.evidence) & set(candidate.evidence):
            continue  # one sentence with conditions on two issues: two conditions
        if other.issue.issue != candidate.issue.issue:
            # the lede and the body word one refusal differently ("a deal with Moscow that
            # would allow Russian troops to remain" / "a ceasefire deal that would allow
            # Russian forces to remain"), and the wording leads to two issues
            theirs = stems[id(other)]
            if len(words & theirs) >= max(4, 0.5 * min(len(words), len(theirs))):
                return other
            continue
        if other.issue.level and candidate.issue.level and other.issue.level != candidate.issue.level:
            continue
        shared = words & stems[id(other)]
        if len(shared) >= 2:
            return other
    return None


def _trim(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut} …"


def name_conditions(vocab: Vocabulary, draft: Draft) -> None:
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
