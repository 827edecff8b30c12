"""Rewrite the results shown in docs/export.md from the shipped data.

Run after the data changes (tests/export/test_export_docs.py fails until the
docs match): `.venv/bin/python scripts/update_export_docs.py`. Review the diff.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from typer.testing import CliRunner  # noqa: E402

from tests.export.test_export_docs import DOC, FENCE, run_python, run_sql  # noqa: E402
from tracker.cli.app import app  # noqa: E402


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        for rows in ("statements", "conditions", "withdrawals"):
            for fmt in ("jsonl", "csv"):
                out = Path(folder) / f"{rows}.{fmt}"
                args = ["export", rows, "-f", fmt, "-d", str(REPO / "positions.yaml"), "-o", str(out)]
                result = CliRunner().invoke(app, args)
                if result.exit_code != 0:
                    sys.exit(result.output)
        os.chdir(folder)
        try:
            parts, position = [], 0
            for match in FENCE.finditer(text):
                kind, code, _ = match.groups()
                shown = run_sql(code) if kind == "sql" else "```text\n" + run_python(code) + "\n```"
                parts += [text[position : match.start(3)], shown]
                position = match.end(3)
            parts.append(text[position:])
        finally:
            os.chdir(here)
    DOC.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
