"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "ru-ua-caliber-lavrov-magyar-nemzet",
        "https://caliber.az/en/post/lavrov-outlines-russia-s-conditions-for-ukraine-peace-deal",
        "Caliber.Az",
        None,
        "fresh",
        (
            E("russia", ON, "negotiation-format", "Lavrov said Russia remains open to negotiations", kind="offer"),
            E(
                "russia",
                ON,
                "ceasefire",
                "must lead to lasting peace rather than a temporary ceasefire",
                "insisted that a pause that Kyiv",
                kind="red-line",
            ),
            E(
                "russia",
                ON,
                "nato",
                "without eliminating the underlying causes of the conflict",
                "caused by NATO expansion and dragging Ukraine into this military bloc",
            ),
            E("russia", ON, "territory", "any peace deal must include international recognition"),
            E(
                "russia",
                ON,
                "sovereignty-army-size",
                'demands for the "demilitarisation and denazification" of Ukraine',
            ),
            E("russia", ON, "language-church", 'demands for the "demilitarisation and denazification" of Ukraine'),
            E("russia", ON, "sanctions", "the lifting of international sanctions against Russia"),
            E("russia", ON, "reparations-accountability", "the withdrawal of legal claims"),
            E("russia", ON, "frozen-assets", "the return of Russian assets frozen abroad"),
        ),
    ),
    Article(
        "ru-ua-millichronicle-podolyak-no-ultimatums",
        "https://millichronicle.com/2022/02/ukraine-not-refusing-to-negotiate-but-not-ready-for-russian-ultimatums-official.html",
        "Milli Chronicle (from Reuters)",
        None,
        "fresh",
        (
            E(
                "ukraine",
                ON,
                "negotiation-format|ceasefire",
                "denied suggestions that it was refusing to negotiate a ceasefire",
                "Ukraine has prepared a negotiating position",
                kind="offer",
            ),
            E(
                "ukraine",
                ON,
                "negotiation-format",
                "not ready to accept ultimatums or unacceptable conditions",
                kind="red-line",
            ),
        ),
    ),
    Article(
        "ru-ua-presstv-ryabkov-never-ever-nato",
        "https://presstv.ir/Detail/2022/01/10/674479/Russia-Sergei-Ryabkov-substantial-progress-Ukraine-membership-NATO-Wendy-Sherman-",
        "Press TV",
        None,
        "fresh",
        (
            E(
                "russia",
                ON,
                "nato",
                "absolutely mandatory to make sure that Ukraine never, never ever becomes a member of NATO",
                "guarantee that Ukraine will never be allowed to join",
                "the question of ruling out future Ukrainian membership of NATO",
            ),
            E(
                "russia",
                ON,
                "security-guarantees|nato",
                "We need ironclad, waterproof, bullet-proof, legally binding guarantees",
                "Not assurances, not safeguard guarantees",
            ),
        ),
    ),
    Article(
        "ru-ua-ubn-medinsky-five-demands",
        "https://ubn.news/ukraine-and-russia-negotiated-in-istanbul-during-which-moscow-made-unreasonable-demands/?amp=1",
        "ubn.news",
        None,
        "fresh",
        (
            E(
                "russia",
                ON,
                "sovereignty-army-size|nato",
                "adopt a neutral stance similar to the Austrian model",
                "Ukraine’s neutral status",
            ),
            E(
                "russia",
                ON,
                "foreign-troops",
                "forbidding foreign military presence and weapons of mass destruction",
            ),
            E(
                "russia",
                ON,
                "reparations-accountability",
                "Both parties must mutually waive any claims for compensation",
            ),
            E(
                "russia",
                ON,
                "language-church",
                "adopt European standards to protect the rights of national minorities",
                "stop any “nationalist propaganda.”",
            ),
            E("russia", ON, "territory", "Ukraine must recognize five regions"),
            E(
                "russia",
                ON,
                "ceasefire|territory",
                "The full withdrawal of Ukrainian forces from the regions mentioned above",
                "A precondition for a ceasefire",
            ),
            E(
                "ukraine",
                MEDIA,
                "territory|negotiation-format",
                "Both Ukrainian and European representatives firmly reject Moscow’s terms",
                kind="red-line",
            ),
            E(
                "ukraine",
                ON,
                "negotiation-format",
                "next step in the negotiation process should involve a meeting between Zelenskyy and Putin",
            ),
        ),
    ),
    Article(
        "ru-ua-ukranews-kuleba-not-with-putin",
        "https://ukranews.com/en/news/949442-kuleba-on-peace-talks-we-can-never-see-putin-and-zelenskyy-at-the-same-table",
        "Ukrainian News Agency",
        "2023-08",
        "fresh",
        (
            E(
                "ukraine",
                ON,
                "negotiation-format|elections-legitimacy",
                "we can never see Putin and Zelenskyy at the same table",
                "Putin is not a partner",
                "ruled out the possibility of meeting",
                kind="red-line",
            ),
            E(
                "ukraine",
                ON,
                "territory|negotiation-format",
                "able to negotiate peace after the withdrawal of Russian troops",
                "We can negotiate after the withdrawal of their troops from our lands",
                "The goal of restoring territorial integrity",
            ),
        ),
    ),
)
