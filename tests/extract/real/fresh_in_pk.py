"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "in-pk-newsintervention-misri-cease-military-action",
        "https://www.newsintervention.com/pakistan-army-begs-indian-army-for-ceasefire-india-agrees-for-now/",
        "News Intervention",
        None,
        "fresh",
        (
            E(
                "india",
                ON,
                "ceasefire",
                "agreed to an understanding to cease military action",
                "both sides would stop all firing and military action",
                kind="offer",
            ),
            E(
                "pakistan",
                MEDIA,
                "ceasefire",
                "begging for a ceasefire",
                "they do not want to escalate this further",
                kind="offer",
            ),
        ),
    ),
    Article(
        "in-pk-pakkahyderabadi-dar-neutral-venue",
        "https://pakkahyderabadi.com/?p=466",
        "Pakka Hyderabadi",
        None,
        "fresh",
        (
            E(
                "pakistan",
                ON,
                "talks-format|kashmir",
                "readiness for a comprehensive dialogue with India, addressing Kashmir",
                "readiness for broad talks with India covering all issues",
                kind="offer",
            ),
            E(
                "pakistan",
                ON,
                "talks-format",
                "does not support talks limited to a single issue",
                "insists that discussions must cover the full range of bilateral concerns",
            ),
            E(
                "india",
                MEDIA,
                "talks-format|kashmir",
                "restricts dialogue to the return of Pakistan-occupied Kashmir",
                kind="red-line",
            ),
            E(
                "pakistan",
                ON,
                "talks-format",
                "was open to meeting at a neutral venue",
                "I said if that is the case, we are willing to meet",
                kind="offer",
            ),
            E(
                "pakistan",
                ON,
                "ceasefire",
                "reaffirmed that the ceasefire agreement reached in May remains intact",
                "Pakistan has no desire for war",
                kind="offer",
            ),
        ),
    ),
    Article(
        "in-pk-vartamitra-jaishankar-talks-only-pok",
        "http://www.vartamitra.com/2019/09/18/talks-with-pak-only-on-pok-but-not-on-kashmir/39069/",
        "Vartamitra",
        None,
        "fresh",
        (
            E(
                "india",
                ON,
                "talks-format|kashmir",
                "talks with Pakistan would be only about PoK and not on Kashmir",
                "Talks with Pak only on PoK, but not on Kashmir",
                kind="red-line",
            ),
            E(
                "india",
                ON,
                "kashmir",
                "India expects to have physical jurisdiction over Pakistan-Occupied Kashmir",
                "we expect one day that we will have the physical jurisdiction",
            ),
            E(
                "india",
                ON,
                "terrorism",
                "The real problem is the dismantlement of the industry",
            ),
        ),
    ),
    Article(
        "in-pk-wionews-sharif-meaningful-dialogue",
        "https://www.wionews.com/pakistan/pak-pm-says-want-meaningful-dialogue-with-india-on-all-outstanding-issues-1750870105651",
        "WION",
        None,
        "fresh",
        (
            E(
                "pakistan",
                ON,
                "talks-format|kashmir",
                "he wants to hold a dialogue with India to address all outstanding issues",
                "Pakistan is ready to engage in a meaningful dialogue with India",
                kind="offer",
            ),
            E(
                "india",
                MEDIA,
                "talks-format|kashmir",
                "it can have talks with Pakistan only on the issue of terrorism",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "in-pk-zucca-nsc-water-act-of-war",
        "https://direct8.zucca.ir/node/2598276/pakistan",
        "direct8.zucca.ir",
        None,
        "fresh",
        (
            E(
                "pakistan",
                MEDIA,
                "indus-waters",
                "any attempts by India to stop or divert its waters",
                "Any attempt to stop or divert the flow of water belonging to Pakistan",
                "its availability will be safeguarded at all costs",
                kind="red-line",
            ),
        ),
    ),
)
