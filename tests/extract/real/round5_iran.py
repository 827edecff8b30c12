"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E

ARTICLES: tuple[Article, ...] = (
    Article(
        "il-ir-todayheadline-araghchi-enrichment-non-negotiable",
        "https://todayheadline.co/article69457261-ece/",
        "Today Headline",
        "2025-04-16",
        "round5",
        (
            E(
                "iran",
                ON,
                "enrichment",
                "enrichment of uranium as part of its nuclear programme was “non-negotiable”",
                "but the issue of enrichment is non-negotiable",
                kind="red-line",
            ),
            E(
                "iran",
                ON,
                "enrichment|talks",
                "We are ready to build confidence in response to possible concerns",
                kind="offer",
            ),
            E(
                "united-states",
                ON,
                "enrichment",
                "Iran must “stop and eliminate” its enrichment of uranium",
            ),
            E(
                "iran",
                ON,
                "talks",
                "said that required “constructive positions” from the United States",
            ),
        ),
    ),
    Article(
        "il-ir-allisraelnews-netanyahu-no-enrichment-missiles",
        "https://allisraelnews.com/ayatollah-regime-is-in-trouble-as-gaza-is-irans-last-stronghold-in-the-region-pm-netanyahu-tells-fox",
        "All Israel News",
        "2025-07-14",
        "round5",
        (
            E(
                "israel",
                ON,
                "enrichment",
                "No enrichment, as President Trump and I say",
            ),
            E(
                "israel",
                ON,
                "missiles-proxies",
                "no ballistic missiles, which could reach your shores",
                "no ballistic missiles beyond what is allowed under international treaties",
            ),
            E(
                "israel",
                ON,
                "missiles-proxies",
                "that is, 300 miles. And no terror axis.",
            ),
        ),
    ),
    Article(
        "il-ir-worldisraelnews-iran-cancel-attack-hostage-deal",
        "https://worldisraelnews.com/iran-willing-to-cancel-attack-on-israel-if-hostage-deal-reached-say-iranian-officials/?ios_app=true",
        "World Israel News",
        None,
        "round5",
        (
            E(
                "iran",
                SOURCES,
                "ceasefire",
                "Iran willing to cancel attack on Israel if hostage deal reached",
                "Tehran will nix its planned attack on Israel if a deal can be reached",
                "Iran is prepared to cancel its plans to attack Israel",
                "would be willing to shelve its planned attack if hostage deal talks",
                kind="offer",
            ),
            E(
                "iran",
                SOURCES,
                "ceasefire",
                "the officials emphasized that Iran would without a doubt strike Israel",
                "will launch direct attacks against Israel",
                kind="red-line",
            ),
            E(
                "united-states",
                ON,
                "ceasefire",
                "pressure Iran not to enflame regional tensions further",
            ),
        ),
    ),
    Article(
        "il-ir-globnews-snsc-iaea-cooperation-suspended",
        "https://glob-news.com/en/iran-says-cooperation-with-the-iaea-will-be-suspended-following-ill-considered-moves-by-several-european-countries.html",
        "Glob News",
        None,
        "round5",
        (
            E(
                "iran",
                MEDIA,
                "inspections|sanctions",
                "co-operation with the International Atomic Energy Agency (IAEA) will be suspended",
                "will effectively suspend the path of co-operation with the agency",
                kind="red-line",
            ),
            E(
                "e3",
                MEDIA,
                "inspections|sanctions",
                "contingent on three conditions: full restoration of inspections",
            ),
            E(
                "e3",
                MEDIA,
                "enrichment|inspections",
                "transparent accounting of uranium stockpiles",
            ),
            E(
                "e3",
                MEDIA,
                "talks",
                "and credible diplomatic engagement with Washington",
            ),
        ),
    ),
    Article(
        "il-ir-alahed-witkoff-message-resume-talks",
        "https://english.alahednews.news/essaydetails.php?eid=81969&cid=534",
        "Al-Ahed News",
        None,
        "round5",
        (
            E(
                "united-states",
                SOURCES,
                "talks|ceasefire",
                "readiness to resume negotiations with guarantees that no conflict would erupt",
                "which called for a return to talks on the nuclear file",
                kind="offer",
            ),
            E(
                "iran",
                ON,
                "inspections",
                "no plan to visit any nuclear site before reaching an agreed framework",
                "this framework “will be based on the law of the Islamic Consultative Assembly”",
                "cooperation will not begin before that",
            ),
        ),
    ),
)
