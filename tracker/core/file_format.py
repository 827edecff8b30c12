"""The positions file format, as pydantic models: what a file may contain.

These models are the single definition of the format: they validate input and
generate the JSON Schema. A file that passes is converted (`to_records`) into
the plain records of `tracker.core.model`, which is what the rest of tracker
holds. They check shape and types only. Rules that span the dataset
(references, lineage, duplicates, dates in the future) live in
`tracker.core.checks`, because they need the whole dataset, possibly merged
from several files.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated, Any

import msgspec
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from tracker.core import model
from tracker.core.dates import PartialDate
from tracker.core.model import (
    SCHEMA_VERSION,
    Basis,
    Bound,
    Category,
    ConditionKind,
    CorrectionKind,
    PartyKind,
    Pole,
    Stage,
)
from tracker.core.scalars import resolved_value
from tracker.core.text import FORBIDDEN_CHARACTERS

# The forbidden-character check (control, bidi, invisible and tag characters) runs as a pattern in pydantic's Rust core (a Python
# validator per string tripled validation time on large datasets); the loader
# words the error with `control_character_in`.
TEXT_PATTERN = f"^[^{FORBIDDEN_CHARACTERS}]*$"


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", max_length=120),
    Field(description="Lower-case id: letters, digits, and - _ . between them."),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000, pattern=TEXT_PATTERN),
]
Url = Annotated[
    str,
    StringConstraints(pattern=f'^https?://[^\\s<>"{FORBIDDEN_CHARACTERS}]+$', max_length=2_000),
    Field(description="An http or https address."),
]


@functools.lru_cache(maxsize=1 << 15)
def _date_from_text(text: str) -> PartialDate:
    """Dates repeat across statements (a summit day, a busy month): parse each once."""
    return PartialDate.parse(text)


def _parse_date(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):  # from Python callers, or YAML 1.1 loaders
        return PartialDate.of(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a bare year, read by YAML as a number
    if isinstance(value, str):
        return _date_from_text(str(value))
    raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")


DateValue = Annotated[
    PartialDate,
    PlainValidator(_parse_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date: YYYY-MM-DD, or YYYY-MM or YYYY when reporting is vague.",
        }
    ),
]


def _number(value: object) -> float | int:
    value = resolved_value(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("expected a number")
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


def _flag(value: object) -> bool:
    value = resolved_value(value)
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _schema_version(value: object) -> int:
    value = resolved_value(value)
    if value != SCHEMA_VERSION or isinstance(value, bool):
        raise ValueError(f"unsupported schema version {value!r}; this tracker reads version {SCHEMA_VERSION}")
    return SCHEMA_VERSION


Number = Annotated[float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Flag = Annotated[bool, PlainValidator(_flag), WithJsonSchema({"type": "boolean"})]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Conflict(_Model):
    id: Slug
    title: Text
    description: Text | None = None


class LadderLevel(_Model):
    id: Slug
    title: Text
    description: Text | None = None


class Issue(_Model):
    id: Slug
    title: Text
    category: Category
    description: Text | None = None
    ladder: list[LadderLevel] = Field(
        default_factory=list,
        description="Ordered levels from one pole of the issue to the other.",
    )

    @model_validator(mode="after")
    def _ladder_has_two_levels(self) -> Issue:
        if len(self.ladder) == 1:
            raise ValueError("a ladder needs at least two levels")
        return self


class Party(_Model):
    id: Slug
    name: Text
    kind: PartyKind
    aliases: list[Text] = Field(default_factory=list)
    description: Text | None = None
    pole: Pole | None = Field(
        default=None,
        description=(
            "The end of every ladder this party pulls toward: `first` (the first rung) or `last`. "
            "With a pole, the party's ask on an issue is its active rung farthest toward it; "
            "without one (a mediator), its most recent rung."
        ),
    )


class Via(_Model):
    """The copy actually read when it is not the original publisher's: a mirror, an aggregator."""

    publisher: Text = Field(description="Who published the copy, e.g. a mirror site.")
    url: Url


class Source(_Model):
    id: Slug | None = Field(default=None, description="Required in `sources`; absent when cited inline.")
    publisher: Text = Field(description="The original publisher, even when the copy read is a mirror.")
    title: Text | None = None
    url: Url | None = Field(default=None, description="The original publisher's address, when known.")
    published: DateValue | None = None
    via: Via | None = Field(default=None, description="The copy actually read, when it is not the original.")
    note: Text | None = Field(default=None, description="Caveats: mirror, translation, paywall.")


def _source_form(value: Any) -> str:
    return "inline" if isinstance(value, dict | Source) else "ref"


# A discriminator, not a plain union, so that an error names one form's problem
# instead of both forms' mismatches.
SourceRef = Annotated[
    Annotated[Slug, Tag("ref")] | Annotated[Source, Tag("inline")],
    Discriminator(_source_form),
    Field(description="The id of an entry in `sources`, or a source written inline."),
]


class Speaker(_Model):
    name: Text = Field(description="A person, or an institution for documents.")
    role: Text | None = None


class Quantity(_Model):
    """A number carried by the wording, e.g. an army capped at 600,000."""

    measure: Text
    value: Number
    unit: Text | None = None
    bound: Bound = "exact"


class Condition(_Model):
    id: Slug = Field(description="Stable for the life of the demand across restatements.")
    issue: Slug
    text: Text = Field(description="A neutral paraphrase.")
    quote: Text | None = Field(default=None, description="Verbatim and short.")
    kind: ConditionKind
    stage: Stage
    level: Slug | None = Field(default=None, description="A level of the issue's ladder.")
    replaces: list[Slug] = Field(
        default_factory=list,
        description="Ids of earlier conditions of the same party this one supersedes.",
    )
    quantities: list[Quantity] = Field(default_factory=list)
    tags: list[Slug] = Field(default_factory=list, description="Secondary topics.")
    note: Text | None = None


class Correction(_Model):
    """A later source saying the attribution was wrong or is contested."""

    kind: CorrectionKind
    date: DateValue | None = None
    source: SourceRef
    text: Text = Field(description="What the correcting source says.")


class Statement(_Model):
    id: Slug | None = Field(
        default=None,
        description="Optional; derived from party, date and source when absent.",
    )
    party: Slug | None = Field(default=None, description="The party speaking.")
    parties: list[Slug] | None = Field(default=None, description="For a joint text: every party that signed it.")
    date: DateValue
    date_inferred: Flag = Field(default=False, description="True when the date was worked out, not printed.")
    speaker: Speaker | None = None
    source: SourceRef
    see_also: list[SourceRef] = Field(default_factory=list)
    basis: Basis
    conditions: list[Condition] = Field(default_factory=list)
    withdraws: list[Slug] = Field(
        default_factory=list,
        description="Ids of the party's earlier conditions it explicitly gives up.",
    )
    corrections: list[Correction] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_way_to_name_parties(cls, data: Any) -> Any:
        if isinstance(data, dict):
            has_party, has_parties = "party" in data, "parties" in data
            if has_party == has_parties:
                raise ValueError("give either `party` (one speaker) or `parties` (a joint text)")
        return data

    @field_validator("party", "parties", mode="before")
    @classmethod
    def _not_null(cls, value: Any, info: ValidationInfo) -> Any:
        # `party:` left empty (null) would otherwise pass as "not given".
        if resolved_value(value) is None:
            if info.field_name == "party":
                raise ValueError("`party` is empty; name the party speaking")
            raise ValueError("`parties` is empty; list every party that signed the text")
        return value

    @model_validator(mode="after")
    def _says_something(self) -> Statement:
        if not self.conditions and not self.withdraws:
            raise ValueError("a statement needs `conditions` or `withdraws`")
        if self.parties is not None and not self.parties:
            raise ValueError("`parties` must name at least one party")
        return self


class PositionsFile(_Model):
    """One YAML file. A dataset is one file or several merged."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"title": "tracker positions file"},
    )

    schema_version: Annotated[
        int,
        PlainValidator(_schema_version),
        WithJsonSchema({"const": SCHEMA_VERSION}),
    ] = Field(alias="schema", description="Format version of this file.")
    conflict: Conflict | None = None
    issues: list[Issue] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)


def to_records(content: PositionsFile) -> model.PositionsFile:
    """The validated file as the engine's records (field for field, lists as tuples)."""
    return msgspec.convert(content, model.PositionsFile, from_attributes=True)


def validate_records(data: object) -> model.PositionsFile:
    """Validate parsed data as one file and return its records; raises pydantic's ValidationError."""
    return to_records(PositionsFile.model_validate(data))


# Statements validated per call when a whole parsed file is consumed; small
# enough that one chunk's models weigh little, large enough that calls are few.
CHUNK = 500


def consume_into_records(data: object) -> model.PositionsFile:
    """Like `validate_records`, but empties `data["statements"]` as it goes.

    Statements are validated a chunk at a time and each parsed item is released
    once its record exists, so the parser's tree and pydantic's models of the
    whole file are never alive together: on 20,000 statements that lowers the
    peak memory of a load by about a third. Any error raises ValidationError
    (or ValueError); its locations are then meaningless, and the loader's
    precise pass words it.
    """
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        return validate_records(data)
    return records_from_parts({k: v for k, v in data.items() if k != "statements"}, _taken(data["statements"]))


def records_from_parts(head: dict[str, Any], chunks: Iterable[list[Any]]) -> model.PositionsFile:
    """Validate a file given as its mapping without `statements`, then its statements in chunks."""
    first = validate_records(head)
    statements: list[model.Statement] = []
    for chunk in chunks:
        statements += validate_records({"schema": SCHEMA_VERSION, "statements": chunk}).statements
    return msgspec.structs.replace(first, statements=tuple(statements))


def _taken(items: list[Any]) -> Iterator[list[Any]]:
    """The items in chunks, each released from `items` as it is handed out."""
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        items[start : start + CHUNK] = [None] * len(chunk)
        yield chunk
    items.clear()
