"""docs/cli.md lists every option of every command, with the meaning its help gives.

A new option, a renamed one or a changed meaning fails here until docs/cli.md
says it too; so does a row left behind for an option that is gone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import _click as click

from tracker.cli.app import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
OLD_SPELLINGS = "Old spellings"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _names(param: Any) -> str:
    if param.param_type_name == "argument":
        return f"`{(param.metavar or param.name).upper()}`"
    names = ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])
    return f"{names} {_cell(param.metavar)}" if param.metavar else names


def every_command() -> list[tuple[str, click.Command]]:
    """Every command as `tracker` builds it when it runs (commands are built lazily)."""
    root = typer.main.get_command(app)
    context = click.Context(root)
    return [(name, command) for name in root.list_commands(context) if (command := root.get_command(context, name))]  # type: ignore[attr-defined]


def expected_rows() -> dict[str, list[str]]:
    """Section title -> its table rows, from the command tree typer builds."""
    sections: dict[str, list[str]] = {OLD_SPELLINGS: []}
    for name, command in every_command():
        rows = sections.setdefault(f"tracker {name}", [])
        for param in command.params:
            if param.name == "help":
                continue
            meaning = _cell(getattr(param, "help", None) or "")  # options and typer's arguments have help
            if getattr(param, "hidden", False):
                sections[OLD_SPELLINGS].append(f"| `tracker {name}` | {_names(param)} | {meaning} |")
            else:
                rows.append(f"| {_names(param)} | {meaning} |")
    return sections


def documented_rows() -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"###? `?([^`]+)`?", line)
        if heading:
            current = sections.setdefault(heading.group(1), set())
        elif current is not None and line.startswith("| ") and not line.startswith(("| ---", "| option", "| command")):
            current.add(line)
    return sections


@pytest.mark.parametrize("section", sorted(expected_rows()))
def test_every_option_is_documented_with_its_meaning(section: str) -> None:
    documented = documented_rows().get(section)
    assert documented is not None, f"docs/cli.md has no section `{section}`"
    expected = set(expected_rows()[section])
    assert sorted(expected - documented) == [], "options missing from docs/cli.md, or with another meaning there"
    assert sorted(documented - expected) == [], "docs/cli.md lists options the command does not have"


def test_every_date_option_is_a_date() -> None:
    for name, command in every_command():
        for param in command.params:
            if {"--at", "--from", "--to", "--since", "--date", "--published"} & set(param.opts):
                if name == "add" and param.opts == ["--from"]:
                    continue  # the old spelling of --snippet
                assert param.metavar == "DATE", (name, param.opts)


def test_command_modules_never_import_the_app() -> None:
    """app.py imports the command modules; the other way round would be a circle."""
    folder = Path(__file__).resolve().parents[2] / "tracker" / "cli"
    for module in folder.glob("*.py"):
        assert "tracker.cli.app" not in module.read_text(encoding="utf-8"), module.name
