"""GitHub-flavoured Markdown, for job summaries and pull-request comments.

Every piece of text from the data goes through `md_text`, which leaves it inert:
no HTML, no Markdown structure, no links, no @mentions or #references.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from tracker.core.dataset import Dataset
from tracker.core.engine.results import (
    ActiveCondition,
    Change,
    ChangeKind,
    Citation,
    Comparison,
    CorrectionNote,
    DiffResult,
    DisputedReport,
    IssueDiff,
    IssuePosition,
    PartyDiff,
    Position,
    Review,
    StatementEdit,
    Timeline,
    WordChange,
)
from tracker.core.results import Report, ValidationReport
from tracker.render.base import MARKERS, Renderer, inert, move_marker, review_headline

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


def md_link(text: str, url: str | None) -> str:
    """`[text](<url>)` for data text and a data URL; the text alone without one."""
    label = md_text(text)
    return f"[{label}](<{md_url(url)}>)" if url else label


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


def md_citation(citation: Citation) -> str:
    source = md_link(citation.publisher, citation.url)
    speaker = f"{md_text(citation.speaker)}, " if citation.speaker else ""
    flag = " · **disputed**" if citation.disputed else ""
    return f"{speaker}{source}, {citation.date} · {citation.basis.value}{flag}"


def md_correction_source(note: CorrectionNote) -> str:
    source = md_link(note.source.publisher, note.source.url)
    return f"{source}, {note.date}" if note.date else source


def md_level(issue_position: IssuePosition) -> str:
    if issue_position.level is None or issue_position.level_index is None:
        return "—"
    steps = len(issue_position.issue.ladder)
    return f"{md_code(issue_position.level)} ({issue_position.level_index + 1} of {steps})"


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


def md_condition(active: ActiveCondition) -> str:
    condition = active.condition
    return f"{md_code(condition.id)} {condition.kind.value}, {condition.stage.value}: {md_text(condition.text)} ({md_citation(active.last_stated)})"


def md_disputed(reports: tuple[DisputedReport, ...]) -> str:
    lines = []
    for report in reports:
        conditions = "; ".join(f"{md_code(c.id)}: {md_text(c.text)}" for c in report.conditions)
        lines.append(f"- **reported** {conditions} ({md_citation(report.citation)})")
        for note in report.corrections:
            lines.append(f"  - **{note.kind.value}**: {md_text(note.text)} ({md_correction_source(note)})")
    return "\n".join(lines) + "\n"


def _position_markdown(position: Position, heading: str = "##") -> str:
    rows = []
    for issue_position in position.issues:
        conditions = "<br>".join(md_condition(a) for a in issue_position.conditions) or "*no stated position*"
        rows.append([md_code(issue_position.issue.id), md_level(issue_position), conditions])
    parts = [
        f"{heading} {md_text(position.party.name)}: position as of {position.at}\n\n",
        md_table(["issue", "level", "conditions"], rows),
    ]
    if position.disputed:
        label = "included" if position.include_disputed else "left out"
        parts.append(
            "\n"
            + md_details(
                f"Disputed or corrected reports ({label}): {len(position.disputed)}", md_disputed(position.disputed)
            )
        )
    return "".join(parts)


def _change_markdown(change: Change) -> str:
    marker = MARKERS[change.kind]
    move = f" {move_marker(change.level_move)}" if change.level_move else ""
    if change.kind is ChangeKind.REPLACED and change.before and change.after:
        chain = " → ".join(md_code(i) for i in change.chain)
        lines = [f"- {marker} **replaced** {chain}{move}"]
        lines.append(f"  - before: {md_condition(change.before)}")
        lines += [f"  - via: {md_condition(step)}" for step in change.via]
        lines.append(f"  - after: {md_condition(change.after)}")
    elif change.kind is ChangeKind.DROPPED and change.before:
        by = f" — withdrawn ({md_citation(change.withdrawn_by)})" if change.withdrawn_by else ""
        lines = [f"- {marker} **dropped** {md_condition(change.before)}{by}"]
    else:
        active = change.after or change.before
        assert active is not None
        lines = [f"- {marker} **{change.kind.value}**{move} {md_condition(active)}"]
        before, after = change.before, change.after
        if before and after and before.condition.level != after.condition.level:
            lines.append(
                f"  - level: {md_code(before.condition.level or '—')} → {md_code(after.condition.level or '—')}"
            )
    if change.words and any(run.op != "equal" for run in change.words):
        lines.append(f"  - wording: {md_words(change.words)}")
    return "\n".join(lines) + "\n"


def _directions_markdown(issue_diff: IssueDiff) -> str:
    return (
        ", ".join(
            f"{d.verdict.value} vs {md_code(d.counterpart)} ({d.distance_before} → {d.distance_after})"
            for d in issue_diff.directions
        )
        or "—"
    )


def _party_diff_markdown(party_diff: PartyDiff, since: object, until: object) -> str:
    parts = [f"### {md_text(party_diff.party.name)}: {since} → {until}\n\n"]
    if not party_diff.issues:
        parts.append("No stated conditions in this window.\n")
    else:
        rows = []
        for issue_diff in party_diff.issues:
            counts: dict[str, int] = {}
            for change in issue_diff.changes:
                counts[change.kind.value] = counts.get(change.kind.value, 0) + 1
            level = f"{md_code(issue_diff.level_before or '—')} → {md_code(issue_diff.level_after or '—')}"
            summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
            rows.append([md_code(issue_diff.issue.id), level, _directions_markdown(issue_diff), summary])
        parts.append(md_table(["issue", "level", "direction", "changes"], rows) + "\n")
        for issue_diff in party_diff.issues:
            shifts = [c for c in issue_diff.changes if c.kind.is_shift]
            steady = [c for c in issue_diff.changes if not c.kind.is_shift]
            parts.append(f"#### {md_code(issue_diff.issue.id)} {md_text(issue_diff.issue.title)}\n\n")
            parts.append("".join(_change_markdown(c) for c in shifts) or "No shift.\n")
            if steady:
                parts.append(
                    "\n"
                    + md_details(
                        f"Reaffirmed or unchanged: {len(steady)}", "".join(_change_markdown(c) for c in steady)
                    )
                )
            parts.append("\n")
    if party_diff.disputed:
        parts.append("**Corrected or disputed reports in this window** (not counted unless `--include-disputed`):\n\n")
        parts.append(md_disputed(party_diff.disputed) + "\n")
    return "".join(parts)


def _diff_markdown(result: DiffResult) -> str:
    shifted = [p.party.name for p in result.parties if p.shifted]
    head = f"## Shifts from {result.since} to {result.until}\n\n"
    summary = (
        f"{len(shifted)} of {len(result.parties)} parties shifted"
        + (f": {md_text(', '.join(shifted))}" if shifted else "")
        + ".\n\n"
    )
    return head + summary + "".join(_party_diff_markdown(p, result.since, result.until) for p in result.parties)


def _matrix_cell(issue_position: IssuePosition | None) -> str:
    if issue_position is None or not issue_position.stated:
        return "*no stated position*"
    if issue_position.level is not None:
        return md_level(issue_position)
    return f"{len(issue_position.conditions)} condition(s)"


def _comparison_markdown(comparison: Comparison) -> str:
    header = ["issue", *(md_text(p.name) for p in comparison.parties)]
    by_issue = [{i.issue.id: i for i in position.issues} for position in comparison.positions]
    rows = [
        [md_code(issue.id), *(_matrix_cell(table.get(issue.id)) for table in by_issue)] for issue in comparison.issues
    ]
    since = f", change since {comparison.since}" if comparison.since else ""
    parts = [
        f"## Positions as of {comparison.at}\n\n",
        md_table(header, rows),
        f"\n## Gaps on laddered issues{since}\n\n",
    ]
    gap_rows = [
        [
            md_code(gap.issue),
            f"{md_code(gap.party_a)} ↔ {md_code(gap.party_b)}",
            "—" if gap.distance_since is None else str(gap.distance_since),
            "—" if gap.distance is None else str(gap.distance),
            gap.trend.value if gap.trend else "—",
        ]
        for gap in comparison.gaps
    ]
    parts.append(
        md_table(["issue", "parties", "then", "now", "trend"], gap_rows)
        if gap_rows
        else "No laddered issue to compare.\n"
    )
    return "".join(parts)


def _timeline_rows(timeline: Timeline) -> list[list[str]]:
    rows = []
    for event in timeline.events:
        what = "<br>".join(
            f"{e.what} {''.join(md_code(r) + ' → ' for r in e.replaces)}{md_code(e.condition_id)} ({md_code(e.issue)}): {md_text(e.text)}"
            for e in event.events
        )
        if event.corrections:
            what += "<br>" + "<br>".join(
                f"**{n.kind.value}**: {md_text(n.text)} ({md_correction_source(n)})" for n in event.corrections
            )
        rows.append([str(event.citation.date), md_text(", ".join(event.party_ids)), what, md_citation(event.citation)])
    return rows


def mermaid_timeline(timeline: Timeline, title: str) -> str:
    lines = ["```mermaid", "timeline", f"    title {mermaid_text(title)}"]
    for event in timeline.events:
        parties = mermaid_text(", ".join(event.party_ids), 40)
        kinds = sorted({e.what for e in event.events})
        flag = "disputed report, " if event.citation.disputed else ""
        label = mermaid_text(f"{flag}{parties} {' '.join(kinds)} {', '.join(e.condition_id for e in event.events[:3])}")
        lines.append(f"    {event.citation.date} : {label or 'statement'}")
    lines.append("```")
    return "\n".join(lines) + "\n"


def _timeline_markdown(timeline: Timeline) -> str:
    scope = " · ".join(
        filter(
            None,
            [
                timeline.party and f"party {md_code(timeline.party)}",
                timeline.issue and f"issue {md_code(timeline.issue)}",
            ],
        )
    )
    head = f"## Timeline{(' — ' + scope) if scope else ''}\n\n"
    if not timeline.events:
        return head + "No statements.\n"
    table = md_table(["date", "parties", "what", "source"], _timeline_rows(timeline))
    return (
        head
        + mermaid_timeline(timeline, "Statements")
        + "\n"
        + md_details(f"All {len(timeline.events)} statements", table)
    )


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


def _edit_row(edit: StatementEdit) -> list[str]:
    parts = []
    for label, ids in (("+", edit.conditions_added), ("−", edit.conditions_removed), ("~", edit.conditions_changed)):
        if ids:
            parts.append(f"{label} " + ", ".join(md_code(i) for i in ids))
    if edit.fields and edit.kind.value == "edited":
        parts.append("fields: " + ", ".join(md_code(f) for f in edit.fields))
    return [
        edit.kind.value,
        md_code(edit.statement_id),
        md_text(", ".join(edit.party_ids)),
        md_citation(edit.citation),
        "<br>".join(parts),
    ]


def _rows_within(header: list[str], rows: list[list[str]], budget: int) -> str:
    """A table cut at whole rows, with a visible note, to stay within budget."""
    kept: list[list[str]] = []
    for row in rows:
        if size(md_table(header, [*kept, row])) > budget:
            break
        kept.append(row)
    table = md_table(header, kept)
    if len(kept) < len(rows):
        table += f"\n*{len(rows) - len(kept)} more row(s) not shown, to stay within the size limit.*\n"
    return table


def _review_markdown(review: Review, max_chars: int) -> str:
    head = f"## Dataset review: {md_text(review.base)} → {md_text(review.head)}\n\n"
    if not review.loaded:
        lines = [head]
        for side, problems in (("base", review.base_problems), ("head", review.head_problems)):
            if problems:
                lines.append(
                    f"**The {side} side ({md_text(review.base if side == 'base' else review.head)}) does not load:**\n\n"
                )
                lines += [f"- {md_text(p)}\n" for p in problems[:50]]
                if len(problems) > 50:
                    lines.append(f"- … and {len(problems) - 50} more\n")
                lines.append("\n")
        return fit(lines, max_chars)
    headline = f"**{review_headline(review)}** Positions as of {review.at}.\n\n"  # no data in it
    summary = []
    for shift in review.shifts:
        for issue in shift.issues:
            if issue.level_before != issue.level_after:
                direction = _directions_markdown(issue)
                summary.append(
                    f"- {md_text(shift.party.name)} on {md_code(issue.issue.id)}: "
                    f"{md_code(issue.level_before or '—')} → {md_code(issue.level_after or '—')}"
                    + (f"; {direction}" if direction != "—" else "")
                    + "\n"
                )
    for gap in review.gaps:
        trend = f" ({gap.trend.value})" if gap.trend else ""
        summary.append(
            f"- gap on {md_code(gap.issue)}, {md_code(gap.party_a)} ↔ {md_code(gap.party_b)}: "
            f"{'—' if gap.before is None else gap.before} → {'—' if gap.after is None else gap.after}{trend}\n"
        )
    sections = [head + headline, "".join(summary) + "\n"]
    if review.edits:
        table = _rows_within(
            ["change", "statement", "parties", "source", "conditions"],
            [_edit_row(edit) for edit in review.edits],
            max(2_000, max_chars // 2),
        )
        sections.append(md_details(f"Statements changed: {len(review.edits)}", table))
    for shift in review.shifts:
        body = "".join(
            f"#### {md_code(issue.issue.id)} {md_text(issue.issue.title)}\n\n"
            + "".join(_change_markdown(c) for c in issue.changes)
            + "\n"
            for issue in shift.issues
        )
        sections.append(
            md_details(f"Position of {md_summary(shift.party.name)}: {len(shift.issues)} issue(s) shift", body)
        )
    return fit(sections, max_chars)


class _EngineMarkdown:
    max_chars: int = 1_000_000

    def position(self, position: Position) -> str:
        return _position_markdown(position)

    def diff(self, result: DiffResult) -> str:
        return _diff_markdown(result)

    def comparison(self, comparison: Comparison) -> str:
        return _comparison_markdown(comparison)

    def timeline(self, timeline: Timeline) -> str:
        return _timeline_markdown(timeline)

    def report(self, report: Report) -> str:
        sections = [
            f"# {md_text(report.title)}\n\n",
            _comparison_markdown(report.comparison) + "\n",
            _diff_markdown(report.recent) + "\n",
            _timeline_markdown(report.timeline) + "\n",
            "## Current positions in detail\n\n"
            + "".join(md_details(md_summary(p.party.name), _position_markdown(p, "###")) for p in report.positions),
        ]
        return fit(sections, self.max_chars)

    def review(self, review: Review) -> str:
        return _review_markdown(review, self.max_chars)


class MarkdownRenderer(_EngineMarkdown, Renderer):
    def __init__(self, max_chars: int = 1_000_000) -> None:
        self.max_chars = max_chars

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
