"""Words for matching article text against a dataset's issues: tokens, stems, synonyms.

Matching is deliberately simple and transparent: lower-cased words, a crude suffix
stripper, and a short table of conflict-reporting synonyms (the only built-in
vocabulary; everything else comes from the dataset's own titles and descriptions).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can cannot could did do does doing done down during each either even ever every
    few for from further had has have having he her here hers herself him himself his how i if in into is it
    its itself just least less let like made make makes many may me might more most much must my myself need
    needs neither no nor not now of off on once one only or other others our ours ourselves out over own per
    quite rather same say said says she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to too two under until unless up upon us
    very via was we were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself three four five six seven eight nine ten first second new
    next last another already always never often take takes taken took give gives given put puts get gets
    got go goes going gone come comes came way ways thing things part parts side sides step steps time times
    today day days week weeks month months year years told tell tells added adds stressed insisted stated
    declared warned according simply really core main key whole full
    condition conditions precondition preconditions term terms demand demands demanded require requires
    required requirement war wars conflict conflicts peace end ending ended ends resolve resolving resolved
    settle settlement agreement agreements deal deals crisis issue issues matter problem question
    """.split()
)

# Multi-word expressions rewritten before tokenising: the usual ways reports say
# "ceasefire" or "withdraw" without the word.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bguns?\s+(?:must\s+|will\s+|should\s+|to\s+)?(?:fall|falls|fell|go|goes|went)\s+silent\b", re.I),
        " ceasefire ",
    ),
    (
        re.compile(r"\b(?:pause|halt|stop|break)\s+(?:in|to)\s+(?:the\s+)?(?:fighting|hostilities)\b", re.I),
        " pause ceasefire ",
    ),
    # "any deal to end the fighting" names the goal of every negotiation, not a ceasefire
    (
        re.compile(
            r"\b(?P<what>deal|agreement|talks|negotiations|plan|settlement|efforts?)\s+to\s+end\s+(?:the\s+|this\s+)?"
            r"(?:\w+\s+)?(?:war|fighting|conflict|hostilities)\b",
            re.I,
        ),
        r" \g<what> ",
    ),
    (re.compile(r"\bcessation\s+of\s+hostilities\b", re.I), " ceasefire "),
    # "refuses to sit with Hemedti", "sit at the same negotiating table"
    (
        re.compile(r"\bsit(?:s|ting)?\s+(?:down\s+)?(?:with|at\s+the\s+(?:same\s+)?(?:negotiating\s+)?table)\b", re.I),
        " sit talks ",
    ),
    # a "frozen conflict" is fighting stopped on the current line, not frozen money
    (
        re.compile(r"\bfrozen\s+(?:conflict|war)s?\b|\bfreez(?:e|es|ing)\s+(?:the\s+)?(?:conflict|war)\b", re.I),
        " freeze contact line ",
    ),
    # leaders meeting each other is a question of format ("must agree to meet him"), not
    # meeting a demand ("meet Kestria's conditions")
    (
        re.compile(
            r"\bmeet(?:s|ing)?\s+(?:with\s+)?(?:him|her|them|me|us|[A-Z]\w+)\b(?!['’]s)(?!\s+(?:demands?|conditions?|terms|requirements?))"
        ),
        " meet direct talks ",
    ),
    (
        re.compile(
            r"\b(?:stop|stops|stopped|halt|halts|halted|cease|ceases)\s+(?:its|their|the|all)\s+(?:\w+\s+)?fire\b", re.I
        ),
        " ceasefire ",
    ),
    (re.compile(r"\bpull(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:out|back)\b", re.I), " withdraw "),
    # "halt military operations", "stop their military action", "military operations will not cease"
    (
        re.compile(
            r"\b(?:stop|stops|stopped|halt|halts|halted|cease|ceases|end|ends)\s+(?:its|their|the|all|our)?\s*"
            r"(?:own\s+)?(?:military\s+)?(?:operations|action|actions|hostilities|fighting|offensive|attacks)\b|"
            r"\b(?:military\s+operations|military\s+action|fighting|hostilities)\s+(?:will\s+|would\s+|must\s+)?"
            r"(?:not\s+)?(?:cease|stop|end|halt)\b",
            re.I,
        ),
        " ceasefire ",
    ),
    # "leave" means withdraw when forces leave, not when a deal "leaves our sailors behind"
    (
        re.compile(
            r"\b(?:troops|forces|soldiers|units?|army|military)\s+(?:\w+\s+){0,2}?(?:leave|leaves|left|leaving)\b", re.I
        ),
        " \\g<0> withdraw ",
    ),
)

# Inflections first (plural, tense), then one derivational ending, then a final e/y,
# so that "valley", "valleys"; "monitor", "monitored"; "guarantee", "guaranteed" meet.
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("ings", ""), ("ing", ""), ("ed", ""), ("s", ""))
_DERIVATIONS = ("ations", "ation", "ement", "ment", "ions", "ion", "ate", "ors", "or", "ers", "er", "al", "ity")

# Stems that mean the same thing in conflict reporting (after stemming).
SYNONYMS = {
    "expans": "enlarg",
    "expand": "enlarg",
    "truc": "ceasefir",
    "armistic": "ceasefir",
    "troop": "forc",
    "soldi": "forc",
    "weapon": "arm",  # "lay down their weapons" = arms
    "withdrawn": "withdraw",
    "withdrew": "withdraw",
    "bloc": "allianc",  # "enter any bloc" = join an alliance
}


def stem(word: str) -> str:
    """A crude, deterministic stem: lower case, possessive, inflection and one ending removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    for suffix, replacement in _INFLECTIONS:
        if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + replacement
            break
    for suffix in _DERIVATIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    while len(w) > 4 and w[-1] in "ey":
        w = w[:-1]
    return SYNONYMS.get(w, w)


def stems_match(a: str, b: str) -> bool:
    """Equal stems, or one a prefix of the other when the shorter has five letters or more."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long.startswith(short)


def rewrite_phrases(text: str) -> str:
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


def tokens(text: str) -> list[str]:
    """The words of `text`, hyphenated words also split into their parts."""
    found: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        found.append(word)
        if "-" in word:
            parts = word.split("-")
            found.extend(parts)
            found.append("".join(parts))
    return found


def content_stems(text: str, exclude: frozenset[str] = frozenset()) -> dict[str, str]:
    """Stem → first surface word, for the words of `text` that carry meaning."""
    result: dict[str, str] = {}
    for word in tokens(rewrite_phrases(text)):
        lower = word.lower().replace("’", "'")
        if lower in STOPWORDS or lower.removesuffix("'s") in STOPWORDS or (len(lower) < 3 and not lower.isdigit()):
            continue
        key = stem(word)
        if key in exclude or key in STOPWORDS:
            continue
        result.setdefault(key, word)
    return result


def slug_words(text: str, exclude: frozenset[str], limit: int) -> list[str]:
    """Up to `limit` distinct content words of `text`, lower-case, in order, for an id."""
    chosen: list[str] = []
    seen: set[str] = set()
    for word in tokens(text):
        lower = re.sub(r"[^a-z0-9]", "", word.lower().replace("’s", "").replace("'s", ""))
        if not lower or lower in STOPWORDS or len(lower) < 3 or "-" in word or word[:1].isupper():
            continue
        key = stem(lower)
        if key in exclude or key in seen:
            continue
        seen.add(key)
        chosen.append(lower)
        if len(chosen) == limit:
            break
    return chosen
