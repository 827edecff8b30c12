"""GitHub-flavoured Markdown, for job summaries and pull-request comments.

Every piece of text from the data goes through `md_text`, which leaves it inert:
no HTML, no Markdown structure, no links, no @mentions or #references.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
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
    PartyDiff,
    Position,
    Report,
    Review,
    Stance,
    StatementEdit,
    Timeline,
    ValidationReport,
    WordChange,
)
from tracker.core.engine.texts import TextComparison
from tracker.core.model import Issue, Party
from tracker.render.base import Renderer, inert, review_headline, via_steps
from tracker.render.words import direction_words, headline_words, level_move_words, rung, stance_words, text_cell_words

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


def _position_markdown(position: Position, heading: str = "##") -> str:
    parts = [f"{heading} {md_text(position.party.name)}: position as of {position.at}\n\n"]
    silent = []
    for row in position.issues:
        if not row.stated:
            silent.append(row.issue.title)
            continue
        stance = f": asks {md_text(stance_words(row.issue, row.stance))}" if row.stance else ""
        parts.append(f"**{md_text(row.issue.title)}**{stance}\n\n")
        parts.append("".join(f"- {md_condition(row.issue, a)}\n" for a in row.conditions) + "\n")
    if silent:
        parts.append(f"No stated position on: {md_text(', '.join(silent))}.\n\n")
    if position.disputed:
        label = "counted" if position.include_disputed else "not counted"
        parts.append(
            md_details(
                f"Corrected or disputed reports ({label}): {len(position.disputed)}", md_disputed(position.disputed)
            )
        )
    return "".join(parts)


def _changes_markdown(party: Party, issue: Issue, changes: tuple[Change, ...]) -> str:
    """List items that never start with a Markdown marker; a shared successor shown once."""
    replaced: dict[str, list[Change]] = {}
    for change in changes:
        if change.kind is ChangeKind.REPLACED and change.after is not None:
            replaced.setdefault(change.after.condition.id, []).append(change)
    lines: list[str] = []
    shown: set[str] = set()

    def label(change: Change) -> str:
        move = level_move_words(party, issue, change.level_move)
        return f"**{change.kind.value}**" + (f" ({move})" if move else "")

    for change in changes:
        if change.kind is ChangeKind.REPLACED and change.after is not None:
            successor = change.after.condition.id
            if successor in shown:
                continue
            shown.add(successor)
            for old in replaced[successor]:
                assert old.before is not None
                lines.append(f"- {label(old)}: {md_condition(issue, old.before)}")
            lines += [f"  - via: {md_condition(issue, step)}" for step in via_steps(replaced[successor])]
            lines.append(f"  - now: {md_condition(issue, change.after)}")
        else:
            active = change.after or change.before
            assert active is not None
            withdrawn = f" — withdrawn ({md_citation(change.withdrawn_by)})" if change.withdrawn_by else ""
            lines.append(f"- {label(change)}: {md_condition(issue, active)}{withdrawn}")
        if change.words:
            lines.append(f"  - wording: {md_words(change.words)}")
    return "\n".join(lines) + "\n" if lines else ""


def _issue_diff_markdown(party: Party, issue_diff: IssueDiff, start: PartialDate | None, end: PartialDate) -> str:
    issue = issue_diff.issue
    parts = [f"#### {md_text(issue.title)}\n\n"]
    if issue_diff.headline is not None:
        move, context = headline_words(party, issue, issue_diff.headline, start, end)
        parts.append(f"**{md_text(move)}** {md_text(context)}\n\n")
        if len(issue_diff.directions) > 1:
            others = "; ".join(direction_words(d) for d in issue_diff.directions[1:])
            parts.append(f"Other gaps: {md_text(others)}.\n\n")
    shifts = tuple(c for c in issue_diff.changes if c.kind.is_shift)
    parts.append(_changes_markdown(party, issue, shifts) or "No shift.\n")
    quiet = tuple(c for c in issue_diff.changes if not c.kind.is_shift)
    if quiet:
        body = "".join(
            f"- **{c.kind.value}**: {md_condition(issue, side)}\n" for c in quiet if (side := c.after or c.before)
        )
        parts.append("\n" + md_details(f"Reaffirmed or unchanged: {len(quiet)}", body))
    return "".join(parts) + "\n"


def _party_diff_markdown(party_diff: PartyDiff, start: PartialDate | None, end: PartialDate) -> str:
    parts = [f"### {md_text(party_diff.party.name)}\n\n"]
    if not party_diff.issues:
        parts.append("No stated conditions in this window.\n\n")
    parts += [_issue_diff_markdown(party_diff.party, issue_diff, start, end) for issue_diff in party_diff.issues]
    if party_diff.disputed:
        parts.append("**Corrected or disputed reports in this window** (not counted unless `--include-disputed`):\n\n")
        parts.append(md_disputed(party_diff.disputed) + "\n")
    return "".join(parts)


def _diff_markdown(result: DiffResult, heading: str = "##") -> str:
    window = f"from {result.since}" if result.since else "from each issue's first stated stance"
    shifted = [p.party.name for p in result.parties if p.shifted]
    newest = f" Newest statement in the data: {result.newest}." if result.newest else ""
    summary = (
        f"{len(shifted)} of {len(result.parties)} parties shifted"
        + (f": {md_text(', '.join(shifted))}" if shifted else "")
        + f".{newest}\n\n"
    )
    head = f"{heading} Shifts, {window} to {result.until}\n\n"
    return head + summary + "".join(_party_diff_markdown(p, result.since, result.until) for p in result.parties)


def _stances_markdown(comparison: Comparison) -> str:
    """One small table per laddered issue, parties with a stance as rows; the rest in one table."""
    by_party = [(p.party, {row.issue.id: row for row in p.issues}) for p in comparison.positions]
    parts = []
    other_rows = []
    for issue in comparison.issues:
        rows = [(party, table[issue.id]) for party, table in by_party if issue.id in table and table[issue.id].stated]
        if issue.ladder:
            held = [
                [md_text(party.name), md_text(rung(issue, row.stance.ask)), md_text(_span(issue, row.stance))]
                for party, row in rows
                if row.stance is not None
            ]
            if held:
                parts.append(f"**{md_text(issue.title)}**\n\n" + md_table(["party", "asks", "holds"], held) + "\n")
        if rows and (not issue.ladder or any(row.stance is None for _, row in rows)):
            names = ", ".join(party.name for party, row in rows if row.stance is None)
            other_rows.append([md_text(issue.title), md_text(names)])
    if other_rows:
        parts.append(
            "**Issues without a ladder stance**\n\n" + md_table(["issue", "parties with stated conditions"], other_rows)
        )
    return "".join(parts) or "No stated positions.\n"


def _span(issue: Issue, stance: Stance) -> str:
    if stance.low == stance.high:
        return rung(issue, stance.low)
    return f"{rung(issue, stance.low)} to {rung(issue, stance.high)}"


def _gaps_markdown(comparison: Comparison) -> str:
    names = {party.id: party.name for party in comparison.parties}
    titles = {issue.id: issue.title for issue in comparison.issues}
    rows = [
        [
            md_text(titles.get(gap.issue, gap.issue)),
            md_text(f"{names.get(gap.party_a, gap.party_a)} ↔ {names.get(gap.party_b, gap.party_b)}"),
            "—" if gap.distance_since is None else str(gap.distance_since),
            "—" if gap.distance is None else str(gap.distance),
            gap.trend.value if gap.trend else "—",
        ]
        for gap in comparison.gaps
    ]
    since = f", then = {comparison.since}" if comparison.since else ""
    head = f"## Gaps between asks, in rungs{since}\n\n"
    return head + (
        md_table(["issue", "parties", "then", "now", "trend"], rows) if rows else "No pair holds a stance.\n"
    )


def _comparison_markdown(comparison: Comparison) -> str:
    return (
        f"## Where each side stands, as of {comparison.at}\n\n"
        + _stances_markdown(comparison)
        + "\n"
        + _gaps_markdown(comparison)
    )


def _timeline_rows(timeline: Timeline) -> list[list[str]]:
    rows = []
    for event in timeline.events:
        what = "<br>".join(f"{e.what}: {md_text(e.text)} ({md_code(e.condition_id)})" for e in event.events)
        if event.corrections:
            what += "<br>" + "<br>".join(
                f"**{n.kind.value}**: {md_text(n.text)} ({md_correction_source(n)})" for n in event.corrections
            )
        flag = " · **corrected report**" if event.citation.disputed else ""
        rows.append(
            [str(event.citation.date), md_text(", ".join(event.party_ids)) + flag, what, md_citation(event.citation)]
        )
    return rows


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
    return head + md_details(f"All {len(timeline.events)} statements", table)


def _charts_markdown(report: Report) -> str:
    """Stances over time, one Mermaid chart per laddered issue that moved (tracker.render.chart_mermaid)."""
    if not report.charts:
        return ""
    from tracker.render.chart_mermaid import render_chart

    return "## Stances over time\n\n" + "\n".join(render_chart(chart) for chart in report.charts) + "\n"


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
            if issue.headline is not None:
                move, context = headline_words(shift.party, issue.issue, issue.headline, None, review.at)
                summary.append(f"- {md_text(move)} {md_text(context)}\n")
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
            f"#### {md_text(issue.issue.title)}\n\n" + _changes_markdown(shift.party, issue.issue, issue.changes) + "\n"
            for issue in shift.issues
        )
        sections.append(
            md_details(f"Position of {md_summary(shift.party.name)}: {len(shift.issues)} issue(s) shift", body)
        )
    return fit(sections, max_chars)


class MarkdownRenderer(Renderer):
    def __init__(self, max_chars: int = 1_000_000) -> None:
        self.max_chars = max_chars

    def position(self, position: Position) -> str:
        return _position_markdown(position)

    def diff(self, result: DiffResult) -> str:
        return _diff_markdown(result)

    def comparison(self, comparison: Comparison) -> str:
        return _comparison_markdown(comparison)

    def timeline(self, timeline: Timeline) -> str:
        return _timeline_markdown(timeline)

    def report(self, report: Report) -> str:
        newest = f"Newest statement in the data: {report.recent.newest}.\n\n" if report.recent.newest else ""
        sections = [
            f"# {md_text(report.title)}\n\n{newest}",
            _comparison_markdown(report.comparison) + "\n",
            _charts_markdown(report) + _diff_markdown(report.recent) + "\n",
            _timeline_markdown(report.timeline) + "\n",
            "## Current positions in detail\n\n"
            + "".join(md_details(md_summary(p.party.name), _position_markdown(p, "###")) for p in report.positions),
        ]
        return fit(sections, self.max_chars)

    def review(self, review: Review) -> str:
        return _review_markdown(review, self.max_chars)

    def texts(self, comparison: TextComparison) -> str:
        header = ["issue"] + [
            md_text(", ".join(p.name for p in signers)) + f", {citation.date} ({md_code(citation.statement_id)})"
            for citation, signers in zip(comparison.texts, comparison.signers, strict=True)
        ]
        rows = []
        for row in comparison.rows:
            cells = [md_text(row.issue.title)]
            for cell in row.cells:
                where, said, against = text_cell_words(row.issue, cell)
                if not cell.conditions:
                    cells.append(f"*{where}*")
                    continue
                cells.append(
                    "<br>".join(
                        part
                        for part in (
                            f"**{md_text(where)}**" if where else "",
                            md_text(said),
                            f"*{md_text(against)}*" if against else "",
                        )
                        if part
                    )
                )
            rows.append(cells)
        sources = "".join(f"- {md_code(c.statement_id)}: {md_citation(c)}\n" for c in comparison.texts)
        return "## Texts side by side\n\n" + md_table(header, rows) + "\n" + sources

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
