"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "th-kh-ahdathalalam-cambodia-asks-world-court",
        "https://ahdathalalam.com/news-article/265291.html",
        "Ahdath Al-Alam",
        None,
        "fresh",
        (
            E(
                "cambodia",
                ON,
                "border-demarcation|talks-mediation",
                "peaceful resolution based on international law through the ICJ mechanism",
                "should jointly bring the four dispute areas to the ICJ",
                "it would begin legal proceedings at the ICJ independently",
            ),
            E(
                "cambodia",
                MEDIA,
                "border-demarcation|talks-mediation",
                "should no longer be included in future bilateral talks",
            ),
            E(
                "thailand",
                MEDIA,
                "border-demarcation|talks-mediation",
                "both sides will continue discussions and joint implementation",
                kind="offer",
            ),
            E(
                "thailand",
                MEDIA,
                "troop-withdrawal|talks-mediation",
                "both sides pledging to de-escalate tensions and continue dialogue",
                kind="offer",
            ),
            E(
                "cambodia",
                MEDIA,
                "troop-withdrawal|talks-mediation",
                "both sides pledging to de-escalate tensions and continue dialogue",
                kind="offer",
            ),
        ),
    ),
    Article(
        "th-kh-bangkokpost-maris-end-attacks-before-talks",
        "https://www.bangkokpost.com/thailand/general/3076142/un-security-council-calls-for-de-escalation-of-clashes",
        "Bangkok Post",
        "2025-07-26",
        "fresh",
        (
            E(
                "thailand",
                ON,
                "ceasefire|talks-mediation",
                "Cambodia must end attacks before talks can take place",
                "provided Cambodia halts its attacks and demonstrates sincerity",
                "Cambodia must show evidence of good faith to end this conflict",
            ),
            E(
                "thailand",
                ON,
                "ceasefire|talks-mediation",
                "his ceasefire proposal, which Thailand supports in principle",
                kind="offer",
            ),
        ),
    ),
    Article(
        "th-kh-malaytribune-winthai-pows-four-issues",
        "https://themalaytribune.com/thailand-to-free-cambodian-pows-if-border-peace-deal-holds",
        "The Malay Tribune",
        None,
        "fresh",
        (
            E(
                "thailand",
                ON,
                "prisoners",
                "Thailand is ready to repatriate 18 Cambodian prisoners of war",
                "Thailand to free Cambodian POWs if border peace deal holds",
                "consideration of releasing the POWs would be based strictly on international law",
                kind="offer",
            ),
            E(
                "thailand",
                ON,
                "troop-withdrawal",
                "the withdrawal of heavy weapons from border areas",
            ),
            E(
                "thailand",
                ON,
                "landmines",
                "mine clearance, suppression of transnational criminal networks",
            ),
        ),
    ),
    Article(
        "th-kh-newsonair-anutin-halted-until-demands",
        "https://www.newsonair.gov.in/thailand-suspends-us-brokered-peace-agreement-with-cambodia-after-border-landmine-blast",
        "News On AIR",
        None,
        "fresh",
        (
            E(
                "thailand",
                ON,
                "talks-mediation|ceasefire",
                "will be halted until Thailand’s demands, which remain unspecified, are met",
                "has suspended the implementation of a United States-brokered peace agreement",
            ),
        ),
    ),
    Article(
        "th-kh-realshockmedia-manet-thais-retracted",
        "https://www.realshockmedia.info/archives/10506",
        "realshockmedia.info",
        None,
        "fresh",
        (
            E(
                "cambodia",
                ON,
                "ceasefire",
                "Cambodia agreed with his proposal for a ceasefire",
                kind="offer",
            ),
            E(
                "cambodia",
                ON,
                "ceasefire",
                "lies in Thailand’s genuine willingness to accept a ceasefire",
            ),
        ),
    ),
)
