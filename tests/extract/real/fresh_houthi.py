"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "houthi-aa-trump-stop-bombings",
        "https://www.aa.com.tr/en/americas/trump-says-houthis-to-halt-attacks-on-commercial-vessels-prompting-us-to-stop-strikes/3558993",
        "Anadolu Agency",
        None,
        "fresh",
        (
            E(
                "united-states",
                ON,
                "strikes-on-yemen|shipping-attacks",
                "We will honor that and we will stop the bombings",
                "the US will reciprocate by halting attacks on Yemen",
                "if it's going to stop, then we can stop",
                "prompting US to stop strikes",
                kind="offer",
            ),
        ),
    ),
    Article(
        "houthi-iranintl-katz-blockade",
        "https://www.iranintl.com/en/202506100450",
        "Iran International",
        None,
        "fresh",
        (
            E(
                "israel",
                ON,
                "attacks-on-israel",
                "continue attacks on the Jewish state, they will respond with a naval and air blockade",
                "if they continue to fire at Israel, they will receive a powerful response",
            ),
        ),
    ),
    Article(
        "houthi-pravdaen-abdulmalik-escalation",
        "https://pravda-en.com/usa/2024/02/06/304659.html",
        "Pravda EN",
        None,
        "fresh",
        (
            E(
                "houthis",
                ON,
                "gaza-linkage",
                "threatened further escalation if the conflict in Gaza continues",
                "if the Israeli military did not stop attacking the Gaza Strip",
                "they must stop the aggression against Gaza and lift the blockade",
            ),
        ),
    ),
)
