"""The real-article corpus: excerpts of published news, and what a careful reader drafts.

Each article is an excerpt of a page from the stored public web copies (the paragraphs
that matter, verbatim, in the page's own newline style), with its URL, outlet and date
recorded here; a date is `None` where the stored copy does not show one.

The expectations were written before any rule was changed for issue 14, and the split
into development and test halves was fixed at the same time and is not to be changed:
within each conflict the articles were put in alphabetical order of file name and dealt
alternately to the two halves (Russia–Ukraine, Sudan and Armenia–Azerbaijan starting with
development, Israel–Gaza and DR Congo starting with test, so that the halves have 14
articles each). Rules are tuned on the development half only; the test half is scored.

An expected condition names the party, the basis a reader would give it, the issue (a
tuple where a reader could file it under either of two issues), phrases of the article
sentence(s) it can come from (any one suffices) and the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

REAL = Path(__file__).resolve().parent
ARTICLES = REAL / "articles"
HOLDOUT_ARTICLES = REAL / "holdout"
FRESH_ARTICLES = REAL / "fresh"
ROUND5_ARTICLES = REAL / "round5"
DATASETS = REAL / "datasets"
REPO = REAL.parents[2]

DATASET_OF = {
    "ru-ua": REPO / "positions.yaml",
    "il-gaza": DATASETS / "israel-gaza.yaml",
    "sudan": DATASETS / "sudan.yaml",
    "drc": DATASETS / "drc-m23.yaml",
    "am-az": DATASETS / "armenia-azerbaijan.yaml",
    # conflicts only the held-out third has: datasets written for it, never tuned on
    "il-leb": DATASETS / "israel-hezbollah.yaml",
    "houthi": DATASETS / "houthis-red-sea.yaml",
    # conflicts only the fresh set of round four has
    "in-pk": DATASETS / "india-pakistan.yaml",
    "th-kh": DATASETS / "thailand-cambodia.yaml",
    # only in round five's set
    "il-ir": DATASETS / "israel-iran.yaml",
}

CONFLICT_TITLE = {
    "ru-ua": "Russia–Ukraine",
    "il-gaza": "Israel–Gaza",
    "sudan": "Sudan",
    "drc": "DR Congo–M23",
    "am-az": "Armenia–Azerbaijan",
    "il-leb": "Israel–Hezbollah",
    "houthi": "Houthis–Red Sea",
    "in-pk": "India–Pakistan",
    "th-kh": "Thailand–Cambodia",
    "il-ir": "Israel–Iran",
}

Split = Literal["development", "test", "holdout", "fresh", "round5"]


@dataclass(frozen=True)
class Expect:
    party: str
    basis: str
    issues: tuple[str, ...]
    phrases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Article:
    name: str
    url: str
    outlet: str
    date: str | None
    split: Split
    expected: tuple[Expect, ...]

    @property
    def conflict(self) -> str:
        return next(key for key in DATASET_OF if self.name.startswith(key + "-"))

    @property
    def path(self) -> Path:
        folder = {"holdout": HOLDOUT_ARTICLES, "fresh": FRESH_ARTICLES, "round5": ROUND5_ARTICLES}.get(
            self.split, ARTICLES
        )
        return folder / f"{self.name}.txt"

    @property
    def dataset(self) -> Path:
        return DATASET_OF[self.conflict]


def E(party: str, basis: str, issues: str, *phrases: str, kind: str = "demand") -> Expect:
    """An expected condition; `issues` is one id or several separated by `|`."""
    return Expect(party, basis, tuple(issues.split("|")), phrases, kind)


ON = "on-record"
MEDIA = "media-report"
SOURCES = "reported-by-sources"

CORPUS: tuple[Article, ...] = (
    # --- Russia–Ukraine (dataset: positions.yaml) ---------------------------------------
    Article(
        "ru-ua-babel-zelenskyy-door-not-closed",
        "https://babel.ua/en/news/86887-i-didn-t-close-the-door-zelensky-suggested-the-possibility-of-negotiations-with-russia",
        "Babel",
        None,
        "development",
        (
            E("ukraine", ON, "negotiation-format", "ready to negotiate with Russia if it recognizes", kind="offer"),
            E("ukraine", ON, "territory|reparations-accountability", "Everything must be returned"),
        ),
    ),
    Article(
        "ru-ua-censor-zelenskyy-never-recognize",
        "https://censor.net/en/news/3538953/zelenskyy-ukraine-will-never-recognize-the-occupied-territories-as-part-of-russia",
        "Censor.NET",
        "2025-03-03",
        "test",
        (
            E("ukraine", ON, "territory", "no chance that we will legally recognize it", kind="red-line"),
            E("ukraine", ON, "security-guarantees", "very specific security guarantees"),
        ),
    ),
    Article(
        "ru-ua-dailywire-peskov-four-conditions",
        "https://www.dailywire.com/news/russia-says-it-is-ready-to-stop-invasion-in-a-moment-if-ukraine-meets-conditions",
        "The Daily Wire",
        None,
        "development",
        (
            E("russia", ON, "nato", "reject any aims to enter any bloc", "enshrine neutrality"),
            E("russia", ON, "territory", "recognise that Crimea is Russian territory", "acknowledge Crimea"),
            E("russia", ON, "ceasefire", "Ukraine ceases its military action", "stop their military action"),
        ),
    ),
    Article(
        "ru-ua-firstpost-zelenskyy-no-frozen-conflict",
        "https://www.firstpost.com/world/no-deal-without-russian-withdrawal-says-ukrainian-president-volodymyr-zelenskyy-10633731.html",
        "Firstpost",
        "2022-05-04",
        "test",
        (
            E(
                "ukraine",
                ON,
                "ceasefire|territory",
                "would not accept a ceasefire deal",
                "could not accept a deal with Moscow",
                kind="red-line",
            ),
            E("ukraine", ON, "negotiation-format", "Putin must agree to meet him"),
        ),
    ),
    Article(
        "ru-ua-interfax-zelenskyy-red-line",
        "https://en.interfax.com.ua/news/general/1056936-amp.html",
        "Interfax-Ukraine",
        None,
        "development",
        (
            E(
                "ukraine",
                ON,
                "territory",
                "the red line is the recognition",
                "will not recognize the occupied",
                kind="red-line",
            ),
            E("ukraine", ON, "ceasefire", "the first step is still an unconditional ceasefire"),
        ),
    ),
    Article(
        "ru-ua-onlineua-peskov-le-point",
        "https://news.online.ua/en/putin-cynically-demanded-that-ukraine-give-up-four-regions-892811/",
        "Online.ua",
        None,
        "test",
        (
            E(
                "russia",
                ON,
                "territory",
                "must lay down its arms and leave these territories",
                "demanding the withdrawal of Ukrainian troops",
            ),
            E("russia", ON, "nato", "Moscow wants Ukraine's neutral status"),
        ),
    ),
    Article(
        "ru-ua-onlineua-zelenskyy-stay-where-we-are",
        "https://news.online.ua/en/zelenskyy-revealed-the-demands-of-the-us-and-russia-during-peace-talks-899716/",
        "Online.ua (from UNIAN)",
        "2025-12-14",
        "development",
        (
            E("ukraine", ON, "ceasefire|territory", "stay where we are", "we stand where we stand"),
            E("ukraine", ON, "territory", "considers such a demand to be unfair", kind="red-line"),
        ),
    ),
    Article(
        "ru-ua-presstv-peskov-reflect",
        "https://presstv.ir/Detail/2024/06/16/727604/Russia-Kremlin-Peskov-Ukraine-Kiev-Reflect-Troop-Withdrawal",
        "Press TV",
        "2024-06-16",
        "test",
        (
            E("russia", ON, "territory", "should “reflect” on President Vladimir Putin’s call to withdraw"),
            E("russia", ON, "nato", "must declare the cancellation of its bid for membership"),
            E("russia", ON, "sanctions", "the anti-Russian sanctions must be lifted"),
            E("russia", ON, "territory", "pull its troops from the Donbas", "recognize the status of Crimea"),
        ),
    ),
    # --- Israel–Gaza ----------------------------------------------------------------------
    Article(
        "il-gaza-dailypost-only-condition",
        "https://dailypost.ng/2024/04/08/gaza-war-israel-gives-only-condition-for-ceasefire/",
        "Daily Post (Nigeria)",
        "2024-04-08",
        "test",
        (
            E(
                "israel",
                ON,
                "ceasefire|hostages",
                "would not agree to a ceasefire",
                "will not yield to any agreement unless hostages",
            ),
        ),
    ),
    Article(
        "il-gaza-howafrica-netanyahu-no-ceasefire",
        "https://howafrica.com/israel-insists-there-will-be-no-ceasefire-in-war-against-hamas-until-hostages-are-returned/",
        "HowAfrica",
        None,
        "development",
        (
            E("israel", ON, "ceasefire|hostages", "no ceasefire in the war against Hamas until all of the hostages"),
            E("israel", ON, "hamas-elimination", "we have to eliminate Hamas"),
            E(
                "israel",
                ON,
                "gaza-security",
                "Gaza would be demilitarised",
                "Israeli forces must be able to enter Gaza",
            ),
        ),
    ),
    Article(
        "il-gaza-inn-netanyahu-surrender-or-die",
        "https://www.israelnationalnews.com/news/382343",
        "Israel National News",
        "2023-12-21",
        "test",
        (
            E(
                "israel",
                ON,
                "hamas-elimination|ceasefire|hostages",
                "We will not stop the war until we complete all of its goals",
                "will not stop the war until it has reached its goals",
            ),
            E("israel", ON, "hamas-elimination", "surrender or die"),
            E("hamas", ON, "ceasefire", "insist on a ceasefire in Gaza before holding negotiations"),
            E("israel", ON, "hostages|ceasefire", "no intention to stop the fighting until we bring back the hostages"),
        ),
    ),
    Article(
        "il-gaza-jns-no-ceasefire-without-hostages",
        "https://www.jns.org/netanyahu-no-ceasefire-without-return-of-the-hostages/",
        "JNS",
        None,
        "development",
        (
            E(
                "israel",
                ON,
                "ceasefire|hostages",
                "no ceasefire without the return of the hostages",
                "will not agree to any ceasefire with Hamas unless",
            ),
        ),
    ),
    Article(
        "il-gaza-wion-netanyahu-will-not-happen",
        "https://www.wionews.com/world/israel-hamas-war-live-updates-israels-pm-netanyahu-says-gaza-ceasefire-will-not-happen-653218",
        "WION",
        "2023-10-30",
        "test",
        (
            E(
                "israel",
                ON,
                "ceasefire",
                "Israel will not agree to a cessation of hostilities",
                "This will not happen",
                "will not happen",
                kind="red-line",
            ),
            E("israel", ON, "hostages", "must demand the captives"),
        ),
    ),
    # --- Sudan ----------------------------------------------------------------------------
    Article(
        "sudan-albawaba-sadiq-truce-conditioned",
        "https://www.albawaba.com/news/new-ceasefire-sudan-looms-horizon-1527655",
        "Al Bawaba",
        None,
        "development",
        (E("saf", ON, "withdrawal|ceasefire", "agreeing on another truce is conditioned"),),
    ),
    Article(
        "sudan-bdnews24-burhan-no-benefit",
        "https://bdnews24.com/world/africa/oc4rab05e8",
        "bdnews24.com (Reuters)",
        "2023-05-08",
        "test",
        (
            E(
                "saf",
                ON,
                "ceasefire",
                "We can discuss a settlement after we reach a permanent ceasefire",
                "will have no benefit without reaching a ceasefire",
            ),
        ),
    ),
    Article(
        "sudan-panapress-burhan-conditions",
        "http://www.panapress.com/Sudan-s-military-ruler-sets-cond-a_630784828-lang2-free_news.html",
        "Panafrican News Agency",
        None,
        "development",
        (
            E(
                "saf",
                ON,
                "rsf-disarmament",
                "lay down their arms before any negotiation",
                "dialogue will only come after the rebels lay down their weapons",
            ),
        ),
    ),
    Article(
        "sudan-peoplesmind-burhan-geneva",
        "https://peoplesmind.org/?p=88704",
        "Peoplesmind (citing Sudan Tribune)",
        None,
        "test",
        (
            E(
                "saf",
                ON,
                "withdrawal|ceasefire",
                "Military operations will not cease until the last militia withdraws",
                "ruled out a ceasefire until the paramilitary Rapid Support Forces (RSF) withdraw",
                "there can be no peace while the rebel militia occupies our homes",
            ),
        ),
    ),
    Article(
        "sudan-tass-army-talks-truce",
        "https://tass.com/world/1613105",
        "TASS",
        None,
        "development",
        (
            E(
                "saf",
                ON,
                "talks-format",
                "will not sit down at the same",
                "ready to conduct a dialogue through intermediaries",
                kind="offer",
            ),
            E(
                "saf",
                ON,
                "ceasefire|talks-format",
                "We agreed to negotiate with the RSF about a truce",
                "agreed to hold talks with the paramilitary Rapid Support Forces",
                kind="offer",
            ),
        ),
    ),
    # --- DR Congo–M23 ---------------------------------------------------------------------
    Article(
        "drc-africapress-kanyuka-direct-talks",
        "https://www.africa-press.net/rwanda/policy/m23-rebels-insist-on-direct-talks-with-kinshasa",
        "Africa-Press",
        None,
        "test",
        (
            E(
                "m23",
                ON,
                "direct-talks",
                "We demand direct talks with the DR Congo government",
                "demanded direct talks with the DR Congo government",
                "always ready for a direct dialogue",
            ),
        ),
    ),
    Article(
        "drc-chimpreports-muyaya-will-not-happen",
        "https://chimpreports.com/drc-rules-out-talks-with-terrorist-m23-as-tensions-worsen/",
        "ChimpReports",
        None,
        "development",
        (
            E(
                "drc",
                ON,
                "direct-talks",
                "will not hold any negotiations with",
                "This will not happen",
                kind="red-line",
            ),
            E("drc", ON, "m23-defeat", "must be defeated militarily"),
        ),
    ),
    Article(
        "drc-newscentral-kanyuka-ask-dialogue",
        "https://newscentral.africa/?p=129132",
        "News Central",
        None,
        "test",
        (
            E("m23", ON, "direct-talks", "We ask for a direct dialogue", "asking for ‘direct’ talks"),
            E("drc", SOURCES, "m23-withdrawal", "wants the M23 to withdraw from all captured territories"),
            E("m23", ON, "ceasefire", "pressure the Congolese government to observe a ceasefire"),
        ),
    ),
    Article(
        "drc-reuters-mende-no-negotiations",
        "http://www.reuters.com/article/congo-democratic-government-idUSL5E8MK91920121120",
        "Reuters",
        "2012-11-20",
        "development",
        (
            E(
                "drc",
                ON,
                "direct-talks",
                "There will be absolutely no negotiations",
                "would not hold talks with eastern rebels",
                kind="red-line",
            ),
            E("drc", ON, "rwanda-troops", "until Rwanda has been pushed"),
        ),
    ),
    Article(
        "drc-wion-m23-demand-dialogue",
        "https://www.wionews.com/world/congo-m23-rebels-demand-dialogue-after-states-declare-truce-537714",
        "WION",
        None,
        "test",
        (
            E("m23", ON, "direct-talks", "Give us direct negotiations with the government", "wants to talk directly"),
            E("drc", ON, "direct-talks", "It won't happen", kind="red-line"),
        ),
    ),
    # --- Armenia–Azerbaijan ---------------------------------------------------------------
    Article(
        "am-az-armenianreport-aliyev-wont-sign",
        "https://www.thearmenianreport.com/post/aliyev-says-he-won-t-sign-peace-agreement-with-armenia-until-armenia-changes-its-constitution-and-dr",
        "The Armenian Report",
        None,
        "test",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "will not sign a peace treaty with Armenia unless Armenia changes its constitution",
                "a peace agreement is impossible while Armenia's current constitution remains unchanged",
            ),
            E("azerbaijan", ON, "minsk-group", "to dissolve the Minsk Group"),
        ),
    ),
    Article(
        "am-az-aravot-aliyev-impossible",
        "https://en.aravot.am/2024/06/07/348736",
        "Aravot",
        "2024-06-07",
        "development",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "will not sign a peace treaty with Armenia unless the latter changes its constitution",
                "simply impossible if the existing constitution of Armenia remains unchanged",
            ),
            E("azerbaijan", ON, "constitution", "Armenia must specifically remove from its constitution"),
            E("armenia", ON, "constitution", "peace with Azerbaijan will be impossible as long as"),
        ),
    ),
    Article(
        "am-az-asbarez-amirbayov-only-obstacle",
        "https://www.asbarez.com/only-obstacle-to-peace-treaty-is-armenias-constitution-says-aliyevs-top-aide",
        "Asbarez",
        None,
        "development",
        (
            E("azerbaijan", MEDIA, "constitution", "continues to demand that Armenia not only change its constitution"),
            E("azerbaijan", ON, "constitution", "obstacle to further progress in the peace process"),
        ),
    ),
    Article(
        "am-az-pravda-aliyev-al-arabiya",
        "https://news-pravda.com/world/2025/08/27/1635286.html",
        "News-Pravda",
        "2025-08-27",
        "test",
        (
            E(
                "azerbaijan",
                ON,
                "constitution",
                "the final signature of the parties depends on the introduction of amendments",
                "any mention of Artsakh (Nagorno-Karabakh) should be completely removed",
            ),
        ),
    ),
    Article(
        "am-az-rfe-aliyev-two-conditions",
        "https://rfe.pangea-cms.com/preview/hy-AM/a/33419551.html",
        "RFE/RL (Azatutyun)",
        None,
        "development",
        (
            E("azerbaijan", ON, "constitution", "Armenia should change its constitution"),
            E("azerbaijan", ON, "minsk-group", "dissolution of the OSCE Minsk Group"),
            E("armenia", ON, "minsk-group", "ready to ask the OSCE to disband the Minsk Group", kind="offer"),
            E("armenia", ON, "constitution", "the new constitution must carry no reference", kind="offer"),
            E("azerbaijan", MEDIA, "transit-corridor", "opening of a land corridor"),
        ),
    ),
)
