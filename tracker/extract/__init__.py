"""`tracker extract`: candidate statements drafted from news text.

Pure rules, no network and no model: `extract_draft(text, Vocabulary)` returns a
`Draft` (candidate statements, each field backed by the article's words, and the
sentences set aside with the reason), and `render_draft` writes it as the YAML that
`tracker add --snippet` reads, with the article's words in comments.
"""

from tracker.extract.draft import CandidateCondition, CandidateStatement, Draft, SetAside
from tracker.extract.emit import render_draft
from tracker.extract.extractor import extract_draft
from tracker.extract.vocab import Vocabulary

__all__ = [
    "CandidateCondition",
    "CandidateStatement",
    "Draft",
    "SetAside",
    "Vocabulary",
    "extract_draft",
    "render_draft",
]
