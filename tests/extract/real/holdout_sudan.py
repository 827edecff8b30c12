"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E

ARTICLES: tuple[Article, ...] = (
    Article(
        "sudan-aawsat-rsf-envoy-juba",
        "https://english.aawsat.com/node/4336221",
        "Asharq Al-Awsat",
        None,
        "holdout",
        (
            E(
                "rsf",
                SOURCES,
                "ceasefire|talks-format",
                "readiness of Lieutenant General Mohammad Hamdan Dagalo (Hemedti) to stop the fighting",
                kind="offer",
            ),
            E(
                "rsf",
                ON,
                "talks-format|ceasefire",
                "readiness to meet with Al-Burhan anywhere and at any time",
                "provided that a ceasefire be declared",
                kind="offer",
            ),
            E(
                "rsf",
                ON,
                "talks-format",
                "fully supports the peace process led by Mayardit through the IGAD",
                "an ideal place for Sudanese peace talks",
                kind="offer",
            ),
        ),
    ),
    Article(
        "sudan-inkl-hemedti-cease-hostilities-first",
        "https://inkl.com/news/sudan-hamedti-says-ready-for-negotiations-with-burhan-if-fighting-stops",
        "inkl (from Asharq Al-Awsat)",
        None,
        "holdout",
        (
            E(
                "rsf",
                ON,
                "ceasefire|talks-format",
                "on condition that fighting stops between the rival sides",
                "Cease hostilities. After that we can have negotiations",
            ),
            E("rsf", ON, "talks-format", "he is ready for negotiations with army chief", kind="offer"),
            E("saf", ON, "talks-format", "he refuses to sit with Hamedti", kind="red-line"),
        ),
    ),
    Article(
        "sudan-obasanjonews-burhan-no-negotiations",
        "https://obasanjonews.com/no-negotiations-with-rsf-declares-sudans-burhan/?amp=1",
        "Obasanjo News",
        None,
        "holdout",
        (
            E(
                "saf",
                ON,
                "talks-format",
                "he would not enter into negotiations with the Rapid Support Forces",
                "Burhan declares no negotiations with the RSF",
                kind="red-line",
            ),
            E("saf", ON, "talks-format", "must be acknowledged by any peace proposal"),
            E(
                "saf",
                ON,
                "talks-format",
                "readiness for dialogue with political factions and other groups wielding weapons",
                kind="offer",
            ),
        ),
    ),
    Article(
        "sudan-sudantimes-burhan-dismantling-rsf",
        "https://thesudantimes.com/sudan/burhan-criticised-for-rejecting-peace-plans-that-limit-saf-power",
        "The Sudan Times",
        None,
        "holdout",
        (
            E(
                "saf",
                ON,
                "rsf-disarmament",
                "unless they include dismantling the Rapid Support Forces",
                "no initiative is acceptable unless the RSF is stripped of its weapons",
                "any solution must include dismantling the RSF",
            ),
            E(
                "saf",
                MEDIA,
                "withdrawal|rsf-disarmament",
                "continues to demand that the RSF withdraw from areas it controls",
            ),
        ),
    ),
)
