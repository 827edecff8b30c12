"""Properties shared by the fuzz tests and the long run in scripts/fuzz.py.

1. Loading any text either gives a dataset or raises DatasetError whose every
   problem names the file and a line; never another exception.
2. Rendering any valid dataset in every format never fails, and data text
   never acts: no escape sequences in plain terminal output, no HTML, links,
   images or code from data in Markdown.
3. A file that loads reads the same through the fast parser as through the
   precise pass, where that pass reads it at all (the fast one once stopped
   silently at a NUL byte).
4. Where a file's statements are cut into pieces for the parser, the pieces
   parse to exactly what the whole file parses to, or fail (and the loader
   then parses the whole file).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import MINIMAL
from tracker.core.dataset import Dataset
from tracker.core.dates import PartialDate
from tracker.core.engine.compare import compare
from tracker.core.engine.diff import diff
from tracker.core.engine.position import position
from tracker.core.engine.review import review
from tracker.core.engine.timeline import timeline
from tracker.core.file_format import validate_records
from tracker.core.problems import DatasetError
from tracker.core.text import control_character_in
from tracker.load import pieces
from tracker.load.fast import fast_parse, parse_pieces
from tracker.load.loader import fast_pass_allowed, load_dataset_bytes
from tracker.load.yaml_parse import precise_parse
from tracker.render import Format, renderer_for
from tracker.render.base import Renderer

TODAY = date(2026, 11, 27)
_YAML_BITS = [
    ":", "- ", "  ", "\n", "#", "&a ", "*a", "!!python/object ", "!tag ", "{", "}", "[", "]", ",", "'", '"',
    "|", ">", "? ", "---\n", "...", "%YAML 1.2\n", "\t", "\ufeff", "\x00", "\x1b", "0777", "no", "~", "null",
    "2025-13-45", "ru-neutral", "replaces: [x]", "level: joins", "party: ukraine", "<<: *a",
]  # fmt: skip


@st.composite
def mutated_yaml(draw: st.DrawFn) -> bytes:
    """The minimal dataset with a few random edits: cuts, insertions, swaps."""
    lines = MINIMAL.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "delete", "swap", "duplicate", "indent"]))
        index = draw(st.integers(0, len(lines) - 1))
        if action == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            bit = draw(st.sampled_from(_YAML_BITS) | st.text(max_size=6))
            lines[index] = line[:at] + bit + line[at:]
        elif action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        else:
            lines[index] = " " * draw(st.integers(0, 5)) + lines[index].lstrip(" ")
    text = "".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        cut = draw(st.integers(0, len(data) - 1))  # raw byte damage too: bad UTF-8
        data = data[:cut] + draw(st.binary(max_size=3)) + data[cut + 1 :]
    return data


def check_load(data: bytes) -> Dataset | None:
    """Property 1, and 4: a dataset the fast parser read is what the precise pass reads.

    Returns the dataset when the text was valid."""
    try:
        dataset = load_dataset_bytes([("fuzz.yaml", data)], today=TODAY)
        precise = precise_parse(data.decode("utf-8-sig"), "fuzz.yaml")
        if precise.problems:
            # The precise pass follows YAML 1.1 and refuses a few things YAML 1.2
            # allows (a plain scalar starting with ":" in a flow mapping): strictness,
            # not another reading. A character it refuses must never get this far.
            assert all(_syntax_only(problem.message) for problem in precise.problems), precise.problems
        else:
            assert dataset.files[0][1] == validate_records(precise.data)
        return dataset
    except DatasetError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "fuzz.yaml", problem
            assert problem.line is not None and problem.line >= 1, problem
        return None


def _syntax_only(message: str) -> bool:
    return message.startswith("YAML syntax") and "character" not in message and "U+" not in message


def check_cutting(data: bytes) -> bool:
    """Property 3, on any text and whatever its size; True when the text was cut and parsed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if not fast_pass_allowed(text):  # the loader cuts only what the fast pass may read
        return False
    limit, pieces.MIN_CHARACTERS = pieces.MIN_CHARACTERS, 0
    try:
        cut = pieces.cut(text)
    finally:
        pieces.MIN_CHARACTERS = limit
    if cut is None:
        return False
    try:
        head, chunks = parse_pieces(cut)
        statements = [item for chunk in chunks for item in chunk]
    except Exception:  # noqa: BLE001 - any failure is allowed: the loader then parses the whole
        return False
    whole = fast_parse(text)  # must not fail where the pieces did not
    assert whole == head | {"statements": statements}
    return True


_words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "" and control_character_in(s) is None)  # bidi and invisible (Cf) are refused too
_nasty = st.sampled_from(
    ["<script>alert(1)</script>", "[x](http://e.vil)", "![i](http://e.vil/i.png)", "@octocat", "#1", "| a |",
     "`code`", "```", "# h", "[bold]x[/bold]", "**b**", "<!-- c -->", "&amp;", "https://e.vil", "\\", "_i_"]
)  # fmt: skip
_text = st.one_of(_words, _nasty, st.tuples(_words, _nasty).map(" ".join))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """Small valid datasets whose every free text is drawn at random."""
    statements: list[dict[str, Any]] = []
    stated: dict[str, list[str]] = {"a": [], "b": []}
    for index in range(draw(st.integers(1, 6))):
        party = draw(st.sampled_from(["a", "b"]))
        conditions = []
        for number in range(draw(st.integers(1, 3))):
            condition: dict[str, Any] = {
                "id": f"{party}-{index}-{number}",
                "issue": draw(st.sampled_from(["laddered", "plain"])),
                "text": draw(_text),
                "kind": "demand",
                "stage": "settlement",
            }
            if condition["issue"] == "laddered":
                condition["level"] = draw(st.sampled_from(["low", "mid", "high"]))
            replace: bool = draw(st.booleans())
            if stated[party] and replace:
                condition["replaces"] = [draw(st.sampled_from(stated[party]))]
            conditions.append(condition)
        statement: dict[str, Any] = {
            "id": f"s-{index}",
            "party": party,
            "date": f"20{10 + index:02d}-0{draw(st.integers(1, 9))}",
            "speaker": {"name": draw(_text)},
            "source": {"publisher": draw(_text), "url": "https://example.org/x", "title": draw(_text)},
            "basis": "on-record",
            "conditions": conditions,
            "note": draw(_text),
        }
        if draw(st.integers(0, 4)) == 0:
            statement["corrections"] = [{"kind": "dispute", "source": {"publisher": draw(_text)}, "text": draw(_text)}]
        statements.append(statement)
        stated[party] += [c["id"] for c in conditions]
    content = validate_records(
        {
            "schema": 1,
            "conflict": {"id": "c", "title": draw(_text)},
            "issues": [
                {"id": "laddered", "title": draw(_text), "category": "security",
                 "ladder": [{"id": level, "title": draw(_text)} for level in ("low", "mid", "high")]},
                {"id": "plain", "title": draw(_text), "category": "political"},
            ],
            "parties": [{"id": "a", "name": draw(_text), "kind": "state"}, {"id": "b", "name": draw(_text), "kind": "state"}],
            "statements": statements,
        }
    )  # fmt: skip
    return Dataset(files=(("gen.yaml", content),))


_ALLOWED_HTML = ("<details>", "<summary>", "</summary>", "</details>", "<br>", "<del>", "</del>", "<ins>", "</ins>")


def check_render(dataset: Dataset) -> None:
    """Property 2."""
    ids = [party.id for party in dataset.parties]
    first, last = PartialDate.parse("2009"), PartialDate.parse("2026")
    results: list[Callable[[Renderer], str]] = [
        lambda r: r.position(position(dataset, "a", last, include_disputed=True)),
        lambda r: r.diff(diff(dataset, ids, first, last)),
        lambda r: r.comparison(compare(dataset, ids, last, since=first)),
        lambda r: r.timeline(timeline(dataset, include_disputed=True)),
        lambda r: r.review(review(Dataset(files=()), dataset, last)),
    ]
    urls = {"https://example.org/x"}
    for format in Format:
        renderer = renderer_for(format, color=False, width=80)
        for render in results:
            out = render(renderer)
            if format is Format.TERMINAL:
                assert "\x1b" not in out
            if format is Format.MARKDOWN:
                _check_markdown(out, urls)


def _check_markdown(out: str, urls: set[str]) -> None:
    for token in MarkdownIt("commonmark").enable("table").parse(out):
        for child in [token, *(token.children or [])]:
            if child.type in ("html_inline", "html_block"):
                rest = child.content
                for tag in _ALLOWED_HTML:
                    rest = rest.replace(tag, "")
                assert "<" not in rest, child.content
            if child.type == "link_open":
                assert child.attrs.get("href") in urls, child.attrs
            assert child.type != "image", child
            if child.type == "code_inline":  # only tracker's ids, which are slugs
                assert re.fullmatch(r"[A-Za-z0-9._:-]+", child.content), child
            if child.type == "fence":
                assert child.info == "mermaid", child


def write_and_load(data: bytes) -> None:
    """Property 1 through the file path loader too (BOM, size, decoding)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(data)
        from tracker.load.loader import load_dataset

        try:
            load_dataset(path, today=TODAY)
        except DatasetError as error:
            assert all(p.file == str(path) for p in error.problems)
