"""Command line: run any tool on a saved record or a JSON file of values, as the browser would."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import bridge, tools


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="smart-working", description=__doc__)
    parser.add_argument("tool", choices=tools.names(), help="which tool to run")
    parser.add_argument("file", type=Path, help="a record downloaded from the site (JSON)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    args = parser.parse_args(argv)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"smart-working: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    loaded = json.loads(bridge.handle(json.dumps({"tool": args.tool, "action": "import", "text": text})))
    if not loaded["ok"]:
        print("\n".join(f"smart-working: {e['message']}" for e in loaded["errors"]), file=sys.stderr)
        return 1
    answer = json.loads(bridge.handle(json.dumps({"tool": args.tool, "values": loaded["values"]})))
    if not answer.get("ok"):
        for error in answer.get("errors", []):
            print(f"smart-working: {error['field'] or 'input'}: {error['message']}", file=sys.stderr)
        return 1
    wanted = "text/markdown" if args.format == "markdown" else "application/json"
    print(next(d["content"] for d in answer["downloads"] if d["mime"] == wanted))
    return 0
