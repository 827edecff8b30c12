"""The report as one self-contained HTML page, for a static site.

Everything is inline: one style sheet (allowed by its hash in the page's
Content-Security-Policy, which forbids every script, font, image, frame and
fetch), and the charts as inline SVG (`chart_svg`). Every piece of data text
goes through `_h` (control characters made visible, then HTML-escaped with
quotes); links are built only from `http(s)://` addresses. The layout is one
column that fits a 390 px phone, and prints with each link's address.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence

from tracker.core.dates import PartialDate
from tracker.core.engine.chart import Chart
from tracker.core.engine.results import Citation, DisputedReport, Headline, IssuePosition, Report, Shift, Stance, Trend
from tracker.core.model import Issue, Party
from tracker.render.chart_common import one_line, rung_number
from tracker.render.chart_svg import render_chart as chart_svg
from tracker.render.words import headline_words

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
  Roboto, Helvetica, Arial, sans-serif; color: #1b1b1b; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin-bottom: 0.25rem; }
.meta, .cite, figcaption { color: #555; font-size: 0.9rem; }
figure { margin: 1rem 0; }
/* A chart keeps a legible size on a phone and scrolls inside its own box; the page never does. */
.chart { overflow-x: auto; border: 1px solid #eee; }
.chart svg { display: block; width: 100%; min-width: 720px; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid #e5e5e5; }
ul { padding-left: 1.2rem; }
li { margin: 0.25rem 0; }
.shift { font-weight: 600; }
.disputed { border-left: 4px solid #b8860b; padding-left: 0.6rem; }
a { color: #0645ad; }
@media print {
  body { max-width: none; font-size: 11pt; }
  .chart { overflow: visible; border: none; }
  .chart svg { min-width: 0; }
  a { color: inherit; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 0.8em; color: #555; }
  figure, tr, li { break-inside: avoid; }
}
""".strip()
_URL = re.compile(r"https?://[^\s<>\"`]+")  # quotes and & are escaped when written


def _h(text: str) -> str:
    """Data text for HTML content or a quoted attribute: one line, controls visible, escaped."""
    return html.escape(one_line(text), quote=True)


def _link(text: str, url: str | None) -> str:
    if url and _URL.fullmatch(url):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer nofollow">{_h(text)}</a>'
    return _h(text)


def _cite(citation: Citation) -> str:
    speaker = f"{_h(citation.speaker)}, " if citation.speaker else ""
    flag = ", <strong>disputed</strong>" if citation.disputed else ""
    title = f" “{_h(citation.title)}”" if citation.title else ""
    via = f" via {_link(citation.via.publisher, citation.via.url)}" if citation.via else ""  # the copy read
    return (
        f'<span class="cite">{speaker}{_link(citation.publisher, citation.url)}{via}{title}, '
        f"{citation.date} ({citation.basis.value}{flag})</span>"
    )


def _rung(issue: Issue, stance: Stance | None) -> str:
    if stance is None:
        return "no stance"
    words = f"“{_h(issue.ladder[stance.ask].title)}” (rung {rung_number(stance.ask)} of {len(issue.ladder)})"
    if stance.low != stance.high:
        words += f", holding rungs {rung_number(stance.low)}–{rung_number(stance.high)}"
    return words


def headline_sentence(
    party: Party, issue: Issue, headline: Headline, start: PartialDate | None, end: PartialDate
) -> str:
    """The headline in the words every format uses, as HTML, with its source."""
    move, context = headline_words(party, issue, headline, start, end)
    return f'<span class="shift">{_h(move)}</span> {_h(context)}'


def render_report(report: Report, charts: Sequence[Chart]) -> str:
    names = {position.party.id: position.party.name for position in report.positions}
    issues = {item.issue.id: item.issue for position in report.positions for item in position.issues}
    since = report.recent.since
    parts = [
        f"<header><h1>{_h(report.title)}</h1>"
        f'<p class="meta">Positions as of {report.recent.until}; shifts since {since or "the first statement"}. '
        "Every line cites its source; corrected or disputed reports are shown, labelled, and left out of "
        "positions.</p></header>"
    ]
    parts.append(_headlines(report, names))
    if charts:
        parts.append('<section id="charts"><h2>Stances over time</h2>')
        for chart in charts:
            parts.append(
                f'<figure><div class="chart">{chart_svg(chart)}</div><figcaption>{_h(chart.issue.title)}: '
                f"each party's ask, "
                f"{chart.start.isoformat()} to {chart.end.isoformat()}; shaded, the span of rungs it holds; "
                "crosses, corrected reports (never moves).</figcaption></figure>"
            )
        parts.append("</section>")
    parts.append(_gaps(report, names, issues))
    parts.append(_positions(report))
    parts.append(_corrections(report, names))
    body = "\n".join(parts)
    digest = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
    policy = (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; font-src 'none'; "
        "script-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _headlines(report: Report, names: dict[str, str]) -> str:
    items = []
    for party in report.recent.parties:
        for issue in party.issues:
            if issue.headline is not None and issue.headline.shift is not Shift.STEADY:
                items.append(
                    f"<li>{headline_sentence(party.party, issue.issue, issue.headline, report.recent.since, report.recent.until)}</li>"
                )
    since = report.recent.since or "the first statement"
    if not items:
        return f'<section id="headlines"><h2>What moved</h2><p>No stance on a laddered issue moved since {since}.</p></section>'
    return f'<section id="headlines"><h2>What moved since {since}</h2><ul>{"".join(items)}</ul></section>'


def _gaps(report: Report, names: dict[str, str], issues: dict[str, Issue]) -> str:
    rows = []
    for gap in report.comparison.gaps:
        if gap.distance is None and gap.distance_since is None:
            continue
        trend = gap.trend.value if gap.trend is not None else "unknown"
        arrow = {Trend.CONVERGING: "↘ ", Trend.DIVERGING: "↗ "}.get(gap.trend, "") if gap.trend else ""
        rows.append(
            f"<tr><td>{_h(issues[gap.issue].title if gap.issue in issues else gap.issue)}</td>"
            f"<td>{_h(names.get(gap.party_a, gap.party_a))} – {_h(names.get(gap.party_b, gap.party_b))}</td>"
            f"<td>{_num(gap.distance_since)}</td><td>{_num(gap.distance)}</td><td>{arrow}{trend}</td></tr>"
        )
    if not rows:
        return (
            '<section id="gaps"><h2>Gaps</h2><p>No two parties hold a stance on the same laddered issue.</p></section>'
        )
    since = report.comparison.since or "start"
    return (
        '<section id="gaps"><h2>Gaps between asks, in rungs</h2><table><thead><tr><th>Issue</th><th>Parties</th>'
        f"<th>{since}</th><th>{report.comparison.at}</th><th>Trend</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _num(value: int | None) -> str:
    return "–" if value is None else str(value)


def _positions(report: Report) -> str:
    parts = ['<section id="positions"><h2>Positions</h2>']
    for position in report.positions:
        stated = [item for item in position.issues if item.stated]
        if not stated:
            continue
        parts.append(f"<h3>{_h(position.party.name)}</h3><ul>")
        parts += [_issue_position(item) for item in stated]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _issue_position(item: IssuePosition) -> str:
    stance = f" — ask {_rung(item.issue, item.stance)}" if item.stance is not None else ""
    conditions = "".join(
        f"<li>{_h(active.condition.text)} {_cite(active.last_stated)}</li>" for active in item.conditions
    )
    return f"<li><strong>{_h(item.issue.title)}</strong>{stance}<ul>{conditions}</ul></li>"


def _corrections(report: Report, names: dict[str, str]) -> str:
    seen: dict[str, DisputedReport] = {}
    for position in report.positions:
        for disputed in position.disputed:
            seen.setdefault(disputed.citation.statement_id, disputed)
    if not seen:
        return ""
    items = []
    for disputed in sorted(seen.values(), key=lambda item: item.citation.date.sort_key):
        who = ", ".join(_h(names.get(party, party)) for party in disputed.party_ids)
        claims = " ".join(_h(condition.text) for condition in disputed.conditions)
        fixes = "".join(
            f"<li>{_h(note.kind.value.capitalize())}: {_h(note.text)} {_cite(note.source)}</li>"
            for note in disputed.corrections
        )
        items.append(
            f'<li class="disputed">{who}, as reported: {claims} {_cite(disputed.citation)}<ul>{fixes}</ul></li>'
        )
    return (
        '<section id="corrections"><h2>Corrected or disputed reports</h2>'
        f"<p>Left out of every position above.</p><ul>{''.join(items)}</ul></section>"
    )
