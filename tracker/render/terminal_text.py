"""The pieces terminal output is built from: data as plain rich Text, entries that wrap under themselves.

Data is only ever wrapped in `rich.text.Text`, never parsed as console markup,
and control characters are shown as escapes (`inert`).
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from tracker.core.engine.results import ActiveCondition, Change, ChangeKind, Citation, DisputedReport, WordChange
from tracker.core.model import Issue, Party
from tracker.render.base import MARKERS, citation_line, correction_source, entries, inert
from tracker.render.words import change_label, rung


def plain(text: str, style: str = "") -> Text:
    return Text(inert(text), style=style)


_CHANGE_STYLE = {
    ChangeKind.ADDED: "green",
    ChangeKind.DROPPED: "red",
    ChangeKind.REPLACED: "yellow",
    ChangeKind.REWORDED: "yellow",
    ChangeKind.MOVED: "magenta",
    ChangeKind.REAFFIRMED: "dim",
    ChangeKind.UNCHANGED: "dim",
}


class Line:
    """One entry: a prefix (indent and marker) and a body that wraps under itself."""

    __slots__ = ("body", "prefix")

    def __init__(self, prefix: str | Text, body: Text | str = "") -> None:
        self.prefix = prefix if isinstance(prefix, Text) else Text(prefix)
        self.body = body if isinstance(body, Text) else Text(body)


Block = Line | RenderableType


def cite(citation: Citation) -> Text:
    return plain(citation_line(citation), "dim")


def condition_body(issue: Issue | None, active: ActiveCondition, style: str = "") -> Text:
    condition = active.condition
    level = f" [{rung(issue, active.level_index)}]" if issue and active.level_index is not None else ""
    return Text.assemble(
        plain(condition.text, style),
        plain(level, "cyan"),
        plain(f" — {citation_line(active.last_stated)} · {condition.id}", "dim"),
    )


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
    out.rstrip()
    return out


def change_lines(party: Party, issue: Issue, changes: tuple[Change, ...]) -> list[Line]:
    """The detail under a headline: shifts in full, a successor shared by several replaced conditions once."""
    lines: list[Line] = []
    for change, replaced, via in entries(changes):
        style, marker = _CHANGE_STYLE[change.kind], MARKERS[change.kind]
        for old in replaced or (change,):
            active = old.before if replaced else (change.after or change.before)
            assert active is not None
            label = Text(change_label(party, issue, old) + ": ", style)
            lines.append(Line(Text(f"  {marker} ", style), label + condition_body(issue, active)))
        lines += [Line("      via ", condition_body(issue, step, "dim")) for step in via]
        if replaced and change.after is not None:
            lines.append(Line(Text("      now ", style), condition_body(issue, change.after)))
        if change.withdrawn_by is not None:
            lines.append(Line(Text("      withdrawn ", "red"), cite(change.withdrawn_by)))
        if change.words:
            lines.append(Line("      wording ", word_diff(change.words)))
    return lines


def disputed_lines(reports: tuple[DisputedReport, ...], included: bool) -> list[Line]:
    if not reports:
        return []
    label = "counted, labelled" if included else "not counted; --include-disputed counts them"
    lines = [Line(Text(f"Corrected or disputed reports ({label}):", style="yellow"))]
    for report in reports:
        for condition in report.conditions:
            lines.append(
                Line(
                    Text("  ! reported: ", "yellow"),
                    Text.assemble(plain(condition.text), plain(f" — {citation_line(report.citation)}", "dim")),
                )
            )
        for note in report.corrections:
            lines.append(
                Line(
                    Text(f"      {note.kind.value}: ", "yellow"),
                    Text.assemble(plain(note.text), plain(f" — {correction_source(note)}", "dim")),
                )
            )
    return lines
