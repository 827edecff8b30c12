"""`tracker extract --model`: offline, with recorded answers replayed by pydantic-ai's FunctionModel."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
    openai_model,
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
    assert endpoint == Endpoint("http://localhost:8080/v1", "unused", "qwen", 600.0, 4096)
    limited = endpoint_from_env(
        "qwen",
        {"TRACKER_LLM_BASE_URL": "http://h/v1", "TRACKER_LLM_TIMEOUT": "90.5", "TRACKER_LLM_MAX_TOKENS": " 2000 "},
    )
    assert (limited.timeout, limited.max_tokens) == (90.5, 2000)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TRACKER_LLM_TIMEOUT", "ten"),
        ("TRACKER_LLM_TIMEOUT", "0"),
        ("TRACKER_LLM_TIMEOUT", "inf"),
        ("TRACKER_LLM_TIMEOUT", "nan"),
        ("TRACKER_LLM_MAX_TOKENS", "-5"),
        ("TRACKER_LLM_MAX_TOKENS", "2.5"),
    ],
)
def test_a_bad_limit_is_named_in_one_line(name: str, value: str) -> None:
    with pytest.raises(LlmError) as caught:
        endpoint_from_env("qwen", {"TRACKER_LLM_BASE_URL": "http://h/v1", name: value})
    assert name in str(caught.value) and repr(value) in str(caught.value)


def test_a_model_that_does_not_finish_in_time_is_cut_off() -> None:
    async def never(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        await asyncio.sleep(60)
        raise AssertionError("the limit should have ended the run")

    with pytest.raises(LlmError) as caught:
        ask(article(), vocab(), FunctionModel(never, settings={"timeout": 0.05}))
    assert str(caught.value) == "the model gave no accepted answer within 0.05 s (TRACKER_LLM_TIMEOUT sets the limit)"


@contextmanager
def stand_in_endpoint(answer: dict[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """An OpenAI-compatible chat endpoint on loopback that records each request's body and
    answers with a call of the request's first tool, `answer` as its arguments."""
    bodies: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            bodies.append(body)
            call = {"name": body["tools"][0]["function"]["name"], "arguments": json.dumps(answer)}
            reply = {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 0,
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "message": {
                            "role": "assistant",
                            "content": None,
                            "tool_calls": [{"id": "call-1", "type": "function", "function": call}],
                        },
                        "finish_reason": "tool_calls",
                    }
                ],
            }
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1", bodies
    finally:
        server.shutdown()
        server.server_close()


def test_a_local_endpoint_gets_the_length_cap_it_understands() -> None:
    # llama.cpp's Python server ignores `max_completion_tokens`, and a small model then
    # writes until its context is full; `max_tokens` it honours (both seen on a real server).
    with stand_in_endpoint(recorded("interfax-good.json")) as (url, bodies):
        model = openai_model(Endpoint(url, "unused", "local-model", 30.0, 1234))
        answer = ask(article(), vocab(), model)
    [body] = bodies
    assert (body["model"], body["max_tokens"]) == ("local-model", 1234)
    assert "max_completion_tokens" not in body
    assert '"ukraine"' in json.dumps(body["tools"])  # party ids are fixed choices on the wire too
    assert draft_from_answer(article(), vocab(), answer).statements[0].party == "ukraine"


def test_openai_itself_gets_max_completion_tokens() -> None:
    model = openai_model(Endpoint("https://api.openai.com/v1", "key", "gpt-4o-mini"))
    assert model.profile.get("openai_chat_supports_max_completion_tokens") is True
    local = openai_model(Endpoint("http://localhost:8080/v1", "unused", "gpt-4o-mini"))
    assert local.profile.get("openai_chat_supports_max_completion_tokens") is False


def test_the_command_over_http_to_a_local_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    with stand_in_endpoint(recorded("interfax-good.json")) as (url, bodies):
        monkeypatch.setenv("TRACKER_LLM_BASE_URL", url)
        monkeypatch.setenv("TRACKER_LLM_MAX_TOKENS", "900")
        result = CliRunner().invoke(
            app, ["extract", str(ARTICLE), "--data", str(REPO / "positions.yaml"), "--model", "local-model"]
        )
    assert result.exit_code == 0, result.stderr
    assert [b["max_tokens"] for b in bodies] == [900]
    assert "chosen by the model" in result.stdout and "party: ukraine" in result.stdout


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


def test_the_corpus_evaluation_scores_the_model_mode(capsys: pytest.CaptureFixture[str]) -> None:
    # `python -m tests.extract.evaluate_real --model NAME` scores the model's drafts with
    # the same matching rule as the rules'; here the recorded answer for the Interfax excerpt
    from tests.extract.evaluate_real import draft_for, score
    from tests.extract.real.corpus import CORPUS

    [interfax] = [a for a in CORPUS if a.name == "ru-ua-interfax-zelenskyy-red-line"]
    good = score(interfax, draft_for(interfax, model=Replay("interfax-good.json").model()))
    assert (good.expected, good.matched) == (2, good.extracted) and good.matched >= 1
    refused = score(interfax, draft_for(interfax, model=Replay("interfax-paraphrased-quote.json").model()))
    assert (refused.extracted, refused.matched) == (0, 0)
    # a slow model's run says on stderr how each article went, the table stays on stdout
    progress = capsys.readouterr()
    assert progress.out == ""
    accepted, rejected = progress.err.splitlines()
    assert accepted == "ru-ua-interfax-zelenskyy-red-line: asking the model … 2 condition(s)"
    assert rejected.startswith(
        "ru-ua-interfax-zelenskyy-red-line: asking the model … refused: "
        "the model's answer was rejected after 3 tries: not in the article"
    )


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
