"""Cutting the statements block into pieces: only where the meaning cannot change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import MINIMAL
from tracker.core.problems import DatasetError
from tracker.load import pieces
from tracker.load.fast import fast_parse, parse_pieces
from tracker.load.loader import fast_pass_allowed, load_dataset_bytes
from tracker.load.text import fast_parser_may_misread

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "MIN_CHARACTERS", 0)
    monkeypatch.setattr(pieces, "ITEMS_PER_PIECE", 1)


def read_in_pieces(text: str) -> object:
    cut = pieces.cut(text)
    assert cut is not None
    head, chunks = parse_pieces(cut)
    return head | {"statements": [item for chunk in chunks for item in chunk]}


def test_the_pieces_read_as_the_whole_file() -> None:
    cut = pieces.cut(MINIMAL)
    assert cut is not None and cut.counts == (1, 1)
    assert read_in_pieces(MINIMAL) == fast_parse(MINIMAL)


def test_items_at_column_zero_and_comments_between_them() -> None:
    text = MINIMAL.replace("\n  - id: ru-1", "\n# first\n  - id: ru-1").replace(
        "\n  - id: ua-1", "\n\n  # next\n  - id: ua-1"
    )
    assert read_in_pieces(text) == fast_parse(text)
    flush = "schema: 1\nstatements:\n- id: a\n  party: x\n# gap\n- id: b\n  note: |\n    - not an item\n"
    assert read_in_pieces(flush) == fast_parse(flush)
    assert [item["id"] for item in read_in_pieces(flush)["statements"]] == ["a", "b"]  # type: ignore[index]


def test_the_block_ends_at_the_next_top_level_key() -> None:
    text = MINIMAL.replace("schema: 1\n", "") + "schema: 1\n"
    cut = pieces.cut(text)
    assert cut is not None and "schema: 1" in cut.head
    assert read_in_pieces(text) == fast_parse(text)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda t: t.replace("title: Test war", "title: &t Test war"), "an anchor"),
        (lambda t: t.replace("party: ukraine", "party: *t"), "an alias"),
        (lambda t: t.replace("basis: on-record", "basis: !str on-record"), "a tag"),
        (lambda t: "%YAML 1.2\n---\n" + t, "a directive"),
        (lambda t: t + "---\nschema: 1\n", "a second document"),
        (lambda t: t + "statements:\n  - id: again\n", "a second statements key"),
        (lambda t: t.replace("statements:\n", "statements: # all\n"), "a comment on the key's line"),
        (lambda t: t.replace("\n  - id: ua-1", "\n - id: ua-1"), "an item left of the first"),
        (lambda t: t.replace("    party: russia", "  party: russia"), "a key at the item column"),
        (lambda t: t.replace("    basis: on-record", "\tbasis: on-record"), "a tab in indentation"),
        (lambda t: t.replace("Ukraine becomes neutral.", "Ukraine\x00"), "a NUL"),
        (lambda t: t.replace("statements:\n", "statements: []\nnote: x\n"), "no block"),
    ],
)
def test_anything_unusual_is_read_whole(change: object, why: str) -> None:
    """Never cut by the loader: refused by the fast pass's gate, or by `cut` itself."""
    assert callable(change)
    text = change(MINIMAL)
    assert not fast_pass_allowed(text) or pieces.cut(text) is None, why


def test_small_files_are_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "MIN_CHARACTERS", len(MINIMAL) + 1)
    assert pieces.cut(MINIMAL) is None


def test_a_piece_that_does_not_hold_its_items_fails_the_fast_pass() -> None:
    text = MINIMAL.replace("conditions:\n      - id: ru-neutral", "conditions: [\n      - id: ru-neutral")
    cut = pieces.cut(text)
    assert cut is not None
    with pytest.raises(Exception):  # noqa: B017 - any failure sends the file to the precise pass
        _, chunks = parse_pieces(cut)
        list(chunks)


def test_a_file_loads_the_same_in_pieces_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    in_pieces = load_dataset_bytes([("a.yaml", MINIMAL.encode())], TODAY)
    monkeypatch.setattr(pieces, "MIN_CHARACTERS", 10**9)
    assert load_dataset_bytes([("a.yaml", MINIMAL.encode())], TODAY).files == in_pieces.files


def test_a_nul_byte_is_an_error_not_the_end_of_the_file() -> None:
    """yaml-rs stops reading at a NUL; the loader once lost every statement after one."""
    at = MINIMAL.index("  - id: ua-1")
    data = (MINIMAL[:at] + "\x00" + MINIMAL[at:]).encode()
    with pytest.raises(DatasetError) as caught:
        load_dataset_bytes([("a.yaml", data)], TODAY)
    [problem] = caught.value.problems
    assert problem.line == MINIMAL[:at].count("\n") + 1 and "U+0000" in problem.message


@pytest.mark.parametrize(
    ("text", "misread"),
    [
        ("plain: ascii\n", False),
        ("text: Привет, ça va\n", False),
        ("a: 1 \ufeff\n", False),
        ("a: \x00\n", True),
        ("# \x1b[31m\n", True),
        ("a: x\x7f\n", True),
        ("a: x\x85y\n", True),
        ("a: x\u2028y\n", True),
        ("a: \ufffe\n", True),
        ("a:\tb\n", False),
        ("\t# comment\n", True),
        ("a: 1\n  \t# comment\n", True),
    ],
)
def test_texts_the_fast_parser_may_misread(text: str, misread: bool) -> None:
    assert fast_parser_may_misread(text) is misread


BLOCK = "statements:\n  - id: ru-1\n    party: russia\n    date: 2022-03-07\n    source: tass-1\n    basis: on-record\n"


@pytest.mark.parametrize(
    "text",
    [
        # A quote opened before the block and closed after it: the block is part of the title.
        "schema: 1\nconflict:\n  id: war\n  title: 'Test war\n" + BLOCK + "'\nissues: []\n",
        # A flow mapping opened before the block and closed after it: a syntax error.
        "schema: 1\nconflict: {id: war, title: Test war,\n" + BLOCK + "}\nissues: []\n",
    ],
)
def test_something_left_open_across_the_block_reads_as_in_the_whole_file(text: str) -> None:
    cut = pieces.cut(text)
    assert cut is not None  # the layout looks plain; only parsing can tell
    try:
        whole: object = fast_parse(text)
    except Exception:  # noqa: BLE001 - an error is one possible reading
        whole = "error"
    with pytest.raises(ValueError):
        head, chunks = parse_pieces(cut)
        assert head | {"statements": [item for chunk in chunks for item in chunk]} == whole
        raise ValueError("read the same")
