"""The draft as YAML for `tracker add --snippet`: `statements: [...]`, with comments.

Written by hand rather than by a YAML library so that every field can carry, in a
comment, the article's words it comes from. Scalars are plain only when that is
unambiguous, otherwise double-quoted (JSON string syntax, which YAML reads as is).
"""

from __future__ import annotations

import json
import re

from tracker.extract.draft import CATEGORIES, CandidateCondition, CandidateStatement, Draft, SourceDraft

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.,()/’'-]*$")
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
_COMMENT_LIMIT = 220


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`."""
    if (
        _PLAIN.match(value)
        and value.lower() not in _RESERVED
        and not value.endswith((" ", ":"))
        and ": " not in value
        and " #" not in value
        and not re.fullmatch(r"[0-9][0-9_.:-]*", value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _comment_text(text: str, limit: int = _COMMENT_LIMIT) -> str:
    """One line of article text, safe inside a YAML comment."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, indent: int, text: str) -> None:
        self.lines.append(f"{' ' * indent}# {_comment_text(text)}" if text else f"{' ' * indent}#")

    def field(self, indent: int, key: str, value: str, comment: str | None = None, *, raw: bool = False) -> None:
        line = f"{' ' * indent}{key}: {value if raw else scalar(value)}"
        if comment:
            line += f"  # {_comment_text(comment, 120)}"
        self.lines.append(line)

    def raw(self, line: str) -> None:
        self.lines.append(line)


def render_draft(draft: Draft, article_name: str = "ARTICLE") -> str:
    w = _Writer()
    w.comment(0, f"Draft from `tracker extract {article_name}`: candidate statements, NOT checked facts.")
    w.comment(0, "Every value below comes from the article; the comment next to it quotes the words.")
    w.comment(0, "Before `tracker add --snippet <this file>`: check each line against the article,")
    w.comment(0, "paraphrase every `text` neutrally, fill or delete what is marked FILL IN, and")
    w.comment(0, "remove candidates that are not the party's own conditions.")
    w.comment(0, "")
    if draft.empty:
        w.comment(0, "The article has no text.")
        w.raw("statements: []")
        return "\n".join(w.lines) + "\n"
    if draft.headline:
        w.comment(0, f"headline: {draft.headline}")
    if draft.article_date is not None:
        w.comment(0, f'article date: {draft.article_date} (from "{draft.article_date_phrase}")')
    else:
        w.comment(0, "article date: not found in the article; relative dates could not be resolved")
    if draft.issuer:
        w.comment(0, f"official text issued by: {draft.issuer}")
    w.comment(0, f"publisher: {draft.publisher}" if draft.publisher else "publisher: not named in the article")
    w.comment(0, f"address: {draft.url}" if draft.url else "address: none in the article")
    if draft.opinion:
        w.comment(0, "this is an opinion piece: the author's own views are not any party's conditions")
    for category in CATEGORIES:
        items = [s for s in draft.set_aside if s.category == category]
        if not items:
            continue
        w.comment(0, "")
        w.comment(0, f"{category}:")
        for item in items:
            detail = item.detail.removeprefix("foreign: ")
            prefix = f"[{detail}] " if detail else ""
            w.comment(0, f"  - {prefix}{item.text}")
    if not draft.statements:
        w.comment(0, "")
        w.comment(0, "No candidate statements.")
        w.raw("statements: []")
        return "\n".join(w.lines) + "\n"
    w.raw("statements:")
    for number, statement in enumerate(draft.statements, start=1):
        _statement(w, number, statement)
    return "\n".join(w.lines) + "\n"


def _statement(w: _Writer, number: int, statement: CandidateStatement) -> None:
    count = len(statement.conditions)
    who = statement.speaker_name or statement.party
    w.raw("")
    w.comment(2, f"--- candidate {number}: {who}, {statement.basis}, {count} condition{'s' * (count != 1)}")
    w.field(2, "- party", statement.party, f'from "{statement.party_evidence}"')
    if statement.date is not None:
        w.field(4, "date", str(statement.date), statement.date_note, raw=True)
        if statement.date_inferred:
            w.raw(f"{' ' * 4}date_inferred: true")
    else:
        w.comment(4, f"date: FILL IN (YYYY-MM-DD, YYYY-MM or YYYY): {statement.date_note}")
    if statement.speaker_name:
        w.raw("    speaker:")
        w.field(6, "name", statement.speaker_name)
        if statement.speaker_role:
            w.field(6, "role", statement.speaker_role)
    _source(w, 4, "source", statement.source)
    if statement.see_also:
        w.comment(4, "the article these words were read in:")
        w.raw("    see_also:")
        for extra in statement.see_also:
            _source(w, 6, "-", extra)
    w.field(4, "basis", statement.basis, statement.basis_reason)
    w.raw("    conditions:")
    for condition in statement.conditions:
        _condition(w, condition)
    if statement.date_inferred and statement.date is not None:
        w.field(4, "note", f"Date {statement.date_note}.")


def _source(w: _Writer, indent: int, key: str, source: SourceDraft) -> None:
    pad = " " * indent
    if key == "-":
        opener, inner = f"{pad}- ", indent + 2
    else:
        w.raw(f"{pad}{key}:")
        opener, inner = None, indent + 2
    rows: list[tuple[str, str, str | None]] = []
    if source.publisher:
        rows.append(("publisher", source.publisher, f'"{source.evidence}"' if source.evidence else None))
    if source.title:
        rows.append(("title", source.title, "as the article gives it"))
    if source.url:
        rows.append(("url", source.url, None))
    if source.published is not None:
        rows.append(("published", str(source.published), None))
    if not source.publisher:
        w.comment(inner, "publisher: FILL IN (the article names none)")
    for index, (name, value, comment) in enumerate(rows):
        if opener is not None and index == 0:
            line = f"{opener}{name}: {value if name == 'published' else scalar(value)}"
            w.raw(line + (f"  # {_comment_text(comment, 120)}" if comment else ""))
        else:
            w.field(inner, name, value, comment, raw=name == "published")


def _condition(w: _Writer, condition: CandidateCondition) -> None:
    issue = condition.issue
    w.raw(f"      - id: {scalar(condition.id)}")
    matched = ", ".join(issue.matched[:6])
    also = f"; also possible: {issue.runner_up}" if issue.runner_up else ""
    # A model's choice has no matched words: say whose choice it is.
    why = f"matched: {matched}{also}" if issue.matched else "chosen by the model; check it"
    w.field(8, "issue", issue.issue or "", why)
    if issue.level is not None:
        level_why = (
            f'level title "{issue.level_title}" matches: {", ".join(issue.level_matched)}'
            if issue.level_matched
            else f'level "{issue.level_title}" chosen by the model; check it'
        )
        w.field(8, "level", issue.level, level_why)
    elif issue.laddered:
        w.comment(
            8, "level: FILL IN: the issue is laddered and no level title matched well (`tracker issues` lists them)"
        )
    if condition.restates is not None:
        known = condition.restates
        w.comment(8, f"same issue and level as {known.id} (last stated {known.date}): if this restates it, use that id")
    w.field(8, "kind", condition.kind, f"cue: {', '.join(condition.cues)}" if condition.cues else "chosen by the model")
    w.field(8, "stage", condition.stage)
    w.comment(8, "text: taken from the article's wording; PARAPHRASE it neutrally before adding")
    w.field(8, "text", condition.text)
    if condition.quote:
        w.field(8, "quote", condition.quote)
    else:
        w.comment(8, "no quote: the article reports these words, it does not quote them")
    if condition.numbers:
        w.comment(8, f"numbers in the wording ({', '.join(condition.numbers)}): consider `quantities`")
    w.comment(8, "from the article:")
    for sentence in condition.evidence:
        w.comment(8, f"  > {sentence}")
    if not condition.direct:
        w.field(8, "note", f'Reported speech in the article: "{_comment_text(condition.evidence[0], 400)}"')
