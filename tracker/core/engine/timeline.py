"""The ordered events of the dataset: what each statement did to its party's conditions."""

from __future__ import annotations

import msgspec

from tracker.core.dataset import Dataset, Placed
from tracker.core.dates import PartialDate
from tracker.core.engine.citations import cite, correction_notes
from tracker.core.engine.lookup import issue_by_id, party_by_id
from tracker.core.engine.replay import Held, PartyState
from tracker.core.engine.results import Citation, ConditionEvent, Timeline, TimelineEvent
from tracker.core.model import Condition


def timeline(
    dataset: Dataset,
    party_id: str | None = None,
    issue_id: str | None = None,
    include_disputed: bool = False,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
) -> Timeline:
    """One event per statement, in chronological order, optionally for one party and one issue.

    Corrected or disputed statements are always listed (their citation says so);
    only with `include_disputed` do they change the state later events are read against.

    Each condition is described against its party's state just before the statement
    (for a joint text: `party_id` if given, else the first signer). `since`/`until`
    keep the statements of that window (as in `diff`); earlier ones still shape the state.
    O(S + C·k): one replay of every party.
    Raises `LookupFailed` for an unknown party or issue id.
    """
    if party_id is not None:
        party_by_id(dataset, party_id)
    if issue_id is not None:
        issue_by_id(dataset, issue_id)
    # Every party is replayed: a joint text may withdraw what only another signer stated.
    states = {party.id: PartyState(party.id) for party in dataset.parties}
    events = []
    for placed in dataset.statements:
        subject = party_id if party_id is not None else placed.parties[0]
        citation = cite(dataset, placed)
        if subject in placed.parties and _in_range(placed, since, until):
            event = _event(dataset, placed, citation, states, subject, issue_id)
            if event.events:
                events.append(event)
        if placed.statement.disputed and not include_disputed:
            continue  # shown, labelled, but it changes no one's conditions
        for party in placed.parties:
            states.setdefault(party, PartyState(party)).apply(placed, citation)
    return Timeline(party=party_id, issue=issue_id, include_disputed=include_disputed, events=tuple(events))


def _in_range(placed: Placed, since: PartialDate | None, until: PartialDate | None) -> bool:
    end = placed.ends
    return (since is None or end >= since.start) and (until is None or end <= until.end)


def _event(
    dataset: Dataset,
    placed: Placed,
    citation: Citation,
    states: dict[str, PartyState],
    subject: str,
    issue_id: str | None,
) -> TimelineEvent:
    statement = placed.statement
    state = states.setdefault(subject, PartyState(subject))
    found = [_condition_event(condition, state) for condition in statement.conditions]
    for cid in statement.withdraws:
        last = _last_wording(cid, [subject, *placed.parties], states)
        if last is not None:
            found.append(ConditionEvent(cid, last.issue, "withdrawn", last.text, level=last.level))
    return TimelineEvent(
        citation=citation,
        party_ids=placed.parties,
        events=tuple(_in_words(dataset, event) for event in found if issue_id in (None, event.issue)),
        corrections=correction_notes(dataset, placed),
        party_names=tuple(_name(dataset, party) for party in placed.parties),
    )


def _in_words(dataset: Dataset, event: ConditionEvent) -> ConditionEvent:
    issue = dataset.issues_by_id.get(event.issue)
    if issue is None:
        return event
    titles = {level.id: level.title for level in issue.ladder}
    level_title = titles.get(event.level) if event.level else None
    return msgspec.structs.replace(event, issue_title=issue.title, level_title=level_title)


def _name(dataset: Dataset, party: str) -> str:
    found = dataset.parties_by_id.get(party)
    return found.name if found else party


def _condition_event(condition: Condition, state: PartyState) -> ConditionEvent:
    held = state.held[condition.id] if condition.id in state.active else None
    what = "replaces" if condition.replaces else _what(condition, held)
    return ConditionEvent(
        condition.id, condition.issue, what, condition.text, level=condition.level, replaces=tuple(condition.replaces)
    )


def _what(condition: Condition, held: Held | None) -> str:
    if held is None:
        return "new"  # never stated, or no longer in force
    if held.condition.level != condition.level:
        return "moved"
    if held.condition.text != condition.text:
        return "reworded"
    return "restated"


def _last_wording(cid: str, parties: list[str], states: dict[str, PartyState]) -> Condition | None:
    # The subject first; a joint text may withdraw what only a co-signer stated.
    for party in parties:
        state = states.get(party)
        if state is not None and cid in state.held:
            return state.held[cid].condition
    return None
