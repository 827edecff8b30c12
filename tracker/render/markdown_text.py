"""The pieces GitHub-flavoured Markdown is built from, and the wall around data text.

Every piece of text from the data goes through `md_text`, which leaves it inert:
no HTML, no Markdown structure, no links, no @mentions or #references. Links
are built only to http(s) addresses, percent-encoded. `fit` keeps a document
under GitHub's size limits by whole sections, with a visible note.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from tracker.core.engine.results import ActiveCondition, Citation, CorrectionNote, DisputedReport, WordChange
from tracker.core.model import Issue
from tracker.render.base import inert
from tracker.render.words import rung

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>|~!$])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>:]|\d+[.)])")
# A zero-width space, written as an entity, breaks GitHub's autolinks, mentions
# and references without changing what a reader sees: after `@` and `#`, inside
# `www.`, `GH-1` and a scheme's `://`, and every 6 characters of anything that
# could be a commit SHA (7 or more hexadecimal characters).
_ZWSP = "&#8203;"
_AUTOLINKS = re.compile(r"(?i)(?:(?<=[@#])(?=\S))|(?<=w)(?=ww\.)|(?<=\bgh)(?=-\d)|(?=://)")
_HEX_RUN = re.compile(r"(?i)\b[0-9a-f]{7,}\b")
# Characters a link destination may not hold raw: `|` ends a table cell, `<` and
# `>` end the `<...>` form, and spaces, backslashes and the like are not URL text.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _no_autolinks(text: str) -> str:
    text = _AUTOLINKS.sub(_ZWSP, text)
    # No run of 7 hexadecimal characters is left whole, at the start or after a break.
    return _HEX_RUN.sub(lambda m: _ZWSP.join(re.findall(".{1,6}", m.group())), text)


def md_text(text: str) -> str:
    """Data text made safe for an inline Markdown context (a cell, a list item)."""
    text = inert(text)  # one line, no control or invisible character
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _no_autolinks(text)


def md_url(url: str) -> str:
    """A URL for a link destination: anything outside URL punctuation percent-encoded."""
    return quote(inert(url), safe=_URL_SAFE)


def md_summary(text: str) -> str:
    """Data text for an HTML context such as <summary>, where Markdown escapes show."""
    text = html.escape(" ".join(inert(text).split()), quote=False)
    return _no_autolinks(text)


def md_code(text: str) -> str:
    """An id as inline code; ids are slugs, but stay safe if they are not."""
    if re.fullmatch(r"[A-Za-z0-9._:-]+", text):
        return f"`{text}`"
    return md_text(text)


def md_table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# --- engine results -----------------------------------------------------------

_MERMAID_UNSAFE = re.compile(r"[^\w .,'()/\-]+", re.UNICODE)


def mermaid_text(text: str, limit: int = 80) -> str:
    """Text for a Mermaid label: only letters, digits and plain punctuation.

    Mermaid has its own syntax (`:`, `;`, `#`, HTML in labels), so anything else
    is dropped rather than escaped.
    """
    cleaned = " ".join(_MERMAID_UNSAFE.sub(" ", inert(text)).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+")


def md_link(text: str, url: str | None) -> str:
    """Escaped text, linked only to an http(s) address (validation allows no other; this
    is the second wall), percent-encoded so that no `|`, `<` or `>` ends the link or cell."""
    shown = md_text(text)
    return f"[{shown}](<{md_url(url)}>)" if url and _WEB_ADDRESS.fullmatch(url) else shown


def md_source(citation: Citation) -> str:
    """The publisher, linked when its address is known, then `via` the mirror actually read."""
    source = md_link(citation.publisher, citation.url)
    if citation.via:
        source += f" via {md_link(citation.via.publisher, citation.via.url)}"
    return source


def md_citation(citation: Citation) -> str:
    source = md_source(citation)
    speaker = f"{md_text(citation.speaker)}, " if citation.speaker else ""
    flag = " · **disputed**" if citation.disputed else ""
    return f"{speaker}{source}, {citation.date} · {citation.basis.value}{flag}"


def md_correction_source(note: CorrectionNote) -> str:
    source = md_source(note.source)
    return f"{source}, {note.date}" if note.date else source


def md_words(words: tuple[WordChange, ...]) -> str:
    parts = []
    for run in words:
        text = md_text(run.text)
        if run.op == "delete":
            parts.append(f"<del>{text}</del>")
        elif run.op == "insert":
            parts.append(f"<ins>{text}</ins>")
        else:
            parts.append(text)
    return " ".join(parts)


def md_details(summary: str, body: str) -> str:
    return f"<details><summary>{summary}</summary>\n\n{body}\n</details>\n"


def md_condition(issue: Issue | None, active: ActiveCondition) -> str:
    condition = active.condition
    level = f" \\[{md_text(rung(issue, active.level_index))}\\]" if issue and active.level_index is not None else ""
    return f"{md_text(condition.text)}{level} ({md_citation(active.last_stated)} · {md_code(condition.id)})"


def md_disputed(reports: tuple[DisputedReport, ...]) -> str:
    lines = []
    for report in reports:
        conditions = "; ".join(md_text(c.text) for c in report.conditions)
        lines.append(f"- **reported, then corrected:** {conditions} ({md_citation(report.citation)})")
        for note in report.corrections:
            lines.append(f"  - **{note.kind.value}**: {md_text(note.text)} ({md_correction_source(note)})")
    return "\n".join(lines) + "\n"


def size(text: str) -> int:
    """Size as GitHub counts the stricter limit: UTF-8 bytes (never fewer than characters)."""
    return len(text.encode("utf-8"))


def fit(sections: list[str], max_chars: int) -> str:
    """Join whole sections while they fit; say so visibly when some are left out.

    An upper bound: the first section (the heading and the one-line summary) is
    cut too when it alone is too long (a 10,000-character title, say).
    """
    out: list[str] = []
    used = 0
    for index, section in enumerate(sections):
        note = (
            f"\n> **Truncated:** {len(sections) - index} more section(s) left out to stay under "
            f"{max_chars:,} bytes. Run the command locally for the full report.\n"
        )
        last = index == len(sections) - 1
        if used + size(section) + (0 if last else size(note)) <= max_chars:
            out.append(section)
            used += size(section)
            continue
        if index == 0:
            note = (
                f"\n\n> **Truncated** to stay under {max_chars:,} bytes. Run the command locally for the full report.\n"
            )
            out.append(_cut(section, max_chars - size(note)))
        out.append(note)
        break
    return "".join(out)


def _cut(markdown: str, budget: int) -> str:
    """The longest start of `markdown` within `budget` bytes that ends between tokens:
    never inside a character, an entity (`&#8203;`) or after a lone escaping backslash."""
    ellipsis = "…"
    text = markdown.encode("utf-8")[: max(budget - size(ellipsis), 0)].decode("utf-8", errors="ignore")
    ampersand = text.rfind("&")
    if ampersand > text.rfind(";"):
        text = text[:ampersand]
    trailing = len(text) - len(text.rstrip("\\"))
    return text[: len(text) - trailing % 2] + ellipsis


def rows_within(header: list[str], rows: list[list[str]], budget: int) -> str:
    """A table cut at whole rows, with a visible note, to stay within budget."""
    kept: list[list[str]] = []
    used = size(md_table(header, []))
    for row in rows:
        row_size = size(md_table(header, [row])) - size(md_table(header, []))  # linear: one row at a time
        if used + row_size > budget:
            break
        kept.append(row)
        used += row_size
    table = md_table(header, kept)
    if len(kept) < len(rows):
        table += f"\n*{len(rows) - len(kept)} more row(s) not shown, to stay within the size limit.*\n"
    return table
