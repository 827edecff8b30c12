"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "ru-ua-newspravda-peskov-kiev-terms",
        "https://news-pravda.com/usa/2023/12/08/214087.html",
        "News-Pravda",
        None,
        "round5",
        (
            E(
                "russia",
                ON,
                "negotiation-format",
                "on Kiev's terms are unrealistic",
                "No, it is absolutely unrealistic",
                kind="red-line",
            ),
            E(
                "russia",
                ON,
                "negotiation-format",
                "Moscow has never refused peace talks with Ukraine",
                kind="offer",
            ),
            E(
                "russia",
                ON,
                "negotiation-format",
                "it needs to repeal the decree prohibiting negotiations",
            ),
        ),
    ),
    Article(
        "ru-ua-rbcukraine-zelenskyy-guarantees-before-talks",
        "https://newsukraine.rbc.ua/news/zelenskyy-ukraine-must-secure-clear-security-1739991150.html",
        "RBC-Ukraine",
        None,
        "round5",
        (
            E(
                "ukraine",
                ON,
                "security-guarantees|negotiation-format",
                "Ukraine must secure clear security guarantees before any talks",
                "Ukraine must get clear security guarantees",
                "strong security guarantees are a priority for achieving lasting peace",
            ),
            E(
                "ukraine",
                ON,
                "security-guarantees",
                "Ukraine needs broad representation from countries",
                "Europe, including the UK and Türkiye, and the US",
            ),
            E(
                "ukraine",
                MEDIA,
                "ceasefire|security-guarantees",
                "achieving guaranteed peace, not just a temporary ceasefire",
            ),
        ),
    ),
    Article(
        "ru-ua-devdiscourse-lavrov-demilitarisation",
        "https://www.devdiscourse.com/article/politics/1937219-russias-lavrov-says-moscow-wants-ukrainian-people-to-be-independent",
        "Devdiscourse",
        None,
        "round5",
        (
            E("russia", ON, "sovereignty-army-size", "Russia will ensure the demilitarisation of Ukraine"),
            E(
                "russia",
                ON,
                "elections-legitimacy",
                "no possibility of recognising the current Ukrainian government",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "ru-ua-ukrinform-sybiha-diplomatic-tools",
        "https://ukrinform.net/amp/rubric-polytics/3970595-ukraines-foreign-minister-on-establishing-ceasefire-time-to-use-all-diplomatic-tools.html",
        "Ukrinform",
        None,
        "round5",
        (
            E(
                "ukraine",
                ON,
                "ceasefire",
                "Ukraine accepted and supported this proposal",
                kind="offer",
            ),
            E(
                "ukraine",
                ON,
                "territory",
                "no compromises at the expense of Ukraine's territorial integrity",
                kind="red-line",
            ),
            E(
                "ukraine",
                ON,
                "territory",
                "will never recognize its temporarily occupied territories as Russian",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "ru-ua-unn-umerov-all-must-be-returned",
        "https://unn.ua/en/news/umerov-spoke-about-the-issues-discussed-at-the-negotiations-with-the-russian-federation",
        "UNN",
        "2025-05-16",
        "round5",
        (
            E(
                "ukraine",
                ON,
                "prisoners",
                "all our political prisoners, all our children, all civilians must be returned",
                "any opportunities to return Ukrainian political prisoners, children, and civilians",
            ),
        ),
    ),
    Article(
        "ru-ua-theswipeup-ushakov-entire-donbas",
        "https://www.theswipeup.com/2025/12/only-if-ukraine-leaves-entire-donbas.html",
        "theswipeup.com",
        None,
        "round5",
        (
            E(
                "russia",
                ON,
                "ceasefire|territory",
                "hostilities can end only if Ukrainian forces fully withdraw",
                "a ceasefire would be possible only “after the withdrawal of Ukrainian troops,”",
            ),
            E(
                "russia",
                ON,
                "territory",
                "all remaining Ukrainian-held areas in Donetsk must fall under Russian authority",
                "expects the entire Donbas to come under its control",
            ),
            E(
                "russia",
                ON,
                "territory",
                "the Russian Armed Forces might not be stationed in areas currently held by Ukraine",
                "Russia’s National Guard—known as Rosgvardiya—could be deployed there",
                kind="offer",
            ),
        ),
    ),
)
