"""JSON keeps a quantity's number as written."""

from __future__ import annotations

import json

from tests.unit.test_records import FULL
from tracker.core.file_format import validate_records
from tracker.render.json import to_json


def test_whole_numbers_stay_integers_and_decimals_stay_decimals() -> None:
    condition = validate_records(FULL).statements[0].conditions[0]
    text = json.dumps(to_json(condition))
    assert '"value": 600000,' in text and '"value": 1.5,' in text
    assert json.loads(text)["quantities"][0] == {"measure": "troops", "value": 600000, "bound": "max"}
