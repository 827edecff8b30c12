"""The JSON Schema of the file format, as committed in schema/."""

from __future__ import annotations

import json


def schema_text() -> str:
    from tracker.core import file_format

    schema = file_format.PositionsFile.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
