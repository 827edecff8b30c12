"""The fast YAML pass: yaml-rs (Rust) builds plain data about 25x faster than PyYAML.

Its result is trusted only when it validates completely; any failure sends the
file to the precise pass (`tracker.load.yaml_parse`), which also words the
errors. PyYAML is imported only then, which keeps start-up short.
"""

from __future__ import annotations

from typing import Any

import yaml_rs

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
