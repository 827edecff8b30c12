"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = ()
