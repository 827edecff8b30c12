"""The records the engine reasons over: one positions file, as plain frozen structs.

What the file may contain, and the JSON Schema, are defined once, as pydantic
models, in `tracker.core.file_format`; a file that passes them is converted into
these records. The split is for speed: a cached dataset comes back as records
without importing pydantic or building its validators (about 120 ms of a
command's start-up), msgspec structs cost a few microseconds to define, and a
condition's object takes 104 bytes where a pydantic model takes 1,272. A test
checks that both sides keep the same fields.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

import msgspec

from tracker.core.dates import PartialDate

SCHEMA_VERSION = 1


class Category(str, Enum):
    TERRITORY_SOVEREIGNTY = "territory-sovereignty"
    SECURITY = "security"
    ECONOMIC = "economic"
    JUSTICE_HUMANITARIAN = "justice-humanitarian"
    POLITICAL = "political"


class PartyKind(str, Enum):
    STATE = "state"
    ALLIANCE = "alliance"
    ORGANISATION = "organisation"
    COALITION = "coalition"
    MEDIATOR = "mediator"
    NON_STATE = "non-state"


class Basis(str, Enum):
    """How directly the statement is known to be the party's own."""

    OFFICIAL_DOCUMENT = "official-document"
    ON_RECORD = "on-record"
    REPORTED_BY_SOURCES = "reported-by-sources"
    MEDIA_REPORT = "media-report"


class ConditionKind(str, Enum):
    DEMAND = "demand"
    OFFER = "offer"
    RED_LINE = "red-line"


class Stage(str, Enum):
    PRECONDITION = "precondition"
    CEASEFIRE = "ceasefire"
    SETTLEMENT = "settlement"


class Pole(str, Enum):
    """The end of every ladder a party pulls toward."""

    FIRST = "first"  # toward the ladder's first rung
    LAST = "last"  # toward the ladder's last rung


class CorrectionKind(str, Enum):
    CORRECTION = "correction"
    DISPUTE = "dispute"


Bound = Literal["max", "min", "exact", "approx"]


class Record(msgspec.Struct, frozen=True, gc=False):
    """Base of every record: immutable, and untracked by the cyclic collector
    (records never form cycles, and 100,000 of them made every collection slow).
    Fields follow the file format's order; `kw_only` lets a required field
    follow an optional one, as it does there."""


class Conflict(Record, frozen=True):
    id: str
    title: str
    description: str | None = None


class LadderLevel(Record, frozen=True):
    id: str
    title: str
    description: str | None = None


class Issue(Record, frozen=True):
    id: str
    title: str
    category: Category
    description: str | None = None
    ladder: tuple[LadderLevel, ...] = ()

    def level_index(self, level: str) -> int | None:
        for index, step in enumerate(self.ladder):
            if step.id == level:
                return index
        return None


class Party(Record, frozen=True):
    id: str
    name: str
    kind: PartyKind
    aliases: tuple[str, ...] = ()
    description: str | None = None
    speakers: tuple[str, ...] = ()
    pole: Pole | None = None


class Via(Record, frozen=True):
    """The copy actually read (a mirror or aggregator) when it is not the original publisher's."""

    publisher: str
    url: str


class Source(Record, frozen=True, kw_only=True):
    id: str | None = None
    publisher: str  # the original publisher, even when the copy read is a mirror
    title: str | None = None
    url: str | None = None  # the original's address, when known
    published: PartialDate | None = None
    via: Via | None = None
    note: str | None = None


# The id of an entry in `sources`, or a source written inline.
SourceRef = str | Source


class Speaker(Record, frozen=True):
    name: str
    role: str | None = None


class Quantity(Record, frozen=True):
    """A number carried by the wording, e.g. an army capped at 600,000."""

    measure: str
    value: int | float
    unit: str | None = None
    bound: Bound = "exact"


class Condition(Record, frozen=True, kw_only=True):
    id: str
    issue: str
    text: str
    quote: str | None = None
    kind: ConditionKind
    stage: Stage
    level: str | None = None
    replaces: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None


class Correction(Record, frozen=True, kw_only=True):
    """A later source saying the attribution was wrong or is contested."""

    kind: CorrectionKind
    date: PartialDate | None = None
    source: SourceRef
    text: str


class Statement(Record, frozen=True, kw_only=True):
    id: str | None = None
    party: str | None = None
    parties: tuple[str, ...] | None = None
    date: PartialDate
    date_inferred: bool = False
    speaker: Speaker | None = None
    source: SourceRef
    see_also: tuple[SourceRef, ...] = ()
    basis: Basis
    conditions: tuple[Condition, ...] = ()
    withdraws: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    note: str | None = None

    @property
    def party_ids(self) -> tuple[str, ...]:
        if self.parties is not None:
            return self.parties
        assert self.party is not None
        return (self.party,)

    @property
    def disputed(self) -> bool:
        return bool(self.corrections)


class PositionsFile(Record, frozen=True, kw_only=True):
    """One YAML file. A dataset is one file or several merged."""

    schema_version: int
    conflict: Conflict | None = None
    issues: tuple[Issue, ...] = ()
    parties: tuple[Party, ...] = ()
    sources: tuple[Source, ...] = ()
    statements: tuple[Statement, ...] = ()
