"""A chart of stances for GitHub: a Mermaid `xychart-beta` and the tables that make it readable.

GitHub runs Mermaid 11, whose xychart draws lines through evenly spaced
categories: one point per period, no gaps, colour the only difference between
lines. So time is cut into months, quarters, half-years or years (the finest
that keeps at most `MAX_PERIODS` points, to stay legible at GitHub's ~1,000 px
content width), each point is the party's ask at the end of the period, a
period before a party's first statement is drawn at 0 ("no stance"), and the
tables under the chart name each line's colour, each rung, every move with its
source, and the corrected reports. Labels inside the diagram keep only letters,
digits and plain punctuation; table cells go through `md_text`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.core.engine.chart import Chart
from tracker.render.chart_common import claim_words, move_lines, one_line, party_names, rung_number
from tracker.render.markdown_text import md_source, md_table, md_text

MAX_PERIODS = 18
WIDTH, HEIGHT = 960, 500
# Colours close to the emoji squares the legend shows them with, so the table can say which line is whose.
PALETTE = (
    ("#d62728", "🟥"),
    ("#1f77b4", "🟦"),
    ("#2ca02c", "🟩"),
    ("#ff7f0e", "🟧"),
    ("#9467bd", "🟪"),
    ("#8c564b", "🟫"),
    ("#222222", "⬛"),
)
_UNSAFE = re.compile(r"[^\w .,'()/\-]+")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PERIODS = ((1, "month"), (3, "quarter"), (6, "half-year"), (12, "year"))


def mermaid_label(text: str, limit: int = 60) -> str:
    """Text for inside a quoted Mermaid label: letters, digits, spaces and . , ' ( ) / - only."""
    cleaned = " ".join(_UNSAFE.sub(" ", one_line(text).replace("_", " ")).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 3].rstrip() + "..."


def periods(start: date, end: date) -> tuple[str, list[tuple[str, date]]]:
    """The period kind, and (label, last day) of each period from `start` to `end`."""
    months, kind, first, last = 12, "year", start.year, end.year
    for size, name in _PERIODS:
        first = (start.year * 12 + start.month - 1) // size
        last = (end.year * 12 + end.month - 1) // size
        if last - first + 1 <= MAX_PERIODS or size == 12:
            months, kind = size, name
            break
    found = []
    for index in range(first, last + 1):
        year, month0 = divmod(index * months, 12)
        after = date(year + (month0 + months) // 12, (month0 + months) % 12 + 1, 1)
        # Short labels: at 18 points on ~750 px, "Q1 2022" would overlap its neighbours.
        if months == 1:
            label = f"{_MONTHS[month0]} {year % 100:02d}"
        elif months == 3:
            label = f"Q{month0 // 3 + 1} {year % 100:02d}"
        elif months == 6:
            label = f"H{month0 // 6 + 1} {year % 100:02d}"
        else:
            label = str(year)
        found.append((label, min(after - timedelta(days=1), end)))
    return kind, found


def render_chart(chart: Chart) -> str:
    if not chart.series:  # Mermaid's xychart cannot draw a chart without a line: it fails
        return (
            f"**{md_text(chart.issue.title)}**: no party holds a stance on this issue from "
            f"{chart.start.isoformat()} to {chart.end.isoformat()}.\n"
        )
    kind, spans = periods(chart.start, chart.end)
    top = len(chart.issue.ladder)
    # Mermaid asks d3 for about ten ticks: from 0 to 5, 6 or 7 that means half-rung steps
    # ("rung 6.5"), from 0 to 8 whole ones. Small ladders keep their own height.
    axis_top = 8 if 5 <= top < 8 else top
    lines = [
        "```mermaid",
        "---",
        "config:",
        "  xyChart:",
        f"    width: {WIDTH}",
        f"    height: {HEIGHT}",
        "    showLegend: true",
        "    xAxis:",
        "      labelFontSize: 13",
        "  themeVariables:",
        "    xyChart:",
        f'      plotColorPalette: "{", ".join(colour for colour, _ in PALETTE)}"',
        "---",
        "xychart-beta",
        f'    title "{mermaid_label(chart.issue.title)} - ask by {kind}"',
        "    x-axis [" + ", ".join(f'"{label}"' for label, _ in spans) + "]",
        f'    y-axis "Rung (0 no stance)" 0 --> {axis_top}',
    ]
    legend = []
    for index, item in enumerate(chart.series):
        _, square = PALETTE[index % len(PALETTE)]
        values = []
        for _, last in spans:
            stance = item.stance_on(last) if last >= chart.start else item.start
            values.append(str(rung_number(stance.ask)) if stance is not None else "0")
        lines.append(f'    line "{mermaid_label(item.party.name, 30)}" [{", ".join(values)}]')
        legend.append([f"{square} line {index + 1}", md_text(item.party.name)])
    lines.append("```")
    text = "\n".join(lines) + "\n\n"
    text += (
        f"*Each point is a party's ask at the end of the {kind} ({len(spans)} {kind}{'s' if len(spans) != 1 else ''}, "
        f"{chart.start.isoformat()} to {chart.end.isoformat()}); moves within a {kind} are listed below. "
        "0: no stance stated.*\n\n"
    )
    if legend:
        text += md_table(["Line", "Party"], legend) + "\n"
    rungs = [[str(rung_number(rung)), md_text(level.title)] for rung, level in enumerate(chart.issue.ladder)]
    text += md_table(["Rung", f"{md_text(chart.issue.title)}"], list(reversed(rungs))) + "\n"
    moves = [
        [str(step.date), md_text(item.party.name), md_text(what), md_source(step.citation)]
        for item, step, what in move_lines(chart)
    ]
    if moves:
        text += "**Statements that moved a stance**\n\n" + md_table(["Date", "Party", "Stance", "Source"], moves) + "\n"
    if chart.corrections:
        text += "**Corrected or disputed reports** (marked, never counted as moves)\n\n"
        for report in chart.corrections:
            fixes = " ".join(
                f"{note.kind.value.capitalize()} ({md_source(note.source)}): {md_text(note.text)}"
                for note in report.corrections
            )
            text += (
                f"- {report.date}, {md_text(party_names(chart, report))}, as reported by "
                f"{md_source(report.citation)}: {md_text(claim_words(chart, report))}. "
                f"{fixes}\n"
            )
        text += "\n"
    return text
