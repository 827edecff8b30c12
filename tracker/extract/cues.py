"""Wording that carries a condition, and what kind and stage it suggests.

A cue is a phrase such as "must", "will not … until", "only if", "is ready to … if",
"rejects", "precondition". Each cue says which way to look for the condition's
substance: after it ("only if Dorsk withdraws"), before it ("withdrawal is a
precondition"), or the whole clause ("Kestria must withdraw").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

Focus = Literal["after", "before", "around"]
Kind = Literal["demand", "offer", "red-line"]
StageName = Literal["precondition", "ceasefire", "settlement"]


@dataclass(frozen=True)
class Cue:
    label: str
    start: int
    end: int
    kind: Kind
    focus: Focus
    conditional: bool  # "until", "unless", "only if": the condition follows


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_NEG = r"(?:will\s+not|won['’]t|cannot|can['’]t|can\s+not|could\s+not|would\s+not|will\s+never|shall\s+not|is\s+not|are\s+not|does\s+not|do\s+not|there\s+(?:will|can|could)\s+be\s+no|no|rul(?:e|es|ed|ing)\s+out|dismiss(?:es|ed|ing)?)"

# What a side offers to do, concretely: "ready to negotiate", not "ready to make peace".
_CONCRETE = (
    r"(?:negotiat\w*|talk\w*|talks|meet\w*|dialogue|conduct\w*|sign\w*|discuss\w*|withdraw\w*|exchang\w*|"
    r"releas\w*|return\w*|resum\w*|ask\w*|hold\w*|engag\w*|a\s+(?:ceasefire|truce)|ceasefire|truce|direct|"
    r"implement\w*|deploy\w*|participat\w*|consult\w*|cooperat\w*|stop\w*|cease\w*|halt\w*|end\b|"
    r"allow\w*|accept\w*|recogni[sz]\w*|open\w*|provid\w*|hand\w*|send\w*|lift\w*|suspend\w*|join\w*|"
    r"respect\w*|enter\w*|compl(?:y|ies|ied)|abid\w*|guarant\w*|disarm\w*|dismantl\w*)\b"
)

_CUES: tuple[tuple[str, re.Pattern[str], Kind, Focus, bool], ...] = (
    # offers first: "is ready to … if" is an offer even though "if" is conditional
    (
        "ready to … if",
        _cue(
            r"\b(?:is|are|was|were|remains?|remained|stands?|stood|'s|’s)\s+(?:\w+\s+)?(?:ready|willing|prepared|open)\s+to\b"
            r"(?=[^.;]*\b(?:if|provided|as\s+long\s+as|in\s+exchange|in\s+return|once|so\s+long\s+as)\b)"
        ),
        "offer",
        "around",
        False,
    ),
    (
        "ready to, unconditionally",
        _cue(
            r"\b(?:is|are|was|were|remains?|'s|’s)\s+(?:\w+\s+)?(?:ready|willing|prepared)\s+to\b"
            r"(?=[^.;]*\b(?:without\s+(?:pre-?)?conditions|unconditionally|unilaterally|as\s+a\s+goodwill\s+gesture)\b)"
        ),
        "offer",
        "around",
        False,
    ),
    (
        "readiness to … if",
        _cue(r"\b(?:readiness|willingness|preparedness)\s+to\b(?=[^.;]*\b(?:if|provided|in\s+exchange|once)\b)"),
        "offer",
        "around",
        False,
    ),
    ("offers to", _cue(r"\boffer(?:s|ed|ing)?\s+to\b"), "offer", "after", False),
    # "readiness to meet with Al-Burhan anywhere", "pledge to implement the ceasefire"
    (
        "readiness to",
        _cue(
            r"\b(?:readiness|willingness|preparedness|pledge[sd]?|vow(?:s|ed)?|commit(?:s|ted)?(?:\s+itself|\s+themselves)?)"
            rf"\s+(?:of\s+[^.;]{{0,80}}?\s+)?(?:to|for)\s+(?:\w+\s+){{0,2}}?{_CONCRETE}"
        ),
        "offer",
        "around",
        False,
    ),
    # issue 14: offers as real copy words them
    (
        "promised … if",
        _cue(r"\bpromis(?:e|es|ed|ing)\b(?=[^.;]*\b(?:if|once|provided|in\s+exchange|in\s+return)\b)"),
        "offer",
        "around",
        False,
    ),
    (
        "ready to",
        _cue(
            r"\b(?:is|are|was|were|remains?|remained|stands?|'s|’s)\s+(?:\w+\s+)?(?:ready|willing|prepared)\s+(?:to|for)\s+"
            rf"(?:\w+\s+){{0,2}}?{_CONCRETE}"
        ),
        "offer",
        "around",
        False,
    ),
    (
        "agreed to",
        # not an agreement asked of the other side: "Putin must agree to meet him"
        _cue(
            r"(?<!must )(?<!should )(?<!has to )(?<!have to )(?<!needs to )(?<!not )(?<!n['’]t )(?<!never )"
            rf"\bagree(?:s|d)?\s+to\s+(?:\w+\s+)?{_CONCRETE}(?![^.;]*\b(?:until|unless)\b)"
        ),
        "offer",
        "around",
        False,
    ),
    (
        "presented a plan",
        _cue(r"\bpresent(?:s|ed|ing)?\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:plan|proposal|initiative)\b"),
        "offer",
        "around",
        False,
    ),
    ("proposes", _cue(r"\bpropos(?:e|es|ed|ing)\s+(?:that|to|a|an)\b"), "offer", "after", False),
    ("in exchange for", _cue(r"\bin\s+(?:exchange|return)\s+for\b"), "offer", "around", False),
    (
        "would accept … if",
        _cue(r"\b(?:would|could|will|can)\s+(?:accept|agree\s+to|consider|support)\b(?=[^.;]*\bif\b)"),
        "offer",
        "around",
        False,
    ),
    # a conditional commitment: "the military would withdraw from all five positions …
    # if Hezbollah were completely disarmed"
    (
        "would do … if",
        _cue(
            r"\b(?:would|will|could|can|shall)\s+(?!not\b)(?:\w+\s+){0,2}?"
            r"(?:withdraw|pull\s+(?:out|back)|stop|end|halt|cease|release|free|lift|return|hand\s+over|allow|open|"
            r"sign|negotiate|talk|meet|implement|deploy|disarm|reduce|suspend|recogni[sz]e|roll\s+back|join|"
            r"resume|dismantle|leave)\b"
            # "would sign a truce only if…" is a demand, not an offer
            r"(?![^.;]*\bonly\s+(?:if|once|when|after)\b)(?=[^.;]*\b(?:if|once|provided|as\s+soon\s+as)\b)"
        ),
        "offer",
        "around",
        False,
    ),
    # conditions
    (
        "… until/unless",
        _cue(rf"\b{_NEG}\b[^.;:]{{0,80}}?\b(?:until|unless|while|without|as\s+long\s+as)\b"),
        "demand",
        "after",
        True,
    ),
    (
        "refused to … as long as",
        _cue(r"\brefus(?:e|es|ed|ing)\s+to\b[^.;:]{0,80}?\b(?:as\s+long\s+as|until|unless|while)\b"),
        "demand",
        "after",
        True,
    ),
    ("conditioned on", _cue(r"\b(?:is\s+|are\s+)?condition(?:ed|al)\s+(?:on|upon|to)\b"), "demand", "after", True),
    ("depends on", _cue(r"\bdepend(?:s|ed|ing|ent)?\s+(?:up)?on\b"), "demand", "after", True),
    # "will keep conducting operations as long as Hezbollah retains an armed wing"
    (
        "keep … as long as",
        _cue(r"\b(?:keep|continue)\w*\b[^.;:]{0,60}?\b(?:as\s+long\s+as|so\s+long\s+as|until|unless)\b"),
        "demand",
        "after",
        True,
    ),
    (
        "expects … to",
        _cue(r"\bexpect(?:s|ed)?\s+(?:the\s+|that\s+)?(?:[A-Z][\w’'-]*\s+){1,3}to\b"),
        "demand",
        "after",
        False,
    ),
    (
        "can … after",
        _cue(r"\b(?:can|could|will|would)\s+(?:only\s+)?\w+\s+(?:\w+\s+){0,4}?after\s+(?:we|they|the|it|all|a|an)\b"),
        "demand",
        "after",
        True,
    ),
    ("only if", _cue(r"\bonly\s+(?:if|when|once|after|provided)\b"), "demand", "after", True),
    (
        "only … once",
        _cue(r"\b(?:can|could|will|would|may)\s+only\s+(?:\w+\s+){1,4}?(?:if|once|when|after|provided)\b"),
        "demand",
        "after",
        True,
    ),
    ("first step", _cue(r"\b(?:the\s+)?first\s+step\s+(?:is|must|should|would|will)\b"), "demand", "after", True),
    ("can only", _cue(r"\b(?:can|could|will|would|may)\s+only\b"), "demand", "around", True),
    ("unless", _cue(r"\bunless\b"), "demand", "after", True),
    ("until", _cue(r"\b(?:will|would|shall|must)\s+(?:[\w()]+\s+){1,5}?until\b"), "demand", "after", True),
    ("only basis", _cue(r"\b(?:the\s+)?only\s+(?:basis|way|path|condition)\b"), "demand", "around", True),
    ("precondition", _cue(r"\bpre-?conditions?\b"), "demand", "before", True),
    (
        "the only obstacle",
        _cue(
            r"\b(?:only|main|last|biggest)\b[^.;]{0,40}?\bobstacle\b|\bobstacle\s+to\s+(?:peace|progress|signing|a\s+deal)"
        ),
        "demand",
        "around",
        True,
    ),
    (
        "condition for",
        _cue(
            r"\bconditions?\s+(?:for|of|to)\b(?!\s+anonymity)|\bon\s+(?:the\s+)?condition\s+that\b|"
            r"\bset(?:s|ting)?\s+(?:a\s+|the\s+)?conditions?\b"
        ),
        "demand",
        "before",
        True,
    ),
    (
        "necessary step",
        _cue(r"\b(?:necessary|essential|indispensable)\s+(?:step|condition|prerequisite)\b|\bprerequisite\b"),
        "demand",
        "before",
        True,
    ),
    (
        "impossible without",
        _cue(
            r"\bimpossible\b[^.;]{0,80}?\b(?:without|until|unless|as\s+long\s+as|so\s+long\s+as)\b|"
            r"\bwithout\b[^.;]{0,120}?\bimpossible\b"
        ),
        "demand",
        "around",
        True,
    ),
    ("cannot … without", _cue(r"\b(?:cannot|can['’]t|can\s+not)\s+be\s+\w+\s+without\b"), "demand", "around", True),
    ("terms include", _cue(r"\b(?:terms|conditions|demands)\b[^.;]{0,60}?\binclude[sd]?\b"), "demand", "after", False),
    ("must", _cue(r"\bmust\b"), "demand", "around", False),
    (
        "is needed",
        _cue(r"(?<!if it )(?<!if this )\b(?:is|are)\s+(?:also\s+)?(?:needed|necessary|required|essential)\b"),
        "demand",
        "around",
        False,
    ),
    ("has to", _cue(r"\b(?:has|have|needs?)\s+to\b(?!\s+be\s+said)"), "demand", "around", False),
    ("should", _cue(r"\bshould\b"), "demand", "around", False),
    ("demands", _cue(r"\bdemand(?:s|ed|ing)?\b"), "demand", "after", False),
    ("insists", _cue(r"\binsist(?:s|ed|ing)?\s+(?:on|that)\b"), "demand", "after", False),
    ("calls for", _cue(r"\bcall(?:s|ed|ing)?\s+for\b|\burg(?:e|es|ed|ing)\b"), "demand", "after", False),
    ("asks for", _cue(r"\bask(?:s|ed|ing)?\s+for\b|\bgive\s+us\b"), "demand", "after", False),
    ("wants", _cue(r"\bwants?\s+(?:the\s+|a\s+|an\s+|to\s+|[A-Z]\w+['’]s\s+)"), "demand", "after", False),
    ("requires", _cue(r"\brequire(?:s|d|ments?)?\b"), "demand", "around", False),
    # red lines
    ("rejects", _cue(r"\breject(?:s|ed|ing)?\b"), "red-line", "after", False),
    ("never", _cue(r"\bnever\b"), "red-line", "around", False),
    (
        "not negotiable",
        _cue(r"\b(?:not\s+negotiable|non-negotiable|not\s+up\s+for\s+negotiation)\b"),
        "red-line",
        "around",
        False,
    ),
    ("red line", _cue(r"\bred\s+lines?\b"), "red-line", "around", False),
    (
        "unacceptable",
        # not a protest at what the other side is doing now ("unacceptable that Kestria is
        # using delay tactics"): that is a complaint, not a condition
        _cue(
            r"\bunacceptable\b(?!\s+(?:for|to)?\s*(?:\w+\s+)?that\s+[^.;]{0,40}?\b(?:is|are)\s+(?:still\s+)?\w+ing\b)|"
            r"\bout\s+of\s+the\s+question\b"
        ),
        "red-line",
        "around",
        False,
    ),
    ("rules out", _cue(r"\brul(?:e|es|ed|ing)\s+out\b"), "red-line", "after", False),
    (
        "no talks",
        _cue(
            r"\b(?:will|would|shall)\s+not\s+(?:hold|sit|negotiate|talk|engage|stop|agree)\b|"
            r"\bno\s+(?:negotiations?|talks|truce|ceasefire|dialogue|peace)\b"
        ),
        "red-line",
        "after",
        False,
    ),
    # what "will not happen" is said before it: "a ceasefire … will not happen, as it would…"
    ("will not happen", _cue(r"\bwill\s+not\s+happen\b|\bwon['’]t\s+happen\b"), "red-line", "before", False),
    (
        "no chance that",
        _cue(r"\b(?:no|not\s+any|zero)\s+chance\s+(?:that|of)\b|\bno\s+question\s+of\b"),
        "red-line",
        "after",
        False,
    ),
    (
        "not a realistic outcome",
        _cue(
            r"\b(?:does|do|did)\s+not\s+believe\b[^.;]{0,80}?\b(?:realistic|possible|acceptable)\b|"
            r"\bwould\s+not\s+involve\b"
        ),
        "red-line",
        "around",
        False,
    ),
    (
        "will not accept",
        _cue(
            r"\b(?:will|would|shall|could|can)\s*(?:not|n['’]t)\s+(?:legally\s+)?(?:accept|agree\s+to|cede|give\s+up|surrender|recogni[sz]e|tolerate|allow|trade|sign|"
            r"withdraw|leave|lay\s+down|disarm|hand\s+over|enter\s+into|participate)\b|"
            r"\bwon['’]t\s+(?:accept|agree\s+to|cede|give\s+up|recogni[sz]e|sign|withdraw|leave|lay\s+down|disarm|hand\s+over)\b|"
            r"\b(?:no|any)\s+intention\s+(?:of|to)\b|\brefus(?:e|es|ed|ing)\s+to\b"
        ),
        "red-line",
        "after",
        False,
    ),
)


def find_cues(text: str) -> list[Cue]:
    """Every cue in `text`, in order; overlapping weaker cues dropped."""
    found: list[Cue] = []  # kept sorted by start: an overlap test is a bisection, not a scan
    starts: list[int] = []
    for label, pattern, kind, focus, conditional in _CUES:
        for match in pattern.finditer(text):
            start, end = match.span()
            at = bisect.bisect_left(starts, start)
            # found spans do not overlap each other, so only the neighbours can overlap this one
            if (at > 0 and found[at - 1].end > start) or (at < len(found) and found[at].start < end):
                continue
            found.insert(at, Cue(label, start, end, kind, focus, conditional))
            starts.insert(at, start)
    return found


_ASKED_OF_OTHERS = frozenset({"must", "should", "has to"})
_FIRST_PERSON = re.compile(r"\b(?:we|I|us|our|my)\b")


def kind_of(cues: list[Cue], text: str = "") -> Kind:
    """An offer if anything offers; a red line if something is ruled out with no condition; else a demand.

    A refusal asked of the other side ("they should amend the constitution so that Kestria
    would reject any bloc") is part of the demand, unless the speaker turns to their own
    refusal ("…, and we will never accept").
    """
    kinds = {c.kind for c in cues}
    if "offer" in kinds:
        return "offer"
    if "red-line" in kinds and not any(c.conditional for c in cues):
        first = cues[0]
        if (
            text
            and first.label in _ASKED_OF_OTHERS
            and first.kind == "demand"
            and not _FIRST_PERSON.search(text[: max(c.start for c in cues)])
        ):
            return "demand"
        return "red-line"
    return "demand"


_PRECONDITION = re.compile(
    r"\bpre-?conditions?\b|\bbefore\s+(?:any\s+|the\s+|a\s+)?(?:talks|negotiations|ceasefire|truce|dialogue)\b|"
    r"\b(?:no|any)\s+(?:talks|negotiations|truce|ceasefire|dialogue)\b[^.;]{0,40}\b(?:until|unless|while|before|without)\b|"
    r"\b(?:talks|negotiations)\s+(?:can|could|will|may)\s+only\b|"
    r"\b(?:start|begin|open|resume|hold)\s+(?:\w+\s+)?(?:talks|negotiations|dialogue)\b[^.;]{0,30}\b(?:only|if|until|unless)\b|"
    r"\b(?:agree\s+to|accept|sign)\s+(?:a\s+|any\s+)?(?:ceasefire|truce)\b[^.;]{0,20}\b(?:until|unless|if|only)\b|"
    r"\b(?:ceasefire|truce)\s+(?:until|unless)\b|\bonly\s+sign\s+a\s+(?:ceasefire|truce)\b",
    re.IGNORECASE,
)
_CEASEFIRE = re.compile(
    r"\bcease-?fires?\b|\btruces?\b|\barmistice\b|\bpause\b|\bhalt\s+(?:to|in)\s+(?:the\s+)?fighting\b|"
    r"\bguns?\s+(?:must\s+|will\s+|should\s+|to\s+)?(?:fall|go)\s+silent\b|\bcessation\s+of\s+hostilities\b|\b(?:stop|stops|halt|halts)\s+(?:its|their|the)\s+(?:\w+\s+)?fire\b",
    re.IGNORECASE,
)


def stage_of(text: str) -> StageName:
    if _PRECONDITION.search(text):
        return "precondition"
    if _CEASEFIRE.search(text):
        return "ceasefire"
    return "settlement"
