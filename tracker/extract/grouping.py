"""Units into passages: a quotation's issue from the whole passage, the reporter's
paraphrases folded into the party's own words, neighbouring sentences merged."""

from __future__ import annotations

from tracker.extract.article import Article, Sentence
from tracker.extract.context import speech_between, speech_in
from tracker.extract.draft import CHARACTERISATION, Draft, SetAside
from tracker.extract.issues import STRONG, guess_issue
from tracker.extract.speakers import Voice
from tracker.extract.units import Unit
from tracker.extract.vocab import Vocabulary


def passage_issues(article: Article, vocab: Vocabulary, units: list[Unit]) -> None:
    """A quotation is one utterance: a sentence weak on its own takes the issue of the whole passage.

    "The American side must address the root causes … NATO expansion is front and
    center. Without solving this … issue, …" is about NATO, sentence by sentence too.
    """
    for unit in units:
        if unit.voice is not Voice.DIRECT or unit.issue.own >= STRONG:
            continue
        speech = " ".join(speech_in(article, s) for s in _quoted_run(article, unit.sentence))
        passage = guess_issue(vocab, speech, "", "")
        if passage.issue is not None and (passage.issue != unit.issue.issue or unit.issue.level is None):
            unit.issue = guess_issue(vocab, f"{unit.focus} {speech}", unit.content, "")


def _quoted_run(article: Article, sentence: Sentence) -> list[Sentence]:
    """The sentences of the paragraph quoted without a break around `sentence`: a sentence
    in the reporter's own words between two quotations ends one utterance."""
    run: list[Sentence] = []
    for other in article.sentences_of(sentence.paragraph):
        if other.index < sentence.index and not speech_in(article, other):
            run = []
        elif other.index > sentence.index and not speech_in(article, other):
            break
        else:
            run.append(other)
    return run


def fold_paraphrases(units: list[Unit], draft: Draft) -> list[Unit]:
    """A paraphrase of a condition the article also gives in the party's own words is the
    reporter's summary of them (often the lede): listed, not a second candidate, and never
    evidence for the party's own words (a misreported lede must not become a quote's support)."""
    kept: list[Unit] = []
    for unit in units:
        if unit.paraphrase:
            own = next(
                (u for u in units if not u.paraphrase and u.party == unit.party and u.issue.issue == unit.issue.issue),
                None,
            )
            if own is not None:
                detail = f"the reporter's summary; the article gives {own.attribution.speaker_text}'s own words on this issue"
                draft.set_aside.append(SetAside(CHARACTERISATION, unit.sentence.text, detail))
                continue
        kept.append(unit)
    return kept


def merge_passages(article: Article, units: list[Unit]) -> list[Unit]:
    """Join neighbouring sentences of one speaker on one issue into one condition."""
    merged: list[Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.group == unit.group
            and last.issue.issue == unit.issue.issue
            and last.voice is unit.voice
            and last.sentence.paragraph == unit.sentence.paragraph
            and unit.sentence.index - (last.extra_sentences or [last.sentence])[-1].index <= 2
        ):
            # Sentence indexes are positions in article.sentences.
            gap = article.sentences[(last.extra_sentences or [last.sentence])[-1].index + 1 : unit.sentence.index + 1]
            last.extra_sentences.extend(gap)
            last.cues.extend(unit.cues)
            last.focus = f"{last.focus} {unit.focus}"
            if last.voice is Voice.DIRECT:
                last.quote = speech_between(article, last.sentence.start, unit.sentence.end)
                last.content = last.quote
            else:
                last.content = f"{last.content} {unit.content}"
            if last.issue.level is None and unit.issue.level is not None:
                last.issue = unit.issue
            continue
        merged.append(unit)
    return merged
