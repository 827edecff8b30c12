"""Round five's set: real articles gathered and annotated after round four's fresh set
was scored and read, the same blind way (see fresh_set.py), scored once at the end of
round five. Israel–Iran appears nowhere else; its dataset was written before any of its
articles was read."""

from __future__ import annotations

from tests.extract.real import round5_africa, round5_asia, round5_iran, round5_mideast, round5_ruua
from tests.extract.real.corpus import Article

ROUND5: tuple[Article, ...] = (
    round5_ruua.ARTICLES
    + round5_mideast.ARTICLES
    + round5_africa.ARTICLES
    + round5_asia.ARTICLES
    + round5_iran.ARTICLES
)
