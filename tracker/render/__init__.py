"""Renderers: one module per output format, all behind `Renderer`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.render.base import Renderer


class Format(str, Enum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"


def renderer_for(
    format: Format, *, color: bool = False, width: int | None = 100, max_chars: int = 1_000_000
) -> Renderer:
    """The renderer for a format; imports only that format's module."""
    if format is Format.JSON:
        from tracker.render.json import JsonRenderer

        return JsonRenderer()
    if format is Format.MARKDOWN:
        from tracker.render.markdown import MarkdownRenderer

        return MarkdownRenderer(max_chars=max_chars)
    from tracker.render.terminal import TerminalRenderer

    return TerminalRenderer(color=color, width=width)
