"""`tracker extract --model`: offline, with recorded answers replayed by pydantic-ai's FunctionModel."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from pydantic_ai.messages import ModelMessage, ModelResponse, RetryPromptPart, ToolCallPart, ToolReturnPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from typer.testing import CliRunner

from tests.extract.real.corpus import ARTICLES, REPO
from tracker.cli.app import app
from tracker.core.file_format import Statement
from tracker.extract import Vocabulary, render_draft
from tracker.extract.llm import (
    RETRIES,
    Endpoint,
    LlmError,
    ask,
    draft_from_answer,
    endpoint_from_env,
    extract_with_model,
    response_model,
)
from tracker.load.loader import load_dataset

RECORDED = Path(__file__).resolve().parent / "llm"
ARTICLE = ARTICLES / "ru-ua-interfax-zelenskyy-red-line.txt"


def recorded(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RECORDED / name).read_text(encoding="utf-8"))
    return data


def vocab() -> Vocabulary:
    return Vocabulary.from_dataset(load_dataset(REPO / "positions.yaml", today=date.today()))


class Replay:
    """A FunctionModel that answers with the recorded answers in turn (the last one repeats)."""

    def __init__(self, *answers: str) -> None:
        self.answers = [recorded(a) for a in answers]
        self.requests: list[list[ModelMessage]] = []

    def __call__(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.requests.append(messages)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, answer)])

    def model(self) -> FunctionModel:
        return FunctionModel(self)


def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def test_a_verbatim_answer_becomes_a_draft_that_validates() -> None:
    replay = Replay("interfax-good.json")
    answer = ask(article(), vocab(), replay.model())
    draft = draft_from_answer(article(), vocab(), answer)
    assert len(replay.requests) == 1
    [statement] = draft.statements
    assert (statement.party, statement.basis, statement.speaker_name) == ("ukraine", "on-record", "Volodymyr Zelenskyy")
    assert [c.issue.issue for c in statement.conditions] == ["territory", "ceasefire"]
    assert statement.conditions[0].id.startswith("ua-territory-")
    text = render_draft(draft, "interfax.txt")
    assert "chosen by the model" in text
    for item in yaml.safe_load(text)["statements"]:
        # the rules' writer; `tracker add` validation once a curator fills in date and source
        Statement.model_validate({**item, "date": "2025-01-01", "source": {"publisher": "Interfax-Ukraine"}})


def test_a_paraphrased_quote_is_sent_back_and_a_corrected_answer_accepted() -> None:
    replay = Replay("interfax-paraphrased-quote.json", "interfax-good.json")
    answer = ask(article(), vocab(), replay.model())
    assert len(replay.requests) == 2
    retry = [p for p in replay.requests[1][-1].parts if isinstance(p, (RetryPromptPart, ToolReturnPart))]
    assert retry and "recognising the occupied territories as Russian is a red line" in str(retry[0].content)
    quotes = [c.quote for s in answer.statements for c in s.conditions]  # type: ignore[attr-defined]
    assert quotes[0] is not None and quotes[0] in article()


def test_a_paraphrased_quote_is_finally_refused() -> None:
    replay = Replay("interfax-paraphrased-quote.json")
    with pytest.raises(LlmError) as caught:
        ask(article(), vocab(), replay.model())
    assert len(replay.requests) == RETRIES + 1
    message = str(caught.value)
    assert "rejected" in message and "not in the article" in message and "\n" not in message


def test_a_level_from_another_issues_ladder_is_not_a_valid_answer() -> None:
    shape = response_model(vocab())
    with pytest.raises(ValidationError):
        shape.model_validate(recorded("interfax-wrong-level.json"))
    shape.model_validate(recorded("interfax-good.json"))


def test_parties_and_issues_are_fixed_choices() -> None:
    shape = response_model(vocab())
    bad = recorded("interfax-good.json")
    bad["statements"][0]["party"] = "atlantis"
    with pytest.raises(ValidationError):
        shape.model_validate(bad)


def test_configuration_comes_from_the_environment() -> None:
    with pytest.raises(LlmError, match="TRACKER_LLM_BASE_URL"):
        endpoint_from_env("qwen", {})
    endpoint = endpoint_from_env("qwen", {"TRACKER_LLM_BASE_URL": "http://localhost:8080/v1"})
    assert endpoint == Endpoint("http://localhost:8080/v1", "unused", "qwen")


def test_the_whole_mode_with_an_injected_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    replay = Replay("interfax-good.json")
    draft = extract_with_model(article(), vocab(), "any", model_factory=lambda endpoint: replay.model())
    assert draft.statements and draft.statements[0].party == "ukraine"


def test_the_command_without_configuration_fails_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_LLM_BASE_URL", raising=False)
    result = CliRunner().invoke(
        app, ["extract", str(ARTICLE), "--data", str(REPO / "positions.yaml"), "--model", "qwen"]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "TRACKER_LLM_BASE_URL" in result.stderr


def test_the_command_without_the_extra_fails_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    # as if pydantic-ai were not installed
    for name in [m for m in sys.modules if m.startswith("pydantic_ai")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pydantic_ai", None)
    result = CliRunner().invoke(
        app, ["extract", str(ARTICLE), "--data", str(REPO / "positions.yaml"), "--model", "qwen"]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "pip install 'peace-positions[llm]'" in result.stderr


def test_the_rules_path_never_imports_the_model_mode() -> None:
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from tracker.cli.app import app\n"
        f"r = CliRunner().invoke(app, ['extract', {str(ARTICLE)!r}, '--data', {str(REPO / 'positions.yaml')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('pydantic_ai', 'openai', 'httpx') "
        "or m == 'tracker.extract.llm']\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr


def test_control_characters_from_the_model_never_reach_the_draft() -> None:
    answer = recorded("interfax-good.json")
    answer["statements"][0]["speaker_name"] = "Volodymyr\x1b[31m Zelenskyy\u202e"
    answer["statements"][0]["conditions"][0]["text"] = "Ukraine will not\x07 recognise them."
    shape = response_model(vocab())
    draft = draft_from_answer(article(), vocab(), shape.model_validate(answer))
    text = render_draft(draft, "interfax.txt")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert draft.statements[0].speaker_name == "Volodymyr [31m Zelenskyy"


def test_an_empty_quote_is_not_verbatim() -> None:
    answer = recorded("interfax-good.json")
    answer["statements"][0]["conditions"][0]["quote"] = "   "
    from tracker.extract.llm import unverbatim

    assert unverbatim(response_model(vocab()).model_validate(answer), article()) == ["   "]


def test_the_corpus_evaluation_scores_the_model_mode() -> None:
    # `python -m tests.extract.evaluate_real --model NAME` scores the model's drafts with
    # the same matching rule as the rules'; here the recorded answer for the Interfax excerpt
    from tests.extract.evaluate_real import draft_for, score
    from tests.extract.real.corpus import CORPUS

    [interfax] = [a for a in CORPUS if a.name == "ru-ua-interfax-zelenskyy-red-line"]
    good = score(interfax, draft_for(interfax, model=Replay("interfax-good.json").model()))
    assert (good.expected, good.matched) == (2, good.extracted) and good.matched >= 1
    refused = score(interfax, draft_for(interfax, model=Replay("interfax-paraphrased-quote.json").model()))
    assert (refused.extracted, refused.matched) == (0, 0)


def test_the_prompt_names_each_partys_people_and_each_issues_description() -> None:
    # a bare "Aliyev said" is placeable by the model only if the prompt says whose he is
    from tracker.extract.llm import _prompt
    from tracker.load.loader import load_dataset as load

    small = REPO / "tests" / "extract" / "real" / "datasets" / "armenia-azerbaijan.yaml"
    prompt = _prompt("An article.", Vocabulary.from_dataset(load(small, today=date.today())))
    parties = json.loads(prompt.split("Parties: ", 1)[1].split("\n", 1)[0])
    assert "Ilham Aliyev" in next(p for p in parties if p["id"] == "azerbaijan")["people"]
    issues = json.loads(prompt.split("Issues: ", 1)[1].split("\n", 1)[0])
    assert "Minsk Group" in next(i for i in issues if i["id"] == "minsk-group")["about"]
