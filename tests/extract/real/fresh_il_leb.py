"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = ()
