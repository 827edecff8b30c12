"""A chart of stances as a self-contained SVG, drawn by hand.

String building rather than a plotting library: the picture is a few dozen
lines, rectangles and labels, and a library (matplotlib: tens of megabytes and
about a second to import) would add nothing a reader sees. Every piece of data
text is escaped for XML (`_esc`), after control characters were made visible
(`inert`), so no text can close an element or start one. No script, style sheet,
font or image is fetched: the file is one `<svg>` with presentation attributes.

Meaning does not depend on colour: each party has its own dash pattern and its
letter in the marks at its moves.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from tracker.core.engine.chart import Chart, ChartSeries
from tracker.core.engine.results import Stance
from tracker.render.base import publisher_line
from tracker.render.chart_common import (
    claim_words,
    day_fraction,
    one_line,
    party_letters,
    party_names,
    rung_number,
    rungs_used,
    shorten,
    ticks,
)

WIDTH = 960
LABEL = 270  # left margin for rung titles
RIGHT = 24
TOP = 56
ROW = 52
FONT = "Helvetica, Arial, sans-serif"
COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#222222")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "12 4 2 4 2 4", "1 2")
REPORT = "#b8860b"
CHAR = 0.56  # average glyph width as a fraction of the font size, for layout


def _esc(text: str) -> str:
    """Data text for an SVG text node or attribute: one line, controls visible, XML-escaped."""
    return escape(one_line(text), {'"': "&quot;", "'": "&#39;"})


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Up to `lines` lines of at most `width` characters, the last shortened with an ellipsis."""
    words, found, current = one_line(text).split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            found.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    found.append(current)
    if len(found) > lines:
        found = [*found[: lines - 1], shorten(" ".join(found[lines - 1 :]), width)]
    return [shorten(line, width) for line in found]


def render_chart(chart: Chart) -> str:
    rungs = list(rungs_used(chart))
    plot_left, plot_right = LABEL, WIDTH - RIGHT
    plot_top = TOP
    plot_bottom = plot_top + ROW * len(rungs)
    letters = party_letters(item.party for item in chart.series)
    count = len(chart.series)

    def x(day: date) -> float:
        return round(plot_left + day_fraction(chart, day) * (plot_right - plot_left), 1)

    def y(rung: float) -> float:
        return round(plot_top + ROW * (len(rungs) - 1 - rung) + ROW / 2, 1)

    title = f"{one_line(chart.issue.title)}: asks over time, {chart.start.isoformat()} to {chart.end.isoformat()}"
    out: list[str] = []
    out.append(f'<text x="20" y="30" font-size="18" font-weight="bold">{_esc(shorten(title, 90))}</text>')
    # Rungs: a light band per row, the title on the left.
    for rung in rungs:
        top = y(rung) - ROW / 2
        if rung % 2 == 0:
            out.append(
                f'<rect x="{plot_left}" y="{top}" width="{plot_right - plot_left}" height="{ROW}" fill="#f4f4f4"/>'
            )
        lines = _wrap(f"{rung_number(rung)} {chart.issue.ladder[rung].title}", 40, 2)
        first = y(rung) + 4.5 - (len(lines) - 1) * 8
        for index, line in enumerate(lines):
            out.append(
                f'<text x="{plot_left - 8}" y="{first + 16 * index}" font-size="13" text-anchor="end">{_esc(line)}</text>'
            )
    # The time axis.
    out.append(f'<line x1="{plot_left}" y1="{plot_bottom}" x2="{plot_right}" y2="{plot_bottom}" stroke="#333"/>')
    for day, label in ticks(chart.start, chart.end, plot_right - plot_left, 13 * CHAR):
        at = x(day)
        out.append(f'<line x1="{at}" y1="{plot_top}" x2="{at}" y2="{plot_bottom + 5}" stroke="#ccc"/>')
        out.append(f'<text x="{at}" y="{plot_bottom + 20}" font-size="13" text-anchor="middle">{label}</text>')
    out.append(
        f'<text x="{plot_left}" y="{plot_bottom + 38}" font-size="12" fill="#555">{chart.start.isoformat()}</text>'
    )
    out.append(
        f'<text x="{plot_right}" y="{plot_bottom + 38}" font-size="12" fill="#555" text-anchor="end">'
        f"{chart.end.isoformat()}</text>"
    )
    # Spans, then lines, then marks: marks stay on top.
    spans, paths, marks = [], [], []
    placed: list[tuple[float, float]] = []

    def free(cx: float, cy: float) -> float:
        """An x near `cx` where a mark does not cover another (simultaneous moves on one rung)."""
        while any(abs(cx - px) < 15 and abs(cy - py) < 15 for px, py in placed):
            cx += 15
        placed.append((cx, cy))
        return cx

    for index, item in enumerate(chart.series):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        offset = (index - (count - 1) / 2) * 3  # parties on one rung stay apart
        segments = _segments(chart, item)
        for start, end, stance in segments:
            if stance is None:
                continue
            x1, x2 = x(start), max(x(end), x(start) + 2)
            top, bottom = y(stance.high) - ROW * 0.4, y(stance.low) + ROW * 0.4
            spans.append(
                f'<rect x="{x1}" y="{top}" width="{round(x2 - x1, 1)}" height="{round(bottom - top, 1)}" '
                f'fill="{colour}" fill-opacity="0.10" stroke="{colour}" stroke-opacity="0.35" stroke-dasharray="2 2"/>'
            )
        points: list[str] = []
        for start, end, stance in segments:
            if stance is None:
                if len(points) > 1:
                    paths.append(_path(points, colour, dash))
                points = []
                continue
            level = round(y(stance.ask) + offset, 1)
            points += [f"{x(start)},{level}", f"{x(end)},{level}"]
        if len(points) > 1:
            paths.append(_path(points, colour, dash))
        for step in item.steps:
            if step.stance is None:
                continue
            cy = round(y(step.stance.ask) + offset, 1)
            cx = free(x(step.date.start), cy)
            fill = colour if step.moved else "#fff"
            ink = "#fff" if step.moved else colour
            marks.append(
                f"<g><title>{_esc(f'{item.party.name} {step.date}: {publisher_line(step.citation)}')}</title>"
                f'<circle cx="{cx}" cy="{cy}" r="8" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>'
                f'<text x="{cx}" y="{cy + 4}" font-size="11" font-weight="bold" text-anchor="middle" '
                f'fill="{ink}">{letters[item.party.id]}</text></g>'
            )
    for report in chart.corrections:
        for claim in report.claims:
            # Above the rung's line: the party's own move is often on the same day and rung.
            cy = y(claim.rung) - 24 if claim.rung is not None else plot_top + 8
            cx = free(x(report.date.start), cy)
            what = f"corrected report: {party_names(chart, report)}, {report.date}, {publisher_line(report.citation)}"
            marks.append(
                f"<g><title>{_esc(what)}</title>"
                f'<circle cx="{cx}" cy="{cy}" r="8" fill="#fff" stroke="{REPORT}" stroke-width="1.5" '
                f'stroke-dasharray="3 2"/>'
                f'<path d="M{cx - 5},{cy - 5}L{cx + 5},{cy + 5}M{cx - 5},{cy + 5}L{cx + 5},{cy - 5}" '
                f'stroke="{REPORT}" stroke-width="2"/>'
                f'<text x="{cx + (-13 if cx > WIDTH - 160 else 13)}" y="{cy + 4}" font-size="11" fill="{REPORT}" '
                f'text-anchor="{"end" if cx > WIDTH - 160 else "start"}">corrected report</text></g>'
            )
    out += spans + paths + marks
    height, legend = _legend(chart, letters, plot_bottom + 60)
    out += legend
    description = (
        f"Step chart of each party's ask on {one_line(chart.issue.title)}, by rung, over time. "
        f"Parties: {', '.join(f'{letters[i.party.id]} {one_line(i.party.name)}' for i in chart.series)}."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" font-family="{FONT}" role="img">'
        f"<title>{_esc(title)}</title><desc>{_esc(description)}</desc>"
        f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>'
    )
    return head + "\n" + "\n".join(out) + "\n</svg>\n"


def _segments(chart: Chart, item: ChartSeries) -> list[tuple[date, date, Stance | None]]:
    """(from day, to day, stance) for each stretch of the window a stance was held."""
    found: list[tuple[date, date, Stance | None]] = []
    day, stance = chart.start, item.start
    for step in item.steps:
        start = max(step.date.start, chart.start)
        if start > day:
            found.append((day, start, stance))
        day, stance = start, step.stance
    if day <= chart.end:
        found.append((day, chart.end, stance))
    return found


def _path(points: list[str], colour: str, dash: str) -> str:
    pattern = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2.5"'
        f'{pattern} stroke-linejoin="round"/>'
    )


def _legend(chart: Chart, letters: dict[str, str], top: float) -> tuple[int, list[str]]:
    """The legend under the axis; returns the picture's height and the elements."""
    out: list[str] = []
    row = top
    column = 0
    for index, item in enumerate(chart.series):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        left = 20 + column * 235
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{left}" y1="{row - 4}" x2="{left + 34}" y2="{row - 4}" stroke="{colour}" '
            f'stroke-width="2.5"{pattern}/>'
            f'<circle cx="{left + 46}" cy="{row - 4}" r="8" fill="{colour}"/>'
            f'<text x="{left + 46}" y="{row}" font-size="11" font-weight="bold" text-anchor="middle" '
            f'fill="#fff">{letters[item.party.id]}</text>'
            f'<text x="{left + 60}" y="{row}" font-size="13">{_esc(shorten(item.party.name, 22))}</text>'
        )
        column += 1
        if column == 4:
            column, row = 0, row + 22
    if column:
        row += 22
    notes = [
        "Filled mark: a statement moved the party's ask there; hollow: it changed only the span. "
        "Shaded: the span of rungs a party holds.",
    ]
    for report in chart.corrections:
        fixes = " ".join(one_line(note.text) for note in report.corrections)
        notes.append(
            f"Corrected report, not a move: {report.date}, {party_names(chart, report)}, as reported by "
            f"{one_line(publisher_line(report.citation))}: {claim_words(chart, report)}. {fixes}"
        )
    if not chart.series:
        notes.append("No party holds a stance on this issue in the window.")
    for note in notes:
        for line in _wrap(note, int((WIDTH - 40) / (12 * CHAR)), 6):
            out.append(f'<text x="20" y="{row}" font-size="12" fill="#333">{_esc(line)}</text>')
            row += 17
        row += 4
    return int(row + 8), out
