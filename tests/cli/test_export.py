"""`tracker export`: one kind of row per file, real lists in JSONL, the flat form in CSV."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tests.conftest import Writer
from tracker.cli.app import app
from tracker.core.export import COLUMNS, RowKind

WITHDRAWAL = """\
  - id: ua-2
    party: ukraine
    date: 2022-09
    source: {publisher: Reuters, url: "https://reuters.com/b"}
    basis: on-record
    withdraws: [ua-guarantees]
"""
JOINT = """\
  - id: jt-1
    parties: [russia, ukraine]
    date: 2022-04
    source: {publisher: Reuters, url: "https://reuters.com/c"}
    basis: official-document
    conditions:
      - id: jt-army
        issue: prisoners
        text: An army cap.
        kind: demand
        stage: settlement
        tags: [army, caps]
        quantities: [{measure: troops, value: 85000, bound: max}]
"""


def export(path: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args, "-d", path])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_condition_rows_in_jsonl_keep_lists_and_objects(write: Writer, minimal_yaml: str) -> None:
    path = str(write(minimal_yaml + JOINT))
    rows = [json.loads(line) for line in export(path, "conditions").splitlines()]
    assert [(r["statement_id"], r["condition_id"]) for r in rows] == [
        ("ru-1", "ru-neutral"),
        ("ua-1", "ua-guarantees"),
        ("ua-1", "ua-all-for-all"),
        ("jt-1", "jt-army"),
    ]
    assert all(list(r) == list(COLUMNS[RowKind.CONDITIONS]) for r in rows)
    assert (rows[0]["level"], rows[0]["level_index"], rows[0]["source_publisher"]) == ("neutral", 1, "TASS")
    joint = rows[-1]
    assert joint["parties"] == ["russia", "ukraine"] and joint["tags"] == ["army", "caps"]
    assert joint["quantities"] == [{"measure": "troops", "value": 85000, "unit": None, "bound": "max"}]
    assert (joint["date"], joint["date_precision"], joint["date_start"], joint["date_end"]) == (
        "2022-04",
        "month",
        "2022-04-01",
        "2022-04-30",
    )


def test_statement_and_withdrawal_rows_are_separate_files(write: Writer, minimal_yaml: str) -> None:
    path = str(write(minimal_yaml + WITHDRAWAL))
    statements = [json.loads(line) for line in export(path, "statements").splitlines()]
    assert [(s["statement_id"], s["conditions"], s["withdraws"]) for s in statements] == [
        ("ru-1", 1, []),
        ("ua-1", 2, []),
        ("ua-2", 0, ["ua-guarantees"]),
    ]
    withdrawals = [json.loads(line) for line in export(path, "withdrawals").splitlines()]
    assert [(w["statement_id"], w["condition_id"], w["date"]) for w in withdrawals] == [
        ("ua-2", "ua-guarantees", "2022-09")
    ]


def test_csv_is_the_flat_form(write: Writer, minimal_yaml: str) -> None:
    path = str(write(minimal_yaml + JOINT))
    rows = list(csv.DictReader(io.StringIO(export(path, "conditions", "-f", "csv"))))
    assert list(rows[0]) == list(COLUMNS[RowKind.CONDITIONS])
    joint = rows[-1]
    assert joint["parties"] == "russia;ukraine" and joint["tags"] == "army;caps"
    assert json.loads(joint["quantities"]) == [{"measure": "troops", "value": 85000, "unit": None, "bound": "max"}]
    assert (rows[0]["tags"], rows[0]["quantities"], rows[0]["disputed"]) == ("", "", "false")


def test_rows_must_be_named(write: Writer, minimal_yaml: str) -> None:
    result = CliRunner().invoke(app, ["export", "-d", str(write(minimal_yaml))])
    assert result.exit_code == 2


def test_the_cli_offers_every_kind_of_row() -> None:
    from tracker.cli.export import ExportRows

    assert [choice.value for choice in ExportRows] == [kind.value for kind in RowKind]
