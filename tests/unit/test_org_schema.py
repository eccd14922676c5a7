"""The organisation's settings checker: good settings pass, each mistake is named at its key in plain words, and
nothing it is given makes it raise."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuild import org_schema
from toolkit import org
from sitebuild.org_schema import KNOWN_KEYS, OPTIONAL, SCHEMA, Problem, problems

DOCS = Path(__file__).resolve().parents[2] / "docs"

# A university's own settings, as its org.yml would load.
FORK = {
    "name": "University of Northfield",
    "short_name": "Northfield",
    "site_name": "Agile Working at Northfield",
    "site_url": "https://staff.northfield.ac.uk/agile-working/",
    "term": "Agile Working",
    "term_article": "an",
    "logo": "assets/brand/northfield.svg",
    "logo_dark": "assets/brand/northfield-dark.png",
    "favicon": "assets/brand/favicon.ico",
    "colours": {"primary": "#5b2a86", "accent": "#8a1c4a"},
    "currency": "£",
    "contact": {"team": "HR Services", "team_article": "", "email": "hr.services@northfield.ac.uk",
                "phone": "01234 567890", "intranet": "https://staff.northfield.ac.uk/hr/"},
    "policy": {
        "anchor_days": ["Monday", "Thursday"],
        "core_hours": {"start": "09:30", "end": "14:30"},
        "min_days_together": 2,
        "emissions": {"car": 0.17, "rail": 0.035, "active": 0},
        "emissions_source": "UK Government conversion factors, 2024",
        "requests": {"from_day_one": True, "per_12_months": 2, "decision_within_months": 2, "appeal": True,
                     "law": "Employment Rights Act 1996, as amended in April 2024"},
    },
    "content": {"switched_off": ["faq.md", "managers/trials-and-reviews.md", "teams/"]},
}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A small docs folder holding the fork's pictures and pages."""
    for name in ("index.md", "faq.md", "managers/index.md", "managers/trials-and-reviews.md", "teams/index.md",
                 "assets/brand/northfield.svg", "assets/brand/northfield-dark.png", "assets/brand/favicon.ico"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def with_(**changes: object) -> dict:
    """The fork's settings with some changed: "policy__core_hours__start" is policy.core_hours.start."""
    changed = copy.deepcopy(FORK)
    for path, value in changes.items():
        *groups, last = path.split("__")
        place = changed
        for group in groups:
            place = place[group]
        place[last] = value
    return changed


# ---------------------------------------------------------------- good settings

def test_the_defaults_have_no_problems():
    assert problems(org.DEFAULTS) == []
    assert problems(org.DEFAULTS, DOCS) == []  # the default logo and favicon are in the site


def test_a_realistic_fork_has_no_problems(docs):
    assert problems(FORK) == []
    assert problems(FORK, docs) == []


@pytest.mark.parametrize("empty", [None, {}])
def test_an_empty_file_means_every_default(empty):
    assert problems(empty) == []


def test_the_schema_and_the_defaults_agree():
    def leaves(mapping: dict, group: str = "") -> dict[str, object]:
        found = {}
        for name, value in mapping.items():
            key = f"{group}.{name}" if group else name
            found.update(leaves(value, key) if isinstance(value, dict) and key not in SCHEMA else {key: value})
        return found

    defaults = leaves(org.DEFAULTS)
    assert set(defaults) <= set(KNOWN_KEYS), "a default with no rule in org_schema.SCHEMA"
    assert set(KNOWN_KEYS) - OPTIONAL <= set(defaults), "a setting with no default in org.DEFAULTS"
    assert OPTIONAL <= set(KNOWN_KEYS)
    for key, value in defaults.items():
        assert list(SCHEMA[key](value, key, org_schema.Context(None))) == [], key


# ---------------------------------------------------------------- each mistake, named

BROKEN = [
    # unknown keys, with a suggestion when one is close
    ({"colors": {"primary": "#5b2a86"}}, "colors", '"colours"'),
    (with_(policy__anchor_day=["Monday"]), "policy.anchor_day", '"anchor_days"'),
    (with_(policy__requests__appeals=True), "policy.requests.appeals", '"appeal"'),
    ({"dark_mode": True}, "dark_mode", "check the spelling"),
    ({"policy": {"site_url": "https://x.example/"}}, "policy.site_url", "top level"),
    ({"colours.primary": "#5b2a86"}, "colours.primary", "colours"),
    ({"content": {False: ["faq.md"]}}, "content.false", "YAML"),  # `off:` unquoted is false
    ({1: "x"}, "1", "no setting"),
    # YAML's traps
    (with_(policy__core_hours={"start": 600, "end": "14:30"}), "policy.core_hours.start", '"10:00"'),
    (with_(policy__core_hours={"start": "09:30", "end": 36000}), "policy.core_hours.end", "quotes"),
    (with_(policy__anchor_days="Tuesday"), "policy.anchor_days", "[Tuesday]"),
    (with_(policy__anchor_days="Monday, Thursday"), "policy.anchor_days", "[Monday, Thursday]"),
    (with_(name=False), "name", "yes, no, on and off"),
    (with_(term=datetime.date(2026, 1, 1)), "term", "the date 2026-01-01"),
    (with_(colours={"primary": None, "accent": "#8a1c4a"}), "colours.primary", "comment"),
    (with_(contact__phone=1234567890), "contact.phone", "quotes"),
    (with_(policy__requests__appeal="yes"), "policy.requests.appeal", "without quotes"),
    (with_(policy__min_days_together="2"), "policy.min_days_together", "without quotes"),
    (with_(policy__emissions={"bus": "0.1"}), "policy.emissions.bus", "without quotes"),
    # days, times and numbers
    (with_(policy__anchor_days=["Monday", "Thurday"]), "policy.anchor_days (item 2)", "did you mean Thursday?"),
    (with_(policy__anchor_days=["Monday", "Caturday"]), "policy.anchor_days (item 2)", "not a day of the week"),
    (with_(policy__anchor_days=["Monday", "monday"]), "policy.anchor_days (item 2)", "twice"),
    (with_(policy__anchor_days=[1]), "policy.anchor_days (item 1)", "day's name"),
    (with_(policy__min_days_together="two"), "policy.min_days_together", "whole number from 0 to 5"),
    (with_(policy__min_days_together=True), "policy.min_days_together", "whole number"),
    (with_(policy__min_days_together=2.5), "policy.min_days_together", "whole number"),
    (with_(policy__min_days_together=6), "policy.min_days_together", "from 0 to 5"),
    (with_(policy__requests__per_12_months=0), "policy.requests.per_12_months", "from 1 to 12"),
    (with_(policy__requests__from_day_one="no"), "policy.requests.from_day_one", "without quotes"),
    (with_(policy__requests__jurisdiction="UK"), "policy.requests.jurisdiction", '"GB"'),
    (with_(policy__requests__per_12_months=1), "policy.requests.per_12_months", "allows 2 requests"),
    (with_(policy__requests__decision_within_months=3), "policy.requests.decision_within_months", "2 or fewer"),
    (with_(policy__requests__from_day_one=False), "policy.requests.from_day_one", "first day"),
    (with_(policy__requests__grounds=["cost"]), "policy.requests.grounds", "eight grounds"),
    (with_(policy__requests__qualifying_weeks=26), "policy.requests.qualifying_weeks", "jurisdiction: policy"),
    (with_(policy__requests__jurisdiction="NI", policy__requests__per_12_months=0),
     "policy.requests.per_12_months", "from 1 to 12"),
    (with_(policy__requests__jurisdiction="policy", policy__requests__grounds=[""]),
     "policy.requests.grounds (item 1)", "short phrase"),
    (with_(policy__core_hours={"start": "14:30", "end": "09:30"}), "policy.core_hours", "before"),
    (with_(policy__core_hours={"start": "15:30"}), "policy.core_hours", "before"),  # the default end is 15:00
    (with_(policy__core_hours={"start": "9:30", "end": "14:30"}), "policy.core_hours.start", '"09:30"'),
    (with_(policy__core_hours={"start": "09:30", "end": "24:00"}), "policy.core_hours.end", "not a time of day"),
    # colours
    (with_(colours={"primary": "purple"}), "colours.primary", '"#rrggbb"'),
    (with_(colours={"accent": "#12345"}), "colours.accent", '"#rrggbb"'),
    (with_(colours={"accent": "#fff"}), "colours.accent", '"#ffffff"'),
    (with_(colours={"primary": "#88aadd"}), "colours.primary",
     "#88aadd on a white page has a contrast of 2.37:1; text needs at least 4.5:1: choose a darker shade"),
    (with_(colours={"primary": "#777777"}), "colours.primary", "4.47:1"),  # 4.478: never shown as 4.48 or 4.50
    # words and articles
    (with_(term_article="the"), "term_article", '"a" or "an"'),
    (with_(contact__team_article="The"), "contact.team_article", '"the" or ""'),
    (with_(contact__team_article=None), "contact.team_article", 'two quote marks: ""'),
    (with_(name=""), "name", "empty"),
    (with_(name="x" * 81), "name", "80 or fewer"),
    (with_(currency="pounds sterling"), "currency", "5 or fewer"),
    (with_(contact__email="hr at northfield"), "contact.email", "email address"),
    (with_(site_url="https://staff.northfield.ac.uk/agile-working"), "site_url", 'End the address with "/"'),
    (with_(contact__intranet="staff.northfield.ac.uk/hr/"), "contact.intranet", "https://"),
    # pictures
    (with_(logo="https://northfield.ac.uk/logo.svg"), "logo", "web address"),
    (with_(logo="/assets/brand/northfield.svg"), "logo", 'no "/"'),
    (with_(logo="../northfield.svg"), "logo", '".."'),
    (with_(logo="assets\\brand\\northfield.svg"), "logo", '"assets/brand/northfield.svg"'),
    (with_(logo="assets/brand/northfield.gif"), "logo", ".svg or .png"),
    (with_(logo="assets/brand/favicon.ico"), "logo", ".svg or .png"),  # .ico is for the favicon only
    (with_(favicon="assets/brand/favicon.bmp"), "favicon", ".ico"),
    # emissions
    (with_(policy__emissions={"cars": 0.17}), "policy.emissions.cars", '"car"'),
    (with_(policy__emissions={"car": 1.5}), "policy.emissions.car", "from 0 to 1"),
    (with_(policy__emissions={"rail": True}), "policy.emissions.rail", "number"),
    (with_(policy__emissions={"rail": float("nan")}), "policy.emissions.rail", "number"),
    (with_(policy__emissions=["car", 0.17]), "policy.emissions", "way of travelling"),
    # pages switched off
    (with_(content={"switched_off": "faq.md"}), "content.switched_off", "[faq.md]"),
    (with_(content={"switched_off": ["faq.md", "index.md"]}), "content.switched_off (item 2)", "home page"),
    (with_(content={"switched_off": ["faq"]}), "content.switched_off (item 1)", '"faq.md"'),
    (with_(content={"switched_off": ["./faq.md"]}), "content.switched_off (item 1)", 'as "faq.md"'),
    (with_(content={"switched_off": ["../mkdocs.yml"]}), "content.switched_off (item 1)", '".."'),
    # wrong types at each level
    ([FORK], "", "key: value"),
    ("name: Northfield", "", "key: value"),
    (with_(contact=["HR Services"]), "contact", "indented"),
    (with_(policy="hybrid"), "policy", "indented"),
    (with_(policy__core_hours="09:30-14:30"), "policy.core_hours", "start, end"),
    (with_(policy__requests=None), "policy.requests", "delete the line"),
    (with_(content={"switched_off": {"faq.md": True}}), "content.switched_off", "list"),
    (with_(policy__emissions_source=["DESNZ"]), "policy.emissions_source", "text"),
]


@pytest.mark.parametrize("broken, key, word", BROKEN)
def test_each_mistake_is_named_at_its_key(broken, key, word):
    found = problems(broken)
    assert [p.key for p in found] == [key], found
    assert word in found[0].message


@pytest.mark.parametrize("path, key, word", [
    ("logo", "logo", "no file"),
    ("favicon", "favicon", "no file"),
    ("logo_dark", "logo_dark", "no file"),
])
def test_pictures_must_be_in_the_docs_folder(docs, path, key, word):
    (docs / FORK[path]).unlink()
    assert [(p.key, word in p.message) for p in problems(FORK, docs)] == [(key, True)]
    assert problems(FORK) == []  # without a docs folder, only the path's form is checked


@pytest.mark.parametrize("entry, word", [
    ("fqa.md", 'did you mean "faq.md"?'),
    ("managers/trial.md", "managers/trials-and-reviews.md"),
    ("team/", 'did you mean "teams/"?'),
    ("faq.md/", "no section"),  # a page is not a folder
    ("teams.md", "no page"),
])
def test_pages_switched_off_must_exist(docs, entry, word):
    found = problems(with_(content={"switched_off": ["faq.md", entry]}), docs)
    assert [p.key for p in found] == ["content.switched_off (item 2)"]
    assert word in found[0].message


def test_every_problem_is_reported_in_file_order():
    broken = {
        "name": "University of Northfield",
        "colors": {"primary": "#5b2a86"},
        "term_article": "the",
        "policy": {"anchor_days": "Tuesday", "core_hours": {"start": 600, "end": "09:00"}},
        "logo": "https://northfield.ac.uk/logo.svg",
    }
    assert [p.key for p in problems(broken)] == [
        "colors", "term_article", "policy.anchor_days", "policy.core_hours.start", "logo"]


def test_the_yaml_traps_are_what_yaml_really_does():
    yaml = pytest.importorskip("yaml")
    raw = yaml.safe_load("colours:\n  primary: #5b2a86\npolicy:\n  core_hours: {start: 9:30, end: 14:30}\n"
                         "content:\n  off: [faq.md]\nterm: 2026-01-01\n")
    found = {p.key: p.message for p in problems(raw)}
    assert list(found) == ["colours.primary", "policy.core_hours.start", "policy.core_hours.end", "content.false",
                           "term"]
    assert '"09:30"' in found["policy.core_hours.start"] and '"14:30"' in found["policy.core_hours.end"]


# ---------------------------------------------------------------- nothing makes it raise

scalar = (st.none() | st.booleans() | st.integers() | st.integers(-2 ** 64, 2 ** 64).map(lambda n: n * 10 ** 5000)
          | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30) | st.dates() | st.datetimes()
          | st.sampled_from(["", " ", "10:00", "24:00", "#5b2a86", "#fff", "index.md", "./", "a\x00.md", "../x.svg",
                             "x" * 5000 + ".md", "C:\\logo.png", "https://x/", "Thurday", "tuesday"]))
# Names the checker knows, so generated settings reach every rule, mixed with any other.
name = st.sampled_from(sorted({part for key in KNOWN_KEYS for part in key.split(".")} | {"car", "rail"})) \
    | st.text(max_size=12) | st.integers() | st.booleans() | st.none()
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(name, inner, max_size=5),
                     max_leaves=25)


@st.composite
def nudged_defaults(draw):
    """The defaults with one setting, anywhere, replaced by anything."""
    settings_ = copy.deepcopy(org.DEFAULTS)
    *groups, last = draw(st.sampled_from(KNOWN_KEYS)).split(".")
    place = settings_
    for group in groups:
        place = place.setdefault(group, {})
    place[last] = draw(value)
    return settings_


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value | nudged_defaults(), st.sampled_from([None, DOCS]))
def test_nothing_makes_it_raise(anything, docs_dir):
    found = problems(anything, docs_dir)
    assert isinstance(found, list)
    for problem in found:
        assert isinstance(problem, Problem)
        assert isinstance(problem.key, str) and isinstance(problem.message, str) and problem.message.strip()
