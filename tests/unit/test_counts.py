"""The counts for HR hide small groups so that none can be worked out: an adversary that knows everything a file
or the team counts page shows (the team's size, the day's other groups, totals and sums across teams and sites)
tries to recover every hidden number by subtraction, over many random teams (seeded), and never does."""

from __future__ import annotations

import json
import random
from itertools import product

import pytest

from tests.unit.test_team_agreement import ORG, TODAY, member, team_values
from toolkit import counts, team_agreement, team_counts
from toolkit.forms import DAYS
from toolkit.team_agreement.rendering import hr_counts_record
from toolkit.team_counts.model import Picture

SEED = 20261130
LETTERS = "ohe-"  # office, home, elsewhere, not working, as test_team_agreement's member() reads them


def _known(value, smallest, version):
    """What a shown cell tells the adversary: (least, most), most None when unbounded."""
    if isinstance(value, int):
        return value, value
    if version == 1 or value == counts.fewer(smallest):
        return 1, smallest - 1
    return 0, None


def recovered(record):
    """Every hidden cell of a counts file that subtraction pins to one number: [(day, place, value)]. The adversary
    tries every size the file allows, and every split of each day's hidden people among its hidden groups; and,
    knowing the rule (it is published), keeps only the splits the rule would have shown as the file shows them."""
    k, version = record["smallest_group"], record["version"]
    size = record["size"]
    sizes = [size] if isinstance(size, int) else range(1, k)
    seen: dict[tuple[str, str], set[int]] = {}
    for n in sizes:
        options = []
        for day in record["days"]:
            known = {p: _known(day[p], k, version) for p in counts.PLACES}
            hidden = [p for p in counts.PLACES if not isinstance(day[p], int)]
            rest = n - sum(day[p] for p in counts.PLACES if isinstance(day[p], int))
            ways = [split for split in product(*(range(known[p][0], min(known[p][1] or n, rest) + 1) for p in hidden))
                    if sum(split) == rest and (version == 1 or _shown_so(day, dict(zip(hidden, split)), k))]
            if not ways:
                break
            options.append((day["day"], hidden, ways))
        else:  # every day is possible with this size
            for name, hidden, ways in options:
                for split in ways:
                    for p, v in zip(hidden, split):
                        seen.setdefault((name, p), set()).add(v)
    return [(d, p, next(iter(v))) for (d, p), v in seen.items() if len(v) == 1]


def _shown_so(day, split, smallest):
    """Whether the rule, given the day with `split` in its hidden groups, shows it as the file does."""
    cells = {p: split.get(p, day[p]) for p in counts.PLACES}
    return counts.hide(cells, smallest) == {p: day[p] for p in counts.PLACES}


def random_team(rng):
    n = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20])
    weights = [rng.random() for _ in LETTERS]
    weeks = ["".join(rng.choices(LETTERS, weights)[0] for _ in range(7)) for _ in range(n)]
    weeks = [w if w.strip("-") else "h" + w[1:] for w in weeks]  # everyone works a day at least
    return [member(f"M{i}", w, hours=str(7 * sum(c != "-" for c in w))) for i, w in enumerate(weeks)]


def agreement_counts(members, smallest):
    settings = {**ORG, "counts": {"smallest_group": smallest}}
    team = team_agreement.validate(team_values(members, anchors=()), settings, today=TODAY)
    assert not isinstance(team, list), team
    return hr_counts_record(team_agreement.compute(team))


def test_the_example_teams_monday_and_tuesday_are_not_given_away():
    # The defect: size 8, Monday office "fewer than 5", home 5, elsewhere 0, off 0 made the office exactly 3.
    record = agreement_counts([{**m, "rotas": ""} for m in team_agreement.example()["members"]], 5)
    assert record["version"] == counts.VERSION and "hidden to protect small groups" in record["note"]
    monday = record["days"][0]
    assert all(monday[p] == counts.HIDDEN for p in counts.PLACES) and monday["desks"] == counts.HIDDEN
    assert recovered(record) == []


def test_no_hidden_group_of_a_random_team_agreement_can_be_worked_out():
    rng = random.Random(SEED)
    for _ in range(150):
        smallest = rng.choice([2, 3, 5, 5, 5, 10])
        members = random_team(rng)
        record = agreement_counts(members, smallest)
        assert recovered(record) == [], (smallest, [m for m in members], record)
        for day in record["days"]:  # and every group smaller than the threshold is hidden
            assert all(not isinstance(day[p], int) or day[p] == 0 or day[p] >= smallest for p in counts.PLACES)


@pytest.mark.parametrize("smallest", [2, 3, 5])
def test_every_day_of_every_small_team_is_safe(smallest):
    # Exhaustive: every way up to 13 people can be split between the four groups.
    for n in range(1, 14):
        for split in product(range(n + 1), repeat=3):
            if sum(split) > n:
                continue
            cells = dict(zip(counts.PLACES, (*split, n - sum(split))))
            record = {"smallest_group": smallest, "version": counts.VERSION, "size": counts.shown_size(n, smallest),
                      "days": [counts.day_record("Monday", cells, smallest)]}
            assert recovered(record) == [], (n, cells, record)


def test_the_office_stays_shown_unless_it_is_small_itself():
    assert counts.hide({"office": 7, "home": 1, "elsewhere": 0, "off": 0}, 5) == {
        "office": 7, "home": "hidden", "elsewhere": "hidden", "off": "hidden"}
    assert counts.hide({"office": 3, "home": 6, "elsewhere": 0, "off": 0}, 5) == {
        "office": "hidden", "home": "hidden", "elsewhere": "hidden", "off": "hidden"}
    assert counts.hide({"office": 9, "home": 0, "elsewhere": 0, "off": 0}, 5) == {
        "office": 9, "home": 0, "elsewhere": 0, "off": 0}


def test_knowing_the_rule_gives_nothing_away_where_the_old_rule_did():
    # Found by a reviewer against the rule before this one (hide the next smallest, the office last): a team of
    # 7 with 1 in the office and 6 at home showed office and elsewhere hidden, home 6, off 0, and since the
    # office was hidden only when small, it had to be 1.
    for cells in ({"office": 1, "home": 6, "elsewhere": 0, "off": 0}, {"office": 4, "home": 4, "elsewhere": 0, "off": 0}):
        n = sum(cells.values())
        record = {"smallest_group": 5, "version": counts.VERSION, "size": n,
                  "days": [counts.day_record("Monday", cells, 5)]}
        assert recovered(record) == [], record


# ---------------------------------------------------------------- the team counts page

def v1_file(name, site, size, days, smallest):
    """A counts file as format 1 wrote it: a small group "fewer than 5", and nothing else hidden."""
    def shown(n):
        return n if n == 0 or n >= smallest else counts.fewer(smallest)
    return json.dumps({"format": counts.FORMAT, "version": 1, "smallest_group": smallest, "team": name, "site": site,
                       "size": shown(size), "anchor_days": [], "common_days": [],
                       "days": [{"day": DAYS[d], **{p: shown(days[d][p]) for p in counts.PLACES},
                                 "desks": shown(days[d]["office"])} for d in range(7)]})


def v2_file(name, site, size, days, smallest):
    return json.dumps({"format": counts.FORMAT, "version": 2, "smallest_group": smallest, "team": name, "site": site,
                       "size": counts.shown_size(size, smallest), "note": counts.note(smallest),
                       "anchor_days": [], "common_days": [],
                       "days": [counts.day_record(DAYS[d], days[d], smallest) for d in range(7)]})


def random_days(rng, size):
    weights = [rng.random() for _ in counts.PLACES]
    days = []
    for _ in range(7):
        picks = rng.choices(counts.PLACES, weights, k=size)
        days.append({p: picks.count(p) for p in counts.PLACES})
    return days


def page_leaks(result, sizes):
    """What the page shows as a range but subtraction pins: the day's groups must add up to the teams' sizes,
    and the sites' desks to the day's. Interval propagation to a fixed point over everything the page shows."""
    leaks = []
    total = (sum(s[0] for s in sizes), sum(s[1] for s in sizes))
    for j, t in enumerate(result.days):
        x = dict(t.places)
        y = [bounds[j] for _, bounds in result.sites]
        shown_as_range = [("day", p) for p, (lo, hi) in x.items() if lo < hi] + \
                         [("site", i) for i, (lo, hi) in enumerate(y) if lo < hi]
        for _ in range(20):
            x = {p: (max(lo, total[0] - sum(x[q][1] for q in x if q != p)),
                     min(hi, total[1] - sum(x[q][0] for q in x if q != p))) for p, (lo, hi) in x.items()}
            if y:
                office = x["office"]
                y = [(max(lo, office[0] - sum(b[1] for k, b in enumerate(y) if k != i)),
                      min(hi, office[1] - sum(b[0] for k, b in enumerate(y) if k != i))) for i, (lo, hi) in enumerate(y)]
                x["office"] = (max(office[0], sum(b[0] for b in y)), min(office[1], sum(b[1] for b in y)))
        for kind, key in shown_as_range:
            lo, hi = x[key] if kind == "day" else y[key]
            if lo == hi:
                leaks.append((DAYS[t.day], kind, key, lo))
    return leaks


def combine(files, smallest=5):
    values = {"desks": "", "teams": [{"team": json.loads(f)["team"], "site": json.loads(f)["site"], "counts": f}
                                     for f in files]}
    picture = team_counts.validate(values, {**ORG, "counts": {"smallest_group": smallest}})
    assert isinstance(picture, Picture), picture
    return picture, team_counts.compute(picture)


@pytest.mark.parametrize("writer", [v2_file, v1_file], ids=["format 2", "format 1"])
def test_no_hidden_group_can_be_worked_out_from_the_team_counts_page(writer):
    rng = random.Random(SEED)
    for _ in range(150):
        smallest = rng.choice([3, 5, 5, 10])
        teams = []
        for i in range(rng.randint(1, 5)):
            size = rng.choice([2, 4, 5, 6, 8, 10, 13, 20])
            teams.append(writer(f"Team {i}", rng.choice(["", "Leeds", "York", "Hull"]), size,
                                random_days(rng, size), smallest))
        picture, result = combine(teams, smallest)
        sizes = [t.size for t in picture.teams]
        assert page_leaks(result, sizes) == [], teams
        for t in picture.teams:  # each team as the page reads it holds no group pinned by its own numbers
            for d, day in enumerate(t.days):
                assert counts.tighten(day, t.size) == day


def test_the_old_examples_band_is_no_longer_given_away_by_the_totals():
    # Format 1's example: Monday's office 13 to 16, with home 11 and 26 people, was exactly 15 (London's 3).
    old = OLD_EXAMPLE
    picture, result = combine([row["counts"] for row in old["teams"]])
    assert page_leaks(result, [t.size for t in picture.teams]) == []
    monday = result.days[0].places
    assert monday["office"][0] < monday["office"][1]
    assert recovered({**json.loads(old["teams"][0]["counts"])}) != []  # format 1 itself gave it away


def test_format_1_files_are_still_read_and_hidden_again():
    old = json.loads(OLD_EXAMPLE["teams"][0]["counts"])
    picture, result = combine([OLD_EXAMPLE["teams"][0]["counts"]])
    monday = picture.teams[0].days[0]
    # Size 8, office 3 and home 5 in format 1: hidden again as format 2 would, the office with every other group.
    assert old["version"] == 1
    assert monday["office"][0] <= 3 <= monday["office"][1] and monday["office"][0] < monday["office"][1]
    assert monday["home"][0] <= 5 <= monday["home"][1] and monday["home"][0] < monday["home"][1]
    assert picture.teams[0].days[1]["office"] == (7, 7)


OLD_EXAMPLE = json.loads(r'''{
  "teams": [
    {
      "team": "Customer Finance",
      "site": "London",
      "counts": "{\"format\": \"toolkit-counts\", \"version\": 1, \"smallest_group\": 5, \"team\": \"Customer Finance\", \"site\": \"London\", \"size\": 8, \"anchor_days\": [\"Tuesday\"], \"common_days\": [], \"days\": [{\"day\": \"Monday\", \"office\": \"fewer than 5\", \"home\": 5, \"elsewhere\": 0, \"off\": 0, \"desks\": \"fewer than 5\"}, {\"day\": \"Tuesday\", \"office\": 7, \"home\": \"fewer than 5\", \"elsewhere\": 0, \"off\": 0, \"desks\": 7}, {\"day\": \"Wednesday\", \"office\": \"fewer than 5\", \"home\": 6, \"elsewhere\": 0, \"off\": 0, \"desks\": \"fewer than 5\"}, {\"day\": \"Thursday\", \"office\": 5, \"home\": \"fewer than 5\", \"elsewhere\": 0, \"off\": \"fewer than 5\", \"desks\": 5}, {\"day\": \"Friday\", \"office\": \"fewer than 5\", \"home\": 5, \"elsewhere\": 0, \"off\": \"fewer than 5\", \"desks\": \"fewer than 5\"}, {\"day\": \"Saturday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 8, \"desks\": 0}, {\"day\": \"Sunday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 8, \"desks\": 0}]}"
    },
    {
      "team": "Payroll",
      "site": "Leeds",
      "counts": "{\"format\": \"toolkit-counts\", \"version\": 1, \"smallest_group\": 5, \"team\": \"Payroll\", \"site\": \"Leeds\", \"size\": 12, \"anchor_days\": [\"Tuesday\", \"Thursday\"], \"common_days\": [], \"days\": [{\"day\": \"Monday\", \"office\": 6, \"home\": 6, \"elsewhere\": 0, \"off\": 0, \"desks\": 6}, {\"day\": \"Tuesday\", \"office\": 10, \"home\": 0, \"elsewhere\": \"fewer than 5\", \"off\": 0, \"desks\": 10}, {\"day\": \"Wednesday\", \"office\": 8, \"home\": \"fewer than 5\", \"elsewhere\": 0, \"off\": 0, \"desks\": 8}, {\"day\": \"Thursday\", \"office\": 10, \"home\": \"fewer than 5\", \"elsewhere\": 0, \"off\": 0, \"desks\": 10}, {\"day\": \"Friday\", \"office\": 5, \"home\": 7, \"elsewhere\": 0, \"off\": 0, \"desks\": 5}, {\"day\": \"Saturday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 12, \"desks\": 0}, {\"day\": \"Sunday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 12, \"desks\": 0}]}"
    },
    {
      "team": "IT Service Desk",
      "site": "Leeds",
      "counts": "{\"format\": \"toolkit-counts\", \"version\": 1, \"smallest_group\": 5, \"team\": \"IT Service Desk\", \"site\": \"Leeds\", \"size\": 6, \"anchor_days\": [\"Monday\"], \"common_days\": [\"Monday\", \"Tuesday\", \"Thursday\"], \"days\": [{\"day\": \"Monday\", \"office\": 6, \"home\": 0, \"elsewhere\": 0, \"off\": 0, \"desks\": 6}, {\"day\": \"Tuesday\", \"office\": 6, \"home\": 0, \"elsewhere\": 0, \"off\": 0, \"desks\": 6}, {\"day\": \"Wednesday\", \"office\": \"fewer than 5\", \"home\": \"fewer than 5\", \"elsewhere\": 0, \"off\": 0, \"desks\": \"fewer than 5\"}, {\"day\": \"Thursday\", \"office\": 6, \"home\": 0, \"elsewhere\": 0, \"off\": 0, \"desks\": 6}, {\"day\": \"Friday\", \"office\": 0, \"home\": 6, \"elsewhere\": 0, \"off\": 0, \"desks\": 0}, {\"day\": \"Saturday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 6, \"desks\": 0}, {\"day\": \"Sunday\", \"office\": 0, \"home\": 0, \"elsewhere\": 0, \"off\": 6, \"desks\": 0}]}"
    }
  ]
}''')
