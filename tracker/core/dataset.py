"""A dataset: one or several positions files, merged into one view."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import msgspec

from tracker.core.model import (
    Conflict,
    Issue,
    Party,
    PositionsFile,
    Source,
    Statement,
)


class Placed(msgspec.Struct, frozen=True, gc=False):
    """A statement together with where it came from and its derived identity."""

    statement: Statement
    id: str
    file: str
    index: int  # position in its file's `statements`
    order: int  # position in the dataset's chronological order
    parties: tuple[str, ...]  # computed once: the engine asks for it per condition
    ends: date  # the last day the statement's date may mean; every date filter asks for it


def derive_statement_id(statement: Statement) -> str:
    """A stable id for a statement that has none: party, date, and a source hash.

    The hash covers only the citation, so editing a statement's conditions keeps
    its identity, which is what `review` matches on.
    """
    if statement.id is not None:
        return statement.id
    source = statement.source
    key = source if isinstance(source, str) else (source.url or f"{source.publisher}|{source.title}")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]
    return f"{'-'.join(statement.party_ids)}-{statement.date}-{digest}"


@dataclass(frozen=True)
class Dataset:
    """The merged content of one or more files, in file order."""

    files: tuple[tuple[str, PositionsFile], ...]

    @cached_property
    def conflict(self) -> Conflict | None:
        for _, content in self.files:
            if content.conflict is not None:
                return content.conflict
        return None

    @cached_property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(item for _, content in self.files for item in content.issues)

    @cached_property
    def parties(self) -> tuple[Party, ...]:
        return tuple(item for _, content in self.files for item in content.parties)

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        return tuple(item for _, content in self.files for item in content.sources)

    @cached_property
    def issues_by_id(self) -> dict[str, Issue]:
        return {issue.id: issue for issue in reversed(self.issues)}

    @cached_property
    def parties_by_id(self) -> dict[str, Party]:
        return {party.id: party for party in reversed(self.parties)}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in reversed(self.sources) if s.id is not None}

    @cached_property
    def statements(self) -> tuple[Placed, ...]:
        """All statements in chronological order; ties keep file order."""
        unordered = [
            (statement, file, index)
            for file, content in self.files
            for index, statement in enumerate(content.statements)
        ]
        spans = [statement.date.sort_key for statement, _, _ in unordered]
        ranked = sorted(range(len(unordered)), key=spans.__getitem__)
        return tuple(
            Placed(
                statement=unordered[i][0],
                id=derive_statement_id(unordered[i][0]),
                file=unordered[i][1],
                index=unordered[i][2],
                order=order,
                parties=unordered[i][0].party_ids,
                ends=spans[i][1],
            )
            for order, i in enumerate(ranked)
        )

    def resolve_source(self, ref: str | Source) -> Source | None:
        if isinstance(ref, Source):
            return ref
        return self.sources_by_id.get(ref)
