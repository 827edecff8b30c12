"""Where command output goes: stdout or a file, in colour or not."""

from __future__ import annotations

import os
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer

from tracker.render import Format


class Color(str, Enum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_color(choice: Color, output: Path | None) -> bool:
    """Colour only on a terminal, never into a file, and never under NO_COLOR."""
    if output is not None or choice is Color.NEVER:
        return False
    if choice is Color.ALWAYS:
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def terminal_width(output: Path | None) -> int | None:
    """The width to wrap at: the terminal's, or $COLUMNS; None (no wrapping) into a pipe or a file."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if output is not None or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((100, 24)).columns


def emit(text: str, output: Path | None) -> None:
    """Write data to stdout, or atomically to a file."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from tracker.files import atomic_write

    try:
        atomic_write(output, text)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")


def fail(message: str, code: int = 2) -> NoReturn:
    """A one-line error on stderr, then exit."""
    typer.echo(f"tracker: error: {message}", err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    typer.echo(message, err=True)


FORMAT_HELP = "Output format: terminal (rich tables), markdown (GitHub) or json."
__all__ = ["FORMAT_HELP", "Color", "Format", "emit", "fail", "note", "terminal_width", "use_color"]
