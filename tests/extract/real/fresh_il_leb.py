"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "il-leb-intellinews-aoun-direct-talks",
        "https://new.intellinews.com/articles/lebanon-s-aoun-proposes-direct-talks-with-israel-430416",
        "bne IntelliNews",
        None,
        "fresh",
        (
            E(
                "lebanon",
                ON,
                "talks-format",
                "Aoun proposes direct talks with Israel",
                "calling for direct negotiations between Lebanon and Israel under international supervision",
                "the opening of direct Lebanon-Israel negotiations under international supervision",
                kind="offer",
            ),
            E(
                "lebanon",
                ON,
                "ceasefire",
                "a complete ceasefire and a halt to all Israeli land, air and sea operations",
            ),
            E(
                "lebanon",
                ON,
                "southern-security|hezbollah-disarmament",
                "support for the Lebanese Armed Forces to extend their control over remaining tension zones",
                kind="offer",
            ),
            E(
                "lebanon",
                ON,
                "hezbollah-disarmament",
                "the disarmament of Hezbollah including its weapons stores and depots",
                "which Aoun said Beirut was committed to implementing clearly and decisively",
                kind="offer",
            ),
        ),
    ),
    Article(
        "il-leb-lbc-qassem-wont-surrender-weapons",
        "https://www.lbcgroup.tv/news/lebanon-news/865177/hezbollahs-qassem-says-party-wont-surrender-weapons-or-land-under-pres/en",
        "LBCI",
        "2025-07-03",
        "fresh",
        (
            E(
                "hezbollah",
                ON,
                "hezbollah-disarmament",
                "party won’t surrender weapons or land under pressure",
                "rejecting any notion of disarmament or concessions to Israel",
                "We cannot hand over our land or weapons to the Israeli enemy",
                kind="red-line",
            ),
            E(
                "hezbollah",
                ON,
                "talks-format|hezbollah-disarmament",
                "It cannot oversee our agreements or monitor their terms",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "il-leb-worldisraelnews-katz-no-ceasefire",
        "https://worldisraelnews.com/no-ceasefire-in-lebanon-until-victory-israels-new-defense-chief-declares/",
        "World Israel News",
        None,
        "fresh",
        (
            E(
                "israel",
                ON,
                "ceasefire",
                "continue war against Hezbollah ‘without ceasefire and without pause’",
                "continue the ground operation against the Iranian backed terrorist group",
                kind="red-line",
            ),
            E(
                "israel",
                ON,
                "southern-security",
                "terror group forced back north of Litani River",
                "infrastructure in southern Lebanon is dismantled",
                "the terror group is pushed away from the Israeli border",
            ),
            E(
                "israel",
                ON,
                "displaced-return|southern-security",
                "northern Israeli towns secured",
                "northern Israeli towns are secured",
            ),
        ),
    ),
)
