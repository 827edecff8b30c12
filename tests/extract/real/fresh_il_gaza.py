"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E

ARTICLES: tuple[Article, ...] = (
    Article(
        "il-gaza-kurdistan24-netanyahu-disarmed",
        "https://www.kurdistan24.net/en/story/870117/netanyahu-declares-gaza-war-will-end-only-after-hamas-is-disarmed",
        "Kurdistan24",
        None,
        "fresh",
        (
            E(
                "israel",
                ON,
                "hamas-elimination|gaza-security",
                "Gaza War Will End Only After Hamas is Disarmed",
                "the Gaza war ends only when Hamas disarms",
                "centered on the complete disarmament of Hamas",
                "linking a permanent cessation to the full demilitarization",
                "When that is successfully completed",
                "Phase B also involves the disarming of Hamas",
            ),
        ),
    ),
    Article(
        "il-gaza-naqshnews-hamas-reviews-proposals",
        "https://naqshnews.com/hamas-reviews-new-ceasefire-proposals-seeks-end-to-gaza-war",
        "Naqsh News",
        None,
        "fresh",
        (
            E(
                "hamas",
                MEDIA,
                "ceasefire",
                "reiterating its demand for a complete end to the ongoing Israeli military offensive",
                "any acceptable agreement must include a permanent ceasefire",
                "Seeks End to Gaza War",
            ),
            E("hamas", MEDIA, "gaza-security", "the withdrawal of Israeli forces from the Gaza Strip"),
            E("israel", MEDIA, "hamas-elimination", "Israel has openly rejected unless Hamas is fully dismantled"),
            E(
                "israel",
                ON,
                "gaza-governance|hamas-elimination",
                "There will be no Hamas in post-war Gaza",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "il-gaza-sputnik-hamas-written-commitment",
        "https://sputnikglobe.com/20240415/hamas-demands-clear-written-commitment-from-israel-to-withdraw-from-gaza-1117932956.html",
        "Sputnik",
        "2024-04-15",
        "fresh",
        (
            E(
                "hamas",
                SOURCES,
                "gaza-security",
                "Hamas Demands 'Clear Written Commitment' From Israel to Withdraw",
                "from Israel to withdraw their troops from the Gaza Strip",
            ),
            E("hamas", MEDIA, "ceasefire", "should include an end to the war"),
            E(
                "israel",
                MEDIA,
                "hamas-elimination|ceasefire",
                "they will not stop the war until they destroy the militant group",
            ),
        ),
    ),
)
