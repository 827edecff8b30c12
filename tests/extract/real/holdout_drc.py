"""Held-out articles of one conflict; see holdout_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "drc-afriktimes-tshisekedi-rejects-dialogue",
        "https://afriktimes.info/?p=4113",
        "Afriktimes",
        None,
        "holdout",
        (
            E(
                "drc",
                ON,
                "direct-talks",
                "categorically rejected any dialogue with the M23 rebellion",
                "the rejection of dialogue with the M23",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "drc-briefly-kagame-dismantle-fdlr",
        "http://briefly.co/anchor/World_politics/story/rwanda-president-unsure-if-drc-peace-deal-will-hold-warns-against-tricks",
        "Briefly",
        None,
        "holdout",
        (
            E(
                "rwanda",
                ON,
                "rwanda-troops",
                "Kinshasa must dismantle the FDLR for the agreement to succeed",
                "the dismantling of the FDLR is crucial for the agreement's success",
            ),
        ),
    ),
    Article(
        "drc-reuters-runiga-stay-in-goma",
        "http://in.reuters.com/article/congo-democratic-idINL5E8MM38620121122",
        "Reuters",
        "2012-11-22",
        "holdout",
        (
            E(
                "m23",
                ON,
                "m23-withdrawal",
                "will not withdraw from the city of Goma",
                "We'll stay in Goma waiting for negotiations",
                kind="red-line",
            ),
            E("m23", ON, "direct-talks", "will advance until President Joseph Kabila agrees to talks"),
        ),
    ),
    Article(
        "drc-theeastafrican-m23-demands-luanda",
        "https://www.theeastafrican.co.ke/tea/news/east-africa/m23-rebels-issue-demands-ahead-of-direct-talks-with-kinshasa-4968680",
        "The EastAfrican",
        None,
        "holdout",
        (
            E(
                "m23",
                MEDIA,
                "direct-talks",
                "to participate in direct dialogue at the request of Angolan authorities",
                "they will send a delegation to Luanda",
                kind="offer",
            ),
            E(
                "m23",
                MEDIA,
                "direct-talks",
                "could withdraw from talks if the Congolese government remained vague about direct talks",
                "could pull a plug if Kinshasa does not clarify its attendance",
            ),
            E(
                "drc",
                ON,
                "direct-talks",
                "it was ready to participate",
                "confirmed that Kinshasa would be represented",
                kind="offer",
            ),
        ),
    ),
)
