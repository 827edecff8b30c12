"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    # --- Sudan --------------------------------------------------------------------------
    Article(
        "sudan-sudanscoop-burhan-no-negotiation-while-war",
        "https://sudanscoop.com/sudan/al-burhan-there-is-no-negotiation-with-the-rapid-support-as-long-as-the-war-continues/",
        "Sudan Scoop",
        None,
        "round5",
        (
            E(
                "saf",
                ON,
                "talks-format",
                "he will not negotiate with the Rapid Support Forces",
                "As long as the war continues (with rapid support), we will not negotiate",
                kind="red-line",
            ),
            E(
                "saf",
                ON,
                "withdrawal|rsf-disarmament",
                "as long as there is an occupation of citizens’ homes",
                "they must first remove their forces outside these cities",
                "gather them in specific areas",
            ),
            E(
                "saf",
                ON,
                "talks-format",
                "but the other party must implement its obligations",
                "We are committed to the Jeddah platform",
            ),
            E("saf", ON, "rsf-disarmament", "everyone is determined to eliminate the (Rapid Support) rebellion"),
        ),
    ),
    Article(
        "sudan-reuters-rsf-open-unconditional-ceasefire",
        "https://ec2-15-188-152-128.eu-west-3.compute.amazonaws.com/2024/01/03/sudans-rsf-open-to/",
        "Reuters (copy on an unnamed site)",
        None,
        "round5",
        (
            E(
                "rsf",
                ON,
                "ceasefire|talks-format",
                "it was open to an immediate, unconditional ceasefire through talks",
                "RSF open to talks on immediate ceasefire with army",
                kind="offer",
            ),
            E(
                "rsf",
                ON,
                "talks-format|ceasefire",
                "If the army came with this same document I would sign it immediately",
                "invited the army to do the same",
                kind="offer",
            ),
            E(
                "rsf",
                MEDIA,
                "humanitarian",
                "commitments to return millions of displaced people to their homes, create safe passages",
                kind="offer",
            ),
        ),
    ),
    # --- DR Congo–M23 -------------------------------------------------------------------
    Article(
        "drc-monitor-luanda-m23-immediate-withdrawal",
        "https://www.monitor.co.ug/uganda/news/national/rwanda-dr-congo-agree-on-m23-immediate-withdrawal-3871854",
        "Monitor",
        None,
        "round5",
        (
            E(
                "drc",
                ON,
                "m23-withdrawal",
                "the immediate and unconditional withdrawal of the M23 from its positions",
                "agreed that M23 rebels should unconditionally withdraw from their positions",
            ),
            E(
                "drc",
                ON,
                "ceasefire",
                "It also provides for the immediate cessation of hostilities",
                "have agreed on the immediate cessation of hostilities",
            ),
            E(
                "rwanda",
                MEDIA,
                "m23-withdrawal",
                "agreed that M23 rebels should unconditionally withdraw from their positions",
                "The presidents of Rwanda, DR Congo and Angola have agreed",
            ),
        ),
    ),
    Article(
        "drc-theafricareport-m23-ready-to-withdraw",
        "https://www.theafricareport.com/266926/drc-rwanda-m23-rebels-bow-to-pressure-agree-to-leave-occupied-territories/",
        "The Africa Report",
        "2022-12-07",
        "round5",
        (
            E(
                "m23",
                ON,
                "m23-withdrawal",
                "The M23 is ready to start disengagement and withdraw",
                "ready to disengage and withdraw territories they have occupied",
                "agree to leave occupied territories",
                kind="offer",
            ),
            E(
                "m23",
                ON,
                "direct-talks",
                "renews its request for a meeting with the mediator",
            ),
        ),
    ),
    # --- Armenia–Azerbaijan -------------------------------------------------------------
    Article(
        "am-az-armenianclub-aliyev-constitution-condition",
        "https://www.armenianclub.com/2024/02/02/aliyev-names-change-of-armenias-constitution-as-a-condition-for-peace/",
        "ArmenianClub",
        "2024-02-01",
        "round5",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "makes changes to the Constitution and other normative-legal documents",
                "put an end to Armenia’s territorial claims towards Azerbaijan",
                "names change of Armenia’s Constitution as a condition for peace",
            ),
            E("azerbaijan", ON, "treaty-signing", "it is necessary to sign a peace treaty"),
        ),
    ),
    Article(
        "am-az-azatutyun-pashinian-treaty-should-be-signed",
        "https://azatutyun.am/a/32491959.html",
        "Azatutyun",
        None,
        "round5",
        (
            E(
                "armenia",
                ON,
                "treaty-signing",
                "a peace treaty should be signed between Armenia and Azerbaijan",
                kind="offer",
            ),
            E(
                "azerbaijan",
                ON,
                "transit-corridor",
                "Yerevan remains reluctant to open a “corridor”",
                "connect Azerbaijan to its Nakhichevan exclave through Armenian territory",
            ),
        ),
    ),
)
