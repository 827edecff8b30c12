"""Terminal output with rich: headlines in words, then the detail, with hanging indents.

The entries are built from `terminal_text`'s pieces. On a terminal, lines
wrap at its width with a hanging indent; into a pipe or a file nothing is
wrapped, so each entry stays one line that grep and diff can use.
"""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.results import (
    Change,
    ChangeKind,
    Comparison,
    DiffResult,
    IssueDiff,
    IssuePosition,
    Position,
    Report,
    Review,
    Timeline,
    ValidationReport,
)
from tracker.core.engine.texts import TextComparison
from tracker.core.model import Party
from tracker.render.base import (
    Renderer,
    inert,
    review_headline,
)
from tracker.render.terminal_text import (
    Block,
    Line,
    change_lines,
    cite,
    condition_body,
    disputed_lines,
    plain,
)
from tracker.render.words import (
    direction_words,
    headline_words,
    stance_words,
    text_cell_words,
)


def issue_diff_lines(party: Party, issue_diff: IssueDiff, start: PartialDate | None, end: PartialDate) -> list[Line]:
    issue = issue_diff.issue
    lines = [Line(plain(issue.title, "bold"))]
    if issue_diff.headline is not None:
        move, context = headline_words(party, issue, issue_diff.headline, start, end)
        lines.append(Line("  ", plain(move, "bold")))
        if context:
            lines.append(Line("  ", plain(context)))
        others = issue_diff.directions[1:]
        if others:
            lines.append(Line("  ", plain("Other gaps: " + "; ".join(direction_words(d) for d in others) + ".", "dim")))
    shifts = tuple(c for c in issue_diff.changes if c.kind.is_shift)
    lines += change_lines(party, issue, shifts)
    quiet = [c for c in issue_diff.changes if not c.kind.is_shift]
    if quiet:
        counts = {
            kind: sum(1 for c in quiet if c.kind is kind) for kind in (ChangeKind.REAFFIRMED, ChangeKind.UNCHANGED)
        }
        said = ", ".join(f"{n} {kind.value}" for kind, n in counts.items() if n)
        lines.append(Line("  = ", plain(f"{said}: " + "; ".join(_short(c) for c in quiet), "dim")))
    return lines


def _short(change: Change) -> str:
    active = change.after or change.before
    assert active is not None
    return active.condition.text


def diff_lines(result: DiffResult) -> list[Line]:
    window = f"from {result.since}" if result.since else "from each issue's first stated stance"
    lines: list[Line] = []
    for party_diff in result.parties:
        lines.append(
            Line(Text.assemble(plain(party_diff.party.name, "bold underline"), f": {window} to {result.until}"))
        )
        if not party_diff.issues:
            lines.append(Line("  ", Text("no stated conditions in this window", style="dim")))
        for issue_diff in party_diff.issues:
            lines += issue_diff_lines(party_diff.party, issue_diff, result.since, result.until)
        lines += disputed_lines(party_diff.disputed, result.include_disputed)
        lines.append(Line(""))
    shifted = sum(1 for p in result.parties if p.shifted)
    newest = f" Newest statement in the data: {result.newest}." if result.newest else ""
    lines.append(Line(f"{shifted} of {len(result.parties)} parties shifted, {window} to {result.until}.{newest}"))
    return lines


def position_lines(position: Position) -> list[Line]:
    lines = [Line(Text.assemble(plain(position.party.name, "bold underline"), f": position as of {position.at}"))]
    silent = []
    for issue_position in position.issues:
        if not issue_position.stated:
            silent.append(issue_position.issue.title)
            continue
        lines.append(Line(Text.assemble(plain(issue_position.issue.title, "bold"), _stance_note(issue_position))))
        for active in issue_position.conditions:
            lines.append(Line("  • ", condition_body(issue_position.issue, active)))
    if silent:
        lines.append(Line(Text("No stated position on: ", style="dim"), plain(", ".join(silent) + ".", "dim")))
    lines += disputed_lines(position.disputed, position.include_disputed)
    return lines


def _stance_note(issue_position: IssuePosition) -> Text:
    if issue_position.stance is None:
        return Text("")
    return plain(f": asks {stance_words(issue_position.issue, issue_position.stance)}", "cyan")


def comparison_lines(comparison: Comparison) -> list[Line]:
    """Per issue, the parties that hold a stance and their asks; then the gaps. Readable at 80 columns."""
    by_party = [(p.party, {row.issue.id: row for row in p.issues}) for p in comparison.positions]
    lines = [Line(Text(f"Asks as of {comparison.at}", style="bold underline"))]
    unladdered = []
    for issue in comparison.issues:
        rows = [(party, table[issue.id]) for party, table in by_party if issue.id in table and table[issue.id].stated]
        held = [(party, row.stance) for party, row in rows if row.stance is not None]
        if held:
            lines.append(Line(plain(issue.title, "bold")))
            lines += [Line(plain(f"  {party.name}: "), plain(stance_words(issue, stance))) for party, stance in held]
        others = [party.name for party, row in rows if row.stance is None]
        if others:
            unladdered.append(f"{issue.title}: {', '.join(others)}")
    if unladdered:
        lines.append(Line(Text("Stated conditions without a rung", style="bold")))
        lines += [Line("  ", plain(entry)) for entry in unladdered]
    if comparison.gaps:
        since = f"then = {comparison.since}" if comparison.since else "no start date given"
        lines.append(Line(Text(f"Gaps between asks, in rungs ({since})", style="bold underline")))
        names = {party.id: party.name for party in comparison.parties}
        titles = {issue.id: issue.title for issue in comparison.issues}
        for gap in comparison.gaps:
            then = "—" if gap.distance_since is None else str(gap.distance_since)
            now = "—" if gap.distance is None else str(gap.distance)
            trend = f", {gap.trend.value}" if gap.trend else ""
            pair = f"{names.get(gap.party_a, gap.party_a)} ↔ {names.get(gap.party_b, gap.party_b)}"
            lines.append(Line("  ", plain(f"{titles.get(gap.issue, gap.issue)}, {pair}: {then} → {now}{trend}")))
    return lines


def timeline_lines(timeline: Timeline) -> list[Line]:
    lines = []
    for event in timeline.events:
        flag = "  [corrected report]" if event.citation.disputed else ""
        lines.append(
            Line(
                Text(f"{event.citation.date}  ", "bold"),
                Text.assemble(
                    plain(", ".join(event.party_names or event.party_ids), "bold"),
                    (flag, "yellow"),
                    " — ",
                    cite(event.citation),
                ),
            )
        )
        for item in event.events:
            level = f" [“{item.level_title}”]" if item.level_title else f" [{item.level}]" if item.level else ""
            lines.append(
                Line(
                    f"    {item.what:<10} ",
                    Text.assemble(plain(item.text), plain(level, "cyan"), plain(f" · {item.condition_id}", "dim")),
                )
            )
        for note in event.corrections:
            lines.append(
                Line(
                    Text(f"    {note.kind.value:<10} ", "yellow"),
                    Text.assemble(plain(note.text), " — ", cite(note.source)),
                )
            )
    if not lines:
        lines.append(Line(Text("no statements", style="dim")))
    return lines


def review_lines(review: Review) -> list[Line]:
    lines = [Line(Text.assemble(("Dataset review: ", "bold"), plain(f"{review.base} → {review.head}", "bold")))]
    for side, label, problems in (
        ("base", review.base, review.base_problems),
        ("head", review.head, review.head_problems),
    ):
        if problems:
            lines.append(Line(plain(f"The {side} side ({label}) does not load:", "red")))
            lines += [Line("  ", plain(problem)) for problem in problems]
    if not review.loaded:
        return lines
    lines.append(Line(plain(review_headline(review) + f" Positions as of {review.at}.")))
    markers = {"added": "+", "removed": "−", "edited": "~"}
    for edit in review.edits:
        detail = [
            f"{label} {', '.join(ids)}"
            for label, ids in (
                ("+", edit.conditions_added),
                ("−", edit.conditions_removed),
                ("~", edit.conditions_changed),
            )
            if ids
        ]
        lines.append(
            Line(
                f"  {markers[edit.kind.value]} {edit.kind.value:<8} ",
                Text.assemble(
                    plain(edit.statement_id, "bold"),
                    plain(f" [{'; '.join(detail)}]" if detail else ""),
                    " — ",
                    cite(edit.citation),
                ),
            )
        )
    for shift in review.shifts:
        lines.append(Line(plain(shift.party.name, "bold underline")))
        for issue_diff in shift.issues:
            lines += issue_diff_lines(shift.party, issue_diff, None, review.at)
    for gap in review.gaps:
        trend = f" ({gap.trend.value})" if gap.trend else ""
        before = "—" if gap.before is None else str(gap.before)
        after = "—" if gap.after is None else str(gap.after)
        lines.append(Line("  ", plain(f"gap on {gap.issue}, {gap.party_a} ↔ {gap.party_b}: {before} → {after}{trend}")))
    return lines


class TerminalRenderer(Renderer):
    def __init__(self, *, color: bool, width: int | None) -> None:
        self.color = color
        self.width = width  # None: not a terminal, nothing wrapped

    def _console(self, file: io.StringIO, width: int) -> Console:
        return Console(
            file=file,
            width=width,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            emoji=False,
            markup=False,
        )

    def _to_text(self, *blocks: Block) -> str:
        buffer = io.StringIO()
        console = self._console(buffer, self.width or 100)
        run: list[Text] = []
        for block in blocks:
            if isinstance(block, Line):
                run += self._lines(console, block)
                continue
            self._flush(console, run)
            console.print(block)
        self._flush(console, run)
        return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))

    def _lines(self, console: Console, line: Line) -> list[Text]:
        if self.width is None:
            return [line.prefix + line.body]
        if not line.body.plain:  # a heading: wraps under itself
            return list(line.prefix.wrap(console, self.width)) if line.prefix.plain else [Text("")]
        room = max(20, self.width - line.prefix.cell_len)
        wrapped = line.body.wrap(console, room) if line.body.plain else [Text("")]
        pad = Text(" " * line.prefix.cell_len)
        return [(line.prefix if index == 0 else pad) + part for index, part in enumerate(wrapped)]

    @staticmethod
    def _flush(console: Console, run: list[Text]) -> None:
        # One print for a run of lines: one console.print per line cost about 1 ms each.
        if run:
            console.print(Text("\n").join(run), soft_wrap=True)
            run.clear()

    def validation(self, report: ValidationReport) -> str:
        lines: list[Block] = []
        for item in report.checked:
            lines += [Line(plain(str(problem))) for problem in item.problems]
            if item.valid and item.dataset is not None:
                dataset = item.dataset
                conditions = sum(len(p.statement.conditions) for p in dataset.statements)
                lines.append(
                    Line(
                        Text.assemble(
                            plain(item.path),
                            (": valid", "green"),
                            f" ({len(dataset.statements)} statements, {conditions} conditions, "
                            f"{len(dataset.parties)} parties, {len(dataset.issues)} issues)",
                        )
                    )
                )
        # One problem per line, never wrapped: editors and CI parse FILE:LINE:COL.
        return TerminalRenderer(color=self.color, width=None)._to_text(*lines)

    def parties(self, dataset: Dataset) -> str:
        table = Table(title="Parties", title_justify="left", expand=False)
        with_speakers = any(party.speakers for party in dataset.parties)
        for column in ("id", "name", "kind", "pole", "aliases", *(("speakers",) if with_speakers else ())):
            table.add_column(column)
        for party in dataset.parties:
            pole = party.pole.value if party.pole else "—"
            cells = [
                plain(party.id, "bold"),
                plain(party.name),
                party.kind.value,
                pole,
                plain(", ".join(party.aliases)),
            ]
            if with_speakers:
                cells.append(plain(", ".join(party.speakers)))
            table.add_row(*cells)
        return self._to_text(table)

    def issues(self, dataset: Dataset) -> str:
        table = Table(title="Issues", title_justify="left", expand=False)
        for column in ("id", "title", "category", "ladder, first rung to last"):
            table.add_column(column)
        for issue in dataset.issues:
            ladder = " → ".join(level.title for level in issue.ladder) or "no ladder"
            table.add_row(plain(issue.id, "bold"), plain(issue.title), issue.category.value, plain(ladder))
        return self._to_text(table)

    def position(self, position: Position) -> str:
        return self._to_text(*position_lines(position))

    def diff(self, result: DiffResult) -> str:
        return self._to_text(*diff_lines(result))

    def comparison(self, comparison: Comparison) -> str:
        return self._to_text(*comparison_lines(comparison))

    def timeline(self, timeline: Timeline) -> str:
        return self._to_text(*timeline_lines(timeline))

    def review(self, review: Review) -> str:
        return self._to_text(*review_lines(review))

    def texts(self, comparison: TextComparison) -> str:
        table = Table(title="Texts side by side", title_justify="left", show_lines=True)
        table.add_column("issue")
        for citation, signers in zip(comparison.texts, comparison.signers, strict=True):
            names = ", ".join(party.name for party in signers)
            table.add_column(inert(f"{names}, {citation.date} ({citation.statement_id})"))
        for row in comparison.rows:
            cells: list[RenderableType] = [plain(row.issue.title, "bold")]
            for cell in row.cells:
                where, said, against = text_cell_words(row.issue, cell)
                style = "dim" if not cell.conditions else "cyan"
                cells.append(
                    Text("\n").join(
                        part for part in (plain(where, style), plain(said), plain(against, "dim")) if part.plain
                    )
                )
            table.add_row(*cells)
        return self._to_text(table)

    def report(self, report: Report) -> str:
        newest = f" Newest statement: {report.recent.newest}." if report.recent.newest else ""
        blocks: list[Block] = [Line(plain(report.title + "." + newest, "bold"))]
        blocks += comparison_lines(report.comparison)
        blocks += diff_lines(report.recent)
        return self._to_text(*blocks)
