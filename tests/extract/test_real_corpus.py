"""The real-article corpus is what its docstring says: excerpts with a source, expectations
that quote the article, and the recorded development/test split."""

from __future__ import annotations

from itertools import groupby

from tests.extract.real.corpus import CORPUS, DATASET_OF
from tracker.load.loader import load_dataset


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_corpus_size_and_conflicts() -> None:
    assert len(CORPUS) >= 24
    from tests.extract.real.fresh_set import FRESH
    from tests.extract.real.holdout_set import HOLDOUT
    from tests.extract.real.round5_set import ROUND5

    everything = (*CORPUS, *HOLDOUT, *FRESH, *ROUND5)
    conflicts = {article.conflict for article in everything}
    assert conflicts == set(DATASET_OF)
    assert all(sum(a.conflict == c for a in everything) >= 4 for c in conflicts)


def test_every_expected_phrase_is_in_its_article() -> None:
    for article in CORPUS:
        text = _squash(article.path.read_text(encoding="utf-8"))
        assert article.url.startswith(("http://", "https://")) and article.outlet
        for expected in article.expected:
            assert any(_squash(p) in text for p in expected.phrases), (article.name, expected.phrases)


def test_expected_parties_and_issues_exist_in_the_dataset() -> None:
    import datetime

    for article in CORPUS:
        dataset = load_dataset(article.dataset, today=datetime.date.today())
        parties = {p.id for p in dataset.parties}
        issues = {i.id for i in dataset.issues}
        for expected in article.expected:
            assert expected.party in parties, (article.name, expected.party)
            assert set(expected.issues) <= issues, (article.name, expected.issues)


def test_split_is_the_recorded_alternation() -> None:
    """Alphabetical within each conflict, dealt alternately; the first goes to development
    for Russia–Ukraine, Sudan and Armenia–Azerbaijan, to test for Israel–Gaza and DR Congo."""
    starts_with_test = {"il-gaza", "drc"}
    ordered = sorted(CORPUS, key=lambda a: (a.conflict, a.name))
    for conflict, group in groupby(ordered, key=lambda a: a.conflict):
        first = "test" if conflict in starts_with_test else "development"
        other = "development" if first == "test" else "test"
        for index, article in enumerate(group):
            assert article.split == (first if index % 2 == 0 else other), article.name
    halves = [a.split for a in CORPUS]
    assert halves.count("development") == halves.count("test")


def test_the_documented_figures_are_the_computed_ones() -> None:
    """docs/extract.md shows the table `python -m tests.extract.evaluate_real` computes."""
    from tests.extract.evaluate_real import table, tallies
    from tests.extract.real.corpus import REPO

    doc = (REPO / "docs" / "extract.md").read_text(encoding="utf-8")
    begin, end = "<!-- evaluate_real:begin -->\n", "\n<!-- evaluate_real:end -->"
    assert begin in doc and end in doc
    shown = doc[doc.index(begin) + len(begin) : doc.index(end)]
    assert shown == table(tallies(holdout=True, fresh=True, round5=True))


def test_the_holdout_is_new_and_well_formed() -> None:
    """Held-out and fresh articles are not already in the corpus or the shape excerpts, quote their
    own text, and name parties and issues of their dataset."""
    import datetime

    from tests.extract.real.corpus import REAL
    from tests.extract.real.fresh_set import FRESH
    from tests.extract.real.holdout_set import HOLDOUT
    from tests.extract.real.round5_set import ROUND5

    seen = {a.url for a in CORPUS} | {a.name for a in CORPUS}
    seen |= set((REAL / "shapes" / "SOURCES.md").read_text(encoding="utf-8").split())
    for article in (*HOLDOUT, *FRESH, *ROUND5):
        assert article.split == ("holdout" if article in HOLDOUT else "fresh" if article in FRESH else "round5")
        assert article.url not in seen and article.name not in seen
        seen |= {article.url, article.name}
        text = _squash(article.path.read_text(encoding="utf-8"))
        dataset = load_dataset(article.dataset, today=datetime.date.today())
        for expected in article.expected:
            assert any(_squash(p) in text for p in expected.phrases), (article.name, expected.phrases)
            assert expected.party in {p.id for p in dataset.parties}, (article.name, expected.party)
            assert set(expected.issues) <= {i.id for i in dataset.issues}, (article.name, expected.issues)
