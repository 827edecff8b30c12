"""The position engine: positions, diffs, comparisons, timelines, charts and texts side by side.

Pure functions from a `Dataset` to the result objects in `results`; no I/O.

Semantics:

- Stances, asks, gaps and the direction of a move: `stance` (docs/format.md,
  "Stance and gap"); the headline of a move, with its turning point: `headline`;
  what became of each condition, for `diff` and `review` alike: `classify`.

- A statement counts at date D once its whole date span is over (`date.end <= D.end`),
  but it is *ordered* by its first day, as `Dataset.statements` is: a statement dated
  `2025` sorts before one dated `2025-03-01`, so the dated one has the last word.
- Engine functions take ids; an unknown id raises `LookupFailed` (with a suggestion).
  `resolve_party`/`resolve_issue` turn user-typed names into those ids first.
- `diff` and `compare` with no party ids cover every party of the dataset; a party
  named twice is reported once.
- A condition restated after it was withdrawn is `added` in a diff and `new` in the
  timeline; it keeps its original `first_stated`.
- A replacement chain ending in a withdrawal is `dropped` (citing the withdrawal),
  with an empty `chain`; `chain` is only filled for `replaced`. A condition
  replaced by several successors in one statement gives one `replaced` per lineage.
- `replaced.level_move` is None when the old condition was on another issue: levels
  of different ladders do not compare.
- A correction's citation has basis `media-report` (it reports on the statement, it
  is not the party's word) and the date of the correction, else of its source's
  publication, else of the statement.
- The timeline's `since`/`until` keep the statements of the `diff` window for those
  dates; a withdrawal in a joint text is shown with the wording of whichever signer
  stated the condition. Corrected or disputed statements are always listed, and
  change nobody's conditions unless `include_disputed`.
"""

from tracker.core.engine.compare import compare
from tracker.core.engine.diff import diff
from tracker.core.engine.lookup import LookupFailed, resolve_issue, resolve_party
from tracker.core.engine.position import position
from tracker.core.engine.timeline import timeline

__all__ = ["LookupFailed", "compare", "diff", "position", "resolve_issue", "resolve_party", "timeline"]
