"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "sudan-sudantimes-burhan-ready-negotiations",
        "https://thesudantimes.com/?p=3989",
        "The Sudan Times",
        None,
        "fresh",
        (
            E(
                "saf",
                ON,
                "talks-format",
                "We are ready to engage in negotiations",
                "given conditional approval for holding negotiations",
                kind="offer",
            ),
            E("saf", ON, "talks-format", "Whenever he commits to what was agreed in Jeddah"),
        ),
    ),
    Article(
        "sudan-sudantribune-hemetti-ceasefire-political-talks",
        "https://sudantribune.com/article277524",
        "Sudan Tribune",
        "2023-09-21",
        "fresh",
        (
            E(
                "rsf",
                ON,
                "ceasefire",
                "readiness for an immediate ceasefire",
                "fully prepared to enforce a ceasefire across Sudan",
                kind="offer",
            ),
            E(
                "rsf",
                ON,
                "humanitarian",
                "unhindered flow of humanitarian aid, safe passages for civilians",
                kind="offer",
            ),
            E(
                "rsf",
                ON,
                "talks-format",
                "comprehensive political negotiations to end the ongoing conflict",
                "initiating substantial and inclusive political discussions",
                kind="offer",
            ),
        ),
    ),
    Article(
        "sudan-wcts-atta-no-ramadan-truce",
        "https://wctsradio.com/sudan-army-general-rules-out-ramadan-truce-unless-rsf-leaves-civilian-sites/",
        "WCTS Radio (from Reuters)",
        None,
        "fresh",
        (
            E(
                "saf",
                ON,
                "withdrawal|ceasefire",
                "no truce in Sudan in the Islamic holy month of Ramadan unless",
                "no Ramadan ceasefire unless the RSF complied",
                "to withdraw from civilian homes and public facilities",
            ),
            E("rsf", MEDIA, "ceasefire", "The paramilitary RSF said it welcomed the ceasefire call", kind="offer"),
        ),
    ),
)
