"""What every chart format shares: a letter per party, plain labels, time ticks, the moves."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from tracker.core.engine.chart import Chart, ChartCorrection, ChartSeries, ChartStep
from tracker.core.engine.results import Stance
from tracker.core.model import Party
from tracker.render.base import inert


def one_line(text: str) -> str:
    """Data text on one line, control characters shown as escapes."""
    return " ".join(inert(text).split())


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word when one ends late enough, with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit - 8:  # a word boundary near the end; else cut inside the word
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def party_letters(parties: Iterable[Party]) -> dict[str, str]:
    """A distinct capital letter (or digit) per party: its initials first, then its other letters.

    Russia R, Ukraine U, United States S, NATO N, China C.
    """
    letters: dict[str, str] = {}
    taken: set[str] = set()
    for party in parties:
        words = re.findall(r"[^\W_]+", party.name + " " + party.id)
        initials = [word[0] for word in words]
        rest = [char for word in words for char in word[1:]]
        for char in [*initials, *rest, *"ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789"]:
            letter = char.upper()
            if letter.isascii() and letter.isalnum() and letter not in taken:
                break
        else:
            letter = "?"
        letters[party.id] = letter
        taken.add(letter)
    return letters


def rung_number(rung: int) -> int:
    """Rungs are shown counted from 1, as `tracker show` counts levels ("3 of 7")."""
    return rung + 1


def rung_label(chart: Chart, rung: int, limit: int = 200) -> str:
    return f"{rung_number(rung)} {shorten(chart.issue.ladder[rung].title, limit)}"


def stance_words(chart: Chart, stance: Stance | None) -> str:
    """`3 Ukraine neutral` with `(holds 1–3)` when the party holds a span of rungs."""
    if stance is None:
        return "no rung held"
    words = rung_label(chart, stance.ask, 60)
    if stance.low != stance.high:
        words += f" (holds {rung_number(stance.low)}–{rung_number(stance.high)})"
    return words


def claim_words(chart: Chart, report: ChartCorrection) -> str:
    """What a corrected report claimed: the rung titles when it named rungs, else its text."""
    parts = []
    for claim in report.claims:
        if claim.rung is not None:
            parts.append(rung_label(chart, claim.rung, 60))
        else:
            parts.append(shorten(claim.text, 80))
    return "; ".join(parts)


def party_names(chart: Chart, report: ChartCorrection) -> str:
    names = {item.party.id: item.party.name for item in chart.series}
    return ", ".join(one_line(names.get(party, party)) for party in report.party_ids)


def day_fraction(chart: Chart, day: date) -> float:
    """Where a day falls in the window, 0 at its first day and 1 at its last."""
    span = (chart.end - chart.start).days
    if span <= 0:
        return 0.0
    return min(1.0, max(0.0, (day - chart.start).days / span))


def ticks(start: date, end: date, length: float, char: float = 1.0) -> list[tuple[date, str]]:
    """Dates to label on a time axis `length` long, where a character is `char` long:
    months, quarters, half-years or years (labelled `2025-04` or `2025`), the finest
    step whose labels keep at least two characters apart."""
    days = max(1, (end - start).days)
    for months in (1, 3, 6, 12, 24, 60):
        label = 7 if months < 12 else 4
        if length / max(days / (30.44 * months), 1) >= (label + 2) * char:
            break
    found = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        day = date(year, month, 1)
        if months < 12 and (month - 1) % months == 0 and day >= start:
            found.append((day, f"{year}-{month:02d}"))
        elif months >= 12 and month == 1 and year % (months // 12) == 0 and day >= start:
            found.append((day, str(year)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def move_lines(chart: Chart) -> list[tuple[ChartSeries, ChartStep, str]]:
    """(series, step, what) for each step: the moves a chart marks, in words."""
    found = []
    for item in chart.series:
        before = item.start
        for step in item.steps:
            if step.moved:
                what = f"ask {stance_words(chart, step.stance)}"
            else:
                what = f"ask unchanged, {stance_words(chart, step.stance)}"
            if before is None and step.stance is not None:
                what = f"first stated: {what}"
            found.append((item, step, what))
            before = step.stance
    return found


def rungs_used(chart: Chart) -> Sequence[int]:
    """Every rung of the ladder, last (the pole drawn at the top) first."""
    return range(len(chart.issue.ladder) - 1, -1, -1)
