"""Terminal output with rich: tables and plain-text markers.

Data is only ever wrapped in `rich.text.Text`, never parsed as console markup,
and control characters are shown as escapes (`inert`).
"""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from tracker.core.dataset import Dataset
from tracker.core.engine.results import (
    ActiveCondition,
    Change,
    ChangeKind,
    Citation,
    Comparison,
    DiffResult,
    DisputedReport,
    IssueDiff,
    IssuePosition,
    Position,
    Report,
    Review,
    Timeline,
    ValidationReport,
    WordChange,
)
from tracker.render.base import (
    MARKERS,
    Renderer,
    citation_line,
    correction_source,
    inert,
    move_marker,
    review_headline,
)


def plain(text: str, style: str = "") -> Text:
    return Text(inert(text), style=style)


# --- engine results -----------------------------------------------------------


def cite(citation: Citation) -> Text:
    return plain(f"  — {citation_line(citation)}", "dim")


def level_text(issue_position: IssuePosition) -> Text:
    if issue_position.level is None or issue_position.level_index is None:
        return Text("")
    steps = len(issue_position.issue.ladder)
    return plain(f"  [level {issue_position.level}, {issue_position.level_index + 1} of {steps}]", "cyan")


def condition_text(active: ActiveCondition, marker: str = "•", style: str = "") -> Text:
    condition = active.condition
    return Text.assemble(
        (f"  {marker} ", style),
        plain(condition.id, "bold"),
        f" ({condition.kind.value}, {condition.stage.value}): ",
        plain(condition.text),
        cite(active.last_stated),
    )


def disputed_lines(reports: tuple[DisputedReport, ...], included: bool) -> list[Text]:
    if not reports:
        return []
    label = "included, labelled" if included else "left out; --include-disputed to count them"
    lines = [Text(f"Disputed or corrected reports ({label}):", style="yellow")]
    for report in reports:
        for condition in report.conditions:
            lines.append(
                Text.assemble(
                    ("  ! reported ", "yellow"),
                    plain(condition.id, "bold"),
                    ": ",
                    plain(condition.text),
                    cite(report.citation),
                )
            )
        for note in report.corrections:
            lines.append(
                Text.assemble(
                    (f"      {note.kind.value}: ", "yellow"),
                    plain(note.text),
                    plain(f"  — {correction_source(note)}", "dim"),
                )
            )
    return lines


_CHANGE_STYLE = {
    ChangeKind.ADDED: "green",
    ChangeKind.DROPPED: "red",
    ChangeKind.REPLACED: "yellow",
    ChangeKind.REWORDED: "yellow",
    ChangeKind.MOVED: "magenta",
    ChangeKind.REAFFIRMED: "dim",
    ChangeKind.UNCHANGED: "dim",
}


def change_lines(change: Change) -> list[Text]:
    style = _CHANGE_STYLE[change.kind]
    marker = MARKERS[change.kind]
    move = f" {move_marker(change.level_move)}" if change.level_move else ""
    head = Text.assemble((f"  {marker} {change.kind.value}{move} ", style))
    if change.kind is ChangeKind.REPLACED and change.before and change.after:
        head.append_text(plain(" → ".join(change.chain), "bold"))
        lines = [
            head,
            condition_text(change.before, "  before", "dim"),
            condition_text(change.after, "  after ", style),
        ]
    else:
        active = change.after or change.before
        assert active is not None
        lines = [head + condition_text(active, "", style)[3:]]
        if change.withdrawn_by is not None:
            lines.append(Text.assemble(("      withdrawn", "red"), cite(change.withdrawn_by)))
    if change.words and any(run.op != "equal" for run in change.words):
        lines.append(Text("      wording: ") + word_diff(change.words))
    return lines


def word_diff(words: tuple[WordChange, ...]) -> Text:
    out = Text()
    for run in words:
        if run.op == "delete":
            out.append_text(Text.assemble(("[-", "red"), plain(run.text, "red strike"), ("-]", "red")))
        elif run.op == "insert":
            out.append_text(Text.assemble(("{+", "green"), plain(run.text, "green"), ("+}", "green")))
        else:
            out.append_text(plain(run.text))
        out.append(" ")
    return out


def directions_text(issue_diff: IssueDiff) -> Text:
    if not issue_diff.directions:
        return Text("")
    parts = [
        f"{d.verdict.value} vs {d.counterpart} ({d.distance_before}→{d.distance_after})" for d in issue_diff.directions
    ]
    return plain("  " + "; ".join(parts), "cyan")


class _EngineTerminal:
    def _to_text(self, *renderables: RenderableType, soft_wrap: bool = False) -> str:
        raise NotImplementedError

    def _position_lines(self, position: Position) -> list[Text]:
        lines = [Text.assemble(plain(position.party.name, "bold underline"), f": position as of {position.at}")]
        for issue_position in position.issues:
            lines.append(
                Text.assemble(
                    plain(issue_position.issue.id, "bold"),
                    " ",
                    plain(issue_position.issue.title, "dim"),
                    level_text(issue_position),
                )
            )
            if not issue_position.stated:
                lines.append(Text("  no stated position", style="dim"))
            lines += [condition_text(active) for active in issue_position.conditions]
        lines += disputed_lines(position.disputed, position.include_disputed)
        return lines

    def position(self, position: Position) -> str:
        return self._to_text(*self._position_lines(position))

    def _diff_lines(self, result: DiffResult) -> list[Text]:
        lines: list[Text] = []
        for party_diff in result.parties:
            lines.append(
                Text.assemble(plain(party_diff.party.name, "bold underline"), f": {result.since} → {result.until}")
            )
            if not party_diff.issues:
                lines.append(Text("  no stated conditions in this window", style="dim"))
            for issue_diff in party_diff.issues:
                level = ""
                if issue_diff.level_before != issue_diff.level_after or issue_diff.level_after:
                    level = f"  [level {issue_diff.level_before or '—'} → {issue_diff.level_after or '—'}]"
                lines.append(
                    Text.assemble(plain(issue_diff.issue.id, "bold"), plain(level, "cyan"), directions_text(issue_diff))
                )
                for change in issue_diff.changes:
                    lines += change_lines(change)
            lines += disputed_lines(party_diff.disputed, result.include_disputed)
            lines.append(Text(""))
        shifted = sum(1 for p in result.parties if p.shifted)
        lines.append(
            Text(f"{shifted} of {len(result.parties)} parties shifted between {result.since} and {result.until}.")
        )
        return lines

    def diff(self, result: DiffResult) -> str:
        return self._to_text(*self._diff_lines(result))

    def _comparison_tables(self, comparison: Comparison) -> list[RenderableType]:
        matrix = Table(title=f"Positions as of {comparison.at}", title_justify="left")
        matrix.add_column("issue", overflow="fold")
        for party in comparison.parties:
            matrix.add_column(inert(party.name), overflow="fold")
        by_issue = [{i.issue.id: i for i in position.issues} for position in comparison.positions]
        for issue in comparison.issues:
            cells = [plain(issue.id, "bold")]
            for table in by_issue:
                cell = table.get(issue.id)
                if cell is None or not cell.stated:
                    cells.append(Text("no stated position", style="dim"))
                elif cell.level is not None and cell.level_index is not None:
                    cells.append(plain(f"{cell.level} ({cell.level_index + 1}/{len(cell.issue.ladder)})"))
                else:
                    cells.append(Text(f"{len(cell.conditions)} condition(s)"))
            matrix.add_row(*cells)
        since = f"then = {comparison.since}" if comparison.since else "no --from given"
        gaps = Table(title=f"Gaps on laddered issues ({since})", title_justify="left")
        for column in ("issue", "parties", "then", "now", "trend"):
            gaps.add_column(column, overflow="fold")
        arrows = {"converging": "→← converging", "diverging": "←→ diverging", "steady": "= steady"}
        for gap in comparison.gaps:
            gaps.add_row(
                plain(gap.issue, "bold"),
                plain(f"{gap.party_a} ↔ {gap.party_b}"),
                "—" if gap.distance_since is None else str(gap.distance_since),
                "—" if gap.distance is None else str(gap.distance),
                arrows[gap.trend.value] if gap.trend else "—",
            )
        return [matrix, gaps]

    def comparison(self, comparison: Comparison) -> str:
        return self._to_text(*self._comparison_tables(comparison))

    def _timeline_lines(self, timeline: Timeline) -> list[Text]:
        lines = []
        for event in timeline.events:
            flag = " [disputed]" if event.citation.disputed else ""
            lines.append(
                Text.assemble(
                    (str(event.citation.date), "bold"),
                    "  ",
                    plain(", ".join(event.party_ids), "bold"),
                    (flag, "yellow"),
                    cite(event.citation),
                )
            )
            for item in event.events:
                lines.append(
                    Text.assemble(
                        f"    {item.what:<10} ",
                        plain(item.condition_id, "bold"),
                        f" ({item.issue}): ",
                        plain(item.text),
                    )
                )
            for note in event.corrections:
                lines.append(
                    Text.assemble((f"    {note.kind.value:<10} ", "yellow"), plain(note.text), cite(note.source))
                )
        if not lines:
            lines.append(Text("no statements", style="dim"))
        return lines

    def timeline(self, timeline: Timeline) -> str:
        return self._to_text(*self._timeline_lines(timeline))

    def review(self, review: Review) -> str:
        lines = [Text.assemble(("Dataset review: ", "bold"), plain(f"{review.base} → {review.head}", "bold"))]
        for side, label, problems in (
            ("base", review.base, review.base_problems),
            ("head", review.head, review.head_problems),
        ):
            if problems:
                lines.append(plain(f"The {side} side ({label}) does not load:", "red"))
                lines += [plain(f"  {problem}") for problem in problems]
        if not review.loaded:
            return self._to_text(*lines)
        lines.append(plain(review_headline(review) + f" Positions as of {review.at}."))
        markers = {"added": "+", "removed": "−", "edited": "~"}
        for edit in review.edits:
            detail = []
            if edit.conditions_added:
                detail.append("+" + ",".join(edit.conditions_added))
            if edit.conditions_removed:
                detail.append("−" + ",".join(edit.conditions_removed))
            if edit.conditions_changed:
                detail.append("~" + ",".join(edit.conditions_changed))
            lines.append(
                Text.assemble(
                    f"  {markers[edit.kind.value]} {edit.kind.value:<8} ",
                    plain(edit.statement_id, "bold"),
                    plain(f" [{' '.join(detail)}]" if detail else ""),
                    cite(edit.citation),
                )
            )
        for shift in review.shifts:
            lines.append(plain(shift.party.name, "bold underline"))
            for issue_diff in shift.issues:
                level = f"  [level {issue_diff.level_before or '—'} → {issue_diff.level_after or '—'}]"
                lines.append(
                    Text.assemble(plain(issue_diff.issue.id, "bold"), plain(level, "cyan"), directions_text(issue_diff))
                )
                for change in issue_diff.changes:
                    lines += change_lines(change)
        for gap in review.gaps:
            trend = f" ({gap.trend.value})" if gap.trend else ""
            before = "—" if gap.before is None else str(gap.before)
            after = "—" if gap.after is None else str(gap.after)
            lines.append(plain(f"gap {gap.issue} {gap.party_a} ↔ {gap.party_b}: {before} → {after}{trend}"))
        return self._to_text(*lines)

    def report(self, report: Report) -> str:
        parts: list[RenderableType] = [Text(inert(report.title), style="bold")]
        parts += self._comparison_tables(report.comparison)
        parts += self._diff_lines(report.recent)
        return self._to_text(*parts)


def _join_text(renderables: tuple[RenderableType, ...]) -> list[RenderableType]:
    """Runs of Text lines as one Text: one console.print per line cost ~1 ms each."""
    joined: list[RenderableType] = []
    for renderable in renderables:
        previous = joined[-1] if joined else None
        if isinstance(renderable, Text) and isinstance(previous, Text):
            previous.append("\n")
            previous.append_text(renderable)
        else:
            joined.append(renderable.copy() if isinstance(renderable, Text) else renderable)
    return joined


class TerminalRenderer(_EngineTerminal, Renderer):
    def __init__(self, *, color: bool, width: int) -> None:
        self.color = color
        self.width = width

    def _to_text(self, *renderables: RenderableType, soft_wrap: bool = False) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            emoji=False,
            markup=False,
            soft_wrap=soft_wrap,
        )
        for renderable in _join_text(renderables):
            console.print(renderable)
        return buffer.getvalue()

    def validation(self, report: ValidationReport) -> str:
        lines: list[Text] = []
        for item in report.checked:
            for problem in item.problems:
                lines.append(plain(str(problem)))
            if item.valid and item.dataset is not None:
                dataset = item.dataset
                conditions = sum(len(p.statement.conditions) for p in dataset.statements)
                lines.append(
                    Text.assemble(
                        plain(item.path),
                        (": valid", "green"),
                        f" ({len(dataset.statements)} statements, {conditions} conditions, "
                        f"{len(dataset.parties)} parties, {len(dataset.issues)} issues)",
                    )
                )
        # One problem per line, never wrapped: editors and CI parse FILE:LINE:COL.
        return self._to_text(*lines, soft_wrap=True)

    def parties(self, dataset: Dataset) -> str:
        table = Table(title="Parties", title_justify="left", expand=False)
        for column in ("id", "name", "kind", "aliases"):
            table.add_column(column, overflow="fold")
        for party in dataset.parties:
            table.add_row(plain(party.id, "bold"), plain(party.name), party.kind.value, plain(", ".join(party.aliases)))
        return self._to_text(table)

    def issues(self, dataset: Dataset) -> str:
        table = Table(title="Issues", title_justify="left", expand=False)
        for column in ("id", "title", "category", "ladder (pole to pole)"):
            table.add_column(column, overflow="fold")
        for issue in dataset.issues:
            ladder = " → ".join(level.id for level in issue.ladder) or "no ladder"
            table.add_row(plain(issue.id, "bold"), plain(issue.title), issue.category.value, plain(ladder))
        return self._to_text(table)
