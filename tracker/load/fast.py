"""The fast YAML pass: yaml-rs (Rust) builds plain data about 25x faster than PyYAML.

Its result is trusted only when it validates completely; any failure sends the
file to the precise pass (`tracker.load.yaml_parse`), which also words the
errors. PyYAML is imported only then, which keeps start-up short.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml_rs

from tracker.load.pieces import Pieces

MAX_DEPTH = 64
MAX_ALIAS_NODES = 1_000_000


def fast_parse(text: str) -> Any:
    """Plain data, or an exception of any kind: the caller then goes precise."""
    return yaml_rs.loads(
        text,
        parse_datetime=False,
        duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_NODES, max_replay_stack_depth=MAX_DEPTH),
    )


def parse_pieces(pieces: Pieces) -> tuple[dict[str, Any], Iterator[list[Any]]]:
    """The file without its statements, then its statements a piece at a time.

    Raises as `fast_parse` does, and also when a piece does not hold exactly
    the items it was cut around; the caller then goes precise.
    """
    head = fast_parse(pieces.head)
    if not isinstance(head, dict) or head.get("statements") != []:
        raise ValueError("the file around its statements block did not read as a mapping")
    del head["statements"]

    def statements() -> Iterator[list[Any]]:
        for text, count in pieces.texts():
            items = fast_parse(text)
            if not isinstance(items, list) or len(items) != count:
                raise ValueError("a piece of the statements block did not hold its items")
            yield items

    return head, statements()
