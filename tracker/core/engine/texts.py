"""Plans side by side: several statements (drafts, plans, counter-proposals) issue by issue.

What journalists published most in late 2025 was a provision-by-provision
comparison of texts: the US 28-point plan, the European counter-proposal, the
2022 Istanbul draft. Each text's provisions on an issue stand against each
party's ask at that text's date, and an issue a text leaves out is said so.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import msgspec

from tracker.core.dataset import Dataset, Placed
from tracker.core.engine.citations import cite
from tracker.core.engine.lookup import LookupFailed, parties_by_ids
from tracker.core.engine.replay import Held, ladders_of, replay, said_by
from tracker.core.engine.results import Citation, Stance
from tracker.core.engine.stance import gap, stance_of
from tracker.core.model import Condition, Issue, Party, Pole


class AskAgainst(msgspec.Struct, frozen=True):
    """A party's ask at the text's date, and how far the text's provision stands from it."""

    party: Party
    ask: Stance | None
    distance: int | None  # rungs between the text's ask and the party's; None when either has none


class TextCell(msgspec.Struct, frozen=True):
    conditions: tuple[Condition, ...]  # empty: the text leaves the issue out
    stance: Stance | None  # the rungs the text's provisions hold (its ask by its signers' pole)
    against: tuple[AskAgainst, ...] = ()


class TextRow(msgspec.Struct, frozen=True):
    issue: Issue
    cells: tuple[TextCell, ...]  # one per text, in the order asked for


class TextComparison(msgspec.Struct, frozen=True):
    texts: tuple[Citation, ...]
    signers: tuple[tuple[Party, ...], ...]  # per text
    parties: tuple[Party, ...]  # whose asks the texts stand against
    rows: tuple[TextRow, ...]  # issues at least one text covers, in dataset order


def compare_texts(dataset: Dataset, statement_ids: Sequence[str], party_ids: Sequence[str] = ()) -> TextComparison:
    """Each text's provisions per issue, against each party's ask at the text's date.

    No `party_ids`: the parties with a pole. O(T · (S + C)): one replay per text.
    Raises `LookupFailed` for an unknown statement or party id.
    """
    by_id = {placed.id: placed for placed in dataset.statements}
    placed = [_statement(by_id, sid) for sid in statement_ids]
    parties = parties_by_ids(dataset, party_ids) if party_ids else _main_parties(dataset)
    ladders = ladders_of(dataset)
    columns = [_column(dataset, text, parties, ladders) for text in placed]
    rows = tuple(
        TextRow(issue, tuple(column.get(issue.id, TextCell((), None)) for column in columns))
        for issue in dataset.issues
        if any(issue.id in column for column in columns)
    )
    return TextComparison(
        texts=tuple(cite(dataset, text) for text in placed),
        signers=tuple(
            tuple(dataset.parties_by_id[p] for p in text.parties if p in dataset.parties_by_id) for text in placed
        ),
        parties=parties,
        rows=rows,
    )


def _main_parties(dataset: Dataset) -> tuple[Party, ...]:
    """For each pole, the party that pulls toward it with the most statements: the two sides."""
    counts: dict[str, int] = {}
    for placed in dataset.statements:
        for signer in placed.parties:
            counts[signer] = counts.get(signer, 0) + 1
    found: dict[Pole, Party] = {}
    for party in sorted(dataset.parties, key=lambda p: -counts.get(p.id, 0)):
        if party.pole is not None and party.pole not in found:
            found[party.pole] = party
    return tuple(found[pole] for pole in sorted(found, key=lambda pole: pole.value, reverse=True))


def _statement(by_id: dict[str, Placed], statement_id: str) -> Placed:
    if statement_id not in by_id:
        close = difflib.get_close_matches(statement_id, list(by_id), n=1)
        raise LookupFailed("statement", statement_id, close[0] if close else None)
    return by_id[statement_id]


def _column(
    dataset: Dataset, text: Placed, parties: Sequence[Party], ladders: dict[str, dict[str, int]]
) -> dict[str, TextCell]:
    states = replay(dataset, said_by(text.statement.date), False, parties=[party.id for party in parties])
    signer = dataset.parties_by_id.get(text.parties[0]) if text.parties else None
    pole = signer.pole if signer else None
    cells: dict[str, TextCell] = {}
    by_issue: dict[str, list[Condition]] = {}
    for condition in text.statement.conditions:
        by_issue.setdefault(condition.issue, []).append(condition)
    dummy = cite(dataset, text)
    for issue, conditions in by_issue.items():
        helds = [Held(condition, dummy, dummy, (text.order, index)) for index, condition in enumerate(conditions)]
        stance = stance_of(helds, pole, ladders)
        against = tuple(
            AskAgainst(party, ask, gap(stance, ask))
            for party in parties
            for ask in [stance_of(states[party.id].active_on(issue), party.pole, ladders)]
        )
        cells[issue] = TextCell(tuple(conditions), stance, against)
    return cells
