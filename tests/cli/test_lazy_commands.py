"""Commands are built only when they run; `tracker --help` lists them from a table that must not drift."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from tracker.cli.app import COMMANDS, app, command


def test_the_listed_one_line_help_is_each_commands_own() -> None:
    for name, (_, _, short) in COMMANDS.items():
        assert command(name).get_short_help_str(66) == short, name


def test_help_lists_every_command_without_importing_one() -> None:
    code = (
        "import sys\n"
        "from tracker.cli.app import main\n"
        "sys.argv = ['tracker', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('tracker.cli.') and m.split('.')[-1] not in "
        "('app', 'output', 'complete')), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for name in COMMANDS:
        assert f"  {name} " in result.stdout
    assert result.stderr.strip() == "[]"


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["dif"])
    assert result.exit_code == 2
    assert "no such command" in result.stderr
