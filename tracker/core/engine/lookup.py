"""Friendly lookup of parties and issues by id, name or alias."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TypeVar

from tracker.core.dataset import Dataset
from tracker.core.errors import WindowReversed
from tracker.core.model import Issue, Party

__all__ = [
    "LookupFailed",
    "WindowReversed",
    "issue_by_id",
    "parties_by_ids",
    "party_by_id",
    "resolve_issue",
    "resolve_party",
]

_Item = TypeVar("_Item", Party, Issue)


class LookupFailed(Exception):
    """A party or issue name that matches nothing in the dataset."""

    def __init__(self, kind: str, name: str, suggestion: str | None) -> None:
        self.kind = kind  # "party" or "issue"
        self.name = name
        self.suggestion = suggestion  # the id of the closest match, if any is close
        # The validator's wording (`checks.did_you_mean`), but naming the id: a match on a
        # name or alias is still best answered with the id to type.
        hint = f"; did you mean `{suggestion}`?" if suggestion else ""
        super().__init__(f"unknown {kind} `{name}`{hint}")


def resolve_party(dataset: Dataset, name: str) -> Party:
    """The party whose id, name or an alias is `name`, ignoring case and surrounding space. O(parties)."""
    return _resolve("party", name, [(party, _party_names(party)) for party in dataset.parties])


def resolve_issue(dataset: Dataset, name: str) -> Issue:
    """The issue whose id or title is `name`, ignoring case and surrounding space. O(issues)."""
    return _resolve("issue", name, [(issue, _issue_names(issue)) for issue in dataset.issues])


def party_by_id(dataset: Dataset, party_id: str) -> Party:
    """The party with exactly this id; the engine's entry check. O(1)."""
    party = dataset.parties_by_id.get(party_id)
    if party is None:
        raise LookupFailed("party", party_id, _closest(party_id, [(p.id, _party_names(p)) for p in dataset.parties]))
    return party


def parties_by_ids(dataset: Dataset, party_ids: Sequence[str]) -> tuple[Party, ...]:
    """The parties named, in the order given, each once; every party of the dataset when none is named."""
    if not party_ids:
        return dataset.parties
    return tuple(party_by_id(dataset, party_id) for party_id in dict.fromkeys(party_ids))


def issue_by_id(dataset: Dataset, issue_id: str) -> Issue:
    """The issue with exactly this id. O(1)."""
    issue = dataset.issues_by_id.get(issue_id)
    if issue is None:
        raise LookupFailed("issue", issue_id, _closest(issue_id, [(i.id, _issue_names(i)) for i in dataset.issues]))
    return issue


def _resolve(kind: str, name: str, candidates: list[tuple[_Item, list[str]]]) -> _Item:
    wanted = name.strip().casefold()
    for item, names in candidates:
        if any(wanted == known.strip().casefold() for known in names):
            return item
    raise LookupFailed(kind, name, _closest(name, [(item.id, names) for item, names in candidates]))


def _party_names(party: Party) -> list[str]:
    return [party.id, party.name, *party.aliases]


def _issue_names(issue: Issue) -> list[str]:
    return [issue.id, issue.title]


def _closest(name: str, candidates: list[tuple[str, list[str]]]) -> str | None:
    """The id whose id, name or alias is closest to `name`, compared without case."""
    owner = {known.strip().casefold(): item_id for item_id, names in candidates for known in names}
    close = difflib.get_close_matches(name.strip().casefold(), list(owner), n=1, cutoff=0.6)
    return owner[close[0]] if close else None
