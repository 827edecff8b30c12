"""The format's pydantic models and the engine's records must describe the same data."""

from __future__ import annotations

import ast
from pathlib import Path

import msgspec
import pytest
from pydantic import BaseModel

from tracker.core import file_format, model
from tracker.core.dates import PartialDate
from tracker.core.file_format import validate_records

PAIRS = [
    (file_format.Conflict, model.Conflict),
    (file_format.LadderLevel, model.LadderLevel),
    (file_format.Issue, model.Issue),
    (file_format.Party, model.Party),
    (file_format.Via, model.Via),
    (file_format.Source, model.Source),
    (file_format.Speaker, model.Speaker),
    (file_format.Quantity, model.Quantity),
    (file_format.Condition, model.Condition),
    (file_format.Correction, model.Correction),
    (file_format.Statement, model.Statement),
    (file_format.PositionsFile, model.PositionsFile),
]


SHARED_NAMES = {record.__name__ for _, record in PAIRS}


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[2] / "tracker").rglob("*.py")), ids=str)
def test_the_format_classes_are_only_used_by_module(path: Path) -> None:
    """`Issue` alone always means the record; the format's is `file_format.Issue`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "tracker.core.file_format":
            assert not SHARED_NAMES & {alias.name for alias in node.names}, f"{path}:{node.lineno}"


def test_every_format_model_has_a_record() -> None:
    models = {value for value in vars(file_format).values() if isinstance(value, type) and issubclass(value, BaseModel)}
    assert models - {BaseModel, file_format._Model} == {pair[0] for pair in PAIRS}


@pytest.mark.parametrize(("schema", "record"), PAIRS, ids=[pair[1].__name__ for pair in PAIRS])
def test_same_fields_in_the_same_order_and_equally_required(
    schema: type[BaseModel], record: type[model.Record]
) -> None:
    info = msgspec.structs.fields(record)
    assert [f.name for f in info] == list(schema.model_fields)
    assert [f.required for f in info] == [f.is_required() for f in schema.model_fields.values()]


FULL = {
    "schema": 1,
    "conflict": {"id": "war", "title": "War", "description": "d"},
    "issues": [
        {
            "id": "nato",
            "title": "NATO",
            "category": "security",
            "ladder": [{"id": "in", "title": "In"}, {"id": "out", "title": "Out", "description": "x"}],
        }
    ],
    "parties": [{"id": "ru", "name": "Russia", "kind": "state", "aliases": ["Kremlin"]}],
    "sources": [
        {
            "id": "tass",
            "publisher": "TASS",
            "published": "2022-03",
            "url": "https://tass.com/1",
            "via": {"publisher": "mirror.example", "url": "https://mirror.example/1"},
        }
    ],
    "statements": [
        {
            "id": "ru-1",
            "party": "ru",
            "date": "2022-03-07",
            "speaker": {"name": "Peskov", "role": "spokesman"},
            "source": "tass",
            "see_also": [{"publisher": "Reuters"}, "tass"],
            "basis": "on-record",
            "conditions": [
                {
                    "id": "ru-out",
                    "issue": "nato",
                    "text": "Ukraine stays out.",
                    "kind": "demand",
                    "stage": "settlement",
                    "level": "out",
                    "quantities": [
                        {"measure": "troops", "value": 600000, "bound": "max"},
                        {"measure": "x", "value": 1.5},
                    ],
                    "tags": ["a"],
                }
            ],
            "corrections": [{"kind": "dispute", "date": "2022", "source": {"publisher": "AFP"}, "text": "No."}],
        },
        {"parties": ["ru"], "date": "2023", "source": "tass", "basis": "media-report", "withdraws": ["ru-out"]},
    ],
}


def test_conversion_keeps_every_value_and_its_type() -> None:
    records = validate_records(FULL)
    first, joint = records.statements
    assert first.date == PartialDate(2022, 3, 7)
    assert records.sources[0].published == PartialDate(2022, 3)
    assert records.sources[0].via == model.Via(publisher="mirror.example", url="https://mirror.example/1")
    assert first.see_also == (model.Source(publisher="Reuters"), "tass")
    assert [q.value for q in first.conditions[0].quantities] == [600000, 1.5]
    assert isinstance(first.conditions[0].quantities[0].value, int)  # an integer stays one in every output
    assert first.corrections[0].kind is model.CorrectionKind.DISPUTE
    assert joint.party_ids == ("ru",) and joint.withdraws == ("ru-out",)
    assert records.parties[0].aliases == ("Kremlin",)


def test_records_survive_the_cache_encoding() -> None:
    records = validate_records(FULL)
    encoded = msgspec.msgpack.encode((("f.yaml", records),))
    assert msgspec.msgpack.decode(encoded, type=tuple[tuple[str, model.PositionsFile], ...]) == (("f.yaml", records),)


def test_a_decoded_date_is_checked_again() -> None:
    with pytest.raises(msgspec.ValidationError, match="has no day 31"):
        msgspec.msgpack.decode(msgspec.msgpack.encode({"year": 2023, "month": 2, "day": 31}), type=PartialDate)


def _many_statements(count: int) -> dict[str, object]:
    one = FULL["statements"][0]  # type: ignore[index]
    statements = [one | {"id": f"ru-{i}"} for i in range(count)]
    return FULL | {"statements": statements}


def test_consuming_in_chunks_gives_the_same_records_and_empties_the_input() -> None:
    data = _many_statements(file_format.CHUNK * 2 + 3)
    expected = validate_records(data)
    consumed = file_format.consume_into_records(data)
    assert consumed == expected
    assert data["statements"] == []


def test_consuming_in_chunks_still_refuses_a_bad_statement_in_a_later_chunk() -> None:
    from pydantic import ValidationError

    data = _many_statements(file_format.CHUNK + 2)
    data["statements"][-1] = {"party": "ru"}  # type: ignore[index]
    with pytest.raises(ValidationError):
        file_format.consume_into_records(data)


def test_repeated_dates_share_one_parsed_value() -> None:
    records = validate_records(_many_statements(3))
    first, second, _ = records.statements
    assert first.date is second.date
