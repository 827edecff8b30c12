"""`tracker export`: one row per condition event, every column, both formats."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tests.conftest import Writer
from tracker.cli.app import app
from tracker.core.export import COLUMNS


def test_jsonl_rows(write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml)
    result = CliRunner().invoke(app, ["export", "-d", str(path)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["event"], r["statement_id"], r["condition_id"]) for r in rows] == [
        ("states", "ru-1", "ru-neutral"),
        ("states", "ua-1", "ua-guarantees"),
        ("states", "ua-1", "ua-all-for-all"),
    ]
    assert list(rows[0]) == list(COLUMNS)
    assert (rows[0]["level"], rows[0]["level_index"], rows[0]["source_publisher"]) == ("neutral", 1, "TASS")


def test_withdrawals_and_csv(write: Writer, minimal_yaml: str) -> None:
    withdrawal = """\
  - id: ua-2
    party: ukraine
    date: 2022-09-30
    source: {publisher: Reuters, url: "https://reuters.com/b"}
    basis: on-record
    withdraws: [ua-guarantees]
"""
    path = write(minimal_yaml + withdrawal)
    result = CliRunner().invoke(app, ["export", "-d", str(path), "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[-1]["event"] == "withdraws" and rows[-1]["condition_id"] == "ua-guarantees"
    assert rows[-1]["text"] == ""
    assert len(rows) == 4
