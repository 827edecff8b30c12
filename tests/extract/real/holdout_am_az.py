"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "am-az-armenianreport-aliyev-depends",
        "https://www.thearmenianreport.com/post/aliyev-peace-treaty-with-armenia-depends-on-armenia-s-constitutional-changes",
        "The Armenian Report",
        None,
        "holdout",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "the treaty will only be signed if Armenia amends its constitution",
                "the peace treaty depends on Armenia changing its constitution",
                "This peace treaty can be signed only if Armenia changes its constitution",
                "without this constitutional amendment, the peace treaty would not be finalized",
            ),
        ),
    ),
    Article(
        "am-az-azerbaijanus-mirzoyan-do-not-accept",
        "https://azerbaijan.us/armenia-wont-amend-constitution-for-peace-with-azerbaijan",
        "Azerbaijan.us",
        None,
        "holdout",
        (
            E(
                "armenia",
                ON,
                "treaty-signing",
                "Yerevan says it is ready to begin consultations",
                "I am ready to begin consultations about where and when we will sign",
                kind="offer",
            ),
            E(
                "armenia",
                ON,
                "constitution",
                "it firmly rejects Azerbaijan’s precondition for signing the treaty",
                "We do not accept it and do not consider it a subject for discussion",
                "Armenia cannot agree to any external demand to alter its constitution",
                "We do not share that approach",
                "we can agree on a thousand issues, but not on this one",
                "insists it will not amend the constitution under pressure",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "am-az-caspiannews-bayramov-next-stage",
        "https://www.caspiannews.com/news-detail/azerbaijan-armenia-conclude-negotiations-on-peace-treaty-2025-3-13-40/",
        "Caspian News",
        "2025-03-13",
        "holdout",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "Armenia must amend its constitution, which still contains territorial claims",
                "must amend its constitution to remove territorial claims against Azerbaijan",
            ),
            E(
                "azerbaijan",
                MEDIA,
                "minsk-group",
                "called for the formal dissolution of the obsolete OSCE Minsk Group",
            ),
        ),
    ),
    Article(
        "am-az-hyetert-rubinyan-never-agreed",
        "https://hyetert.org/2024/03/01/ruben-rubinian-armenia-never-agreed-to-provide-corridor-to-azerbaijan/",
        "Hyetert (from Panorama.am)",
        "2024-03-01",
        "holdout",
        (
            E(
                "armenia",
                ON,
                "transit-corridor",
                "Armenia has never agreed to provide an extraterritorial corridor",
                "never agreed to give Azerbaijan access to any corridors inside its territory",
                kind="red-line",
            ),
            E(
                "armenia",
                ON,
                "transit-corridor",
                "We want to unblock the communications in the South Caucasus",
                kind="offer",
            ),
        ),
    ),
)
