"""What changed between an agreement and the one it revises, from a snapshot of each one's typed values.

The snapshot is made from the raw values (not the validated team), so an earlier agreement whose review date has
passed, or which no longer passes every check, can still be compared with."""

from __future__ import annotations

from typing import Any

from .model import CHANNEL_KINDS, DAY_KEYS, DAYS, Change, PLACE_SHORT


def _s(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _rows(values: dict[str, Any], key: str) -> list[dict[str, Any]]:
    raw = values.get(key)
    raw = list(raw.values()) if isinstance(raw, dict) else raw if isinstance(raw, list) else []
    return [row for row in raw if isinstance(row, dict)]


def _member(row: dict[str, Any]) -> str:
    days = ", ".join(f"{day[:3]} {PLACE_SHORT.get(_s(row.get(key)), 'not working').lower()}"
                     for key, day in zip(DAY_KEYS, DAYS) if _s(row.get(key)) not in ("", "off"))
    hours = f"{_s(row.get('hours'))} hours, {_s(row.get('start'))} to {_s(row.get('finish'))}"
    zone = f", UTC{_s(row.get('timezone'))}" if _s(row.get("timezone")) else ""
    rotas = f", covers {_s(row.get('rotas'))}" if _s(row.get("rotas")) else ""
    return f"{days}; {hours}{zone}{rotas}"


def snapshot(values: dict[str, Any]) -> dict[str, Any]:
    """The parts of an agreement a revision compares, as plain text."""
    team = values.get("team") if isinstance(values.get("team"), dict) else {}
    rules = values.get("rules") if isinstance(values.get("rules"), dict) else {}
    ways = values.get("ways") if isinstance(values.get("ways"), dict) else {}
    channels = values.get("channels") if isinstance(values.get("channels"), dict) else {}
    anchors = rules.get("anchor_days") if isinstance(rules.get("anchor_days"), list) else []
    return {
        "agreed": _s(team.get("agreed")),
        "review": _s(team.get("review")),
        "members": {_s(r.get("name")): _member(r) for r in _rows(values, "members") if _s(r.get("name"))},
        "rotas": {_s(r.get("name")): ", ".join(d for d in r.get("days", []) if isinstance(d, str))
                  if isinstance(r.get("days"), list) else "" for r in _rows(values, "rotas") if _s(r.get("name"))},
        "meetings": {_s(r.get("name")): f"{_s(r.get('day'))} {_s(r.get('start'))} to {_s(r.get('end'))}"
                     for r in _rows(values, "meetings") if _s(r.get("name"))},
        "rules": {
            "anchor days": ", ".join(a for a in anchors if isinstance(a, str)) or "none",
            "minimum days together": _s(rules.get("min_days")),
            "core hours": f"{_s(rules.get('core_start'))} to {_s(rules.get('core_end'))}"
            if _s(rules.get("core_start")) else "none",
            "desks": _s(rules.get("desks")) or "not given",
        },
        "channels": {kind: " / ".join(_s(channels.get(kind, {}).get(part)) for part in ("channel", "response"))
                     if isinstance(channels.get(kind), dict) else " / " for kind, _ in CHANNEL_KINDS},
        "ways": {key: _s(text) for key, text in ways.items() if isinstance(text, str) and text.strip()},
    }


def _named(kind: str, before: dict[str, str], after: dict[str, str]) -> list[Change]:
    out = [Change(kind, f"{name} joined the agreement: {after[name]}.") if kind == "member"
           else Change(kind, f"Added {kind} “{name}”: {after[name]}.") for name in after if name not in before]
    out += [Change(kind, f"{name} is no longer in the agreement.") if kind == "member"
            else Change(kind, f"Removed {kind} “{name}”.") for name in before if name not in after]
    out += [Change(kind, f"{name}: was {before[name]}; now {after[name]}.") for name in after
            if name in before and before[name] != after[name]]
    return out


def compare(before: dict[str, Any], after: dict[str, Any], titles: dict[str, str]) -> tuple[Change, ...]:
    """The changes from `before` to `after`, in the order the agreement reads. `titles`: section id -> title."""
    def part(key: str) -> dict[str, str]:
        value = before.get(key)
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    out = _named("member", part("members"), after["members"])
    out += _named("rota", part("rotas"), after["rotas"])
    out += _named("meeting", part("meetings"), after["meetings"])
    for key, now in after["rules"].items():
        if part("rules").get(key, now) != now:
            out.append(Change("rules", f"The {key}: was {part('rules')[key]}; now {now}."))
    kinds = dict(CHANNEL_KINDS)
    for key, now in after["channels"].items():
        if part("channels").get(key, now) != now:
            out.append(Change("channels", f"{kinds[key]}: was “{part('channels')[key]}”; now “{now}”."))
    old_ways = part("ways")
    for key, title in titles.items():
        was, now = old_ways.get(key, ""), after["ways"].get(key, "")
        if was != now:
            verb = "written" if not was else "cleared" if not now else "reworded"
            out.append(Change("section", f"{title}: {verb}."))
    if part("review") != after["review"] and before.get("review") != after["review"]:
        out.append(Change("review", f"The review date: was {before.get('review') or 'not set'}; "
                                    f"now {after['review'] or 'three months after the date agreed'}."))
    return tuple(out)
