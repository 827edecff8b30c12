"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "am-az-oragark-aliyev-turkic-speakers",
        "https://oragark.com/?p=26984",
        "Oragark",
        None,
        "fresh",
        (
            E(
                "azerbaijan",
                ON,
                "constitution|treaty-signing",
                "will not agree to sign a peace treaty with Armenia unless",
                "any peace agreement hinges on Armenia revising its constitution",
            ),
        ),
    ),
    Article(
        "am-az-turkiyescoop-pashinyan-ready-to-sign",
        "https://turkiyescoop.com/armenian-pm-ready-to-sign-draft-peace-deal-with-azerbaijan",
        "Türkiye Scoop",
        None,
        "fresh",
        (
            E(
                "armenia",
                ON,
                "treaty-signing",
                "declared his readiness to sign the draft of a peace deal",
                "I’m ready to put my signature under the agreed draft",
                kind="offer",
            ),
        ),
    ),
    Article(
        "am-az-zartonk-pashinyan-preliminary-signing",
        "https://zartonkmedia.com/2025/07/16/pashinyan-confirms-peace-deal-text-finalized-reaffirms-sovereignty-in-all-talks-says-preliminary-signing-is-possible-doesnt-rule-out-outsourcing-syunik-route-management",
        "Zartonk Media",
        None,
        "fresh",
        (
            E(
                "armenia",
                ON,
                "treaty-signing",
                "the idea of a preliminary signing is also on the table",
                "an idea on the table to preliminarily sign the agreement",
                kind="offer",
            ),
            E(
                "armenia",
                ON,
                "transit-corridor",
                "supports the opening of regional transport communications",
                "committed to unblocking regional transport and communication routes",
                kind="offer",
            ),
            E(
                "armenia",
                ON,
                "transit-corridor",
                "strictly within the framework of Armenia’s sovereignty",
                "while strictly upholding its sovereignty and territorial integrity",
                kind="red-line",
            ),
        ),
    ),
)
