"""Precision and recall of `tracker extract` on the real-article corpus.

Run `python -m tests.extract.evaluate_real` from the repository root for the table
(`--misses` also lists every miss and every spurious candidate). The matching rule:
a candidate condition matches an expected one when

- the candidate statement's party is the expected party,
- the candidate's issue is the expected issue (or one of the two a reader could choose),
- one of the candidate's evidence sentences contains one of the expected phrases
  (whitespace-normalised, so that hard-wrapped copy matches),

and each expected condition is matched by at most one candidate, each candidate matches
at most one expected condition. Basis and kind are not part of the match; they are
reported as attribute accuracy of the matched candidates. Precision counts every
condition the draft proposes as a statement; recall counts every expected condition.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from tests.extract.evaluate import Rates
from tests.extract.real.corpus import CONFLICT_TITLE, CORPUS, Article, Expect
from tracker.core.dataset import Dataset

if TYPE_CHECKING:
    from pydantic_ai.models import Model
from tracker.extract import CandidateCondition, CandidateStatement, Draft, Vocabulary, extract_draft
from tracker.load.loader import load_dataset


@functools.cache
def vocabulary(path: Path, party_speakers: bool = True) -> Vocabulary:
    """The dataset's vocabulary; without `party_speakers`, as if no party listed its speakers
    (to measure what the lists add)."""
    dataset = load_dataset(path, today=date.today())
    if not party_speakers:
        files = tuple(
            (
                name,
                msgspec.structs.replace(
                    content, parties=[msgspec.structs.replace(p, speakers=()) for p in content.parties]
                ),
            )
            for name, content in dataset.files
        )
        dataset = Dataset(files)
    return Vocabulary.from_dataset(dataset)


def draft_for(article: Article, party_speakers: bool = True, model: Model | None = None) -> Draft:
    """The rules' draft, or with `model` the model mode's (an answer it refuses counts as an
    empty draft, with the reason in its messages)."""
    text = article.path.read_text(encoding="utf-8")
    vocab = vocabulary(article.dataset, party_speakers)
    if model is None:
        return extract_draft(text, vocab)
    from tracker.extract.llm import LlmError, ask, draft_from_answer

    # a model can take minutes per article: say on stderr how each one went
    print(f"{article.name}: asking the model …", end="", file=sys.stderr, flush=True)
    try:
        drafted = draft_from_answer(text, vocab, ask(text, vocab, model))
    except LlmError as error:
        print(f" refused: {error}", file=sys.stderr)
        refused = Draft(conflict_title=vocab.conflict_title)
        refused.messages.append(str(error))
        return refused
    print(f" {sum(len(s.conditions) for s in drafted.statements)} condition(s)", file=sys.stderr)
    return drafted


def _squash(text: str) -> str:
    return " ".join(text.split())


def matches(expected: Expect, statement: CandidateStatement, condition: CandidateCondition) -> bool:
    if statement.party != expected.party or condition.issue.issue not in expected.issues:
        return False
    evidence = [_squash(sentence) for sentence in condition.evidence]
    return any(_squash(phrase) in sentence for phrase in expected.phrases for sentence in evidence)


@dataclass
class Tally(Rates):
    expected: int = 0
    extracted: int = 0
    matched: int = 0
    basis_right: int = 0
    kind_right: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.extracted += other.extracted
        self.matched += other.matched
        self.basis_right += other.basis_right
        self.kind_right += other.kind_right
        self.missed += other.missed
        self.spurious += other.spurious


def score(article: Article, draft: Draft) -> Tally:
    found = draft.conditions
    used: set[int] = set()
    tally = Tally(expected=len(article.expected), extracted=len(found))
    for expected in article.expected:
        hit = next((i for i, (s, c) in enumerate(found) if i not in used and matches(expected, s, c)), None)
        if hit is None:
            tally.missed.append(f"{article.name}: {expected.party}/{'|'.join(expected.issues)}: {expected.phrases[0]}")
            continue
        used.add(hit)
        tally.matched += 1
        statement, condition = found[hit]
        tally.basis_right += statement.basis == expected.basis
        tally.kind_right += condition.kind == expected.kind
    for i, (s, c) in enumerate(found):
        if i not in used:
            tally.spurious.append(f"{article.name}: {s.party}/{c.issue.issue}: {_squash(c.evidence[0])[:80]}")
    return tally


def tallies(
    split: str | None = None,
    holdout: bool = False,
    fresh: bool = False,
    party_speakers: bool = True,
    model: Model | None = None,
    round5: bool = False,
) -> dict[tuple[str, str], Tally]:
    """One tally per (split, conflict) for the articles of `split` (or all); the held-out
    third and the fresh and round-five sets only when asked for."""
    from tests.extract.real.fresh_set import FRESH
    from tests.extract.real.holdout_set import HOLDOUT
    from tests.extract.real.round5_set import ROUND5

    chosen = (*CORPUS, *(HOLDOUT if holdout else ()), *(FRESH if fresh else ()), *(ROUND5 if round5 else ()))
    result: dict[tuple[str, str], Tally] = {}
    for article in chosen:
        if split is not None and article.split != split:
            continue
        drafted = draft_for(article, party_speakers, model)
        result.setdefault((article.split, article.conflict), Tally()).add(score(article, drafted))
    return result


def total(parts: list[Tally]) -> Tally:
    whole = Tally()
    for part in parts:
        whole.add(part)
    return whole


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def row(name: str, tally: Tally) -> str:
    return (
        f"| {name} | {tally.expected} | {tally.extracted} | {tally.matched} "
        f"| {_ratio(tally.precision)} | {_ratio(tally.recall)} |"
    )


def table(by_part: dict[tuple[str, str], Tally], misses: bool = False) -> str:
    lines = [
        "| articles | expected | extracted | matched | precision | recall |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for split, whole_name in (
        ("development", "half"),
        ("test", "half"),
        ("holdout", "third"),
        ("fresh", "set"),
        ("round5", "set"),
    ):
        parts = {conflict: tally for (s, conflict), tally in by_part.items() if s == split}
        if not parts:
            continue
        for conflict, tally in parts.items():
            lines.append(row(f"{split}: {CONFLICT_TITLE[conflict]}", tally))
        whole = total(list(parts.values()))
        lines.append(row(f"**{split} {whole_name}**", whole))
        lines.append(
            f"|  | of {whole.matched} matched: basis right {whole.basis_right}, kind right {whole.kind_right} |  |  |  |  |"
        )
    if misses:
        for (split, _), tally in by_part.items():
            lines += [f"missed ({split})   {line}" for line in tally.missed]
            lines += [f"spurious ({split}) {line}" for line in tally.spurious]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """`--misses` lists every miss; `--holdout`, `--fresh` and `--round5` score the held-out
    third, the fresh set and round five's set too; `--only SPLIT` scores one split alone; `--no-party-speakers` as if
    no dataset listed its parties' speakers; `--model NAME` scores the model mode instead
    of the rules (it needs the `llm` extra and TRACKER_LLM_BASE_URL, see docs/extract.md;
    one request per article, more on retries)."""
    model = None
    if "--model" in argv:
        from tracker.extract.llm import endpoint_from_env, openai_model

        model = openai_model(endpoint_from_env(argv[argv.index("--model") + 1]))
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    print(
        table(
            tallies(
                split=only,
                holdout="--holdout" in argv or only == "holdout",
                fresh="--fresh" in argv or only == "fresh",
                round5="--round5" in argv or only == "round5",
                party_speakers="--no-party-speakers" not in argv,
                model=model,
            ),
            misses="--misses" in argv,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
