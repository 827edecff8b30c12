"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "ru-ua-almahdibd-putin-three-conditions",
        "https://almahdibd.com/161",
        "almahdibd.com",
        None,
        "holdout",
        (
            E(
                "russia",
                ON,
                "territory",
                "including three conditions: the withdrawal of Ukrainian troops",
                "it will withdraw troops from the four provinces",
                "Ukrainian forces must leave the entire Donetsk",
            ),
            E("russia", ON, "nato", "abandonment of aspirations to join NATO", "and stop trying to join NATO"),
            E("russia", ON, "territory", "declared Russian territories under international agreements"),
            E(
                "russia",
                ON,
                "ceasefire|negotiation-format",
                "ready to start peace talks and prepare for a ceasefire",
                kind="offer",
            ),
        ),
    ),
    Article(
        "ru-ua-galweek-zakharova-realities",
        "https://galweek.info/zakharova-announced-the-readiness-of-the-russian-federation-for-negotiations-taking-into-account-the-realities-at-the-moment/6234/",
        "Galweek",
        None,
        "holdout",
        (
            E(
                "russia",
                ON,
                "negotiation-format|territory",
                "readiness of the Russian Federation for negotiations",
                "declared Moscow's readiness to negotiate with Ukraine",
                "taking into account the realities that are developing at the moment",
                kind="offer",
            ),
        ),
    ),
    Article(
        "ru-ua-newsonlineread-podolyak-no-truce",
        "https://newsonlineread.com/podolyak-ruled-out-a-truce-or-any-concessions-regarding-russia-until-the-complete-withdrawal-of-its-troops",
        "newsonlineread.com",
        None,
        "holdout",
        (
            E(
                "ukraine",
                ON,
                "ceasefire|territory",
                "ruled out a truce or any concessions regarding Russia",
                "a truce or any concessions to Russia are impossible",
                "there could be no talk of any ceasefire",
                kind="red-line",
            ),
            E(
                "ukraine",
                ON,
                "territory|negotiation-format",
                "must leave Ukraine for negotiations to begin",
                "Russian troops must leave the country",
            ),
        ),
    ),
    Article(
        "ru-ua-newszop-zelenskyy-guarantees-first",
        "https://8755.read.newszop.com/english-news/publisher-toi/world/no-signal-from-moscow-to-end-war-zelenskyy-seeks-strong-us-response-if-putin-avoids-talks-shares-trumps-suggestion/articleshow/145048208b19efce8f269e9321142b6c83f93d32",
        "Newszop (from The Times of India)",
        None,
        "holdout",
        (
            E(
                "ukraine",
                ON,
                "territory",
                "will never recognise Russia’s claim over occupied territories",
                "Ukraine will not legally recognise Russia's occupation",
                kind="red-line",
            ),
            E(
                "ukraine",
                ON,
                "security-guarantees|negotiation-format",
                "wanted a clear understanding of those guarantees",
                "talks with Moscow could only follow firm international security guarantees",
                "understanding of the security guarantees architecture within seven to 10 days",
            ),
            E(
                "ukraine",
                ON,
                "negotiation-format|sanctions",
                "Ukraine and Europe want to see a strong US reaction",
            ),
            E(
                "ukraine",
                ON,
                "security-guarantees",
                "ruled out including China in security arrangements",
                kind="red-line",
            ),
            E("ukraine", ON, "security-guarantees", "establishing this approximate framework, similar to Article 5"),
        ),
    ),
    Article(
        "ru-ua-unn-yermak-last-soldier",
        "https://unn.ua/en/news/yermak-voiced-a-key-condition-for-peace-the-return-of-the-last-soldier-of-the-invaders-army-to-russia",
        "UNN",
        "2024-10-25",
        "holdout",
        (
            E(
                "ukraine",
                ON,
                "territory",
                "the return of the last soldier of the invaders' army",
                "the condition for a just peace is the withdrawal",
                "the need for the complete withdrawal of enemy troops",
                "peace is possible only after the last soldier",
            ),
        ),
    ),
    Article(
        "ru-ua-zambianobserver-peskov-donbas",
        "https://zambianobserver.com/kremlin-demands-ukrainian-withdrawal-from-donbas-as-key-condition-for-any-settlement/",
        "Zambian Observer (from Military Cognizance)",
        "2026-01-23",
        "holdout",
        (
            E(
                "russia",
                ON,
                "territory",
                "Kremlin Demands Ukrainian Withdrawal From Donbas",
                "withdrawal of Ukrainian Armed Forces from the Donbas region",
                "insists that their withdrawal is a “very important condition”",
            ),
        ),
    ),
)
