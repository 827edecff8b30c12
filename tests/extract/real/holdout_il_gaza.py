"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E

ARTICLES: tuple[Article, ...] = (
    Article(
        "il-gaza-devdiscourse-hamdan-permanent-ceasefire",
        "https://www.devdiscourse.com/article/law-order/2961704-hamas-demands-permanent-ceasefire-and-full-gaza-withdrawal",
        "Devdiscourse",
        "2024-06-04",
        "holdout",
        (
            E(
                "hamas",
                ON,
                "ceasefire",
                "requires a clear Israeli commitment to a permanent ceasefire",
                "secure a clear Israeli position on a permanent ceasefire",
                "commit to a permanent ceasefire",
            ),
            E(
                "hamas",
                ON,
                "gaza-security",
                "a complete withdrawal from Gaza",
            ),
        ),
    ),
    Article(
        "il-gaza-i24news-hamas-refuses-disarmament",
        "https://www.i24news.tv/en/news/israel-at-war/artc-hamas-categorically-refuses-any-disarmament-in-gaza",
        "i24NEWS",
        None,
        "holdout",
        (
            E(
                "hamas",
                SOURCES,
                "hamas-elimination",
                'referred to this issue as an "absolute red line."',
                "The weapons of resistance are not negotiable",
                kind="red-line",
            ),
            E("hamas", SOURCES, "gaza-security", "does not require Israel to withdraw from the Strip"),
            E(
                "hamas",
                MEDIA,
                "gaza-governance",
                "it does not insist on governing Gaza if this constitutes an obstacle",
                kind="offer",
            ),
            E("hamas", MEDIA, "hostages", "reiterated its willingness to release all of them at once", kind="offer"),
        ),
    ),
    Article(
        "il-gaza-jpost-netanyahu-no-pa-handover",
        "https://www.jpost.com/breaking-news/article-773964",
        "The Jerusalem Post",
        "2023-11-18",
        "holdout",
        (
            E(
                "israel",
                ON,
                "gaza-governance",
                "no intention of handing Gaza over to the Palestinian Authority",
                "in its current form is not able to take responsibly",
                "how could we hand it over to them?",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "il-gaza-nordot-netanyahu-conditions-not-met",
        "https://nordot.app/1170375558059999526?ncmp=post_rcmd",
        "Nordot (from dpa)",
        None,
        "holdout",
        (
            E(
                "israel",
                ON,
                "ceasefire",
                "not ready to consider a ceasefire in the Gaza Strip until its conditions",
                "agreed to a ceasefire without our conditions being met are incorrect",
            ),
            E("israel", ON, "hamas-elimination", "These included the total destruction of Hamas"),
            E("israel", ON, "hostages", "the release of all the hostages"),
        ),
    ),
)
