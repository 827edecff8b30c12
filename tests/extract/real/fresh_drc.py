"""Fresh articles of one conflict (round four); see fresh_set.py for how they were gathered."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    Article(
        "drc-256focus-m23-conditions-direct-talks",
        "https://256focus.com/index.php/2025/03/17/m23-sets-conditions-for-direct-talks-with-drc-government",
        "256 Focus",
        None,
        "fresh",
        (
            E(
                "m23",
                ON,
                "direct-talks",
                "publicly and unequivocally commit to direct negotiations",
                "outlined terms and conditions for engaging in direct negotiations",
            ),
        ),
    ),
    Article(
        "drc-xtrafrica-tshisekedi-talk-to-kagame",
        "https://www.xtrafrica.com/news/in-addis-ababa%2C-%22i-told-kagame-himself%2C-'you-are-the-one-i-want-to-see-in-front-of-me-to-talk-on-behalf-of-m23%22-f%C3%A9lix-tshisekedi",
        "XtrAfrica",
        "2024-02-22",
        "fresh",
        (
            E(
                "drc",
                ON,
                "direct-talks",
                "explicitly stating his unwillingness to negotiate with the rebel group M23",
                "his refusal to engage with M23",
                kind="red-line",
            ),
            E(
                "drc",
                ON,
                "direct-talks|rwanda-troops",
                "You are the one I want to see in front of me",
                "a desire to engage in dialogue with Rwandan President Paul Kagame",
                "intention to hold discussions exclusively with Rwanda",
                kind="offer",
            ),
        ),
    ),
    Article(
        "drc-tengele-nduhungirehe-troops-until-fdlr",
        "https://tengele.com/news/57defb90-a663-4a33-8853-84609c15ba04/rwanda-rules-out-troop-withdrawal-from-congo-before-fdlr-neutralization",
        "Tengele",
        None,
        "fresh",
        (
            E(
                "rwanda",
                ON,
                "rwanda-troops",
                "Rwanda Rules Out Troop Withdrawal From Congo Before FDLR Neutralization",
                "troops will remain in the Democratic Republic of Congo (DRC) until",
                kind="red-line",
            ),
            E("rwanda", MEDIA, "rwanda-troops", "concrete actions from the DRC, including dismantling the FDLR"),
        ),
    ),
)
