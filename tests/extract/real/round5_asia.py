"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = ()
