"""Synthetic datasets shaped like the real one, at any size.

Parties, issues with ladders, statements with three conditions each on average,
restatements, replacements across several steps, withdrawals, joint texts and
a few corrected reports: everything the engine has to walk through.

Run:  .venv/bin/python benchmarks/generate.py 20000 > /tmp/big.yaml
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

import yaml

PARTIES = [f"party-{i:02d}" for i in range(12)]
ISSUES = [f"issue-{i:02d}" for i in range(16)]
LEVELS = 7
WORDS = (
    "withdrawal forces territory recognition guarantees ceasefire sanctions neutrality elections army cap "
    "monitoring prisoners exchange assets reconstruction referendum language church corridor plant"
).split()


def _text(chooser: random.Random) -> str:
    return " ".join(chooser.choice(WORDS) for _ in range(chooser.randint(5, 12))).capitalize() + "."


def dataset(statements: int, seed: int = 1) -> dict[str, object]:
    chooser = random.Random(seed)
    issues = [
        {
            "id": issue,
            "title": f"Issue {issue}",
            "category": chooser.choice(["security", "political", "economic"]),
            "ladder": [{"id": f"{issue}-l{level}", "title": f"Level {level}"} for level in range(LEVELS)]
            if index < 12
            else [],
        }
        for index, issue in enumerate(ISSUES)
    ]
    parties = [{"id": p, "name": f"Party {p}", "kind": "state", "aliases": [f"P{p[-2:]}"]} for p in PARTIES]
    active: dict[str, list[tuple[str, str]]] = {p: [] for p in PARTIES}  # party -> (condition id, issue)
    counter = 0
    start = date(2000, 1, 1)
    items = []
    for index in range(statements):
        party = chooser.choice(PARTIES)
        day = start + timedelta(days=index * 9000 // statements)
        conditions = []
        for _ in range(chooser.choice([2, 3, 3, 4])):
            issue_index = chooser.randrange(len(ISSUES))
            issue = ISSUES[issue_index]
            if any(c["issue"] == issue for c in conditions):
                continue  # one condition per issue and statement keeps the lineage simple
            held = [c for c in active[party] if c[1] == issue]
            condition: dict[str, object] = {"issue": issue, "text": _text(chooser)}
            roll = chooser.random()
            if held and roll < 0.3:
                condition["id"] = held[0][0]  # a restatement
            else:
                counter += 1
                condition["id"] = f"{party}-c{counter}"
                if held and roll < 0.6:
                    condition["replaces"] = [held[0][0]]
                    active[party].remove(held[0])
                active[party].append((str(condition["id"]), issue))
            condition["kind"] = chooser.choice(["demand", "offer", "red-line"])
            condition["stage"] = chooser.choice(["precondition", "ceasefire", "settlement"])
            if issue_index < 12:
                condition["level"] = f"{issue}-l{chooser.randrange(LEVELS)}"
            conditions.append(condition)
        statement: dict[str, object] = {
            "id": f"s-{index}",
            "party": party,
            "date": day.isoformat(),
            "speaker": {"name": f"Speaker {chooser.randrange(200)}", "role": "Minister"},
            "source": {
                "publisher": chooser.choice(["TASS", "Reuters", "AP", "Ukrinform"]),
                "url": f"https://example.org/{index}",
            },
            "basis": chooser.choice(["on-record", "official-document", "reported-by-sources"]),
            "conditions": conditions,
        }
        if active[party] and chooser.random() < 0.03:
            gone = active[party].pop(0)
            if all(c["id"] != gone[0] for c in conditions):
                statement["withdraws"] = [gone[0]]
            else:
                active[party].append(gone)
        if chooser.random() < 0.01:
            statement["corrections"] = [{"kind": "dispute", "source": {"publisher": "Fact check"}, "text": "Disputed."}]
        items.append(statement)
    return {
        "schema": 1,
        "conflict": {"id": "synthetic", "title": "Synthetic conflict"},
        "issues": issues,
        "parties": parties,
        "statements": items,
    }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.stdout.write(yaml.safe_dump(dataset(count), sort_keys=False, allow_unicode=True, width=120))


if __name__ == "__main__":
    main()
