"""Which of the dataset's issues a condition is about, and which ladder level, if any.

Scores are sums of the weights of the dataset's own words (issue id, title, ladder
titles, descriptions) found in the text, with the condition's focus (the words the
cue points at) counting fully, the rest of the sentence less, and the speaker's
surrounding words least. A level is suggested only when most of a level's title is
in the text and no other level matches as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.vocab import IssueTerms, LevelTerms, Vocabulary
from tracker.extract.words import content_stems, stems_match

THRESHOLD = 1.2  # below this, no issue is suggested
STRONG = 2 * THRESHOLD  # a sentence this clear on its own keeps its issue inside a longer quotation
_SENTENCE_WEIGHT = 0.5
_CONTEXT_WEIGHT = 0.5
_LEVEL_COVERAGE = 0.6
_COMPOUND_BONUS = 1.0


@dataclass(frozen=True)
class IssueGuess:
    issue: str | None
    score: float
    own: float  # the part of the score from the sentence itself, without the speaker's context
    matched: tuple[str, ...]  # the article's words that matched
    runner_up: str | None
    level: str | None
    level_title: str | None
    level_matched: tuple[str, ...]
    laddered: bool


def _weight(issue: IssueTerms, key: str) -> float:
    """The weight of a stem for an issue: an exact stem, else the best stem sharing a long prefix."""
    weight = issue.weights.get(key)
    if weight is not None:
        return weight
    if len(key) < 5:
        return 0.0
    return max((w for v, w in issue.by_prefix.get(key[:5], ()) if stems_match(key, v)), default=0.0)


def _score(issue: IssueTerms, stems: dict[str, str]) -> tuple[float, list[str]]:
    total = 0.0
    matched: list[str] = []
    for key, word in stems.items():
        weight = _weight(issue, key)
        if weight > 0:
            total += weight
            matched.append(word)
    return total, matched


def guess_issue(vocab: Vocabulary, focus: str, sentence: str, context: str) -> IssueGuess:
    exclude = vocab.party_stems
    focus_stems = content_stems(focus, exclude)
    sentence_stems = {k: v for k, v in content_stems(sentence, exclude).items() if k not in focus_stems}
    context_stems = {
        k: v for k, v in content_stems(context, exclude).items() if k not in focus_stems and k not in sentence_stems
    }
    ranked: list[tuple[float, IssueTerms, list[str]]] = []
    for issue in vocab.issues:
        own, own_words = _score(issue, focus_stems)
        rest, rest_words = _score(issue, sentence_stems)
        around, around_words = _score(issue, context_stems)
        score = (
            own
            + _SENTENCE_WEIGHT * rest
            + _CONTEXT_WEIGHT * around
            + _compound_bonus(issue, focus_stems, sentence_stems)
        )
        ranked.append((score, issue, own_words + rest_words + around_words))
    ranked.sort(key=lambda item: -item[0])
    if not ranked or ranked[0][0] < THRESHOLD:
        return IssueGuess(None, ranked[0][0] if ranked else 0.0, 0.0, (), None, None, None, (), False)
    score, best, words = ranked[0]
    own = _score(best, focus_stems)[0] + _SENTENCE_WEIGHT * _score(best, sentence_stems)[0]
    runner_up = ranked[1][1].id if len(ranked) > 1 and ranked[1][0] >= 0.75 * score else None
    level, level_words = _level(best, {**focus_stems, **sentence_stems})
    return IssueGuess(
        best.id,
        score,
        own,
        tuple(dict.fromkeys(words)),
        runner_up,
        level.id if level else None,
        level.title if level else None,
        tuple(level_words),
        bool(best.ladder),
    )


def _compound_bonus(issue: IssueTerms, focus: dict[str, str], sentence: dict[str, str]) -> float:
    """The weight a multi-word id's parts lose alone, back when they all occur together."""
    if not issue.compound:
        return 0.0
    present = {**focus, **sentence}
    if all(any(stems_match(part, key) for key in present) for part in issue.compound):
        return _COMPOUND_BONUS * len(issue.compound)
    return 0.0


def _level(issue: IssueTerms, stems: dict[str, str]) -> tuple[LevelTerms | None, list[str]]:
    scored: list[tuple[float, LevelTerms, list[str]]] = []
    for level in issue.ladder:
        if not level.stems:
            continue
        hits = [stems[k] for k in stems if any(stems_match(k, v) for v in level.stems)]
        covered = sum(1 for v in level.stems if any(stems_match(k, v) for k in stems))
        scored.append((covered / len(level.stems), level, hits))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < _LEVEL_COVERAGE:
        return None, []
    if len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None, []
    return scored[0][1], scored[0][2]
