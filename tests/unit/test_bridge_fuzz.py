"""A seeded fuzz of the bridge, for every tool and the import paths: whatever arrives, the answer is JSON the page
can parse (no NaN, no Infinity) and never a failure of ours. SWT_FUZZ_RUNS sets the size (CI: the default),
SWT_FUZZ_SEED repeats a run; a failure prints the seed and the request."""

from __future__ import annotations

import json
import os
import random
import time

import pytest

from toolkit import bridge
from toolkit import tools as toolkit_tools

RUNS = int(os.environ.get("SWT_FUZZ_RUNS", "400"))
SEED = int(os.environ.get("SWT_FUZZ_SEED", str(int(time.time()))))


def examples() -> dict[str, dict]:
    """Each tool's example, found as the bridge finds the tools: a new tool is fuzzed without a line here."""
    return {name: toolkit_tools.module(name).example() for name in toolkit_tools.names()}


def junk(rng: random.Random, depth: int = 0):
    kind = rng.randrange(12)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 10**30, 1e308, -0.0, 2**63])
    if kind == 3:
        return rng.choice(["", " ", "NaN", "Infinity", "1e999", "-0", "+5:30", "25:00", "2026-02-30", "\u0000", "𝔘"])
    if kind == 4:
        return "x" * rng.choice([201, 5001, 70_000])
    if kind == 5:
        return "<img src=x onerror=alert(1)>"
    if kind in (6, 7) and depth < 4:
        return [junk(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind in (8, 9) and depth < 4:
        return {rng.choice(["0", "1", "name", "a.b", "__proto__", "99999"]): junk(rng, depth + 1)
                for _ in range(rng.randrange(4))}
    if kind == 10:
        return {str(i): {} for i in range(rng.choice([31, 41, 600]))}
    return rng.choice(["office", "home", "Tuesday", "on", "anywhere", "set"])


def mutate(rng: random.Random, value, depth: int = 0):
    """The value with one part, somewhere inside, replaced by junk."""
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(list(value))
        return {**value, key: mutate(rng, value[key], depth + 1)}
    if isinstance(value, list) and value and rng.random() < 0.8:
        i = rng.randrange(len(value))
        return value[:i] + [mutate(rng, value[i], depth + 1)] + value[i + 1:]
    return junk(rng)


def record_text(rng: random.Random, tool: str, values) -> str:
    record = {"format": "toolkit-record", "version": 1, "tool": tool, "values": values, "result": {}}
    text = json.dumps(mutate(rng, record) if rng.random() < 0.3 else record)
    choice = rng.randrange(6)
    if choice == 0:
        return text.replace('"', "NaN", 1)
    if choice == 1:
        return text[: rng.randrange(len(text))]
    if choice == 2:
        return "[" * rng.choice([50, 5000]) + "]" * rng.choice([50, 5000])
    if choice == 3:
        return text.replace("1", "1e999", 1)
    return text


def ask(request) -> dict:
    answer = bridge.handle(json.dumps(request))
    # What the page does with it: JSON.parse refuses NaN and Infinity.
    return json.loads(answer, parse_constant=lambda name: pytest.fail(f"answer holds {name}"))


def test_the_bridge_answers_anything_with_plain_json_and_never_fails():
    rng = random.Random(SEED)
    tools = examples()
    for run in range(RUNS):
        tool = rng.choice(sorted(tools))
        kind = rng.randrange(4)
        if kind == 0:
            request = {"tool": tool, "values": mutate(rng, tools[tool])}
        elif kind == 1:
            # Its own record, or one of a tool it starts from (the request from a plan, the decision from a request).
            source = rng.choice([tool, *getattr(toolkit_tools.module(tool), "TAKES", {})])
            source = source if source in tools else tool
            request = {"tool": tool, "action": "import", "text": record_text(rng, source, tools[source]), "fixed": {}}
        elif kind == 2:
            files = [{"name": "p.json", "text": record_text(rng, "planner", tools["planner"])}]
            request = {"tool": tool, "action": "import_rows", "repeat": rng.choice(["members", "x"]),
                       "files": mutate(rng, files) if rng.random() < 0.3 else files, "count": rng.choice([0, 29, "1"])}
        else:
            request = mutate(rng, {"tool": tool, "action": "compute", "values": tools[tool], "context": {}})
        answer = ask(request)
        assert "failure" not in answer, f"seed {SEED}, run {run}: {json.dumps(request)[:300]}\n{answer.get('detail')}"
