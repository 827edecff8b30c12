"""`tracker extract ARTICLE`: candidate statements from news text, as a YAML draft.

The command only reads the article and the dataset, calls `tracker.extract`, and
writes the draft; the rules live in `tracker.extract`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import load
from tracker.cli.options import DataOption, OutputOption
from tracker.cli.output import emit, fail, note

# An article is a few thousand words (tens of kilobytes); a megabyte is not one article,
# and extraction takes about ten seconds per megabyte.
MAX_ARTICLE_BYTES = 1024 * 1024


def extract(
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE",
            help="The news text: a UTF-8 text file, or - to read standard input.",
            show_default=False,
        ),
    ],
    data: DataOption = None,
    output: OutputOption = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            help="Ask this language model instead of the rules, at the OpenAI-compatible endpoint in "
            "$TRACKER_LLM_BASE_URL ($TRACKER_LLM_API_KEY if it needs one). Needs pip install 'peace-positions[llm]' (Python 3.11+); "
            "sends the article and the dataset's party and issue names to that endpoint. "
            "$TRACKER_LLM_TIMEOUT (seconds, default 600) and $TRACKER_LLM_MAX_TOKENS (default 4096) bound it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Draft candidate statements from a news article, as YAML for `tracker add --snippet`.

    Finds who speaks for which party, the date (resolving "on Monday", "last month"
    against the article's own date, and marking it date_inferred), the sentences that
    carry demands, offers and red lines with their verbatim quotes, a suggested issue
    and ladder level, and the basis: a named official's words (on-record), unnamed
    sources (reported-by-sources), or neither. Every value comes from the article and
    the comments quote the words it came from; background and the reporter's own
    framing are listed in comments, not extracted. Offline, rule-based: review the
    draft before adding it.

    Example:  tracker extract article.txt -o draft.yaml && tracker add --snippet draft.yaml
    """
    from tracker.extract import Vocabulary, extract_draft, render_draft

    text, name = _read_article(article)
    dataset = load(data)
    vocabulary = Vocabulary.from_dataset(dataset)
    if model is None:
        draft = extract_draft(text, vocabulary)
    else:
        # Only here: the default path never imports the model mode or its extra.
        from tracker.extract.llm import LlmError, extract_with_model

        try:
            draft = extract_with_model(text, vocabulary, model)
        except LlmError as error:
            fail(str(error))
    emit(render_draft(draft, name), output)
    for message in draft.messages:
        note(f"tracker: {message}")


def _read_article(article: str) -> tuple[str, str]:
    """The article's text and its name for messages, or a one-line error and exit 2."""
    from tracker.core.problems import DatasetError
    from tracker.load.text import decode

    name = "<stdin>" if article == "-" else article
    try:
        if article == "-":
            data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        else:
            with Path(article).open("rb") as handle:
                data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        fail(f"{name}: no such file")
    except IsADirectoryError:
        fail(f"{name}: is a directory, not an article")
    except OSError as error:
        fail(f"{name}: cannot read: {error.strerror or error}")
    if len(data) > MAX_ARTICLE_BYTES:
        fail(f"{name}: larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MiB; give one article at a time")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        fail(f"{name}: looks like a binary file, not text")
    try:
        return decode(data, name), name
    except DatasetError as error:
        fail(str(error.problems[0]))
