"""Dates in news text: the article's own date, and phrases resolved against it.

A date is only ever produced from text: a full date as printed, or a relative phrase
("on Monday", "last month", "May 28") resolved against the article's printed date.
Without a printed date, relative phrases stay unresolved; nothing is guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.core.dates import PartialDate
from tracker.extract.article import Article, ParagraphKind

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH.format(g='mon')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b")),
    (
        "dmy",
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(g='mon')},?\s+(?P<y>\d{{4}})\b"),
    ),
    ("my", re.compile(rf"\b{_MONTH.format(g='mon')},?\s+(?P<y>\d{{4}})\b")),
    ("md", re.compile(rf"\b{_MONTH.format(g='mon')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})")),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(g='mon')}(?!,?\s+\d{{4}})")),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|late\s+on\s+|early\s+on\s+)?{_WEEKDAY}\b")),
    (
        "today",
        re.compile(
            r"\b(?:earlier\s+)?(?P<word>today|tonight|this morning|this afternoon|this evening|yesterday)\b", re.I
        ),
    ),
    ("month-rel", re.compile(r"\b(?:(?P<early>earlier|late|later)\s+)?(?P<which>last|this|next)\s+month\b", re.I)),
    ("year-rel", re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this)\s+year\b", re.I)),
    ("week-rel", re.compile(r"\b(?:earlier|late|later)?\s*(?:last|this)\s+week(?:end)?\b", re.I)),
    ("in-month", re.compile(rf"\b(?:in|since|during|early|late)\s+{_MONTH.format(g='mon')}(?!\s+\d)", re.I)),
)

_PUBLISHED = re.compile(r"^(?:published|updated|posted|first published|last updated|date)\b[:\s]*(?P<rest>.+)$", re.I)


@dataclass(frozen=True)
class TimePhrase:
    """A phrase naming a time, and what it resolves to (None when it cannot be)."""

    phrase: str
    start: int
    value: PartialDate | None
    printed: bool  # a full date as printed, not worked out
    reason: str = ""  # why it did not resolve


@dataclass(frozen=True)
class ArticleDate:
    value: date
    phrase: str  # the text it was read from


def _full_date(match: re.Match[str], kind: str) -> PartialDate | None:
    try:
        year = int(match.group("y"))
        if kind == "iso":
            return PartialDate(year, int(match.group("m")), int(match.group("d")))
        month = _MONTHS[match.group("mon").lower().rstrip(".")]
        if kind == "my":
            return PartialDate(year, month)
        return PartialDate(year, month, int(match.group("d")))
    except (ValueError, KeyError):
        return None


def article_date(article: Article) -> ArticleDate | None:
    """The article's own date: a "Published" line, the dateline, or a date line in the header."""
    for line in article.header_lines():
        published = _PUBLISHED.match(line)
        if published:
            found = _first_full_date(published.group("rest"))
            if found:
                return ArticleDate(found, line)
    if article.dateline and article.dateline.date_text:
        found = _first_full_date(article.dateline.date_text)
        if found:
            return ArticleDate(found, article.dateline.text)
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.HEADER:
            continue
        line = article.text[paragraph.start : paragraph.end]
        if len(line.split()) <= 8:
            found = _first_full_date(line)
            if found:
                return ArticleDate(found, line)
    return None


def _first_full_date(text: str) -> date | None:
    for kind, pattern in _PATTERNS[:3]:
        match = pattern.search(text)
        if match:
            value = _full_date(match, kind)
            if value is not None and value.day is not None:
                return value.start
    return None


def time_phrases(text: str, anchor: date | None) -> list[TimePhrase]:
    """Time phrases in `text`, in order, each resolved against the article date when possible."""
    found: list[TimePhrase] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            taken.append(span)
            found.append(_resolve(kind, match, anchor))
    return sorted(found, key=lambda p: p.start)


def _resolve(kind: str, match: re.Match[str], anchor: date | None) -> TimePhrase:
    phrase = match.group().strip()
    start = match.start()
    if kind in ("iso", "mdy", "dmy", "my"):
        return TimePhrase(phrase, start, _full_date(match, kind), printed=True)
    if anchor is None:
        return TimePhrase(phrase, start, None, printed=False, reason="the article has no date to resolve it against")
    if kind in ("md", "dm", "in-month"):
        month = _MONTHS.get(match.group("mon").lower().rstrip("."))
        if month is None:
            return TimePhrase(phrase, start, None, False, "not a month")
        year = anchor.year if month <= anchor.month else anchor.year - 1
        if kind == "in-month":
            return TimePhrase(phrase, start, PartialDate(year, month), printed=False)
        try:
            value = PartialDate(year, month, int(match.group("d")))
        except ValueError:
            return TimePhrase(phrase, start, None, False, "no such day")
        if value.start > anchor:
            value = PartialDate(year - 1, month, value.day)
        return TimePhrase(phrase, start, value, printed=False)
    if kind == "weekday":
        weekday = _WEEKDAYS[match.group("weekday").lower()]
        back = (anchor.weekday() - weekday) % 7
        if phrase.lower().startswith("last") and back == 0:
            back = 7
        return TimePhrase(phrase, start, PartialDate.of(anchor - timedelta(days=back)), printed=False)
    if kind == "today":
        word = match.group("word").lower()
        day = anchor - timedelta(days=1) if word == "yesterday" else anchor
        return TimePhrase(phrase, start, PartialDate.of(day), printed=False)
    if kind == "month-rel":
        which = match.group("which").lower()
        if which == "next":
            return TimePhrase(phrase, start, None, False, "a future time")
        month, year = anchor.month, anchor.year
        if which == "last":
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        return TimePhrase(phrase, start, PartialDate(year, month), printed=False)
    if kind == "year-rel":
        year = anchor.year - 1 if match.group("which").lower() == "last" else anchor.year
        return TimePhrase(phrase, start, PartialDate(year), printed=False)
    return TimePhrase(phrase, start, None, printed=False, reason="a week cannot be written as a date")
