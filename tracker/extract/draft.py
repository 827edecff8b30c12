"""The result of extraction: candidate statements and what was set aside, with evidence.

Plain data, no YAML: `tracker.extract.emit` renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.core.dates import PartialDate
from tracker.extract.cues import Kind, StageName
from tracker.extract.issues import IssueGuess
from tracker.extract.vocab import KnownCondition


@dataclass
class CandidateCondition:
    id: str
    issue: IssueGuess
    kind: Kind
    stage: StageName
    text: str  # quote-derived, to be paraphrased by the curator
    quote: str | None  # the speaker's own words, verbatim; None for reported speech
    evidence: list[str]  # the article's sentences it comes from, verbatim
    cues: list[str]
    direct: bool
    focus: str = ""  # the words the condition wording points at, for the id
    restates: KnownCondition | None = None
    numbers: list[str] = field(default_factory=list)


@dataclass
class SourceDraft:
    publisher: str | None
    evidence: str | None  # the words naming it
    title: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    note: str | None = None


@dataclass
class CandidateStatement:
    party: str
    party_evidence: str
    basis: str
    basis_reason: str
    speaker_name: str | None
    speaker_role: str | None
    source: SourceDraft
    see_also: list[SourceDraft]
    date: PartialDate | None
    date_inferred: bool
    date_note: str  # where the date came from, or why there is none
    conditions: list[CandidateCondition] = field(default_factory=list)


@dataclass(frozen=True)
class SetAside:
    """A sentence with condition wording that is deliberately not a candidate, and why."""

    category: str
    text: str
    detail: str = ""


# Categories of set-aside sentences, in the order the draft lists them.
BACKGROUND = "background, not extracted (an earlier position the article recalls)"
CHARACTERISATION = "reporter's characterisation, not a quote (not extracted)"
OPINION = "the author's own view in an opinion piece (not extracted)"
UNNAMED = "unnamed speaker, not sourcing (not extracted; find the named speaker or the primary text)"
NO_PARTY = "speaker belongs to no party in the dataset (not extracted)"
OTHER_PARTY = "the issuer's account of another party's words (not extracted)"
NO_ISSUE = "condition wording, but no issue of the dataset matched (not extracted)"
OTHER_CONFLICT = "not extracted: the article is not about this dataset's conflict"
CATEGORIES = (BACKGROUND, CHARACTERISATION, OPINION, UNNAMED, NO_PARTY, OTHER_PARTY, NO_ISSUE, OTHER_CONFLICT)


@dataclass
class Draft:
    headline: str | None = None
    article_date: PartialDate | None = None
    article_date_phrase: str | None = None
    publisher: str | None = None
    url: str | None = None
    opinion: bool = False
    issuer: str | None = None  # for an official text: the body that issued it
    statements: list[CandidateStatement] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # for stderr
    empty: bool = False
    conflict_title: str | None = None

    @property
    def conditions(self) -> list[tuple[CandidateStatement, CandidateCondition]]:
        return [(s, c) for s in self.statements for c in s.conditions]
