"""`tracker init`: start a dataset for another conflict."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.output import fail, note


def init(
    conflict: Annotated[str, typer.Option("--conflict", "-c", help='The conflict\'s title, e.g. "Sudan war".')],
    folder: Annotated[
        Path, typer.Argument(help="Where to write the files. [default: the current folder]", show_default=False)
    ] = Path("."),
    conflict_id: Annotated[
        str | None, typer.Option("--id", help="The conflict's id. [default: from the title, e.g. sudan-war]")
    ] = None,
    pre_commit: Annotated[
        bool, typer.Option("--pre-commit", help="Also write .pre-commit-config.yaml running `tracker validate`.")
    ] = False,
    workflow: Annotated[
        bool,
        typer.Option(
            "--workflow", help="Also write .github/workflows/tracker.yml: validate and review each pull request."
        ),
    ] = False,
) -> None:
    """Start a dataset: a small valid positions.yaml for a conflict, to fill in.

    Writes positions.yaml (the schema modeline, the conflict, two placeholder
    parties with poles, one laddered issue, an example statement as a comment)
    and, on request, the pre-commit and GitHub workflow files. Refuses to
    overwrite any file. Then `tracker validate` and `tracker diff` work as they
    are, and `tracker add` records the first statement.

    Example:  tracker init --conflict "Sudan war" --pre-commit --workflow
    """
    from datetime import date

    from tracker.core.problems import DatasetError
    from tracker.files import atomic_create
    from tracker.load.loader import load_dataset_bytes
    from tracker.starter import StarterError, starter_files

    try:
        files = starter_files(conflict, conflict_id, pre_commit=pre_commit, workflow=workflow)
    except StarterError as error:
        fail(str(error))
    dataset = files[0]
    try:  # a title or id the format refuses (a control character, say) is caught before writing
        load_dataset_bytes([(str(dataset.path), dataset.text.encode("utf-8"))], today=date.today())
    except DatasetError as error:
        for problem in error.problems:
            note(f"--conflict/--id: {problem.message}")
        fail("cannot start a dataset with that conflict")
    targets = [(folder / Path(*file.path.parts), file.text) for file in files]
    existing = [str(path) for path, _ in targets if path.exists() or path.is_symlink()]
    if existing:
        fail(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; init writes only new files")
    for path, text in targets:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_create(path, text)
        except FileExistsError:
            fail(f"{path} appeared while init was writing; init writes only new files")
        except OSError as error:
            fail(f"cannot write {path}: {error.strerror or error}")
        note(f"wrote {path}")
    note("next: edit the parties and the issue, `tracker add` a statement, then `tracker validate` and `tracker diff`")
