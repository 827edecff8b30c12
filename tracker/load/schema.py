"""The JSON Schema of the file format, as committed in schema/."""

from __future__ import annotations

import json

from tracker.core.text import json_safe


def schema_text() -> str:
    from tracker.core import file_format

    schema = file_format.PositionsFile.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    # The text patterns hold the forbidden characters themselves: as \u escapes,
    # so that the file shows no invisible or bidi character.
    return json_safe(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False)) + "\n"
