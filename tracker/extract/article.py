"""An article as structure: header, paragraphs, sentences and quotations.

All offsets point into `Article.text`, the article with its whitespace tidied and its
page furniture ("Get link", "Comments") removed, so every snippet taken from it is
the article's own wording.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", "…", ":")
# A list item's marker: a dash or bullet, or "1." / "(2)"; `listed` reads the items.
LIST_MARKER = r"\s*(?:[-•*–—▪●]|\(?\d{1,2}[.)])\s+"
_LIST_ITEM = re.compile(LIST_MARKER + r"\S")
_FURNITURE = re.compile(
    r"^(?:[-•*]\s*)?(?:share|get link|comments?|post a comment|advertisement|read more|subscribe|sign up|"
    r"follow us|other apps|x|facebook|twitter|email|print|related|more on this story|"
    r"\d+ comments?|newsletter)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|from|written by|reporting by|editing by)\s+\S", re.IGNORECASE)
_META = re.compile(
    r"^(?:published|updated|posted|first published|last updated|date|source|photo|image|credit|"
    r"copyright|©)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^(?:Q|Question|Interviewer)(?:\s*\([^)]{1,60}\))?\s*[:.)]\s+")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.)]\s+")
# A transcript's speaker label: "Dana Pell: …" (two to four capitalised words, then a colon).
SPEAKER_LABEL = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*:\s+(?=\S)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sgt capt cmdr adm gov sen rep st no nos jan feb mar apr jun jul aug sep sept "
    "oct nov dec jr sr vs etc inc ltd co corp dept est approx fig p pp u.s u.k u.n e.u a.m p.m i.e e.g".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[^\W_\d]|\s+\d|\s*$)")
_DISCLAIMER = re.compile(r"^(?:the )?(?:views|opinions) expressed\b", re.IGNORECASE)


class ParagraphKind(str, Enum):
    HEADLINE = "headline"
    HEADER = "header"  # byline, date line, publisher, sub-headings before the text
    BODY = "body"
    QUESTION = "question"
    ANSWER = "answer"


class QuoteKind(str, Enum):
    SPEECH = "speech"  # someone's words, a clause or more
    TITLE = "title"  # the title of an article or document
    PARTIAL = "partial"  # a few words quoted inside the reporter's sentence


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # just past the last character inside
    kind: QuoteKind
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: ParagraphKind
    body_start: int  # after a dateline or an "A:" label
    label: str | None = None  # "quote", "details", … for outlets that label paragraphs


# Outlets such as Ukrainska Pravda label paragraphs: `Quote: "…"`, `Details: …`, and name
# the speaker in a `Source: <speaker> during …` line.
PARAGRAPH_LABEL = re.compile(
    r"^(?P<label>Quote|Quotes|Details|Background|Context|Reminder|Update|For reference)(?:\s+from\s+[^:]{1,60})?\s*:\s+(?=\S)",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(r"^Source\s*:\s*(?P<text>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    place: str
    date_text: str | None
    agency: str | None
    text: str


@dataclass
class Article:
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dateline: Dateline | None = None
    markers: list[str] = field(default_factory=list)  # header words such as "OPINION" or "Press release"
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    _by_paragraph: list[int] = field(default_factory=list, repr=False)
    _sentences_index: dict[int, list[Sentence]] = field(default_factory=dict, repr=False)
    _titles: list[Quote] | None = field(default=None, repr=False)
    _first_body: int | None = field(default=None, repr=False)

    @property
    def empty(self) -> bool:
        return not self.paragraphs

    @property
    def headline(self) -> str | None:
        for paragraph in self.paragraphs:
            if paragraph.kind is ParagraphKind.HEADLINE:
                return self.text[paragraph.start : paragraph.end]
        return None

    def header_lines(self) -> list[str]:
        return [
            self.text[p.start : p.end]
            for p in self.paragraphs
            if p.kind in (ParagraphKind.HEADLINE, ParagraphKind.HEADER)
        ] + self.markers

    def sentences_of(self, paragraph: int) -> list[Sentence]:
        if len(self._by_paragraph) != len(self.sentences):
            self._by_paragraph.clear()
            self._sentences_index.clear()
            for sentence in self.sentences:
                self._sentences_index.setdefault(sentence.paragraph, []).append(sentence)
                self._by_paragraph.append(sentence.paragraph)
        return self._sentences_index.get(paragraph, [])

    @property
    def first_body(self) -> int:
        """The index of the first paragraph of running text (the lede), or -1."""
        if self._first_body is None:
            self._first_body = next((p.index for p in self.paragraphs if p.kind is ParagraphKind.BODY), -1)
        return self._first_body

    def titles(self) -> list[Quote]:
        if self._titles is None:
            self._titles = [q for q in self.quotes if q.kind is QuoteKind.TITLE]
        return self._titles

    def quotes_in(self, start: int, end: int, kind: QuoteKind | None = None) -> list[Quote]:
        """Quotations overlapping [start, end). Quotations do not overlap, so they are sorted by start."""
        if len(self._quote_starts) != len(self.quotes):
            self.quotes.sort(key=lambda q: q.start)
            self._quote_starts[:] = [q.start for q in self.quotes]
        first = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        found: list[Quote] = []
        for quote in self.quotes[first:]:
            if quote.start >= end:
                break
            if start < quote.end and (kind is None or quote.kind is kind):
                found.append(quote)
        return found

    def speech_share(self, sentence: Sentence) -> float:
        """The part of a sentence inside quoted speech, 0 to 1."""
        inside = sum(
            min(q.end, sentence.end) - max(q.start, sentence.start)
            for q in self.quotes_in(sentence.start, sentence.end, QuoteKind.SPEECH)
        )
        return inside / max(1, sentence.end - sentence.start)

    def masked(self, start: int, end: int, kinds: tuple[QuoteKind, ...]) -> str:
        """The text between offsets with quoted parts of these kinds blanked out (offsets kept)."""
        chars = list(self.text[start:end])
        for quote in self.quotes_in(start, end):
            if quote.kind in kinds:
                for i in range(max(quote.start, start), min(quote.end, end)):
                    chars[i - start] = " " if chars[i - start] == " " else "\u2591"
        return "".join(chars)


def clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return text


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but that which who would will not it its his her their "
    "after before as than was were is are be been has have had said says".split()
)


def _words(line: str) -> int:
    return len(line.split())


def _is_furniture(line: str) -> bool:
    if _META.match(line) and re.search(r"\d", line):
        return False  # "PUBLISHED: 2025-04-28" is the article's date, not page furniture
    if _FURNITURE.match(line) and _words(line) <= 5:
        return True
    if line.startswith(("- ", "• ", "* ")) and _words(line) <= 5:
        return True
    return bool(re.fullmatch(r"https?://\S+", line) is None and _words(line) <= 2 and not line.endswith(_TERMINAL))


def _lines_to_paragraphs(text: str) -> list[str]:
    """Paragraphs: one per line, except continued and hard-wrapped lines, which are joined.

    A block (lines between blank lines) is hard-wrapped when every line but its last is
    long and one of them stops mid-sentence; such a block is one paragraph.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in (_SPACES.sub(" ", raw).strip() for raw in block.split("\n")) if line]
        labelled = any(_QUESTION.match(line) or _ANSWER.match(line) for line in lines[1:])
        # Hard-wrapped: most lines stop mid-sentence. One unpunctuated line (a headline
        # above single-newline paragraphs) does not make a block wrapped.
        open_lines = sum(1 for line in lines[:-1] if not line.endswith(_TERMINAL))
        wrapped = (
            len(lines) >= 3
            and not labelled
            and not any(_DATE_LINE.match(line) or _META.match(line) for line in lines)
            and all(len(line) >= 50 for line in lines[:-1])
            and open_lines * 2 > len(lines) - 1
        )
        if wrapped:
            paragraphs.append(" ".join(lines))
            continue
        longest = max((len(line) for line in lines), default=0)
        for index, line in enumerate(lines):
            previous = lines[index - 1] if index else ""
            continued = previous.endswith((",", ";", "–", "—")) or (
                # a wrapped line: as long as the block's lines, and stopped mid-sentence on a
                # word no headline ends with ("… hours after" / "M23 rebels …")
                len(lines) >= 3
                and previous.rsplit(" ", 1)[-1].lower() in _FUNCTION_WORDS
                and len(previous) >= max(40, 0.75 * longest)
                and not previous.endswith(_TERMINAL)
                and not _META.match(previous)
                and not _DATE_LINE.match(previous)
                and not _DATE_LINE.match(line)
                and not _META.match(line)
                and index > 1
            )
            if index and (line[:1].islower() or continued):
                paragraphs[-1] = f"{paragraphs[-1]} {line}"
            else:
                paragraphs.append(line)
    return paragraphs


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_TEXT = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){{0,3}})"
    rf"(?:,\s*(?P<date>{_DATE_TEXT}))?"
    r"\s*(?:\((?P<agency>[^()]{2,40})\)|/(?P<agency2>[A-Za-z .-]{2,20})/)?"
    r"\s*(?:[-–—:]+\s+|(?<=\))\s*[-–—]+(?=[A-Z]))"
)
_DATE_LINE = re.compile(
    rf"^(?:(?P<place>[A-Z][\w'’. -]{{1,40}}),\s*)?(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_DATE_TEXT})\.?$"
)
_HEADER_MARKER = re.compile(
    r"^(?:opinion|comment|commentary|analysis|op-ed|editorial|column|press release|news release|readout|"
    r"statement|communiqu[eé]|joint statement|interview|exclusive|breaking)$",
    re.IGNORECASE,
)


def _join_labelled_quotes(lines: list[str]) -> list[str]:
    """A `Quote: "…` paragraph whose quotation runs on over later paragraphs (with page
    furniture such as "Advertisement:" between) is one paragraph."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        label = PARAGRAPH_LABEL.match(line)
        if label and label.group("label").lower().startswith("quote"):
            while _open_quote(line) and index < len(lines) and not PARAGRAPH_LABEL.match(lines[index]):
                following = lines[index]
                index += 1
                if not _is_furniture(following):
                    line = f"{line} {following}"
        joined.append(line)
    return joined


def _open_quote(text: str) -> bool:
    straight = text.count('"') % 2 == 1
    curly = text.count("“") > text.count("”")
    return straight or curly


def parse(raw: str) -> Article:
    """Split an article into paragraphs, sentences and quotations."""
    lines = _join_labelled_quotes(_lines_to_paragraphs(clean(raw)))
    article = Article(text="")
    kept: list[tuple[str, ParagraphKind]] = []
    seen_body = False
    for line in lines:
        if _HEADER_MARKER.match(line.rstrip(".:")) or _DISCLAIMER.match(line):
            article.markers.append(line)
            continue
        if _is_furniture(line):
            continue
        kind = ParagraphKind.BODY
        if _QUESTION.match(line):
            kind = ParagraphKind.QUESTION
        elif _ANSWER.match(line) or _is_speaker_turn(line):
            kind = ParagraphKind.ANSWER
        elif (_BYLINE.match(line) and _words(line) <= 8) or _META.match(line) or _DATE_LINE.match(line):
            kind = ParagraphKind.HEADER
        elif re.fullmatch(r"https?://\S+", line):
            kind = ParagraphKind.HEADER
        elif seen_body and _LIST_ITEM.match(line) and _words(line) >= 3:
            kind = ParagraphKind.BODY  # "- Ukraine must renounce NATO membership": an item, however it ends
        elif not line.endswith(_TERMINAL) or _words(line) <= 3:
            if not seen_body and not any(k is ParagraphKind.HEADLINE for _, k in kept) and _words(line) <= 30:
                kind = ParagraphKind.HEADLINE
            elif not seen_body or _words(line) <= 12:
                kind = ParagraphKind.HEADER
        if kind in (ParagraphKind.BODY, ParagraphKind.QUESTION, ParagraphKind.ANSWER):
            seen_body = True
        kept.append((line, kind))
    if not kept:
        return article
    # A headline that ends with a quotation mark still ends a headline: "…": the minister on the war
    text_parts: list[str] = []
    offset = 0
    first_body = True
    for index, (line, kind) in enumerate(kept):
        start = offset
        end = start + len(line)
        body_start = start
        if kind is ParagraphKind.BODY and first_body:
            first_body = False
            match = _DATELINE.match(line)
            if match and _dateline_plausible(match):
                article.dateline = Dateline(
                    place=match.group("place"),
                    date_text=match.group("date"),
                    agency=(match.group("agency") or match.group("agency2") or "").strip() or None,
                    text=match.group(0).strip(),
                )
                body_start = start + match.end()
        elif kind is ParagraphKind.ANSWER:
            label = _ANSWER.match(line) or SPEAKER_LABEL.match(line)
            assert label is not None
            body_start = start + label.end()
        paragraph_label = PARAGRAPH_LABEL.match(line) if kind is ParagraphKind.BODY else None
        if paragraph_label is not None:
            body_start = start + paragraph_label.end()
        name = paragraph_label.group("label").lower().rstrip("s") if paragraph_label else None
        article.paragraphs.append(Paragraph(index, start, end, kind, body_start, name))
        text_parts.append(line)
        offset = end + 2
    article.text = "\n\n".join(text_parts)
    for paragraph in article.paragraphs:
        article.quotes.extend(_quotes(article, paragraph))
    for paragraph in article.paragraphs:
        article.sentences.extend(_sentences(article, paragraph, len(article.sentences)))
    return article


def _is_speaker_turn(line: str) -> bool:
    """ "Dana Pell: We are ready…" in a transcript; not "Published: …" or a dateline."""
    label = SPEAKER_LABEL.match(line)
    if label is None or _META.match(line) or _DATE_LINE.match(line):
        return False
    words = label.group("name").split()
    return len(words) >= 2 and not any(w.lower() in ("update", "editor's", "note", "correction") for w in words)


def _dateline_plausible(match: re.Match[str]) -> bool:
    place = match.group("place")
    has_date_or_agency = bool(match.group("date") or match.group("agency") or match.group("agency2"))
    return has_date_or_agency or (place.isupper() and len(place) >= 3)


def _sentences(article: Article, paragraph: Paragraph, first_index: int) -> list[Sentence]:
    text = article.text
    start = paragraph.body_start
    found: list[Sentence] = []
    for match in _BOUNDARY.finditer(text, paragraph.body_start, paragraph.end):
        end = match.end()
        word = re.search(r"([\w.]+)[.]\W*$", text[start : match.start() + 1])
        if word and match.group().startswith(".") and _is_abbreviation(word.group(1)):
            continue
        # A full stop inside a quotation ends a sentence too, but not inside a title.
        if _inside_open_quote(article, paragraph, end) and any(
            q.start <= end < q.end and q.kind is QuoteKind.TITLE for q in article.quotes
        ):
            continue
        _add_sentence(found, article, paragraph, start, end, first_index)
        start = end
    _add_sentence(found, article, paragraph, start, paragraph.end, first_index)
    return found


def _is_abbreviation(word: str) -> bool:
    lower = word.lower()
    return (
        lower in _ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]", word)) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", lower))
    )


def _inside_open_quote(article: Article, paragraph: Paragraph, offset: int) -> bool:
    return any(q.paragraph == paragraph.index and q.start <= offset for q in article.quotes_in(offset, offset + 1))


def _add_sentence(
    found: list[Sentence], article: Article, paragraph: Paragraph, start: int, end: int, first_index: int
) -> None:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Sentence(first_index + len(found), paragraph.index, start, end, text[start:end]))


_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_TITLE_BEFORE = re.compile(
    r"(?:titled|entitled|headlined|headline|headed|called|dubbed|named|article|piece|op-ed|column|book|report)\s*[:,]?\s*$",
    re.IGNORECASE,
)


def _quotes(article: Article, paragraph: Paragraph) -> list[Quote]:
    text = article.text
    spans: list[tuple[int, int]] = []
    i = paragraph.start
    end = paragraph.end
    has_double = any(c in text[paragraph.start : end] for c in '"“”«»')
    while i < end:
        char = text[i]
        if char in _OPEN_CLOSE or char == '"':
            close = _OPEN_CLOSE.get(char, '"')
            j = text.find(close, i + 1, end)
            if char == "„" and j == -1:
                j = text.find("”", i + 1, end)
            if char == "“" and j == -1:
                # A straight quote closing a curly one happens in pasted text.
                j = text.find('"', i + 1, end)
            stop = end if j == -1 else j
            spans.append((i + 1, stop))
            i = stop + 1
            continue
        if char in "‘'" and not has_double and (i == paragraph.start or text[i - 1] in " ([—–-:"):
            closer = "’" if char == "‘" else "'"
            j = i + 1
            while j < end:
                j = text.find(closer, j, end)
                if j == -1:
                    break
                if j + 1 >= end or not text[j + 1].isalnum():
                    break
                j += 1
            if j != -1 and j < end and len(text[i + 1 : j].split()) >= 3:
                spans.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    quotes: list[Quote] = []
    for start, stop in spans:
        inner = text[start:stop].strip()
        if not inner:
            continue
        before = text[max(paragraph.start, start - 40) : start - 1]
        words = len(inner.split())
        first = next((c for c in inner if c.isalpha()), "")
        if paragraph.kind is ParagraphKind.HEADLINE or _TITLE_BEFORE.search(before):
            kind = QuoteKind.TITLE
        elif (first.isupper() and words >= 4) or words >= 8:
            kind = QuoteKind.SPEECH
        else:
            kind = QuoteKind.PARTIAL
        quotes.append(Quote(start, stop, kind, paragraph.index))
    if paragraph.kind is ParagraphKind.ANSWER:
        # An interview answer is the interviewee's own words, marks or not.
        quotes = [q for q in quotes if q.kind is QuoteKind.TITLE]
        quotes.append(Quote(paragraph.body_start, paragraph.end, QuoteKind.SPEECH, paragraph.index))
    return quotes
