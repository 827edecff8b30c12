"""Round five's articles gathered by one person; see round5_set.py for how."""

from __future__ import annotations

from tests.extract.real.corpus import MEDIA, ON, SOURCES, Article, E  # noqa: F401

ARTICLES: tuple[Article, ...] = (
    # --- Israel–Gaza ----------------------------------------------------------------------
    Article(
        "il-gaza-memo-haniyeh-sticking-to-conditions",
        "https://www.middleeastmonitor.com/20240403-hamas-chief-says-movement-sticking-to-ceasefire-conditions-including-israel-pullout/",
        "Middle East Monitor (from Reuters)",
        None,
        "round5",
        (
            E(
                "hamas",
                ON,
                "ceasefire",
                "sticking to its conditions for a ceasefire in Gaza",
                "We are committed to our demands: the permanent ceasefire",
            ),
            E(
                "hamas",
                ON,
                "gaza-security",
                "including an Israeli military withdrawal",
                "complete withdrawal of the enemy out of the Gaza Strip",
            ),
            E(
                "hamas",
                ON,
                "hostages|ceasefire",
                "achieving an honourable prisoner exchange deal",
                "will let them go only as part of a deal",
            ),
        ),
    ),
    Article(
        "il-gaza-munsif-netanyahu-disarmament-permanent-ceasefire",
        "https://munsifdaily.com/netanyahu-no-permanent-ceasefire-without",
        "Munsif Daily",
        None,
        "round5",
        (
            E(
                "israel",
                ON,
                "ceasefire",
                "Israel is ready to discuss a permanent ceasefire in Gaza",
                "we will enter negotiations for a permanent end to the war",
                kind="offer",
            ),
            E(
                "israel",
                ON,
                "hamas-elimination",
                "No Permanent Ceasefire Without Hamas Disarmament",
                "only if Hamas agrees to complete disarmament",
                "Hamas must lay down its arms",
            ),
            E(
                "israel",
                ON,
                "gaza-security",
                "and the demilitarization of the territory",
                "lay down its arms, Gaza must be demilitarized",
            ),
            E(
                "israel",
                ON,
                "gaza-governance",
                "Hamas must have no governing or military capabilities",
            ),
        ),
    ),
    Article(
        "il-gaza-memo-abuzuhri-end-war-for-hostages",
        "https://www.middleeastmonitor.com/20240426-israel-must-end-war-for-hostages-to-be-released-hamas-says/",
        "Middle East Monitor",
        "2024-04-26",
        "round5",
        (
            E(
                "hamas",
                ON,
                "ceasefire|hostages",
                "demanded that Israel end the war as part of any deal",
            ),
        ),
    ),
    # --- Israel–Hezbollah -----------------------------------------------------------------
    Article(
        "il-leb-caliber-qassem-keep-arms-until-withdrawal",
        "https://caliber.az/en/post/hezbollah-vows-to-keep-arms-until-israel-withdraws-and-conditions-met",
        "Caliber.Az",
        None,
        "round5",
        (
            E(
                "hezbollah",
                ON,
                "hezbollah-disarmament",
                "reaffirmed the group’s firm refusal to disarm",
                "We will not abandon the weapons that have brought us honour",
                "We will not give up the weapons that protect us",
                "Those who want to take away our weapons",
                "Hezbollah vows to keep arms until Israel withdraws",
                kind="red-line",
            ),
            E(
                "hezbollah",
                ON,
                "israeli-withdrawal",
                "Israel must first fully withdraw from Lebanon",
            ),
            E(
                "hezbollah",
                ON,
                "ceasefire",
                "halt its military strikes, release Lebanese prisoners",
            ),
            E(
                "hezbollah",
                ON,
                "displaced-return",
                "allow the country to begin rebuilding areas devastated",
            ),
            E(
                "hezbollah",
                ON,
                "hezbollah-disarmament",
                "only after these conditions are met could discussions begin",
                kind="offer",
            ),
            E(
                "lebanon",
                MEDIA,
                "hezbollah-disarmament",
                "instructed the army to draft a plan, by December",
                "aimed at establishing state control over weapons across the country",
            ),
            E(
                "israel",
                MEDIA,
                "israeli-withdrawal|hezbollah-disarmament",
                "Israel indicated it would scale back its military presence",
                "if the Lebanese armed forces acted to disarm the group",
                kind="offer",
            ),
        ),
    ),
    Article(
        "il-leb-toi-katz-first-condition-litani",
        "https://www.timesofisrael.com/liveblog_entry/katz-warns-ceasefire-in-jeopardy-if-hezbollah-does-not-withdraw-from-south-lebanon/",
        "The Times of Israel",
        "2025-01-05",
        "round5",
        (
            E(
                "israel",
                ON,
                "southern-security",
                "if Hezbollah does not withdraw from southern Lebanon",
                "complete withdrawal of the Hezbollah terror organization beyond the Litani River",
                "the [removal] of the terror infrastructure in the area",
                "If this condition is not met, there will be no agreement",
            ),
            E(
                "israel",
                ON,
                "hezbollah-disarmament|southern-security",
                "beyond the Litani River, the dismantling of all weapons",
            ),
            E(
                "israel",
                ON,
                "displaced-return",
                "ensure the safe return of the residents of the north",
            ),
            E(
                "israel",
                ON,
                "ceasefire",
                "Israel is interested in the implementation of the agreement",
                kind="offer",
            ),
        ),
    ),
    # --- Houthis–Red Sea ------------------------------------------------------------------
    Article(
        "houthi-i24news-madani-resume-if-aggression",
        "https://www.i24news.tv/en/news/middle-east/artc-houthis-signal-halt-to-red-sea-attacks-as-gaza-ceasefire-holds",
        "i24NEWS",
        None,
        "round5",
        (
            E(
                "houthis",
                ON,
                "gaza-linkage|shipping-attacks",
                "would resume operations if Israel renewed its campaign in Gaza",
                "If the enemy resumes its aggression, we will launch new operations",
                "reinstate the ban on Israeli navigation in the Red Sea",
                "indicated it may be suspending its attacks on Israel",
            ),
        ),
    ),
    Article(
        "houthi-channel8-hegseth-until-attacks-stop",
        "https://channel8.com/english/34098",
        "Channel 8",
        None,
        "round5",
        (
            E(
                "united-states",
                ON,
                "strikes-on-yemen|shipping-attacks",
                "Strikes on Yemen’s Houthis Will Continue Until Shipping Attacks Stop",
                "will continue striking the Yemen’s Houthis until they halt attacks",
                "The moment the Houthis want to stop their attack",
                "this campaign will end, but until then it will be unrelenting",
                "in that critical waterway, to reopen freedom of navigation",
            ),
        ),
    ),
)
