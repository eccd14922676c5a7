"""An organisation's fork, built from its own settings file: nothing of the default organisation is left in any
page or any download, and the fork's brand, words, policy and content choices reach everywhere (issue 14)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from tests.support.fork import DEFAULT_WORDS, SETTINGS
from toolkit import bridge, planner
from toolkit import org as org_settings

FORK_ORG = org_settings.merge(SETTINGS)
TEXT = {".html", ".json", ".xml", ".css", ".js", ".mjs", ".txt", ".svg"}


# The fork (`fork_repo`) and its site (`fork_site`) are tests/conftest.py's, built once a run: with SWT_FORK=1 the
# suites run on that same site.


def site_texts(site: Path):
    """Every file a reader's browser is given as text, except Pyodide's own files and the toolkit's wheel, with
    character references decoded (Markdown writes an e-mail address as &#112;&#101;...)."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in TEXT and "assets/pyodide" not in path.as_posix():
            yield path.relative_to(site).as_posix(), unescape(path.read_text("utf-8", errors="replace"))


# Run inside the fork, with its own toolkit and templates (its added checklist is only there).
DOWNLOADS = """
import json, sys
from toolkit import bridge, planner, tools
org = json.loads(sys.argv[1])
files = []
for tool, values in [*((name, tools.module(name).example()) for name in tools.names()),
                     ("checklist", {"checklist": "manager-conversation"}), ("checklist", {"checklist": "lab-rota"})]:
    answer = json.loads(bridge.handle(json.dumps({"tool": tool, "values": values, "context": org})))
    assert answer["ok"], answer
    files += [(d["filename"], d["content"]) for d in answer["downloads"]] + [(tool + " page", "".join(answer["parts"]))]
print(json.dumps(files))
"""


def every_download(fork: Path) -> list[tuple[str, str]]:
    """Each tool's result and downloads for its example, made by the fork's own Python with its settings."""
    run = subprocess.run([sys.executable, "-c", DOWNLOADS, json.dumps(FORK_ORG)], cwd=fork, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(fork)})
    assert run.returncode == 0, run.stderr
    return [tuple(pair) for pair in json.loads(run.stdout)]


def test_no_page_of_the_fork_says_anything_of_the_default_organisation(fork_site):
    texts = list(site_texts(fork_site))
    assert len(texts) > 30 and "Northgate University" in dict(texts)["index.html"]  # the scan reads the site
    found = [(name, word) for name, text in texts for word in DEFAULT_WORDS if word.lower() in text.lower()]
    assert found == []


def test_no_download_of_any_tool_says_anything_of_the_default_organisation(fork_repo):
    downloads = every_download(fork_repo)
    everything = " ".join(text for _, text in downloads)
    assert len(downloads) >= 12 and "Agile Working" in everything and "Northgate" in everything
    found = [(name, word) for name, text in downloads for word in DEFAULT_WORDS if word.lower() in text.lower()]
    assert found == []


def test_the_forks_words_read_grammatically(fork_site):
    pages = dict(site_texts(fork_site))
    everything = " ".join(pages.values())
    assert "Preparing for an Agile Working conversation" in pages["checklists/index.html"]
    assert not re.search(r"\ba Agile\b", everything)
    assert not re.search(r"\bthe HR Services\b", everything, re.I)
    assert "Ask HR Services" in everything
    # Every way of reaching HR the settings give, in one sentence.
    assert ('Questions? Contact HR Services at <a href="mailto:hr@northgate.example">hr@northgate.example</a>, on '
            '0100 000 0000 or through <a href="https://staff.northgate.example/hr/">their intranet pages</a>.'
            ) in pages["index.html"]


def test_the_forks_brand_reaches_material_and_the_toolkit(fork_site):
    brand = (fork_site / "assets/stylesheets/brand.css").read_text("utf-8")
    assert "--md-primary-fg-color: #5b2a86;" in brand and "--md-accent-fg-color: #8a1c4a;" in brand
    assert "--md-primary-bg-color: #ffffff;" in brand and "--md-accent-bg-color: #ffffff;" in brand  # text on them
    home = (fork_site / "index.html").read_text("utf-8")
    assert 'src="assets/brand/northgate.svg"' in home and "<title>Agile Working at Northgate</title>" in home
    faq = (fork_site / "faq/index.html").read_text("utf-8")
    assert re.search(r"<title>[^<]+ - Northgate</title>", faq)  # a tab's title ends with the short name
    plan = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": planner.example(),
                                                   "context": FORK_ORG})))
    assert 'fill="#5b2a86"' in "".join(plan["parts"])


def test_a_section_switched_off_leaves_the_site_the_menu_and_every_link(fork_site):
    assert not (fork_site / "organisations").exists()
    for name, text in site_texts(fork_site):
        if name.endswith(".html"):
            assert 'href="organisations/' not in text and "/organisations/" not in text, name
            # Sentences that only pointed there go with it (the home page's row, "the organisations' guide").
            assert "Setting the policy for" not in text and "organisations' guide" not in text, name


def test_a_checklist_added_as_one_file_has_its_page_and_menu_entry(fork_site):
    page = (fork_site / "checklists/lab-rota/index.html").read_text("utf-8")
    assert "Preparing an Agile Working lab rota" in page and 'data-tool="checklist"' in page
    assert "Ask HR Services about the university" in page
    home = (fork_site / "index.html").read_text("utf-8")
    assert 'href="checklists/lab-rota/"' in home  # in the menu every page carries


def test_a_page_of_its_own_added_as_one_file_is_in_the_menu(fork_site):
    page = (fork_site / "local/parking/index.html").read_text("utf-8")
    assert "Parking at Northgate" in page and "booked the day before" in page
    home = (fork_site / "index.html").read_text("utf-8")
    assert "At Northgate" in home and 'href="local/parking/"' in home


def test_the_forks_policy_is_what_the_tools_start_from(fork_site):
    team = (fork_site / "tools/team-agreement/index.html").read_text("utf-8")
    context = json.loads(re.search(r"data-tool-context='([^']*)'", team).group(1).replace("&quot;", '"')
                         .replace("&amp;", "&").replace("&#x27;", "'").replace("&#39;", "'"))
    assert context["policy"]["anchor_days"] == ["Monday", "Thursday"] and context["currency"] == "€"
