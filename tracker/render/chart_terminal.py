"""A chart of stances in the terminal: rungs as rows, time as columns, a letter per party.

Meaning is carried by characters, never by colour alone: a capital letter where a
statement moved a party's ask, `─` while the ask is held, `═` where several
parties ask the same rung, `·` on the other rungs a party holds (its span), `│`
joining the rungs of a move, `×` for a corrected report. Data text is only
ever wrapped in `rich.text.Text`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from tracker.core.engine.chart import Chart
from tracker.render.base import publisher_line
from tracker.render.chart_common import (
    claim_words,
    day_fraction,
    move_lines,
    one_line,
    party_letters,
    party_names,
    rung_label,
    rungs_used,
    shorten,
    ticks,
)

# Styles only add to what the characters already say.
_STYLES = ("bold red", "bold blue", "bold green", "bold magenta", "bold cyan", "bold yellow")
_SPAN, _LINE, _SHARED, _JOIN, _REPORT = "·", "─", "═", "│", "×"
# Precedence when marks meet in one cell: a move, a report, asks, a join, a span.
_RANK = {"move": 5, "report": 4, "shared": 3, "line": 2, "join": 1, "span": 0}


class _Cell:
    __slots__ = ("glyph", "kind", "owners", "style")

    def __init__(self) -> None:
        self.kind: str | None = None
        self.glyph = " "
        self.style = ""
        self.owners: list[str] = []  # the parties whose ask line runs through

    def put(self, kind: str, glyph: str, style: str = "", owner: str = "") -> None:
        if kind == "line" and owner not in self.owners:
            self.owners.append(owner)
            if len(self.owners) > 1:
                kind, glyph, style = "shared", _SHARED, ""
        if self.kind is None or _RANK[kind] >= _RANK[self.kind]:
            self.kind, self.glyph, self.style = kind, glyph, style


def render_chart(chart: Chart, *, width: int = 100, color: bool = False) -> str:
    width = max(width, 60)
    letters = party_letters(item.party for item in chart.series)
    styles = {item.party.id: _STYLES[i % len(_STYLES)] for i, item in enumerate(chart.series)}
    rungs = list(rungs_used(chart))
    longest = max((len(one_line(level.title)) for level in chart.issue.ladder), default=0) + 3
    label = min(longest, max(16, width * 3 // 8))
    plot = width - label - 2  # one column for the axis, one spare so nothing wraps
    grid = {(rung, col): _Cell() for rung in rungs for col in range(plot)}

    def column(day: date) -> int:
        return round(day_fraction(chart, day) * (plot - 1))

    # The step lines: each column shows the stance held at the end of its last day.
    days_per_col = max(1, (chart.end - chart.start).days) / max(plot - 1, 1)
    for item in chart.series:
        letter, style = letters[item.party.id], styles[item.party.id]
        moves = {column(step.date.start): step for step in item.steps}
        previous = item.start
        stamped = -99  # the column of the party's last letter
        for col in range(plot):
            step = moves.get(col)
            day = chart.start + timedelta(days=int((col + 0.5) * days_per_col))
            stance = step.stance if step is not None else item.stance_on(min(day, chart.end))
            if stance is not None:
                for rung in range(stance.low, stance.high + 1):
                    if rung != stance.ask:
                        grid[rung, col].put("span", _SPAN)
                if step is not None and step.stance is not None:
                    grid[stance.ask, col].put("move", letter, style, item.party.id)
                    stamped = col
                elif col - stamped >= 12:  # a small letter now and then says whose line it is
                    grid[stance.ask, col].put("line", letter.lower(), style, item.party.id)
                    stamped = col
                else:
                    grid[stance.ask, col].put("line", _LINE, style, item.party.id)
            if step is not None and previous is not None and stance is not None and previous.ask != stance.ask:
                low, high = sorted((previous.ask, stance.ask))
                for rung in range(low + 1, high):
                    grid[rung, col].put("join", _JOIN, style)
            previous = stance
    reports = {column(report.date.start) for report in chart.corrections}
    for report in chart.corrections:
        for claim in report.claims:
            if claim.rung is not None:
                grid[claim.rung, column(report.date.start)].put("report", _REPORT, "bold yellow")

    lines: list[RenderableType] = [
        Text.assemble(
            (shorten(chart.issue.title, width - 40), "bold"),
            f": asks over time, {chart.start.isoformat()} to {chart.end.isoformat()}",
        )
    ]
    for rung in rungs:
        row = Text(shorten(rung_label(chart, rung), label - 1).ljust(label) + "│")
        run = 0
        for col in range(plot):
            cell = grid[rung, col]
            glyph, style = cell.glyph, cell.style
            run = run + 1 if cell.kind == "shared" else 0
            if 0 <= run % 12 - 2 < len(cell.owners):  # whose asks share the rung, now and then
                owner = cell.owners[run % 12 - 2]
                glyph, style = letters[owner].lower(), styles[owner]
            row.append(glyph, style=style if color else "")
        lines.append(row)
    marks, names = _axis(chart, plot, column)
    lines.append(Text(" " * label + "└" + marks))
    lines.append(Text(" " * (label + 1) + names))
    if chart.corrections:
        marks = "".join(_REPORT if col in reports else " " for col in range(plot))
        lines.append(Text("corrected report".ljust(label)[:label] + " " + marks, style="yellow" if color else ""))
    lines += _legend(chart, letters, styles if color else {})
    return _print(lines, width, color)


def _axis(chart: Chart, plot: int, column: Callable[[date], int]) -> tuple[str, str]:
    """The axis line with a tick at each labelled date, and the labels under it."""
    line, names = ["─"] * plot, [" "] * plot
    taken = -1
    for day, text in ticks(chart.start, chart.end, plot):
        col = column(day)
        if col <= taken or col + len(text) > plot:
            continue
        line[col] = "┬"
        names[col : col + len(text)] = text
        taken = col + len(text)
    return "".join(line), "".join(names).rstrip()


def _legend(chart: Chart, letters: dict[str, str], styles: dict[str, str]) -> list[RenderableType]:
    parties = Text("Parties: ", style="bold")
    for item in chart.series:
        parties.append(letters[item.party.id], style=styles.get(item.party.id, ""))
        parties.append(f" {one_line(item.party.name)}  ")
    found: list[RenderableType] = [
        parties,
        Text(
            f"Capital letter: a statement moved the stance there; {_LINE} ask held (its small letter now "
            f"and then); {_SHARED} several parties ask that rung; {_SPAN} other rungs the party holds; "
            f"{_JOIN} a move across rungs; {_REPORT} corrected report, not a move."
        ),
    ]
    moves = _grid()
    for item, step, what in move_lines(chart):
        moves.add_row(
            Text(letters[item.party.id], style=styles.get(item.party.id, "")),
            Text(str(step.date)),
            Text(f"{what} — {one_line(publisher_line(step.citation))}"),
        )
    if moves.row_count:
        found += [Text("Statements that moved a stance:", style="bold"), moves]
    reports = _grid()
    for report in chart.corrections:
        fixes = " ".join(f"{note.kind.value.capitalize()}: {one_line(note.text)}" for note in report.corrections)
        reports.add_row(
            Text(_REPORT),
            Text(str(report.date)),
            Text(
                f"{party_names(chart, report)}, as reported by {one_line(publisher_line(report.citation))}: "
                f"{claim_words(chart, report)}. {fixes}"
            ),
        )
    if reports.row_count:
        found += [Text("Corrected or disputed reports (marks, not moves):", style="bold"), reports]
    if not chart.series:
        found.append(Text("No party holds a stance on this issue in the window."))
    return found


def _grid() -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _print(lines: list[RenderableType], width: int, color: bool) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for line in lines:
        console.print(line)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
