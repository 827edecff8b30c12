"""`tracker init`: the files of a new dataset, as text.

A small valid starter for a named conflict: the modeline pointing at the
published schema, the conflict, two placeholder parties with poles, one issue
with a ladder ordered from one party's pole to the other's, and an example
statement left as a comment (it is a template, not evidence: nothing invented
enters the data). On request, the pre-commit configuration and the GitHub
workflow of docs/ci.md. The caller writes the files; see `tracker.cli.init_cmd`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from tracker import __version__
from tracker.load.schema import SCHEMA_URL

# Where tracker is published; as in docs/ci.md and the schema's address.
REPOSITORY = "https://github.com/OWNER/tracker"
ACTION = "OWNER/tracker"

DATASET = PurePosixPath("positions.yaml")
PRE_COMMIT = PurePosixPath(".pre-commit-config.yaml")
WORKFLOW = PurePosixPath(".github/workflows/tracker.yml")


class StarterError(ValueError):
    """The conflict cannot make a starter (no id can be derived from its title)."""


@dataclass(frozen=True)
class StarterFile:
    path: PurePosixPath
    text: str


def conflict_id(title: str) -> str:
    """A slug from a title: `Sudan war` -> `sudan-war`; accents dropped, other scripts refused."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:120].rstrip("-")
    if not slug:
        raise StarterError(f"cannot make an id from {title!r}: give one with --id (lower-case letters, digits, -)")
    return slug


def starter_files(
    title: str, slug: str | None = None, pre_commit: bool = False, workflow: bool = False
) -> list[StarterFile]:
    """The files `tracker init` writes, dataset first."""
    files = [StarterFile(DATASET, dataset_text(title, slug or conflict_id(title)))]
    if pre_commit:
        files.append(StarterFile(PRE_COMMIT, pre_commit_text()))
    if workflow:
        files.append(StarterFile(WORKFLOW, workflow_text()))
    return files


# Slugs that YAML 1.2 would read as a number, a flag or null unless quoted.
_NOT_TEXT = re.compile(r"[0-9._e+-]+|0o[0-7]+|0x[0-9a-f]+|null|true|false|\.inf|\.nan")


def dataset_text(title: str, slug: str) -> str:
    # json.dumps gives a YAML 1.2 double-quoted scalar: the title stays text whatever it holds.
    quoted_slug = json.dumps(slug) if _NOT_TEXT.fullmatch(slug) else slug
    return _DATASET.format(
        schema_url=SCHEMA_URL, repository=REPOSITORY, slug=quoted_slug, title=json.dumps(title, ensure_ascii=False)
    )


def pre_commit_text() -> str:
    return _PRE_COMMIT.format(repository=REPOSITORY, version=__version__)


def workflow_text() -> str:
    return _WORKFLOW.format(action=ACTION, version=__version__)


_DATASET = """\
# yaml-language-server: $schema={schema_url}
#
# A tracker dataset: what each party to the conflict demands, offers or rules out,
# dated and sourced. The format: {repository}/blob/main/docs/format.md
# Check it with `tracker validate`; see what shifted with `tracker diff`.
schema: 1

conflict:
  id: {slug}
  title: {title}

# The parties: rename these two placeholders (ids are lower-case slugs, used by
# statements). kind: state, alliance, organisation, coalition, mediator or non-state.
# pole: the end of every ladder the party pulls toward (first or last rung);
# leave it out for a mediator. speakers: the people who speak for the party, so
# that `tracker extract` can tell whose side "Kovac said" is on.
parties:
  - id: side-a
    name: Side A
    kind: state
    aliases: []
    speakers: []
    pole: first
  - id: side-b
    name: Side B
    kind: non-state
    aliases: []
    speakers: []
    pole: last

# The issues. A ladder orders the possible outcomes from side A's end (the first
# rung) to side B's (the last), so that a shift can be measured in rungs; keep
# every ladder in that same direction. category: territory-sovereignty, security,
# economic, justice-humanitarian or political.
issues:
  - id: territory
    title: Control of the contested territory
    category: territory-sovereignty
    ladder:
      - id: all-under-side-a
        title: All contested territory under side A
      - id: joint-administration
        title: Contested territory under joint or international administration
      - id: side-b-keeps-what-it-holds
        title: Side B keeps the territory it holds
      - id: all-under-side-b
        title: All contested territory under side B

# The statements: one party saying something on one date, with its source.
# `tracker add` appends one safely. An example, to copy and fill in from a real
# source (never from memory: every statement is evidence):
#
#  - party: side-a
#    date: 2025-01-15              # YYYY-MM-DD, or YYYY-MM / YYYY when reporting is vague
#    speaker: {{name: Jane Doe, role: Foreign Minister}}
#    source:
#      publisher: Example News
#      title: Side A sets out its terms
#      url: https://example.org/side-a-terms
#      published: 2025-01-15
#    basis: on-record              # official-document, on-record, reported-by-sources, media-report
#    conditions:
#      - id: side-a-joint-administration
#        issue: territory
#        text: The contested territory passes to an international administration.
#        # quote: verbatim and short, only as the source prints it
#        kind: demand              # demand, offer or red-line
#        stage: settlement         # precondition, ceasefire or settlement
#        level: joint-administration
statements:
"""

_PRE_COMMIT = """\
# pre-commit: `tracker validate` checks the dataset before each commit.
# Install with `pip install pre-commit && pre-commit install`.
repos:
  - repo: {repository}
    rev: v{version}
    hooks:
      - id: tracker-validate
"""

_WORKFLOW = """\
# tracker on every pull request: validate the dataset and write what the change
# shifts to the job summary.
name: tracker

on:
  pull_request:

permissions:
  contents: read

jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the review reads the dataset at the base commit too
          persist-credentials: false
      - uses: {action}@v{version}
        with:
          data: positions.yaml
"""
