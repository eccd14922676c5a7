"""The request's questions, declared once: the employee's request asks them, the decision record shows them
again (filled from the request's file), so both tools read the same answers the same way."""

from __future__ import annotations

from typing import Any

from ..forms import Field, Group, Repeat
from .model import DAY_KEYS, PLACES, PREVIOUS_STATES
from .rules import Rules

NAME_LIMIT = 80
WORDS_LIMIT = 2000
MAX_PREVIOUS = 5


def _how(rules: Rules, you: bool) -> tuple[str, str]:
    """The label and hint of "how it could work": under NI the law asks for the effect and how to deal with it."""
    if rules.law and rules.law.explain_effect:
        return ("The effect on the organisation, and how it could be dealt with",
                f"{rules.source[0].upper() + rules.source[1:]} asks a request to say what effect the change would "
                "have on the organisation and how that could be dealt with: the work, cover, colleagues." if you
                else "")
    return ("How the change could work (optional)",
            "You do not have to say what effect it would have on the organisation; saying how the work would be "
            "covered often helps." if you else "")


def circumstance_options(rules: Rules) -> tuple[tuple[str, str], ...]:
    """The circumstances a request must rest on under the law (Australia; Ireland's caring request), as options keyed
    c1, c2, …; () where the law lists none. Where the law has kinds of request, the kind that lists them."""
    lw = rules.law
    if not lw:
        return ()
    for kind in [lw.kind] + [k for k, _ in lw.kinds]:
        listed = lw.of_kind(kind).value("circumstances") if kind else lw.value("circumstances")
        if listed:
            return tuple((f"c{i + 1}", words) for i, words in enumerate(listed))
    return ()


def _circumstance_kinds(rules: Rules) -> tuple[str, ...]:
    lw = rules.law
    return tuple(k for k, _ in lw.kinds if lw.of_kind(k).value("circumstances")) if lw and lw.kinds else ()


def _service_hint(rules: Rules) -> str:
    lw = rules.law
    if lw is None:
        return (f"Under {rules.source} a formal request can be made after {rules.qualifying_weeks} weeks' "
                "employment." if rules.qualifying_weeks else
                "Only needed to tell whether a qualifying period applies; leave it empty if you like.")
    laws = [lw.of_kind(k) for k, _ in lw.kinds] or [lw]
    said = []
    for one in laws:
        if not one.has_qualifying_period:
            continue
        if one.service_before_start:
            said.append(f"Under {one.name} an approved arrangement cannot start before {one.service_words} "
                        "continuous employment.")
        else:
            said.append(f"Under {one.name} a statutory request can be made after {one.service_words} continuous "
                        "employment.")
    return " ".join(said) or "Only needed to tell whether a qualifying period applies; leave it empty if you like."


def _reason_required(rules: Rules) -> bool:
    lw = rules.law
    return bool(lw and any(lw.of_kind(k).reason_required for k in ([k for k, _ in lw.kinds] or [""])))


def request_groups(rules: Rules, *, by: str) -> list[Any]:
    """The request's groups of questions. `by` is "employee" (worded to the person asking) or "manager"."""
    you = by == "employee"
    how_label, how_hint = _how(rules, you)
    service_hint = _service_hint(rules)
    lw = rules.law
    kinds: tuple[Any, ...] = ()
    if lw and lw.kinds:
        kinds = (Field("request.kind", "The kind of request", kind="select", options=lw.kinds, default=lw.kinds[0][0],
                       hint=f"The law has {len(lw.kinds)} kinds of request, each with its own rules: " + "; ".join(
                                f"{words.split(' (')[0].lower()}, under {lw.of_kind(k).citation}"
                                for k, words in lw.kinds) + "."),)
    circumstances = circumstance_options(rules)
    if circumstances:
        shown = _circumstance_kinds(rules)
        kinds += (Field("request.circumstance", "The circumstance your request rests on" if you else
                        "The circumstance the request rests on", kind="select",
                        options=(("", "Choose the one that applies"),) + circumstances, default="",
                        shown_when=("kind", shown) if shown else None,
                        hint="The law lets a statutory request rest only on one of these. If none applies you can "
                             "still ask informally." if you else
                        "The law lets a statutory request rest only on one of these."),)
    who = Group("Who" if you else "The request", (
        *kinds,
        Field("request.employee", "Your name" if you else "Employee's name", width="m", max_length=NAME_LIMIT),
        Field("request.manager", "Your manager's name (optional)" if you else "Manager deciding (optional)",
              width="m", max_length=NAME_LIMIT),
        Field("request.made", "Date of the request" if you else "Date written on the request", kind="date",
              width="s", hint="e.g. 2026-12-01 or 1/12/2026." + (" Leave empty for today." if you else
                                                          " Leave empty if it is the day it was received.")),
        Field("request.employed_since", "Date you started working here (optional)" if you else
              "Date the employee started (optional)", kind="date", width="s", hint=service_hint),
    ))
    change = Group("The change asked for" if not you else "The change you are asking for", (
        Field("request.hours_now", "Contracted hours a week now (optional)", kind="number", width="s",
              suffix="hours"),
        Field("request.hours_asked", "Hours a week asked for (leave empty for no change)", kind="number", width="s",
              suffix="hours"),
        Field("request.start_time", "Start time asked for (optional)", kind="time", width="s", hint="e.g. 08:00."),
        Field("request.finish_time", "Finish time asked for (optional)", kind="time", width="s", hint="e.g. 16:00."),
        *(Field(f"request.week.{key}", day, kind="select", options=PLACES, default="")
          for key, day in zip(DAY_KEYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                         "Sunday"))),
        Field("request.change_words", "The change in your own words" if you else "The change in the employee's words",
              kind="textarea", max_length=WORDS_LIMIT,
              hint="e.g. “Compressed hours: 37 hours over four days, Monday to Thursday.” Needed if the boxes "
                   "above do not say it all."),
        Field("request.start_date", "Date the change would start", kind="date", width="s",
              hint="e.g. 2027-02-01 or 1/2/2027."),
    ), hint="Set what changes: hours, times, the days and where you work on them. Leave a day on “No change” if "
            "it stays as it is." if you else "")
    more = Group("More about it" if you else "What the employee added", (
        Field("request.how_it_works", how_label, kind="textarea", hint=how_hint, max_length=WORDS_LIMIT),
        Field("request.trial", "Happy to try it first for a trial period" if you else "Trial offered by the employee",
              kind="checkbox"),
        Field("request.trial_weeks", "Trial length (optional)", kind="number", width="s", suffix="weeks"),
        Field("request.reason", ("Why you are asking" if you else "The employee's reason") + (
            "" if _reason_required(rules) else " (optional)"), kind="textarea", max_length=WORDS_LIMIT,
              hint=(f"{rules.source[0].upper() + rules.source[1:]} asks a request to give the reasons for it." if
                    _reason_required(rules) else "You do not have to give a reason.") if you else ""),
        Field("request.health_or_care", "It is linked to a disability, a health condition or caring for someone",
              kind="checkbox",
              hint="Then it may also be a request for a reasonable adjustment, or linked to caring "
                   "responsibilities: " + ("the Equality Act 2010 applies" if rules.jurisdiction == "GB" else
                                           "equality law may apply") + " as well as the rules for flexible working."),
    ))
    previous = Repeat("previous", "Earlier flexible working requests to this employer" if you else
                      "The employee's earlier requests", "earlier request", (
        Field("made", "Date of that request", kind="date", width="s"),
        Field("state", "Where it stands", kind="select", options=PREVIOUS_STATES, default="decided"),
    ), min_rows=0, max_rows=MAX_PREVIOUS, hint="A request says whether an earlier one was made, and when. List "
                                               "the most recent (at least those of the last 12 months, which "
                                               "count towards the limit); leave this empty if there was none.")
    return [who, change, more, previous]
