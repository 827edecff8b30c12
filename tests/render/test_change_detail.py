"""The detail under a headline: word diffs only between texts that share enough, withdrawals cited."""

from __future__ import annotations

from tests.unit.test_engine import POLES, build, cond, d, said
from tracker.core.engine.diff import diff
from tracker.render import Format, renderer_for


def rendered(format: Format) -> str:
    dataset = build(
        said("russia", "2022-03-01", cond("a", text="NATO stops enlarging eastward now."), cond("p", "prisoners")),
        said("russia", "2022-03-02", cond("x", text="Ukraine stays neutral.")),
        said("russia", "2023-03-01", cond("a", text="NATO stops enlarging eastward at once.")),
        said("russia", "2023-03-02", cond("x", text="Completely different words here."), withdraws=["p"], id="w"),
        parties=POLES,
    )
    return renderer_for(format, color=False, width=None).diff(diff(dataset, ["russia"], d("2023"), d("2023")))


def test_terminal_shows_the_word_diff_of_a_close_reword_and_the_withdrawal() -> None:
    text = rendered(Format.TERMINAL)
    assert "      wording NATO stops enlarging eastward [-now.-] {+at once.+}" in text
    assert "  − dropped: text of p" in text
    assert "      withdrawn TASS, 2023-03-02 (on-record)" in text
    # "Ukraine stays neutral." and its rewording share no word: no word diff for it
    assert text.count("wording") == 1


def test_markdown_shows_the_same_without_starting_an_item_with_a_marker() -> None:
    text = rendered(Format.MARKDOWN)
    assert "  - wording: NATO stops enlarging eastward <del>now.</del> <ins>at once.</ins>" in text
    assert "  - withdrawn: [TASS](<https://tass.com/1>), 2023-03-02 · on-record" in text
    assert all(not line.startswith(("- +", "- −", "- ~")) for line in text.splitlines())
