"""GitHub-flavoured Markdown, for job summaries and pull-request comments.

The layouts; the pieces they are built from, and the wall that leaves data text
inert, are in `markdown_text`.
"""

from __future__ import annotations

import calendar

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.results import (
    Change,
    Comparison,
    DiffResult,
    IssueDiff,
    PartyDiff,
    Position,
    Report,
    Review,
    Stance,
    StatementEdit,
    Timeline,
    ValidationReport,
)
from tracker.core.engine.texts import TextComparison
from tracker.core.model import Issue, Party
from tracker.render.base import Renderer, entries, review_headline
from tracker.render.markdown_text import (
    fit,
    md_citation,
    md_code,
    md_condition,
    md_correction_source,
    md_details,
    md_disputed,
    md_link,
    md_source,
    md_summary,
    md_table,
    md_text,
    md_words,
    mermaid_text,
    rows_within,
)
from tracker.render.words import (
    change_label,
    direction_words,
    headline_words,
    rung,
    stance_words,
    text_cell_words,
)


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
    lines: list[str] = []
    for change, replaced, via in entries(changes):
        for old in replaced or (change,):
            active = old.before if replaced else (change.after or change.before)
            assert active is not None
            lines.append(f"- **{md_text(change_label(party, issue, old))}**: {md_condition(issue, active)}")
        lines += [f"  - via: {md_condition(issue, step)}" for step in via]
        if replaced and change.after is not None:
            lines.append(f"  - now: {md_condition(issue, change.after)}")
        if change.withdrawn_by is not None:
            lines.append(f"  - withdrawn: {md_citation(change.withdrawn_by)}")
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


def _timeline_items(timeline: Timeline) -> str:
    """Statements grouped by month, in words: who, from which source, what each did, on which rung."""
    parts: list[str] = []
    period = None
    for event in timeline.events:
        when = event.citation.date
        heading = f"{calendar.month_name[when.month]} {when.year}" if when.month else str(when.year)
        if heading != period:
            parts.append(f"\n**{heading}**\n\n")
            period = heading
        who = ", ".join(event.party_names or event.party_ids)
        flag = " · **corrected report**" if event.citation.disputed else ""
        parts.append(f"- {when} · **{md_text(who)}**{flag} — {md_citation(event.citation)}\n")
        for item in event.events:
            rung = f" at “{md_text(item.level_title)}”" if item.level_title else ""
            on = md_text(item.issue_title or item.issue)
            parts.append(f"  - {item.what} on {on}{rung}: {md_text(item.text)} ({md_code(item.condition_id)})\n")
        parts += [
            f"  - **{note.kind.value}**: {md_text(note.text)} ({md_correction_source(note)})\n"
            for note in event.corrections
        ]
    return "".join(parts).lstrip("\n")


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
    return head + md_details(f"All {len(timeline.events)} statements, by month", _timeline_items(timeline))


def _charts_markdown(report: Report) -> str:
    """Stances over time, one Mermaid chart per laddered issue that moved (tracker.render.chart_mermaid)."""
    if not report.charts:
        return ""
    from tracker.render.chart_mermaid import render_chart

    return "## Stances over time\n\n" + "\n".join(render_chart(chart) for chart in report.charts) + "\n"


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
        table = rows_within(
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
        with_speakers = any(party.speakers for party in dataset.parties)
        rows = [
            [
                md_code(party.id),
                md_text(party.name),
                party.kind.value,
                md_text(", ".join(party.aliases)),
                *([md_text(", ".join(party.speakers))] if with_speakers else []),
            ]
            for party in dataset.parties
        ]
        headers = ["id", "name", "kind", "aliases", *(["speakers"] if with_speakers else [])]
        return "## Parties\n\n" + md_table(headers, rows)

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


# The pieces, for modules that build Markdown of their own (charts, tests).
__all__ = ["MarkdownRenderer", "fit", "md_link", "md_source", "md_table", "md_text", "mermaid_text"]
