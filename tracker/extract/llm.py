"""`tracker extract --model NAME`: candidate statements proposed by a language model.

Optional (`pip install 'peace-positions[llm]'`, Python 3.11 or newer): pydantic-ai asks any OpenAI-compatible endpoint
for an answer shaped by a pydantic model that is built from the dataset: party and issue
ids are fixed choices, and `level` is one of the rungs of the chosen issue's own ladder.
Every `quote` and every evidence sentence must appear verbatim in the article; an answer
that breaks this is sent back to the model with the offending words, and after
`RETRIES` failed answers it is rejected. Accepted answers become the same `Draft` the
rules produce (dates, publisher and address still come from the article by rule), so
they go through the same draft writer and, later, the same `tracker add` validation.

This module imports pydantic-ai only inside functions; nothing here is imported on
the default (rules) path.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, create_model

from tracker.extract.article import clean, parse
from tracker.extract.cues import Kind, StageName
from tracker.extract.draft import CandidateCondition, CandidateStatement, Draft, SourceDraft
from tracker.extract.extractor import URL, article_publisher
from tracker.extract.issues import IssueGuess
from tracker.extract.statements import name_conditions
from tracker.extract.vocab import Vocabulary
from tracker.extract.when import article_date

if TYPE_CHECKING:
    from pydantic_ai.models import Model

RETRIES = 2  # answers sent back to the model before one is rejected
BASE_URL = "TRACKER_LLM_BASE_URL"
API_KEY = "TRACKER_LLM_API_KEY"
TIMEOUT = "TRACKER_LLM_TIMEOUT"
MAX_TOKENS = "TRACKER_LLM_MAX_TOKENS"
# A small model under a JSON grammar can write until its context is full (seen: a 270M
# model on llama.cpp, 5,482 tokens in 8 minutes for a 139-word article), so both the
# answer's length and the whole run's time are bounded.
DEFAULT_TIMEOUT = 600.0  # seconds for one article, answers sent back included
DEFAULT_MAX_TOKENS = 4096  # an answer is a few hundred tokens per statement

INSTRUCTIONS = """\
You read one news article and list the conditions (demands, offers, red lines) that \
parties of a conflict state in it, for a curated dataset of negotiating positions.

Rules:
- Only parties and issues from the given lists; leave out anything else.
- One statement per speaker (or per group of unnamed sources) and party.
- `quote`: the speaker's own words copied character for character from the article, \
or null when the article only reports them. Never paraphrase inside `quote`.
- `evidence`: the article's sentences the condition comes from, copied character for \
character.
- `text`: a short neutral paraphrase of the condition.
- `basis`: on-record (a named official's own or reported words), reported-by-sources \
(unnamed sources), media-report (the outlet's own account), official-document (the \
issuer's own text).
- `level`: one of the issue's ladder rungs only when the words clearly match it, else null.
- Background the article recalls (earlier positions) and the reporter's opinions are \
not conditions.
"""


class LlmError(Exception):
    """A one-line reason the model mode cannot produce a draft."""


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    api_key: str
    model: str
    timeout: float = DEFAULT_TIMEOUT
    max_tokens: int = DEFAULT_MAX_TOKENS


def endpoint_from_env(model: str, environ: Mapping[str, str] | None = None) -> Endpoint:
    """The OpenAI-compatible endpoint the user configured, or an LlmError saying what is missing."""
    env = os.environ if environ is None else environ
    base_url = env.get(BASE_URL, "").strip()
    if not base_url:
        raise LlmError(
            f"--model needs {BASE_URL}: the address of an OpenAI-compatible endpoint "
            f"(e.g. http://localhost:8080/v1 for llama.cpp; {API_KEY} if it needs a key)"
        )
    if not model.strip():
        raise LlmError("--model needs a model name, as the endpoint knows it")
    # Local servers (llama.cpp, vLLM, Ollama) take any key; the client insists on one.
    api_key = env.get(API_KEY, "").strip() or "unused"
    timeout = _positive(env, TIMEOUT, DEFAULT_TIMEOUT, "a number of seconds")
    max_tokens = int(_positive(env, MAX_TOKENS, DEFAULT_MAX_TOKENS, "a whole number of tokens", whole=True))
    return Endpoint(base_url, api_key, model.strip(), timeout, max_tokens)


def _positive(env: Mapping[str, str], name: str, default: float, what: str, whole: bool = False) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = 0
    if not 0 < value < float("inf"):
        raise LlmError(f"{name} must be {what} above zero, not {raw[:40]!r}")
    return value


def openai_model(endpoint: Endpoint) -> Model:
    """The pydantic-ai model for the endpoint; LlmError without the extra."""
    try:
        from pydantic_ai.models.openai import OpenAIChatModel
        from pydantic_ai.providers.openai import OpenAIProvider
    except ImportError as error:
        raise LlmError(
            f"--model needs the llm extra (Python 3.11 or newer): pip install 'peace-positions[llm]' ({error.name} is missing)"
        ) from None
    from pydantic_ai.profiles import merge_profile
    from pydantic_ai.profiles.openai import OpenAIModelProfile
    from pydantic_ai.settings import ModelSettings

    provider = OpenAIProvider(base_url=endpoint.base_url, api_key=endpoint.api_key)
    # OpenAI's own API wants the length cap as `max_completion_tokens`; local servers
    # (llama.cpp's Python server, seen) ignore that field and honour only `max_tokens`.
    openai_itself = urlsplit(endpoint.base_url).hostname == "api.openai.com"
    profile = merge_profile(
        provider.model_profile(endpoint.model),
        OpenAIModelProfile(openai_chat_supports_max_completion_tokens=openai_itself),
    )
    settings = ModelSettings(max_tokens=endpoint.max_tokens, timeout=endpoint.timeout)
    return OpenAIChatModel(endpoint.model, provider=provider, profile=profile, settings=settings)


# --- the response model, built from the dataset ----------------------------------------


# Typed as Any: they are types built at run time for pydantic, not annotations for mypy.
_KIND: Any = Literal["demand", "offer", "red-line"]
_STAGE: Any = Literal["precondition", "ceasefire", "settlement"]
_BASIS: Any = Literal["on-record", "reported-by-sources", "media-report", "official-document"]


def _literal(values: list[str]) -> Any:
    return Literal[tuple(values)]


def response_model(vocab: Vocabulary) -> type[BaseModel]:
    """The answer's shape: statements of the dataset's parties, conditions on its issues,
    each condition's level one of its own issue's rungs (a union discriminated by issue)."""
    if not vocab.parties or not vocab.issues:
        raise LlmError("the dataset has no parties or no issues to extract against")
    conditions: list[type[BaseModel]] = []
    for issue in vocab.issues:
        rungs = [level.id for level in issue.ladder]
        level_type: Any = _literal(rungs) | None if rungs else None
        name = "Condition_" + re.sub(r"\W", "_", issue.id)
        conditions.append(
            create_model(
                name,
                issue=(_literal([issue.id]), Field(description=issue.title)),
                level=(level_type, Field(default=None, description="a rung of this issue's ladder, or null")),
                kind=(_KIND, ...),
                stage=(_STAGE, "settlement"),
                text=(str, Field(min_length=3, description="neutral paraphrase")),
                quote=(str | None, Field(default=None, description="verbatim words of the speaker, or null")),
                evidence=(list[str], Field(min_length=1, description="verbatim sentences of the article")),
            )
        )
    condition: Any = (
        conditions[0] if len(conditions) == 1 else Annotated[Union[tuple(conditions)], Field(discriminator="issue")]  # noqa: UP007
    )
    statement = create_model(
        "Statement",
        party=(_literal([p.id for p in vocab.parties]), ...),
        speaker_name=(str | None, None),
        speaker_role=(str | None, None),
        basis=(_BASIS, ...),
        conditions=(list[condition], Field(min_length=1)),
    )
    return create_model("Answer", statements=(list[statement], ...))


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def unverbatim(answer: BaseModel, article: str) -> list[str]:
    """The quotes and evidence sentences of an answer that are not in the article."""
    text = _squash(clean(article))
    missing: list[str] = []
    for statement in answer.statements:  # type: ignore[attr-defined]
        for condition in statement.conditions:
            for words in [condition.quote, *condition.evidence]:
                if words is not None and (not _squash(words) or _squash(clean(words)) not in text):
                    missing.append(words)
    return missing


def _prompt(article: str, vocab: Vocabulary) -> str:
    # the people who speak for each party (the dataset's `speakers` and the speakers it
    # quotes) let the model place "Aliyev said" without world knowledge
    people: dict[str, list[str]] = {}
    for party, name in vocab.known_speakers.values():
        people.setdefault(party, []).append(name)
    parties = [
        {"id": p.id, "name": p.name, "also": list(p.names[1:]), "people": sorted(people.get(p.id, []))}
        for p in vocab.parties
    ]
    issues = [
        {
            "id": i.id,
            "title": i.title,
            "about": i.description,
            "ladder": [{"id": lvl.id, "title": lvl.title} for lvl in i.ladder],
        }
        for i in vocab.issues
    ]
    return (
        f"Conflict: {vocab.conflict_title or 'not named'}\n"
        f"Parties: {json.dumps(parties, ensure_ascii=False)}\n"
        f"Issues: {json.dumps(issues, ensure_ascii=False)}\n\n"
        f"Article:\n<<<\n{article}\n>>>"
    )


def ask(article: str, vocab: Vocabulary, model: Model) -> BaseModel:
    """The model's answer, with every quote and evidence sentence verbatim, within the
    model's `timeout` setting for the whole exchange; LlmError otherwise."""
    from pydantic_ai import Agent, ModelRetry, RunContext
    from pydantic_ai.exceptions import AgentRunError, ModelAPIError, UnexpectedModelBehavior

    shape = response_model(vocab)
    agent: Agent[None, Any] = Agent(model, output_type=shape, instructions=INSTRUCTIONS, retries=RETRIES)
    rejected: list[str] = []

    @agent.output_validator
    def verbatim(ctx: RunContext[None], answer: Any) -> Any:
        missing = unverbatim(answer, article)
        if missing:
            rejected[:] = missing
            listed = "; ".join(f"“{_squash(m)[:200]}”" for m in missing[:5])
            raise ModelRetry(
                "These words are not in the article as given; copy quotes and evidence character "
                f"for character, or drop the condition: {listed}"
            )
        return answer

    limit = (model.settings or {}).get("timeout", DEFAULT_TIMEOUT)
    timeout = limit if isinstance(limit, (int, float)) else DEFAULT_TIMEOUT

    async def answer() -> Any:
        return (await asyncio.wait_for(agent.run(_prompt(article, vocab)), timeout)).output

    try:
        return asyncio.run(answer())  # type: ignore[no-any-return]
    except asyncio.TimeoutError:
        raise LlmError(f"the model gave no accepted answer within {timeout:g} s ({TIMEOUT} sets the limit)") from None
    except UnexpectedModelBehavior as error:
        if rejected:
            raise LlmError(
                f"the model's answer was rejected after {RETRIES + 1} tries: "
                f"not in the article: “{_squash(rejected[0])[:120]}”"
            ) from None
        raise LlmError(f"the model's answer was rejected: {_one_line(str(error))}") from None
    except ModelAPIError as error:
        raise LlmError(f"the model endpoint failed: {_one_line(str(error))}") from None
    except AgentRunError as error:
        raise LlmError(f"the model run failed: {_one_line(str(error))}") from None


def _one_line(text: str) -> str:
    return _squash(text)[:300]


# --- from the answer to a draft ------------------------------------------------------


def _plain(value: str | None) -> str | None:
    """A model's string as one line of plain text: no control or invisible characters
    (they would reach terminals and YAML comments), whitespace collapsed."""
    if value is None:
        return None
    return " ".join(clean(value).split()) or None


def draft_from_answer(text: str, vocab: Vocabulary, answer: BaseModel) -> Draft:
    """The answer as a Draft: the article's own date, publisher and address by rule."""
    article = parse(text)
    draft = Draft(conflict_title=vocab.conflict_title, headline=article.headline)
    found = article_date(article)
    if found is not None:
        from tracker.core.dates import PartialDate

        draft.article_date = PartialDate.of(found.value)
        draft.article_date_phrase = found.phrase
    draft.publisher = article_publisher(article)
    urls = URL.findall(article.text)
    draft.url = urls[0] if urls else None
    titles = {i.id: i for i in vocab.issues}
    for item in answer.statements:  # type: ignore[attr-defined]
        source = SourceDraft(draft.publisher, None, url=draft.url, published=draft.article_date)
        note = (
            f"taken from the article's date ({draft.article_date_phrase}): the model gives no date for the words"
            if draft.article_date is not None
            else "not found in the article"
        )
        statement = CandidateStatement(
            party=item.party,
            party_evidence="chosen by the model; check it against the article",
            basis=item.basis,
            basis_reason="chosen by the model; check it",
            speaker_name=_plain(item.speaker_name),
            speaker_role=_plain(item.speaker_role),
            source=source,
            see_also=[],
            date=draft.article_date,
            date_inferred=draft.article_date is not None,
            date_note=note,
        )
        for condition in item.conditions:
            issue = titles[condition.issue]
            level_title = next((lvl.title for lvl in issue.ladder if lvl.id == condition.level), None)
            kind: Kind = condition.kind
            stage: StageName = condition.stage
            statement.conditions.append(
                CandidateCondition(
                    id="",
                    issue=IssueGuess(
                        condition.issue, 0.0, 0.0, (), None, condition.level, level_title, (), bool(issue.ladder)
                    ),
                    kind=kind,
                    stage=stage,
                    text=_plain(condition.text) or "",
                    quote=_plain(condition.quote),
                    evidence=[_plain(e) or "" for e in condition.evidence],
                    cues=[],
                    direct=condition.quote is not None,
                    focus=condition.text,
                )
            )
        draft.statements.append(statement)
    name_conditions(vocab, draft)
    if not draft.statements:
        draft.messages.append("the model found no candidate statements in the article")
    return draft


def extract_with_model(
    text: str, vocab: Vocabulary, model_name: str, *, model_factory: Callable[[Endpoint], Model] = openai_model
) -> Draft:
    """The whole model mode: configuration, request, verbatim check, draft."""
    endpoint = endpoint_from_env(model_name)
    model = model_factory(endpoint)
    return draft_from_answer(text, vocab, ask(text, vocab, model))
