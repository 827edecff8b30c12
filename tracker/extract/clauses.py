"""One sentence's words split into conditions: clauses with condition wording, the part
a condition is about, conjuncts and lists of demands, an offer and the condition it is
made on."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.extract.cues import Cue, find_cues, kind_of
from tracker.extract.issues import STRONG, IssueGuess, guess_issue
from tracker.extract.speakers import SPEECH_VERBS
from tracker.extract.vocab import Vocabulary

_CONDITION_SPLIT = re.compile(
    r",\s*(?=(?:saying|adding|insisting|stressing|stating|arguing|warning)\s)|"
    r"\s+and\s+(?=(?:would|will|must|should|could|is|are|agree[sd]?|wants?|demands?)\b)|;\s+|"
    r"\s*(?:\.\.\.|…)\s+(?=[A-Z])"
)
_ELABORATION = re.compile(r"(?:saying|adding|insisting|stressing|stating|arguing|warning)\s+(?:that\s+)?", re.I)
_BEFORE_TALKS = re.compile(
    r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:\w+\s+){0,3}?(?:talks|negotiations|negotiating|dialogue|any\s+deal)\b",
    re.IGNORECASE,
)


_CLAUSE_SPLIT = re.compile(
    rf"(?:,\s*|;\s*|\s+)(?:but|while|whereas|and)\s+(?:also\s+)?(?:{SPEECH_VERBS})\s+(?:that\s+)?"
)


def clauses_with_cue(content: str) -> list[str]:
    """'X remains committed, but emphasized that Y must…' → the clauses with condition wording.

    "…it would not hold talks with the rebels and would push Rwanda from the country",
    "…will not hold any negotiations, saying the insurgents must be defeated": two
    conditions, each with its own issue.
    """
    parts = [p for piece in _CLAUSE_SPLIT.split(content) for p in _CONDITION_SPLIT.split(piece)]
    with_cue = [p.strip().strip('"“”').strip() for p in parts if find_cues(p)]
    return [c for c in with_cue if c] or [content.strip().strip('"“”').strip()]


def _focus(content: str, cues: list[Cue]) -> str:
    """The words a condition is about: after 'until', before 'is a precondition', or the clause."""
    pieces: list[str] = []
    for cue in cues:
        if cue.focus == "after":
            pieces.append(content[cue.end :])
        elif cue.focus == "before":
            pieces.append(content[: cue.start])
        else:
            pieces.append(content)
    focus = " ".join(p for p in pieces if p.strip())
    return focus if len(focus.split()) >= 2 else content


_ALSO = re.compile(r",?\s+as\s+well\s+as\s+|,?\s+along\s+with\s+|,?\s+in\s+addition\s+to\s+")


def _conjuncts(vocab: Vocabulary, focus: str) -> list[str]:
    """'the cancellation of its bid for NATO membership, as well as its non-nuclear status':
    two demands when each side of "as well as" names an issue of its own; else the focus whole."""
    pieces = [p for p in _ALSO.split(focus) if p.strip()]
    if len(pieces) == 2:
        guesses = [guess_issue(vocab, piece, "", "") for piece in pieces]
        if all(g.issue is not None for g in guesses) and guesses[0].issue != guesses[1].issue:
            return pieces
    return _list_items(vocab, focus)


def _list_items(vocab: Vocabulary, focus: str) -> list[str]:
    """'calls for a complete ceasefire …, support for the Lebanese Armed Forces …, the
    disarmament of Hezbollah …, and the opening of direct negotiations': a list of three or
    more items ("A, B, and C") whose items name issues of their own is that many conditions."""
    if focus.count(",") < 2 or not re.search(r",\s+(?:and|as\s+well\s+as)\s+", focus):
        return [focus]
    if re.search(
        r"\b(?:dialogue|talks|negotiations|discuss\w*)\b[^,.;]{0,40}?\b(?:on|about|over|including)\b", focus, re.I
    ):
        return [focus]  # an agenda ("a dialogue on Kashmir, water and terrorism"), not a list of demands
    items = [i for i in re.split(r",\s+(?:and\s+|as\s+well\s+as\s+)?", focus) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > 16 for i in items):
        return [focus]
    merged: list[tuple[str, str | None]] = []
    for item in items:
        guess = guess_issue(vocab, item, "", "")
        issue = guess.issue if guess.score >= STRONG else None
        if merged and (issue is None or issue == merged[-1][1]):
            merged[-1] = (f"{merged[-1][0]}, {item}", merged[-1][1] or issue)
        else:
            merged.append((item, issue))
    if len([i for i in merged if i[1]]) >= 2:
        return [text for text, issue in merged if issue]
    return [focus]


_IF = re.compile(
    r"\b(?:if|once|provided(?:\s+that)?|on\s+(?:the\s+)?condition\s+that|as\s+soon\s+as|in\s+exchange\s+for|"
    r"in\s+return\s+for)\b",
    re.IGNORECASE,
)


def _conditional_offer(
    vocab: Vocabulary, clause: str, cues: list[Cue], context: str
) -> list[tuple[list[Cue], str, IssueGuess]] | None:
    """'…would withdraw from all five positions … if Hezbollah were completely disarmed':
    an offer and the demand it is conditioned on, when the two are on different issues."""
    if kind_of(cues, clause) != "offer":
        return None
    first_offer = min(c.start for c in cues if c.kind == "offer")
    condition = next((m for m in _IF.finditer(clause) if m.start() > first_offer), None)
    if condition is None:
        return None
    offered, asked = clause[: condition.start()], clause[condition.end() :]
    offer_guess = guess_issue(vocab, offered, offered, context)
    demand_guess = guess_issue(vocab, asked, asked, "")
    if offer_guess.issue is None or demand_guess.issue is None or offer_guess.issue == demand_guess.issue:
        return None
    asking = Cue("on condition", condition.start(), condition.end(), "demand", "after", True)
    return [([c for c in cues if c.start < condition.start()], offered, offer_guess), ([asking], asked, demand_guess)]


def _condition_part(clause: str) -> str:
    """'insist on a ceasefire before holding negotiations on a prisoner swap': what comes
    after "before" is what the condition opens, not the condition (nor its kind or issue)."""
    opens = _BEFORE_TALKS.search(clause)
    if opens is None:
        return clause
    head = clause[: opens.start()]
    return head if find_cues(head) and len(head.split()) >= 4 else clause


def clause_issues(
    vocab: Vocabulary, clauses: list[str], cues_in: Callable[[str], list[Cue]], context: str
) -> list[tuple[str, list[Cue], str, IssueGuess]]:
    """Each clause's conditions with their issues: (the clause, its cues, the words the
    condition is about, the issue), one condition per issue."""
    guesses: list[tuple[str, list[Cue], str, IssueGuess]] = []
    for whole in clauses:
        clause = _condition_part(whole)
        clause_cues = cues_in(clause)
        if (
            guesses
            and _ELABORATION.match(clause)
            and kind_of(clause_cues, clause) == kind_of(guesses[-1][1], guesses[-1][0])
        ):
            # "would not accept a ceasefire deal that…, insisting that we will not accept a
            # frozen conflict": the same refusal said again, not a second condition
            continue
        split = _conditional_offer(vocab, clause, clause_cues, context)
        if split is not None:
            for cues_of, focus_of, guess in split:
                if all(guess.issue != g[3].issue for g in guesses):
                    guesses.append((whole, cues_of, focus_of, guess))
            continue
        clause_focus = _focus(clause, clause_cues)
        parts = _conjuncts(vocab, clause_focus)
        for part in parts:
            # a conjunct on an issue of its own is judged by its own words
            guess = guess_issue(vocab, part, clause if len(parts) == 1 else part, context)
            if guess.issue is not None and all(guess.issue != g[3].issue for g in guesses):
                guesses.append((whole, clause_cues, part, guess))
    return guesses
