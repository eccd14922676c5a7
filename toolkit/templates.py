"""Where the organisation's editable templates live: `templates/` in the repository, or inside the wheel."""

from __future__ import annotations

from pathlib import Path

# In the browser the wheel carries a copy of templates/ as toolkit/_templates; in a checkout it is beside toolkit/.
_PACKED = Path(__file__).resolve().parent / "_templates"
_SOURCE = Path(__file__).resolve().parent.parent / "templates"


def root() -> Path:
    return _PACKED if _PACKED.is_dir() else _SOURCE


def read(relative: str) -> str:
    return (root() / relative).read_text(encoding="utf-8")


def names(folder: str, suffix: str) -> list[str]:
    """The stems of the files in one template folder, sorted."""
    return sorted(p.stem for p in (root() / folder).glob(f"*{suffix}"))


def example(tool: str) -> dict:
    """A tool's example: `templates/examples/<tool>.json`, data an organisation may replace."""
    import json

    return json.loads(read(f"examples/{tool}.json"))
