"""GitHub-flavoured Markdown, for job summaries and pull-request comments.

Every piece of text from the data goes through `md_text`, which leaves it inert:
no HTML, no Markdown structure, no links, no @mentions or #references.
"""

from __future__ import annotations

import html
import re

from tracker.core.dataset import Dataset
from tracker.core.results import ValidationReport
from tracker.render.base import Renderer, inert

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>|~!$])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>:]|\d+[.)])")
# A zero-width space, written as an entity, breaks GitHub's autolinks, mentions
# and issue references without changing what a reader sees.
_ZWSP = "&#8203;"
_AUTOLINKS = re.compile(r"(?i)(@|#|://|www\.)(?=\S)")


def md_text(text: str) -> str:
    """Data text made safe for an inline Markdown context (a cell, a list item)."""
    text = inert(text)
    text = " ".join(text.split())  # no line breaks: they would end a table row
    text = html.escape(text, quote=False)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _AUTOLINKS.sub(lambda m: m.group(1) + _ZWSP, text)


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


class MarkdownRenderer(Renderer):
    def validation(self, report: ValidationReport) -> str:
        parts = ["## Validation\n"]
        for item in report.checked:
            if item.valid and item.dataset is not None:
                count = len(item.dataset.statements)
                parts.append(f"- {md_text(item.path)}: valid ({count} statements)\n")
                continue
            parts.append(f"- {md_text(item.path)}: **{len(item.problems)} problem(s)**\n")
            rows = [
                [md_text(p.file), str(p.line or ""), str(p.column or ""), md_text(p.message)] for p in item.problems
            ]
            parts.append("\n" + md_table(["file", "line", "column", "problem"], rows) + "\n")
        return "".join(parts)

    def parties(self, dataset: Dataset) -> str:
        rows = [
            [md_code(party.id), md_text(party.name), party.kind.value, md_text(", ".join(party.aliases))]
            for party in dataset.parties
        ]
        return "## Parties\n\n" + md_table(["id", "name", "kind", "aliases"], rows)

    def issues(self, dataset: Dataset) -> str:
        rows = [
            [
                md_code(issue.id),
                md_text(issue.title),
                issue.category.value,
                " → ".join(md_code(level.id) for level in issue.ladder) or "no ladder",
            ]
            for issue in dataset.issues
        ]
        return "## Issues\n\n" + md_table(["id", "title", "category", "ladder"], rows)
