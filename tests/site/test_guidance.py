"""The guidance: every page in the nav and linked from another page, checklists wired to their readers, the
organisation's words taken from settings, and the FAQ, glossary and sources complete."""

from __future__ import annotations

import html
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jinja2
import pytest
import yaml

import macros
from sitebuild import orgfile
from tests.support.settings import jurisdiction, site_settings
from toolkit import checklist
from toolkit import org as org_settings

# The pages follow the settings (words, contacts, request rules, sections switched off): run again on the fork.
pytestmark = pytest.mark.settings

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TEMPLATES = ROOT / "templates"
TEXT_SUFFIXES = {".md", ".toml", ".txt", ".html", ".yml", ".yaml", ".json"}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing anything its `!!python/name:` and `!ENV` tags name."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_TolerantLoader)


def nav_files(entries) -> list[str]:
    found = []
    for entry in entries or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += nav_files(value)
        elif isinstance(value, str) and not urlparse(value).scheme:
            found.append(value)
    return found


def doc_pages() -> list[str]:
    """The pages the site publishes: every Markdown page in docs/ but those the settings switch off."""
    org = site_settings()
    return sorted(src for src in (p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
                  if orgfile.is_published(src, org))


def built(src: str) -> str:
    """Where a page's HTML lands (use_directory_urls: `a/b.md` and `a/b/index.md` both give `a/b/index.html`)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return f"{stem}/index.html" if stem else "index.html"


class _Article(HTMLParser):
    """The links and text inside a page's content (Material's <article>), leaving out nav, header and footer."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, str]] = []  # (tag, text) for h2 and dt
        self._open: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "md-content__inner" in (a.get("class") or ""):
            self.depth = 1
        elif tag == "article" and self.depth:
            self.depth += 1
        if not self.depth:
            return
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("h2", "dt"):
            self._open, self._buf = tag, []

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1
        if self.depth and tag == self._open:
            self.tags.append((tag, " ".join("".join(self._buf).split()).rstrip("¶").strip()))
            self._open = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self._open:
                self._buf.append(data)


def article(site: Path, src: str) -> _Article:
    parsed = _Article()
    parsed.feed((site / built(src)).read_text("utf-8"))
    assert parsed.depth == 0 and (parsed.text or parsed.hrefs), f"{src}: no <article> content found"
    return parsed


def link_targets(site: Path, src: str) -> set[str]:
    """The built pages (relative to the site) that a page's content links to, other than itself."""
    page_url = "http://site/" + built(src)[: -len("index.html")]
    targets = set()
    for href in article(site, src).hrefs:
        url = urlparse(urljoin(page_url, href))
        if url.scheme != "http" or url.netloc != "site":
            continue
        path = url.path.lstrip("/")
        path = path + "index.html" if path.endswith("/") or not path else path
        if path != built(src):
            targets.add(path)
    return targets


def checklist_ids() -> list[str]:
    return sorted(p.stem for p in (TEMPLATES / "checklists").glob("*.toml"))


# ---------------------------------------------------------------- navigation and links

def test_every_page_is_in_the_nav_and_the_nav_names_no_missing_page():
    org = site_settings()
    in_nav = [src for src in nav_files(config().get("nav")) if orgfile.is_published(src, org)]
    assert in_nav, "mkdocs.yml has no nav"
    assert sorted(set(doc_pages()) - set(in_nav)) == []
    assert sorted(set(in_nav) - set(doc_pages())) == []
    assert len(in_nav) == len(set(in_nav)), "a page is in the nav twice"


def test_every_page_is_linked_from_the_content_of_another_page(site_dir):
    inbound: dict[str, set[str]] = {built(src): set() for src in doc_pages()}
    for src in doc_pages():
        for target in link_targets(site_dir, src):
            if target in inbound:
                inbound[target].add(src)
    orphans = sorted(page for page, sources in inbound.items() if not sources and page != "index.html")
    assert orphans == []


def test_content_links_lead_to_pages_that_exist(site_dir):
    broken = [(src, target) for src in doc_pages() for target in link_targets(site_dir, src)
              if not (site_dir / target).is_file()]
    assert broken == []


# ---------------------------------------------------------------- checklists

REQUIRED_CHECKLISTS = {"manager-conversation", "employee-request", "trial-review", "safe-home-working",
                       "team-agreement-start", "organisation-launch", "new-starter"}


def test_the_seven_required_checklists_are_shipped_and_substantial():
    assert REQUIRED_CHECKLISTS <= set(checklist_ids())
    assert len(checklist_ids()) >= 7
    for cid in checklist_ids():
        loaded = checklist.load(cid)
        assert 3 <= len(loaded.sections) <= 5, cid
        assert 10 <= len(loaded.items()) <= 20, cid
        with_hint = sum(bool(item.hint) for item in loaded.items())
        assert with_hint * 2 > len(loaded.items()), f"{cid}: most items should say why or how"


@pytest.mark.parametrize("cid", checklist_ids())
def test_each_checklist_has_its_page_in_the_standard_form(site_dir, cid):
    page = DOCS / "checklists" / f"{cid}.md"
    if not page.is_file():  # a checklist added as one file: the build made its page (orgfile.py)
        assert (site_dir / built(f"checklists/{cid}.md")).is_file()
        return
    text = page.read_text("utf-8")
    assert text.splitlines()[0] == f'# {{{{ checklist_title("{cid}") }}}}'
    assert f'{{{{ checklist("{cid}") }}}}' in text


@pytest.mark.parametrize("cid", checklist_ids())
def test_each_checklist_is_linked_from_its_readers_guide_and_the_index(site_dir, cid):
    audience = tomllib.loads((TEMPLATES / "checklists" / f"{cid}.toml").read_text("utf-8"))["audience"]
    target = built(f"checklists/{cid}.md")
    assert target in link_targets(site_dir, "checklists/index.md")
    # From its readers' guide too, unless the organisation has switched that guide off.
    guide_pages = [src for src in doc_pages() if src.startswith(f"{audience}/")]
    if guide_pages:
        assert any(target in link_targets(site_dir, src) for src in guide_pages), \
            f"{cid} is not linked from any page under docs/{audience}/"


# ---------------------------------------------------------------- the organisation's words

# Any whitespace between the words counts, the non-breaking space included.
HARD_CODED = re.compile(r"smart(?:\s|&nbsp;|&#160;)+working|example(?:\s|&nbsp;|&#160;)+organisation", re.I)


def text_files():
    for folder in (DOCS, TEMPLATES):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                yield path


def test_no_page_or_template_hard_codes_the_organisations_name_or_term():
    offenders = [(p.relative_to(ROOT).as_posix(), m.group(0)) for p in text_files()
                 for m in HARD_CODED.finditer(p.read_text("utf-8"))]
    assert offenders == []


def test_the_built_pages_show_the_organisations_own_name_and_term(site_dir):
    org = site_settings()
    home = " ".join(article(site_dir, "index.md").text)
    assert org["term"] in home and org["name"] in home


def render_with(src: str, org_overrides: dict) -> str:
    """A page rendered as mkdocs-macros would, with other organisation settings (pages that use only `org`)."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    org = org_settings.merge(org_overrides)
    return env.from_string((DOCS / src).read_text("utf-8")).render(
        org=org, contact=lambda lead: macros.contact_sentence(org, lead),
        published=lambda page: orgfile.is_published(page, org))


# An organisation's own policy with nothing set: the pages fall back to neutral wording.
NEUTRAL = {"name": "Acme", "term": "Agile Working", "contact": {"team": "HR team", "email": ""},
           "policy": {"requests": {"jurisdiction": "policy", "from_day_one": True, "per_12_months": None,
                                   "decision_within_months": None, "appeal": False, "law": ""},
                      "anchor_days": [], "core_hours": {}}}
GB = {"name": "Acme", "term": "Agile Working",
      "policy": {"requests": {"jurisdiction": "GB", "per_12_months": 3, "decision_within_months": 1,
                              "appeal": True, "law": "Acme's flexible working policy and the law"}}}
NI = {"name": "Acme", "term": "Agile Working", "policy": {"requests": {"jurisdiction": "NI"}}}
REQUEST_PAGES = ["employees/formal-request.md", "faq.md", "organisations/request-rules.md",
                 "managers/formal-requests.md", "managers/trials-and-reviews.md", "managers/disability-and-caring.md"]


IE, AU, NZ = ({"name": "Acme", "term": "Agile Working", "policy": {"requests": {"jurisdiction": code}}}
              for code in ("IE", "AU", "NZ"))


@pytest.mark.parametrize("settings", [NEUTRAL, GB, NI, IE, AU, NZ], ids=["policy", "GB", "NI", "IE", "AU", "NZ"])
@pytest.mark.parametrize("src", REQUEST_PAGES)
def test_request_rules_read_well_with_any_jurisdiction(src, settings):
    text = render_with(src, settings)
    assert not re.search(r"\bNone\b|\bnull month|\bTrue\b|\bFalse\b", text.split("```")[0] + text.split("```")[-1])
    assert "Acme" in text or src == "managers/trials-and-reviews.md"


def test_request_rules_follow_the_settings():
    neutral = render_with("employees/formal-request.md", NEUTRAL)
    assert "from your first day" in neutral and "has not set a limit" in neutral and "no fixed period" in neutral
    assert "does not offer an appeal" in neutral and "HR team" in neutral
    gb = render_with("employees/formal-request.md", GB)
    assert "up to 3 formal requests in any 12 months" in gb and "one at a time" in gb
    assert "within 1 month " in gb and "you can appeal" in gb
    assert "These rules come from Acme's flexible working policy and the law" in gb
    later = render_with("employees/formal-request.md", {"policy": {"requests": {
        "jurisdiction": "policy", "from_day_one": False, "qualifying_weeks": 13}}})
    assert "qualifying period" in later and "13 weeks" in later


@pytest.mark.parametrize("settings, words", [
    (IE, ["the law in Ireland (Part 3 of the Work Life Balance", "remote working (any employee)",
          "flexible working for caring", "within 4 weeks beginning with", "up to 8 weeks", "Workplace Relations"]),
    (AU, ["the Fair Work Act 2009 (sections 65 to 65C", "you are pregnant", "12 months' continuous service",
          "within 21 days after", "Fair Work Commission"]),
    (NZ, ["the Employment Relations Act 2000 (Part 6AA", "from your first day", "within 1 month after",
          "Labour Inspector", "Employment Relations Authority"]),
], ids=["IE", "AU", "NZ"])
def test_the_guides_say_which_law_applies_and_its_rules(settings, words):
    for src in ("employees/formal-request.md", "managers/formal-requests.md"):
        text = " ".join(render_with(src, settings).split())
        assert "Which rules apply at Acme" in text or "At Acme formal requests follow" in text, src
        for w in words[:1] + words[-1:]:
            assert w in text, (src, w)
    employee = " ".join(render_with("employees/formal-request.md", settings).split())
    for w in words:
        assert w in employee, w
    assert "Do you have to give a reason? No" not in employee or settings is NZ


def test_under_the_law_its_figures_apply_when_nothing_more_generous_is_set():
    gb = render_with("employees/formal-request.md", {"policy": {"requests": {"jurisdiction": "GB"}}})
    assert "up to 2 formal requests in any 12 months" in gb and "within 2 months" in gb
    assert "from your first day" in gb
    assert "These rules come from Part 8A of the Employment Rights Act 1996" in gb
    ni = render_with("employees/formal-request.md", NI)
    assert "26 weeks" in ni and "one statutory request in any 12 months" in ni and "within 28 days" in ni
    assert "what effect, if any, you think the change would have" in ni  # still asked for in Northern Ireland
    policy_grounds = render_with("managers/formal-requests.md", {"policy": {"requests": {
        "jurisdiction": "policy", "grounds": ["the needs of the night shift"]}}})
    assert "the needs of the night shift." in policy_grounds


def test_the_guides_lead_to_the_request_tools_and_the_statutory_checklist(site_dir):
    for src, targets in {
        "employees/formal-request.md": {"tools/request/index.html"},
        "managers/index.md": {"tools/decision-record/index.html", "tools/trial-review/index.html",
                              "checklists/statutory-request/index.html"},
        "managers/formal-requests.md": {"tools/decision-record/index.html", "tools/trial-review/index.html",
                                        "checklists/statutory-request/index.html"},
        "managers/trials-and-reviews.md": {"tools/decision-record/index.html", "tools/trial-review/index.html"},
    }.items():
        assert targets <= link_targets(site_dir, src), src


def test_the_manager_page_sets_out_the_whole_statutory_process(site_dir):
    text = " ".join(" ".join(article(site_dir, "managers/formal-requests.md").text).split())
    if jurisdiction() == "policy":  # the example fork's US-style policy (SWT_FORK=1): its own rules, no statute
        for fact in ("the needs of the department's teaching timetable", "one request can be considered at a time",
                     "a different manager", "permanent unless you both agree otherwise"):
            assert fact in text, fact
        assert "The law requires you to consult" not in text
        return
    for fact in ("the burden of additional costs", "planned structural changes", "one request can be considered at a time",
                 "consult the person before refusing", "good practice, not a legal right", "a different manager",
                 "treated as withdrawn", "permanent unless you both agree otherwise", "within one month",
                 "only be extended by agreement", "Employment Rights Act 2025 will go further"):
        assert fact in text, fact


def test_the_planner_page_names_the_year_of_the_emission_factors_it_uses(site_dir):
    from toolkit.planner import commute

    year = re.search(r"20\d\d", commute.SOURCE).group(0)
    text = " ".join(" ".join(article(site_dir, "tools/planner.md").text).split())
    assert f"conversion factors for {year}" in text


def test_the_formal_request_page_sets_out_the_gb_statutory_rules(site_dir):
    text = " ".join(" ".join(article(site_dir, "employees/formal-request.md").text).split())
    if jurisdiction() == "policy":  # the example fork's US-style policy (SWT_FORK=1)
        for fact in ("Northgate University's Agile Working policy", "13 weeks of employment",
                     "up to 2 formal requests in any 12 months", "within 1 month", "No statutory right"):
            assert fact in text, fact
        return
    for fact in ("6 April 2024", "Employment Relations (Flexible Working) Act 2023",
                 "Flexible Working (Amendment) Regulations 2023", "first day", "two statutory requests in any 12 months",
                 "within two months", "consult you before refusing", "in writing and dated",
                 "no longer have to explain"):
        assert fact in text, fact


# ---------------------------------------------------------------- FAQ, glossary, sources

def test_the_faq_answers_at_least_ten_questions(site_dir):
    questions = [t for tag, t in article(site_dir, "faq.md").tags if tag == "h2"]
    assert len(questions) >= 10
    assert all(q.endswith("?") for q in questions), [q for q in questions if not q.endswith("?")]


GLOSSARY_TERMS = ["core hours", "anchor day", "compressed hours", "annualised hours", "flexitime", "staggered hours",
                  "job share", "hybrid working", "location-flexible", "time-flexible", "place-bound", "time-bound",
                  "trial period", "team agreement", "asynchronous working", "statutory request",
                  "outcome-based performance"]


def test_the_glossary_defines_the_terms_the_pages_use(site_dir):
    defined = {t.lower() for tag, t in article(site_dir, "glossary.md").tags if tag == "dt"}
    assert [term for term in GLOSSARY_TERMS if term not in defined] == []


# Each seed by the short form of its title the Sources page cites it by.
SEED_TITLES = {
    "000": "Stop the Clock, part 4",
    "001": "Steps to implement flexible work policies",
    "002": "Negotiating a Permanent Flex Work Policy",
    "003": "Top tips for managers having conversations (Imperial College London)",
    "004": "How to Negotiate the Ability to Work…",
}
PUBLIC_SOURCES = ["https://www.legislation.gov.uk/ukpga/2023/33", "https://www.legislation.gov.uk/uksi/2023/1328",
                  "https://www.acas.org.uk/", "https://www.imperial.ac.uk/", "https://www.cipd.org/",
                  "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024"]


def test_the_sources_page_names_every_seed_and_public_source(site_dir):
    parsed = article(site_dir, "sources.md")
    text = " ".join(html.unescape("".join(parsed.text)).replace("\u00a0", " ").split())
    assert [t for t in SEED_TITLES.values() if t not in text] == []
    assert "Kathleen Furore" in text
    assert [u for u in PUBLIC_SOURCES if not any(h.startswith(u) for h in parsed.hrefs)] == []


def test_the_teams_guide_the_checklists_and_the_planner_lead_to_the_team_agreement_drafter(site_dir):
    target = "tools/team-agreement/index.html"
    for src in ("teams/index.md", "teams/hybrid-meetings.md", "tools/planner.md", "index.md"):
        assert target in link_targets(site_dir, src), f"{src} does not link to the drafter"
    start = checklist.load("team-agreement-start")
    assert any("team agreement drafter" in item.text for item in start.items())
    page = " ".join(" ".join(article(site_dir, "tools/team-agreement.md").text).split())
    for step in ("Who comes", "How long", "What to bring", "Add members from planner files"):
        assert step in page


def test_the_tools_index_lists_every_tool(site_dir):
    targets = link_targets(site_dir, "tools/index.md")
    assert {"tools/planner/index.html", "tools/team-agreement/index.html"} <= set(targets)


def test_search_finds_the_planner_for_core_hours(site_dir):
    import json

    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    found = {doc["location"].split("#")[0] for doc in index["docs"] if "core hours" in doc["text"].lower()}
    assert {"tools/planner/", "tools/team-agreement/"} <= found


@pytest.mark.parametrize("src", ["index.md", "teams/index.md", "tools/planner.md", "checklists/trial-review.md"])
def test_pages_say_when_they_were_last_updated(site_dir, src):
    assert re.search(r'class="swt-updated">Last updated: \d{1,2} [A-Z][a-z]+ 20\d\d<',
                     (site_dir / built(src)).read_text("utf-8"))
