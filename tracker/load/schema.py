"""The JSON Schema of the file format, as committed in schema/.

pydantic generates the schema from `core/file_format.py`; this module adds what
pydantic cannot infer from the models: the published `$id`, hover text for each
enum value, and the rules the models check in Python validators (one of `party`
or `parties`, a statement that says something, a ladder of none or at least two
levels). `tests/loader/test_schema_agreement.py` holds the schema and the loader
to the same verdict on the shipped data and on generated files.
"""

from __future__ import annotations

import json
from typing import Any

from tracker.core.text import json_safe

# Where the schema is published: the raw file on the repository's main branch.
# Another repository points its modeline here; see docs/format.md.
SCHEMA_URL = "https://raw.githubusercontent.com/OWNER/tracker/main/schema/positions.schema.json"
SECTIONS = ("issues", "parties", "sources", "statements")


def schema_dict() -> dict[str, Any]:
    from tracker.core import file_format

    schema = file_format.PositionsFile.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_URL, **schema}
    defs = schema["$defs"]
    for name in SECTIONS:  # an empty `issues:` reads as null, which the loader takes as no items
        prop = schema["properties"][name]
        description = prop.pop("description")
        schema["properties"][name] = {"anyOf": [prop, {"type": "null"}], "description": description}
    statement = defs["Statement"]
    statement["allOf"] = [
        {
            "oneOf": [{"required": ["party"]}, {"required": ["parties"]}],
            "description": "Give either `party` (one speaker) or `parties` (a joint text).",
        },
        {
            "anyOf": [
                {"required": ["conditions"], "properties": {"conditions": {"minItems": 1}}},
                {"required": ["withdraws"], "properties": {"withdraws": {"minItems": 1}}},
            ],
            "description": "A statement needs `conditions` or `withdraws`.",
        },
    ]
    for name in ("party", "parties"):  # optional, but never null (see `_one_way_to_name_parties`)
        prop = statement["properties"][name]
        statement["properties"][name] = {**prop.pop("anyOf")[0], **prop}
        statement["properties"][name].pop("default", None)
    statement["properties"]["parties"]["minItems"] = 1
    ladder = defs["Issue"]["properties"]["ladder"]
    ladder["not"] = {"minItems": 1, "maxItems": 1}
    _describe_enums(schema, file_format.ENUM_MEANINGS)
    return schema


def _describe_enums(node: Any, meanings: dict[str, str]) -> None:
    """Give every enum its values' meanings, as hover text and in its description."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list):
            node["enumDescriptions"] = [meanings[value] for value in values]
            lead = node.get("description", "").rstrip(".")
            lead = f"{lead}. One of" if lead else "One of"
            node["description"] = f"{lead}: " + "; ".join(f"`{v}` ({meanings[v].rstrip('.')})" for v in values) + "."
            node["markdownDescription"] = f"{lead}:\n" + "".join(f"\n- `{v}`: {meanings[v]}" for v in values)
        for value in node.values():
            _describe_enums(value, meanings)
    elif isinstance(node, list):
        for value in node:
            _describe_enums(value, meanings)


def schema_text() -> str:
    # The text patterns hold the forbidden characters themselves: as \u escapes,
    # so that the file shows no invisible or bidi character.
    return json_safe(json.dumps(schema_dict(), indent=2, ensure_ascii=False, sort_keys=False)) + "\n"
