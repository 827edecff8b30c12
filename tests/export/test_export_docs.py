"""The DuckDB and pandas examples in docs/export.md run on the shipped data and print what the docs show.

Each ```sql block is followed by a Markdown table of its result; each ```python
block by a ```text block of what it prints. The exports they read are made by
`tracker export` from the shipped positions.yaml, in a temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import REPO
from tracker.cli.app import app

DOC = REPO / "docs" / "export.md"
FENCE = re.compile(r"```(sql|python)\n(.*?)```\n\n(.*?)(?:\n\n|\Z)", re.DOTALL)


def examples(kind: str) -> list[tuple[str, str]]:
    found = [(code, shown) for k, code, shown in FENCE.findall(DOC.read_text(encoding="utf-8")) if k == kind]
    assert found, f"no {kind} example in {DOC.name}"
    return found


def markdown_table(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    def cell(value: object) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return "[" + ", ".join(cell(v) for v in value) + "]"
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("exports")
    data = str(REPO / "positions.yaml")
    for rows in ("statements", "conditions", "withdrawals"):
        for fmt in ("jsonl", "csv"):
            out = folder / f"{rows}.{fmt}"
            result = CliRunner().invoke(app, ["export", rows, "-f", fmt, "-d", data, "-o", str(out)])
            assert result.exit_code == 0, result.output
    here = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(here)


def run_sql(code: str) -> str:
    connection = duckdb.connect()
    result = None
    for statement in (s for s in re.split(r";[ \t]*$", code, flags=re.MULTILINE) if s.strip()):
        result = connection.sql(statement)
    assert result is not None
    return markdown_table(list(result.columns), result.fetchall())


def run_python(code: str) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(DOC), "exec"), {})
    return printed.getvalue().rstrip("\n")


@pytest.mark.parametrize("index", range(len(examples("sql"))))
def test_duckdb_examples_print_what_the_docs_show(exports: Path, index: int) -> None:
    code, shown = examples("sql")[index]
    assert run_sql(code) == shown.strip()


@pytest.mark.parametrize("index", range(len(examples("python"))))
def test_pandas_examples_print_what_the_docs_show(exports: Path, index: int) -> None:
    code, shown = examples("python")[index]
    assert shown.startswith("```text\n") and shown.endswith("```")
    assert run_python(code) == shown.removeprefix("```text\n").removesuffix("```").rstrip("\n")


def test_jsonl_lists_are_arrays_and_dates_stay_text(exports: Path) -> None:
    connection = duckdb.connect()
    described = connection.sql("DESCRIBE SELECT * FROM read_json_auto('conditions.jsonl')").fetchall()
    types = {str(row[0]): str(row[1]) for row in described}
    assert types["parties"] == "VARCHAR[]" and types["tags"] == "VARCHAR[]" and types["replaces"] == "VARCHAR[]"
    assert types["quantities"].startswith("STRUCT(") and types["quantities"].endswith("[]")
    first = json.loads(Path("statements.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(first["parties"], list) and isinstance(first["corrections"], list)
