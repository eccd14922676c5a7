"""A checklist's progress: done per section and what is still open."""

from __future__ import annotations

from .model import Filled, Result, SectionSummary


def compute(filled: Filled) -> Result:
    summaries = tuple(
        SectionSummary(s, sum(filled.entries[i.id].done for i in s.items), len(s.items))
        for s in filled.checklist.sections
    )
    open_items = tuple(i for i in filled.checklist.items() if not filled.entries[i.id].done)
    total = sum(s.total for s in summaries)
    return Result(filled, summaries, total - len(open_items), total, open_items)
