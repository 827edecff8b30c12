"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    # --- India–Pakistan (dataset: india-pakistan.yaml) -----------------------------------
    Article(
        "in-pk-economypk-dar-cnn-kashmir-water",
        "https://www.economy.pk/dar-pakistans-strike-prompted-ceasefire-talks/",
        "economy.pk",
        None,
        "round5",
        (
            E(
                "pakistan",
                ON,
                "ceasefire",
                "If India does not resume hostilities, we won’t either",
                kind="offer",
            ),
            E(
                "pakistan",
                ON,
                "kashmir",
                "Kashmir is central to peace in South Asia",
                "We cannot overlook it any longer",
            ),
            E(
                "pakistan",
                ON,
                "indus-waters",
                "if it diverts or blocks Pakistan’s water",
                "such a move would be considered an act of war",
                kind="red-line",
            ),
            E(
                "pakistan",
                ON,
                "talks-format",
                "We want to move forward with dialogue",
                kind="offer",
            ),
        ),
    ),
    Article(
        "in-pk-telegrammagazine-sharif-weaponise-water",
        "https://telegrammagazine.info/will-not-allow-india-to-weaponise-water-says-pak-pm-sharif-at-dushanbe-meet-52425.html",
        "telegrammagazine.info",
        None,
        "round5",
        (
            E(
                "pakistan",
                ON,
                "indus-waters",
                "would not permit India to endanger millions of lives",
                "condemned India's decision to hold the Indus Waters Treaty",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "in-pk-tribuneindia-jaiswal-terror-talks",
        "https://www.tribuneindia.com/news/india/talks-terror-cant-go-together-india-tells-pakistan-again/amp/?utm=relatedarticles",
        "The Tribune",
        None,
        "round5",
        (
            E(
                "india",
                ON,
                "terrorism",
                "abjure” its support for cross-border terrorism",
            ),
            E(
                "india",
                ON,
                "terrorism|talks-format",
                "Pakistan handing over to India the terrorists from the list",
            ),
            E(
                "india",
                ON,
                "talks-format",
                "terrorism and talks cannot go hand in hand",
                "terror and talks cannot come together",
                "Talks, terror can’t go together",
                kind="red-line",
            ),
            E(
                "india",
                ON,
                "kashmir|talks-format",
                "would only be on the vacation of Pakistan-occupied Kashmir",
                kind="red-line",
            ),
            E(
                "india",
                ON,
                "indus-waters|terrorism",
                "it would remain in abeyance until Pakistan",
                "blood and water can't flow together",
            ),
            E(
                "pakistan",
                ON,
                "talks-format|kashmir",
                "Pakistan was ready to hold talks with New Delhi",
                "We want to resolve all disputes through negotiations",
                "expressed his willingness to hold talks and resolve all outstanding issues",
                kind="offer",
            ),
        ),
    ),
    # --- Thailand–Cambodia (dataset: thailand-cambodia.yaml) -----------------------------
    Article(
        "th-kh-ckhq-cambodia-declare-ceasefire-first",
        "https://en.ckhq.net/html/25b3bf7109b48599084233a17ced9219.html",
        "en.ckhq.net (from AFP)",
        None,
        "round5",
        (
            E(
                "thailand",
                ON,
                "ceasefire",
                "Cambodia must first declare a ceasefire before the fighting",
                "must first declare a ceasefire",
                "Cambodia Must Declare a Ceasefire First",
            ),
            E(
                "thailand",
                ON,
                "landmines",
                "cooperate with the demining work along the border",
            ),
        ),
    ),
    Article(
        "th-kh-justokworld-cambodia-return-20-soldiers",
        "https://justokworld.com/cambodia-urges-thailand-to-return-soldiers-taken-in-border-clashes",
        "justokworld.com",
        None,
        "round5",
        (
            E(
                "cambodia",
                ON,
                "prisoners",
                "We call on the Thai side to send all 20 military personnel",
                "Cambodia called on Thailand on Thursday (Jul 31) to return 20 soldiers",
            ),
            E(
                "thailand",
                MEDIA,
                "prisoners",
                "would be returned when the border situation stabilises",
                kind="offer",
            ),
        ),
    ),
    Article(
        "th-kh-nationthailand-hun-sen-demining-first",
        "https://www.nationthailand.com/world/asean/40022368",
        "The Nation",
        "2022-11-23",
        "round5",
        (
            E(
                "cambodia",
                ON,
                "landmines|border-demarcation",
                "work with Thailand on demining before border issues could be discussed",
                "regardless of border issues, as defining the demarcation line can be done later",
                "we can work together to decide which areas Thailand clears",
                kind="offer",
            ),
        ),
    ),
)
