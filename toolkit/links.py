"""Links that carry a form's values in the address's fragment (after the #), which a browser never sends to any
server: a draft passed on, a team's invitation, a member's reply.

One place encodes and decodes them, and reads them as strictly as a record file (`records`): a size limit before
anything else, a version, the settings they were made under, raw deflate (zlib, wbits -15) then base64url, strict
JSON, and a record's limits on what is inside. The page only moves the text between the address and Python."""

from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from . import records

PREFIX = "swt"
VERSION = 1
# A browser keeps far longer addresses, but chat tools and mail clients cut or wrap long ones; a team of 30's
# replies are a few hundred characters each.
MAX_CHARS = 8_000
MAX_INFLATED = 64_000
KINDS = ("draft", "invite", "reply")
FILE_FORMAT = "toolkit-link"  # the same link as a small file: {"format", "version", "link"}
_DATA = re.compile(r"^[A-Za-z0-9_-]+$")
_START = re.compile(r"#?\s*(swt[^.\s#]{0,8}\.[^\s#]*)")


@dataclass(frozen=True)
class Link:
    kind: str
    tool: str
    payload: dict[str, Any]


def fingerprint(org: dict[str, Any]) -> str:
    """Eight hex digits naming the settings a link's meaning depends on: the organisation and its policy. A link
    made on another organisation's copy of the toolkit (or under other rules) does not match."""
    policy = org.get("policy") if isinstance(org.get("policy"), dict) else {}
    counts = org.get("counts") if isinstance(org.get("counts"), dict) else {}
    basis = {"name": org.get("name"), "anchor_days": policy.get("anchor_days"), "core": policy.get("core_hours"),
             "min": policy.get("min_days_together"), "group": counts.get("smallest_group")}
    return f"{zlib.crc32(json.dumps(basis, sort_keys=True).encode()):08x}"


def make(kind: str, tool: str, payload: dict[str, Any], org: dict[str, Any]) -> str:
    """The fragment (without its #) carrying `payload`: swt1.<kind>.<tool>.<settings>.<data>."""
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = base64.urlsafe_b64encode(packer.compress(raw) + packer.flush()).decode().rstrip("=")
    return f"{PREFIX}{VERSION}.{kind}.{tool}.{fingerprint(org)}.{data}"


def find(text: Any) -> str | None:
    """The link's own part in what was pasted (a whole address, the part after #, or text around it), or None."""
    if not isinstance(text, str):
        return None
    match = _START.search(text[: MAX_CHARS * 2])
    return match.group(1) if match else None


def read(text: Any, tool: str, org: dict[str, Any], what: str = "The link") -> Link | str:
    """The link inside `text` for this page's `tool`, or why it will not do, in words that begin with `what`."""
    if isinstance(text, str) and len(text) > MAX_CHARS * 2:
        return f"{what} is too long to be one made by this toolkit."
    fragment = find(text)
    if fragment is None:
        return f"{what} is not a link made by this toolkit: it has no “#swt” part. Copy the whole link again."
    if len(fragment) > MAX_CHARS:
        return f"{what} is too long to be one made by this toolkit ({len(fragment):,} characters; the limit is {MAX_CHARS:,})."
    parts = fragment.split(".")
    version = parts[0][len(PREFIX):]
    if version != str(VERSION):
        newer = version.isdigit() and int(version) > VERSION
        return (f"{what} was made by a newer version of the toolkit; open it on the site it came from, or ask for "
                "this site to be updated." if newer else f"{what} is in a form this page does not know.")
    if len(parts) != 5 or parts[1] not in KINDS or not _DATA.match(parts[4]):
        return f"{what} is damaged: part of it is missing or was changed. Copy the whole link again."
    kind, made_for, settings, data = parts[1], parts[2], parts[3], parts[4]
    if made_for != tool:
        return f"{what} belongs to another tool of the toolkit ({made_for.replace('_', ' ')}), so it cannot be opened here."
    if settings != fingerprint(org):
        return (f"{what} was made on a copy of the toolkit with other settings (another organisation's site, or "
                "this one before its rules changed), so it cannot be read here. Ask for a link made on this site.")
    try:
        packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(packed, MAX_INFLATED)
        if unpacker.unconsumed_tail or not unpacker.eof:
            return (f"{what} holds more than a link from this toolkit can." if unpacker.unconsumed_tail
                    else f"{what} is damaged: it was cut short. Copy the whole link again.")
        payload = records.strict_json(raw.decode("utf-8"))
    except records.NotStrictJSON as exc:
        return f"{what} cannot be read: {exc}."
    except (ValueError, zlib.error, UnicodeDecodeError):
        return f"{what} is damaged: part of it is missing or was changed. Copy the whole link again."
    if not isinstance(payload, dict):
        return f"{what} is damaged: it does not hold what a link from this toolkit holds."
    problem = records.shape_problem(payload)
    if problem:
        return f"{what} cannot be read: {problem}."
    return Link(kind, tool, payload)


# ---------------------------------------------------------------- a draft passed on (any tool that offers it)

DRAFT = {"kind": "draft", "label": "Share this draft as a link",
         "contains": "everything typed in this form, and nothing else"}


def share_draft(values: dict[str, Any]) -> dict[str, Any]:
    """A draft's link carries the form's values as typed."""
    return {"values": values}


def open_draft(link: Link) -> dict[str, Any] | str:
    values = link.payload.get("values")
    if not isinstance(values, dict):
        return "The link is damaged: it does not hold a draft."
    return {"values": values, "message": "Opened the draft shared with you by link: it replaced what was in the form, "
                                         "and is now kept in this browser only."}


def from_file(text: Any) -> str | None:
    """The link inside a small link file ({"format": "toolkit-link", ...}), or None when the text is not one."""
    if not isinstance(text, str) or len(text) > MAX_CHARS * 2 or FILE_FORMAT not in text[:200]:
        return None
    try:
        data = records.strict_json(text)
    except ValueError:
        return None
    return data["link"] if isinstance(data, dict) and data.get("format") == FILE_FORMAT and isinstance(
        data.get("link"), str) else None
