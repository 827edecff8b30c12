"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "houthi-deeyar-katz-heavy-price",
        "https://deeyar.tv/en/28422",
        "Deeyar",
        None,
        "holdout",
        (E("israel", ON, "attacks-on-israel", "for any attempt to strike Israel"),),
    ),
    Article(
        "houthi-skynews-blinken-consequences",
        "https://www.skynews.com.au/world-news/there-will-be-consequences-antony-blinken-issues-stark-warning-to-houthis-should-attacks-on-red-sea-ships-continue/news-story/a66776edf1fc8aa904164e8391aaa64c",
        "Sky News Australia",
        None,
        "holdout",
        (
            E(
                "united-states",
                ON,
                "shipping-attacks",
                "issues stark warning to Houthis should attacks on Red Sea ships continue",
                "if it continues to mount missile and drone attacks on commercial ships",
                "should the Houthis continue to launch attacks on international shipping",
                "warned the Houthis against initiating any more attacks",
                "if it continues, as it did yesterday, there will be consequences",
            ),
        ),
    ),
    Article(
        "houthi-tass-amer-terms-of-resistance",
        "https://tass.com/world/1752429/amp",
        "TASS",
        None,
        "holdout",
        (
            E(
                "houthis",
                ON,
                "gaza-linkage|shipping-attacks",
                "vow to stop attacking Israeli ships if Gaza truce",
                "vow to stop attacking Israeli ships when an agreement",
                "will be revoked if an agreement on a ceasefire",
                kind="offer",
            ),
            E(
                "houthis",
                ON,
                "shipping-attacks|strikes-on-yemen",
                "would not change their decision to attack US and UK ships",
                "linked with the US and UK’s participation in the aggression",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "houthi-waradana-abdussalam-non-negotiable",
        "https://waradana.com/english/article/162234-houthi-talks-with-international-parties-regarding-red-sea-operations-under-omans",
        "Waradana",
        None,
        "holdout",
        (
            E("houthis", ON, "gaza-linkage|shipping-attacks", "will remain targets until the aggression stops"),
            E("houthis", ON, "gaza-linkage", "by allowing the entry of food and medicine", kind="offer"),
        ),
    ),
    Article(
        "houthi-yemenmonitor-alimi-roadmap",
        "https://www.yemenmonitor.com/en/2024/04/10/the-yemeni-presidential-council-accuses-the-houthis-of-evading-signing-the-roadmap-to-escalation-in-the-red-sea/",
        "Yemen Monitor",
        None,
        "holdout",
        (
            E(
                "yemen-government",
                ON,
                "yemen-settlement",
                "We welcomed the mediation of our brothers in Saudi Arabia",
                "should lead to a comprehensive solution based on national",
                kind="offer",
            ),
            E(
                "yemen-government",
                ON,
                "yemen-blockade-economy",
                "urgent measures to deliver salaries, open roads",
                kind="offer",
            ),
            E(
                "yemen-government",
                ON,
                "yemen-settlement",
                "release detainees, abducted individuals, and those held captive",
                kind="offer",
            ),
        ),
    ),
)
