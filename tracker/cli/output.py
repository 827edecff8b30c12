"""Where command output goes: stdout or a file, in colour or not; and how errors look."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from tracker.core.errors import WindowReversed
from tracker.core.text import inert, no_commands
from tracker.render import Format

if TYPE_CHECKING:
    from typer._click.core import Context

    from tracker.render.base import Renderer


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


def renderer(format: Format, color: Color, output: Path | None, max_chars: int = 1_000_000) -> Renderer:
    from tracker.render import renderer_for

    return renderer_for(format, color=use_color(color, output), width=terminal_width(output), max_chars=max_chars)


def emit(text: str, output: Path | None) -> None:
    """Write data to stdout, or atomically to a file (through a symlink, keeping it)."""
    text = no_commands(text)
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as error:
            stdout_failed(error)
        return
    from tracker.files import WriteRefused, atomic_write

    try:
        atomic_write(output, text)
    except WriteRefused as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {inert(str(output))}: {error.strerror or error}")


# Exit code when standard output cannot be written (a full disk, a closed pipe):
# 2, like other usage and I/O errors, never 1, which `validate` and `diff
# --exit-code` give a meaning of their own. See docs/security.md.
STDOUT_FAILED = 2


def stdout_failed(error: OSError) -> NoReturn:
    """One line on stderr and exit 2; stdout is pointed at /dev/null first, so
    that the interpreter's own flush at exit cannot fail again with a traceback."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"tracker: error: cannot write to standard output: {error.strerror or error}\n")
        sys.stderr.flush()
    raise SystemExit(STDOUT_FAILED)


def run_guarded(main: Callable[[], object]) -> None:
    """Run the CLI so that a failing stdout (help text, a final flush) is one line, exit 2."""
    try:
        try:
            main()
        except SystemExit:
            # typer's click answers a broken pipe itself (silently, exit 1) and
            # wraps stdout in its PacifyFlushWrapper; 1 means something else here.
            if type(sys.stdout).__name__ == "PacifyFlushWrapper":
                stdout_failed(BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)))
            raise
        finally:
            sys.stdout.flush()
    except OSError as error:
        stdout_failed(error)


def fail(message: str, code: int = 2) -> NoReturn:
    """A one-line error on stderr, then exit."""
    typer.echo(no_commands(f"tracker: error: {inert(message)}"), err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """A message on stderr; as one line, since messages quote data."""
    typer.echo(no_commands(inert(message)), err=True)


@contextmanager
def _usage_errors() -> Iterator[None]:
    try:
        yield
    except NoArgsIsHelpError:
        raise  # `tracker` alone prints the help
    except UsageError as error:
        message = error.format_message()
        fail(message[:1].lower() + message[1:])
    except WindowReversed as error:  # a default date met a typed one the wrong way round
        fail(str(error))


class TrackerGroup(TyperGroup):
    """Usage errors (a bad option, a bad DATE) in tracker's one style: `tracker: error: ...`, exit 2.

    click would print a usage block and `Error: ...`; every other error of
    tracker's is one line on stderr, and scripts match on one prefix.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        with _usage_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with _usage_errors():
            return super().invoke(ctx)
