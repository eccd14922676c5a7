"""Taking records in: members from the planner's JSON downloads and from the team's replies to an invitation
(links or their small files), and a saved agreement loaded back to revise; and the links the drafter makes.

The planner's record is read through `records`, like any typed input: this package never imports the planner.
Links are read only through `toolkit.links`, as strictly as files."""

from __future__ import annotations

import json
from typing import Any

from .. import links, records
from ..planner import record as planner_record  # a tool reads another's files only through its record module
from ..forms import FieldError, clock, group_of, hours_as_minutes, text
from ..documents import table
from ..safe import esc
from .model import DAY_KEYS, DAYS, PLACE_SHORT
from .revision import snapshot
from .schema import MAX_MEETINGS, MAX_MEMBERS, MAX_ROTAS, NAME_LIMIT, NAME, SHORT_LIMIT

# A member's row as a reply carries it: the row's own questions, and nothing else from the form.
ROW_KEYS = ("name", "role", "hours", "start", "finish", "timezone", *DAY_KEYS, "rotas")
ROW_LABELS = {"name": "Name", "role": "Role", "hours": "Contracted hours", "start": "Usual start",
              "finish": "Usual finish", "timezone": "Time zone", "rotas": "Rotas", **dict(zip(DAY_KEYS, DAYS))}
BROWSER_ONLY = ("It is all in the link itself, after the “#”, which a browser never sends to a website: nothing is "
                "uploaded. Anyone who has the link can read it, so send it only to the people it is for.")
INVITE_WORDS = ("This link holds the team's name, time zone and site, its rules (anchor days, minimum days together, "
                "core hours, desks, a full-time week), its rotas and its regular meetings: no one's name or week, "
                "and none of the ways of working. " + BROWSER_ONLY)
REPLY_WORDS = ("This link holds your row (your name, role, hours, time zone, rotas and where you usually are each "
               "day) and the team's name: nothing else from the form. " + BROWSER_ONLY)


def imported(values: dict[str, Any]) -> dict[str, Any]:
    """A saved agreement loaded back becomes the earlier agreement this one revises."""
    loaded = {k: v for k, v in values.items() if k not in ("previous", "invitation")}
    return {**loaded, "previous": json.dumps(snapshot(loaded), ensure_ascii=False)}


def _s(value: Any, limit: int = SHORT_LIMIT) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _row(raw: Any) -> dict[str, str]:
    """A member's row as plain text, with only a row's own questions."""
    raw = raw if isinstance(raw, dict) else {}
    return {key: _s(raw.get(key), 200) for key in ROW_KEYS}


def _rows(values: dict[str, Any], key: str, limit: int) -> list[Any]:
    raw = values.get(key)
    raw = [raw[k] for k in sorted(raw, key=lambda k: int(k) if str(k).isdigit() else 0)] if isinstance(raw, dict) else raw
    return raw[:limit] if isinstance(raw, list) else []


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-")[:40] or "team"


# ---------------------------------------------------------------- links: the invitation and a reply

def make_link(kind: str, values: dict[str, Any], org: dict[str, Any]) -> dict[str, Any] | str:
    """What an invitation or a reply carries, with what it holds in words; or why it cannot be made yet."""
    team = group_of(values, "team")
    if kind == "invite":
        name = _s(team.get("name"))
        if not name:
            return "Give the team's name first: the invitation carries it, and replies are matched to it."
        rules = group_of(values, "rules")
        payload = {"team": {k: _s(team.get(k)) for k in ("name", "timezone", "site")},
                   "rules": {k: v for k, v in rules.items() if isinstance(v, (str, list))},
                   "rotas": _rows(values, "rotas", MAX_ROTAS), "meetings": _rows(values, "meetings", MAX_MEETINGS)}
        return {"payload": payload, "contains": INVITE_WORDS, "file": f"invitation-{_slug(name)}"}
    invitation = _invitation(values.get("invitation"))
    if invitation is None:
        return "Open the invitation link your manager sent first: a reply goes back to the team it came from."
    rows = [_row(r) for r in _rows(values, "members", MAX_MEMBERS) if isinstance(r, dict) and _s(r.get("name"))]
    if not rows:
        return "Fill in your row first: your name at least, and where you usually are each day."
    return {"payload": {"team": invitation, "members": rows}, "contains": REPLY_WORDS,
            "file": f"reply-{_slug(rows[0]['name'])}-to-{_slug(invitation)}"}


def _invitation(raw: Any) -> str | None:
    """The team's name from the invitation carried with the form, or None."""
    try:
        data = records.strict_json(raw) if isinstance(raw, str) and 0 < len(raw) <= 1000 else None
    except ValueError:
        return None
    return data["team"] if isinstance(data, dict) and isinstance(data.get("team"), str) and data["team"] else None


def open_link(link: links.Link, org: dict[str, Any]) -> dict[str, Any] | str:
    """An invitation fills the team's frame for a member to add their row; a reply goes to the gathered replies."""
    payload = link.payload
    if link.kind == "reply":
        return {"gather": "members", "message": "You opened a reply from a member of the team: it is shown with the "
                                                "members below."}
    team = payload.get("team") if isinstance(payload.get("team"), dict) else None
    if team is None or not _s(team.get("name")):
        return "The invitation is damaged: it does not name a team. Ask for the link again."
    name = _s(team.get("name"))
    values = {"team": {k: _s(team.get(k)) for k in ("name", "timezone", "site")},
              "rules": payload.get("rules") if isinstance(payload.get("rules"), dict) else {},
              "rotas": payload.get("rotas") if isinstance(payload.get("rotas"), list) else [],
              "meetings": payload.get("meetings") if isinstance(payload.get("meetings"), list) else [],
              "invitation": json.dumps({"team": name}, ensure_ascii=False)}
    return {"values": values, "message": f"You opened the invitation to {name}'s team agreement. Fill in your own "
                                         "row under “Who is in the team” (or add your planner file), then press "
                                         "“Make my reply link” and send the link back to your manager. Nothing is "
                                         "sent anywhere until you send it yourself."}


# ---------------------------------------------------------------- a whole record in

def _plan_is_a_member(record: dict[str, Any]) -> str:
    """A planner file chosen with "Load a saved record": it is one member's row, not an agreement."""
    return ("That file is a plan, one person's week: add it to the team with “Add members from planner or reply "
            "files (JSON)” under “Who is in the team”. This button loads a team agreement saved from this page.")


# Records of other tools this page's "Load a saved record" knows (toolkit.bridge): a plan, to say where it goes.
TAKES = {planner_record.NAME: _plan_is_a_member}


# ---------------------------------------------------------------- rows in: planner files and replies

def _member(data: dict[str, Any]) -> dict[str, Any] | str:
    """A member row from a planner record, or why the record does not give one."""
    week = planner_record.week(data)
    if isinstance(week, str):
        return f"it {week}."
    role, places = week
    hours, start, finish = role.get("hours"), role.get("start"), role.get("finish")
    if hours_as_minutes(hours, "hours")[1] or clock(start, label="start")[1] or clock(finish, label="finish")[1]:
        return "its contracted hours or usual start and finish are missing or damaged."
    name, problem = text(role.get("name"), label="name", max_length=NAME_LIMIT)
    row = {"name": "" if problem else name, "role": "", "hours": hours, "start": start, "finish": finish,
           "timezone": "", "rotas": ""}
    row.update({key: places.get(day) or "off" for key, day in zip(DAY_KEYS, DAYS)})
    return row


def _reply(source: str, text_: str, team: str, org: dict[str, Any]) -> list[dict[str, str]] | str:
    """The rows in a reply link (or its small file), or why it will not do, beginning with the source's name."""
    link = links.read(links.from_file(text_) or text_, NAME, org, source)
    if isinstance(link, str):
        return link
    if link.kind != "reply":
        return f"{source} is {'an invitation' if link.kind == 'invite' else 'a shared draft'}, not a reply from a member."
    for_team = link.payload.get("team")
    rows = link.payload.get("members")
    if not isinstance(for_team, str) or not isinstance(rows, list) or not rows or len(rows) > MAX_MEMBERS:
        return f"{source} is damaged: it does not hold a member's row. Ask for the reply again."
    if team and for_team.strip().casefold() != team.strip().casefold():
        return (f"{source} is a reply for the team “{for_team}”, not “{team}”, so it was not added. Check that it "
                "was sent to the right team.")
    return [_row(r) for r in rows]


def _side_by_side(name: str, source: str, now: dict[str, Any], new: dict[str, str]) -> str:
    def said(key: str, value: Any) -> str:
        value = _s(value, 200)
        return PLACE_SHORT.get(value, value) if key in DAY_KEYS else value or "—"
    rows = [(esc(ROW_LABELS[k]), [esc(said(k, now.get(k))), esc(said(k, new.get(k)))]) for k in ROW_KEYS
            if said(k, now.get(k)) != said(k, new.get(k))]
    return table(esc(f"{name}: the row in the form now, and the reply in {source}"),
                 ("Question", "In the form now", "In the reply"), rows)


def import_rows(repeat: str, files: Any, count: Any, current: Any = None, org: Any = None) -> dict[str, Any]:
    """Rows for `repeat` from the files chosen or links pasted ([{name, text}]), after `count` rows already there.

    Members are merged by name: a new name is a new row; a reply from someone already in the form (`current`: the
    form's values) is shown beside their row to accept; two replies for one name keep the first. Every source is
    added, shown, or named with the reason it was not: nothing is dropped without a word."""
    field = f"import.{repeat}"
    if repeat != "members" or not isinstance(files, list) or not isinstance(count, int):
        return {"ok": False, "errors": [FieldError(field, "Those files could not be read. Choose them again.").to_dict()]}
    values = current if isinstance(current, dict) else {}
    org = org if isinstance(org, dict) else {}
    team = _s(group_of(values, "team").get("name"))
    here = {_s(r.get("name")).casefold(): r for r in _rows(values, "members", MAX_MEMBERS)
            if isinstance(r, dict) and _s(r.get("name"))}
    rows, changes, problems, notes = [], [], [], []
    came_from: dict[str, str] = {}
    room = MAX_MEMBERS - count
    for i, item in enumerate(files[:MAX_MEMBERS * 2]):
        name = item.get("name") if isinstance(item, dict) and isinstance(item.get("name"), str) else f"file {i + 1}"
        name = name[:100]
        content = item.get("text") if isinstance(item, dict) else None
        # A link, its small file, or a pasted line that is no JSON file: read as a reply (which says what is wrong).
        if isinstance(content, str) and (links.find(content) or links.from_file(content)
                                         or not content.lstrip().startswith(("{", "["))):
            got = _reply(name, content, team, org)
            if isinstance(got, str):
                problems.append(got)
                continue
        else:
            data = records.open_record(content, planner_record.NAME)
            member = _member(data) if isinstance(data, dict) else None
            if isinstance(data, str):
                problems.append(f"{name}: {_planner_words(data)}")
                continue
            if isinstance(member, str):
                problems.append(f"{name}: not added, because {member}")
                continue
            got = [member]
        for row in got:
            who = _s(row.get("name"))
            key = who.casefold()
            if key and key in came_from:
                problems.append(f"{name}: a reply from “{who}” came already from {came_from[key]}, so this one was "
                                "not added; two members cannot share a name. If it is the newer one, add it on its "
                                "own, or ask them to add an initial.")
            elif key and key in here:
                came_from[key] = name
                if all(_s(here[key].get(k), 200) == _s(row.get(k), 200) for k in ROW_KEYS):
                    notes.append(f"{name}: {who}'s reply matches their row already.")
                else:
                    changes.append({"key": "name", "value": who, "row": row, "label": f"Accept {who}'s reply",
                                    "html": _side_by_side(who, name, here[key], row)})
                    notes.append(f"{name}: {who} is already in the team; their reply is shown beside their row to accept.")
            elif len(rows) >= room:
                problems.append(f"{name}: not added, because the team already has the most members the drafter "
                                f"takes ({MAX_MEMBERS}).")
            else:
                came_from[key] = name
                rows.append(row)
                unnamed = "" if who else "; type their name"
                notes.append(f"{name} added as member {count + len(rows)}{unnamed}.")
    errors = [FieldError(field, " ".join(problems)).to_dict()] if problems else []
    return {"ok": True, "rows": rows, "changes": changes, "errors": errors, "notes": notes}


def _planner_words(message: str) -> str:
    """records' reasons, said of a planner file."""
    if "different tool" in message:
        return "not added, because it is not a plan from the where & when planner."
    return "not added. " + message
