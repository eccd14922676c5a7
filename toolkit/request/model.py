"""The employee's request as validate builds it, and what compute makes of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..flexible_working.letters import Letter
from ..flexible_working.model import Request
from ..flexible_working.reading import Standing
from ..flexible_working.rules import Rules
from ..flexible_working.timeline import Event


@dataclass(frozen=True)
class Asked:
    """A request read from the form, where it stands under the rules, and the day it was worked out."""

    request: Request
    standing: Standing
    rules: Rules
    org: dict[str, Any]
    today: date


@dataclass(frozen=True)
class Result:
    """The request as a letter, and its dates."""

    asked: Asked
    letter: Letter
    events: tuple[Event, ...]
