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

from tracker.core.dates import PartialDate
from tracker.extract.article import Article, parse
from tracker.extract.draft import NO_PARTY, OTHER_CONFLICT, Draft, SetAside
from tracker.extract.grouping import fold_paraphrases, merge_passages, passage_issues
from tracker.extract.outlets import known_outlet_in, normalise_outlet
from tracker.extract.people import find_people
from tracker.extract.quotes import find_interviewee, quote_attributions
from tracker.extract.sentence import OBSERVER, sentence_units
from tracker.extract.statements import build_statements, name_conditions
from tracker.extract.units import Official, Unit, party_name
from tracker.extract.vocab import Vocabulary
from tracker.extract.when import article_date

URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
_OFFICIAL = re.compile(
    r"\b(?:read-?out|press\s+release|news\s+release|communiqu[eé]|official\s+statement|statement\s+(?:by|of|from)|"
    r"transcript|declaration)\b",
    re.IGNORECASE,
)
_INSTITUTION_NAME = re.compile(
    r"\b(?:(?:Presidential\s+)?(?:Ministry|Office|Presidency|Government|Administration|Kremlin|Chancellery|Council|"
    r"Commission|Department|Embassy|Mission|Secretariat|Cabinet))\b[^,;:\n]*",
)
_OPINION = re.compile(
    r"\b(?:opinion|op-ed|commentary|comment|column|editorial|views\s+expressed|analysis)\b", re.IGNORECASE
)
_SPEECH_EVENT = re.compile(
    r"['’]s\b|\b(?:address|speech|interview|statement|briefing|conference|meeting|during|remarks|post|"
    r"telegram|facebook|video|told|said|comments?)\b",
    re.IGNORECASE,
)


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
    draft.publisher = official.issuer if official else article_publisher(article)
    urls = URL.findall(article.text)
    draft.url = urls[0] if urls else None
    interviewee = find_interviewee(article, people)
    by_quote = quote_attributions(article, vocab, people, interviewee)

    units: list[Unit] = []
    for sentence in article.sentences:
        units.extend(sentence_units(article, sentence, vocab, people, by_quote, official, draft))

    on_topic = _mentions_conflict(article, vocab)
    if not on_topic and units:
        for unit in units:
            draft.set_aside.append(SetAside(OTHER_CONFLICT, unit.sentence.text, party_name(vocab, unit.party)))
        names = ", ".join(party_name(vocab, p) for p in vocab.conflict_parties)
        draft.messages.append(
            f"the article names none of the parties of {vocab.conflict_title or 'the dataset'} ({names}); "
            "it looks like another conflict, so nothing was extracted"
        )
        units = []
    elif not on_topic:
        names = ", ".join(party_name(vocab, p) for p in vocab.conflict_parties)
        draft.messages.append(
            f"the article names none of the parties of {vocab.conflict_title or 'the dataset'} ({names})"
        )

    passage_issues(article, vocab, units)
    units = fold_paraphrases(units, draft)
    merged = merge_passages(article, units)
    draft.statements = build_statements(article, vocab, people, merged, anchor, draft, official)
    name_conditions(vocab, draft)
    # Speakers of other parties, or of no party the article names, are never dropped
    # silently: their sentences are listed in the draft and each is named on stderr.
    for detail in dict.fromkeys(s.detail for s in draft.set_aside if s.category == NO_PARTY):
        if detail.startswith("foreign: "):
            name = detail.removeprefix("foreign: ")
            draft.messages.append(f"unknown party: {name} is not a party in the dataset; its words were left out")
        elif not OBSERVER.search(detail):
            # an official whose side the article does not say (an analyst speaks for no one)
            draft.messages.append(
                f"no party: the article does not tie {detail} to a party of the dataset; "
                "their words are listed in the draft, not extracted (list the person under a party's "
                "`speakers` to extract them)"
            )
    if not draft.statements:
        draft.messages.append("no candidate statements found in the article")
    return draft


# --- the article as a whole ------------------------------------------------------------


def _official(article: Article, vocab: Vocabulary) -> Official | None:
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
                return Official(name, mentions[0].party)
    return None


def article_publisher(article: Article) -> str | None:
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


__all__ = ["extract_draft"]
