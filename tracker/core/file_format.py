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
# pydantic strips surrounding whitespace (Unicode White_Space), then wants at
# least one character and no forbidden character. The schema says the same in one
# regex, written so that no input makes it backtrack badly: leading whitespace,
# a first character that is neither, text without control characters, and
# trailing whitespace that may include the control characters among it.
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CONTROL_SPACE = "\x0b\x0c\r\x85\u2028\u2029"  # whitespace that is also forbidden: trimmed at the ends only
_TEXT_SCHEMA_PATTERN = (
    f"^[{_SPACE}]*[^{FORBIDDEN_CHARACTERS}{_SPACE}][^{FORBIDDEN_CHARACTERS}]*(?:[{_CONTROL_SPACE}][{_SPACE}]*)?$"
)
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000, pattern=TEXT_PATTERN),
    WithJsonSchema({"type": "string", "maxLength": 10_000, "pattern": _TEXT_SCHEMA_PATTERN}),
]
# Whitespace spelled out, not `\s`: pydantic's Rust regex, Python and ECMA-262
# (the JSON Schema's dialect) each mean something slightly different by `\s`. No
# escaped quote inside the class either: `\"` is invalid in Unicode-mode regex.
URL_PATTERN = (
    "^https?://[^"
    + r'\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff<>"'
    + FORBIDDEN_CHARACTERS
    + "]+$"
)
Url = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN, max_length=2_000),
    Field(description="An http:// or https:// address, without spaces, angle brackets or control characters."),
]


# The dates `PartialDate.parse` accepts, as one regex for the JSON Schema (tests
# hold the two to the same answer): no year 0000, months 01-12, each month's
# days, and 29 February in leap years only.
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:" + _MONTH + r"-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
_LEAP = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = r"^(?!0000)(?:\d{4}(?:-" + _MONTH + r")?|\d{4}-" + _DAY + r"|" + _LEAP + r"-02-29)$"


@functools.lru_cache(maxsize=1 << 15)
def _date_from_text(text: str) -> PartialDate:
    """Dates repeat across statements (a summit day, a busy month): parse each once."""
    return PartialDate.parse(text)


def _parse_date(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):  # from Python callers, or YAML 1.1 loaders
        return PartialDate.of(value)
    value = resolved_value(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON Schema counts 2024.0 as an integer: agree with it
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1000 <= value <= 9999:
            raise ValueError(f"{value} is not a year; use YYYY-MM-DD, YYYY-MM or YYYY")
        value = str(value)  # a bare year, which YAML reads as a number
    if isinstance(value, str):
        return _date_from_text(str(value))
    raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")


DateValue = Annotated[
    PartialDate,
    PlainValidator(_parse_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A date: YYYY-MM-DD, or YYYY-MM or YYYY when reporting is vague. "
            "A bare year may stay unquoted (YAML reads `2024` as a number).",
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


# The bounds keep out infinity (YAML's `.inf`), which the loader refuses too.
_LARGEST = 1.7976931348623157e308
Number = Annotated[
    float,
    PlainValidator(_number),
    WithJsonSchema({"type": "number", "minimum": -_LARGEST, "maximum": _LARGEST}),
]
Flag = Annotated[bool, PlainValidator(_flag), WithJsonSchema({"type": "boolean"})]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Conflict(_Model):
    """The conflict this dataset follows."""

    id: Slug = Field(description="Short id of the conflict, e.g. `russia-ukraine`.")
    title: Text = Field(description="Its name as readers know it, e.g. `Russia–Ukraine war`.")
    description: Text | None = Field(default=None, description="What the dataset covers, and from when.")


class LadderLevel(_Model):
    """One step of an issue's ladder."""

    id: Slug = Field(description="Id of the step, used by a condition's `level`.")
    title: Text = Field(description="The step in words, e.g. `Ukraine neutral, outside NATO`.")
    description: Text | None = Field(
        default=None, description="What holding this step means, if the title is not enough."
    )


class Issue(_Model):
    """A subject of the negotiation, e.g. `nato` or `occupied-territories`."""

    id: Slug = Field(description="Id of the issue, used by a condition's `issue`.")
    title: Text = Field(description="The issue in a few words.")
    category: Category = Field(description="The broad area of the issue.")
    description: Text | None = Field(default=None, description="What the issue covers.")
    ladder: list[LadderLevel] = Field(
        default_factory=list,
        description="Ordered levels from one pole of the issue to the other (none, or at least two): "
        "a condition's `level` names one, so shifts can be measured in steps.",
    )

    @model_validator(mode="after")
    def _ladder_has_two_levels(self) -> Issue:
        if len(self.ladder) == 1:
            raise ValueError("a ladder needs at least two levels")
        return self


class Party(_Model):
    """A side that states conditions: a state, an alliance, a mediator."""

    id: Slug = Field(description="Id of the party, used by a statement's `party` or `parties`.")
    name: Text = Field(description="The party's name as printed.")
    kind: PartyKind = Field(description="What sort of party it is.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names, matched case-insensitively on the command line and by `extract`.",
        json_schema_extra={"uniqueItems": True},
    )
    description: Text | None = Field(default=None, description="Who the party is, if the name is not enough.")
    speakers: list[Text] = Field(
        default_factory=list,
        description=(
            "People who speak for the party (leaders, ministers, spokespeople, negotiators), by name; "
            "`extract` attributes their words to the party even where an article does not say whose side they are on."
        ),
        json_schema_extra={"uniqueItems": True},
    )
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
    url: Url = Field(description="Where the copy was read: an http:// or https:// address.")


class Source(_Model):
    """Where a statement or a correction is recorded."""

    id: Slug | None = Field(default=None, description="Required in `sources`; absent when cited inline.")
    publisher: Text = Field(description="The original publisher, even when the copy read is a mirror.")
    title: Text | None = Field(default=None, description="The headline or document title, as published.")
    url: Url | None = Field(default=None, description="The original publisher's address, when known.")
    published: DateValue | None = Field(default=None, description="When the source was published.")
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
    """Who spoke for the party."""

    name: Text = Field(description="A person, or an institution for documents.")
    role: Text | None = Field(default=None, description="Their office when they spoke, e.g. `Deputy Foreign Minister`.")


class Quantity(_Model):
    """A number carried by the wording, e.g. an army capped at 600,000."""

    measure: Text = Field(description="What is counted, e.g. `army size`.")
    value: Number = Field(description="The number, as a YAML number.")
    unit: Text | None = Field(default=None, description="Its unit, e.g. `troops` or `km`.")
    bound: Bound = Field(default="exact", description="How the number limits the measure.")


class Condition(_Model):
    """One demand, offer or red line, on one issue."""

    id: Slug = Field(description="Stable for the life of the demand across restatements.")
    issue: Slug = Field(description="The `id` of an entry in `issues`.")
    text: Text = Field(description="A neutral paraphrase.")
    quote: Text | None = Field(default=None, description="Verbatim and short.")
    kind: ConditionKind = Field(description="What the party does with it: demands, offers, or will not cross it.")
    stage: Stage = Field(description="When the party wants it met.")
    level: Slug | None = Field(default=None, description="The `id` of a level of the issue's ladder.")
    replaces: list[Slug] = Field(
        default_factory=list,
        description="Ids of earlier conditions of the same party this one supersedes.",
    )
    quantities: list[Quantity] = Field(
        default_factory=list,
        description="Numbers the wording carries, e.g. an army capped at 600,000.",
    )
    tags: list[Slug] = Field(default_factory=list, description="Secondary topics.")
    note: Text | None = Field(default=None, description="Editorial remarks: context, doubts, cross-references.")


class Correction(_Model):
    """A later source saying the attribution was wrong or is contested."""

    kind: CorrectionKind = Field(description="Whether the attribution is withdrawn or only contested.")
    date: DateValue | None = Field(default=None, description="When the correction or dispute was published.")
    source: SourceRef = Field(description="Who corrects or disputes it: an id in `sources`, or a source inline.")
    text: Text = Field(description="What the correcting source says.")


class Statement(_Model):
    """One party (or the signers of one joint text) saying something on one date."""

    id: Slug | None = Field(
        default=None,
        description="Optional; derived from party, date and source when absent.",
    )
    party: Slug | None = Field(default=None, description="The party speaking.")
    parties: list[Slug] | None = Field(default=None, description="For a joint text: every party that signed it.")
    date: DateValue = Field(description="When it was said or signed.")
    date_inferred: Flag = Field(default=False, description="True when the date was worked out, not printed.")
    speaker: Speaker | None = Field(default=None, description="Who spoke for the party.")
    source: SourceRef = Field(description="Where it is recorded: an id in `sources`, or a source inline.")
    see_also: list[SourceRef] = Field(default_factory=list, description="Further sources for the same statement.")
    basis: Basis = Field(description="Whose account this is: the party's own text or words, or others' report of them.")
    conditions: list[Condition] = Field(
        default_factory=list, description="What the party demands, offers or rules out."
    )
    withdraws: list[Slug] = Field(
        default_factory=list,
        description="Ids of the party's earlier conditions it explicitly gives up.",
    )
    corrections: list[Correction] = Field(
        default_factory=list,
        description="Later sources saying the attribution is wrong or contested; "
        "positions then leave the statement out unless asked.",
    )
    note: Text | None = Field(default=None, description="Editorial remarks: context, doubts, cross-references.")

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
    conflict: Conflict | None = Field(default=None, description="The conflict this dataset follows.")
    issues: list[Issue] = Field(default_factory=list, description="The issues, each with an optional ladder.")
    parties: list[Party] = Field(default_factory=list, description="The parties whose statements are recorded.")
    sources: list[Source] = Field(default_factory=list, description="Sources cited by id from several statements.")
    statements: list[Statement] = Field(default_factory=list, description="The statements, in any order.")


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


# What each enum value means: hover text in editors (`enumDescriptions`), and
# the allowed values listed in the enum's description. A test requires an entry
# for every value of every enum in the schema.
ENUM_MEANINGS: dict[str, str] = {
    # Category
    "territory-sovereignty": "Borders, annexation, occupied land and who governs it.",
    "security": "Alliances, armed forces, weapons, guarantees and foreign troops.",
    "economic": "Sanctions, frozen assets, trade, reconstruction and compensation.",
    "justice-humanitarian": "Prisoners, deportations, war crimes, accountability and civilians.",
    "political": "Elections, government, language, church, recognition and the talks themselves.",
    # PartyKind
    "state": "A country, speaking through its government.",
    "alliance": "A standing treaty alliance such as NATO.",
    "organisation": "An international organisation such as the UN or the EU.",
    "coalition": "An ad-hoc group of states acting together.",
    "mediator": "A party whose role is to broker, not to hold a stake of its own.",
    "non-state": "An armed group, movement or authority that is not a recognised state.",
    # Basis
    "official-document": "A text the party issued or signed: treaty draft, memorandum, decree, official readout.",
    "on-record": "A named person speaking publicly: speech, interview, press conference, post.",
    "reported-by-sources": "Terms attributed to the party by unnamed sources.",
    "media-report": "A news outlet's account, not checked against a primary record.",
    # ConditionKind
    "demand": "Something the party asks the other side to do or accept.",
    "offer": "Something the party says it is willing to do or accept.",
    "red-line": "Something the party says it will never accept.",
    # Stage
    "precondition": "Must be met before talks or a ceasefire.",
    "ceasefire": "A term of a ceasefire.",
    "settlement": "A term of a final settlement.",
    # CorrectionKind
    "correction": "The attribution was wrong: the source that made it, or a better one, says so.",
    "dispute": "The attribution is contested, not withdrawn.",
    # Pole
    "first": "Toward the first rung of every ladder.",
    "last": "Toward the last rung of every ladder.",
    # Bound
    "max": "At most this number.",
    "min": "At least this number.",
    "exact": "Exactly this number.",
    "approx": "About this number.",
}
