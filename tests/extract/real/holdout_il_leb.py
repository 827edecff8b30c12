"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    # --- Israel–Hezbollah (dataset: datasets/israel-hezbollah.yaml) ----------------------
    Article(
        "il-leb-deepnewz-aoun-state-monopoly",
        "https://preview.deepnewz.com/middle-east/lebanons-aoun-demands-state-monopoly-on-arms-rejects-israel-normalisation-af9a2fb6",
        "DeepNewz",
        None,
        "holdout",
        (
            E(
                "lebanon",
                ON,
                "hezbollah-disarmament",
                "all weapons in Lebanon must be placed exclusively under state control",
                "only the Council of Ministers is constitutionally empowered",
            ),
            E(
                "lebanon",
                ON,
                "talks-format",
                "ruled out normalizing relations with Israel",
                "immediate objective is to maintain a “state of no war”",
                kind="red-line",
            ),
            E(
                "israel",
                SOURCES,
                "hezbollah-disarmament",
                "expect the Lebanese Army to continue dismantling",
                "Radwan Forces would be dismantled “by them or by us.”",
            ),
            E(
                "israel",
                SOURCES,
                "ceasefire|hezbollah-disarmament",
                "keep conducting operations in Lebanon as long as Hezbollah retains",
            ),
        ),
    ),
    Article(
        "il-leb-firstpost-netanyahu-five-positions",
        "https://www.firstpost.com/world/israel-will-withdraw-its-forces-from-all-5-positions-in-lebanon-if-netanyahu-13927736.html",
        "Firstpost",
        None,
        "holdout",
        (
            E(
                "israel",
                ON,
                "israeli-withdrawal",
                "would withdraw from all five positions in southern Lebanon",
                "phased withdrawal from southern Lebanon",
                kind="offer",
            ),
            E(
                "israel",
                ON,
                "hezbollah-disarmament",
                "if Hezbollah, the Lebanese militant group, were completely disarmed",
            ),
            E("israel", ON, "ceasefire", "roll back air force strikes if Israel’s conditions are met", kind="offer"),
        ),
    ),
    Article(
        "il-leb-memo-mikati-ready-1701",
        "https://www.middleeastmonitor.com/20240930-lebanon-says-ready-to-implement-un-resolution-1701-deploy-army-south-of-litani-river/",
        "Middle East Monitor (from Anadolu Agency)",
        None,
        "holdout",
        (
            E(
                "lebanon",
                ON,
                "southern-security",
                "Lebanon is ready to implement UN Security Council Resolution 1701",
                "ready to send its army to the southern region",
                kind="offer",
            ),
            E("lebanon", ON, "ceasefire", "pledge to implement the ceasefire immediately with Israel", kind="offer"),
            E(
                "israel",
                ON,
                "southern-security",
                "only accept a ceasefire in Lebanon when Hezbollah is pushed away from the border",
            ),
            E("israel", ON, "hezbollah-disarmament", "to the north of the Litani River and disarmed"),
        ),
    ),
    Article(
        "il-leb-peoplesdispatch-nasrallah-gaza-ceasefire",
        "https://peoplesdispatch.org/2024/07/10/nasrallah-a-ceasefire-on-the-lebanese-front-is-dependent-on-a-ceasefire-in-gaza/",
        "Peoples Dispatch",
        "2024-07-10",
        "holdout",
        (
            E(
                "hezbollah",
                ON,
                "ceasefire",
                "a ceasefire on the Lebanese front is dependent on a ceasefire in Gaza",
                "a ceasefire on the northern front is connected to a ceasefire in Gaza",
                "will stand by the Palestinian resistance until a ceasefire is achieved",
            ),
        ),
    ),
    Article(
        "il-leb-shafaq-qassem-cessation-of-aggression",
        "https://www.shafaq.com/en/World/Hezbollah-s-Qassem-vows-response-in-Tel-Aviv-says-ceasefire-depends-on-Netanyahu-s-seriousness",
        "Shafaq News",
        "2024-11-20",
        "holdout",
        (
            E("hezbollah", ON, "ceasefire", "securing a complete cessation of aggression"),
            E("hezbollah", ON, "israeli-withdrawal", "safeguarding Lebanese sovereignty"),
        ),
    ),
)
