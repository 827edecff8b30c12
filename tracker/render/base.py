"""The one interface every output format implements."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

from tracker.core.dataset import Dataset
from tracker.core.results import ValidationReport

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """Text with every control character shown as a visible escape.

    The validator already rejects control characters in the data; this is the
    second wall, for text that reaches a renderer by another road.
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Renderer(ABC):
    """Turns result objects into the text of one format."""

    @abstractmethod
    def validation(self, report: ValidationReport) -> str: ...

    @abstractmethod
    def parties(self, dataset: Dataset) -> str: ...

    @abstractmethod
    def issues(self, dataset: Dataset) -> str: ...
