"""Problems found in a dataset, located by file and path, later by line."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tracker.core.text import inert

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    `path` is where in the file's data the problem sits (keys and list indices);
    the loader turns it into `line` and `column` (1-based) with a precise pass.
    """

    message: str
    file: str
    path: Path = ()
    line: int | None = None
    column: int | None = None

    def at(self, line: int, column: int) -> Problem:
        return replace(self, line=line, column=column)

    def __str__(self) -> str:
        """One line of output: the file name and message quote data, so both go
        through the neutraliser (no line break, no control character survives)."""
        where = inert(self.file) if self.line is None else f"{inert(self.file)}:{self.line}:{self.column}"
        return f"{where}: {inert(self.message)}"


class DatasetError(Exception):
    """The input could not be turned into a valid dataset."""

    def __init__(self, problems: list[Problem], *, unreadable: bool = False) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        # Unreadable input (missing file, bad encoding, YAML syntax) is a usage or
        # load error (exit 2); readable but invalid data is exit 1.
        self.unreadable = unreadable
