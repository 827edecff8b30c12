"""`tracker report --format html`: the report as one self-contained page, with a chart per moved issue.

Kept apart from `app.py`: the report command only hands over when HTML is asked
for. The formats of `report` are those of every command plus `html`.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.core.dataset import Dataset
    from tracker.core.dates import PartialDate


class ReportFormat(str, Enum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


REPORT_FORMAT_HELP = (
    "Output format: terminal (rich tables), markdown (GitHub), json, or html (one self-contained page "
    "with inline charts, for a static site)."
)


def html_report(dataset: Dataset, at: PartialDate | None, since: PartialDate) -> str:
    """The report as HTML, with the report's charts: every laddered issue on which a stance moved.

    `at` None: the newest statement.
    """
    from tracker.core.engine.diff import newest_date
    from tracker.core.engine.report import report
    from tracker.render.report_html import render_report

    at = at or newest_date(dataset) or since
    result = report(dataset, at, since)
    return render_report(result, result.charts)
