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
from tracker.core.results import ValidationReport
from tracker.render.base import Renderer, inert


def plain(text: str, style: str = "") -> Text:
    return Text(inert(text), style=style)


class TerminalRenderer(Renderer):
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
        for renderable in renderables:
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
