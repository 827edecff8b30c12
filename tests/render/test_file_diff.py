"""The unified diff `add --dry-run` prints: what difflib says, every line inert."""

from __future__ import annotations

from tracker.render.file_diff import unified_diff


def test_hunks_with_three_lines_of_context() -> None:
    before = "".join(f"line {n}\n" for n in range(1, 11))
    after = before.replace("line 6\n", "line 6\nnew\n")
    assert unified_diff(before, after, "f.yaml") == (
        "--- f.yaml\n+++ f.yaml (after add)\n@@ -4,6 +4,7 @@\n"
        " line 4\n line 5\n line 6\n+new\n line 7\n line 8\n line 9\n"
    )
    assert unified_diff(before, before, "f.yaml") == ""


def test_what_validation_would_refuse_is_escaped_and_splits_no_line() -> None:
    # Text that bypassed validation: raw escape sequences, C1, bidi, and breaks other than LF.
    before = "a: 1\n"
    after = "a: 1\nb: '\x1b]52;c;eA==\x07\x9b2J\u202e'\n# x\u2028y\x85z\x0bw\n"
    lines = unified_diff(before, after, "evil\x1b[2J.yaml").splitlines()
    assert lines == [
        "--- evil\\u001b[2J.yaml",
        "+++ evil\\u001b[2J.yaml (after add)",
        "@@ -1 +1,3 @@",
        " a: 1",
        "+b: '\\u001b]52;c;eA==\\u0007\\u009b2J\\u202e'",
        "+# x\\u2028y\\u0085z\\u000bw",
    ]
