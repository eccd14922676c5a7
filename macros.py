"""mkdocs-macros glue: the organisation's settings for pages, tool and checklist forms, packing Python into the site."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# mkdocs-macros loads this file by path; the build glue (sitebuild) and the toolkit are imported from the checkout.
sys.path.insert(0, str(ROOT))

from sitebuild import offline, orgfile, pack, statement  # noqa: E402
from toolkit import forms, tools  # noqa: E402
from toolkit import checklist as checklists  # noqa: E402
from toolkit.documents import date_words  # noqa: E402
from toolkit.flexible_working import rules_page  # noqa: E402


def define_env(env) -> None:
    # Checked and merged from org.yml by sitebuild/orgfile.py, which runs first.
    org = env.conf["extra"]["org"]
    env.variables["org"] = org

    def render(form: forms.ToolForm) -> str:
        # Marks the page as a tool page, so overrides/main.html lets it start Python from <head>.
        env.page.meta["swt_tool"] = True
        # The page hands the organisation's settings to Python in the browser, to word results its way.
        return forms.render_tool(replace(form, context=org))

    @env.macro
    def checklist(checklist_id: str) -> str:
        """An interactive checklist from templates/checklists/<id>.toml."""
        return render(checklists.form(org, checklist_id))

    @env.macro
    def tool(name: str) -> str:
        """A tool's form, rendered from its own schema."""
        return render(tools.module(name).form(org))

    @env.macro
    def law(what: str = "page") -> str:
        """The rules this site follows, made from the law file: the whole page, or ("as_of") the line a tool page
        shows, "Rules as of DATE", linking that page."""
        if what == "as_of":
            return rules_page.as_of_markdown(org, "../" * env.page.file.src_uri.count("/") + rules_page.PAGE)
        return rules_page.page_markdown(org)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement, from the settings' contact and templates/accessibility.toml."""
        return statement.page_markdown(org)

    @env.macro
    def checklist_title(checklist_id: str) -> str:
        return checklists.load(checklist_id, org).title

    @env.macro
    def published(src: str) -> bool:
        """Whether a page ("faq.md", "organisations/index.md") is in the site, not switched off in org.yml:
        a sentence that only points to a page switched off is left out with it."""
        return orgfile.is_published(src, org)

    @env.macro
    def contact(lead: str) -> str:
        return contact_sentence(org, lead)

    @env.macro
    def checklist_summary(checklist_id: str) -> str:
        return checklists.load(checklist_id, org).summary

    @env.macro
    def checklists_for(audience: str) -> str:
        """A Markdown list linking every checklist written for one audience, from any page."""
        page = env.page.file.src_uri
        depth = page.count("/")
        prefix = "../" * depth
        lines = []
        for cid in checklists.available():
            item = checklists.load(cid, org)
            if item.audience == audience and published(f"checklists/{cid}.md"):
                lines.append(f"- [{item.title}]({prefix}checklists/{cid}.md): {item.summary}")
        return "\n".join(lines)


def contact_sentence(org: dict, lead: str) -> str:
    """'Questions? Contact the People Team at <email>, on 0100 or through [their intranet pages](…).': one
    sentence from whichever ways of reaching the team the settings give."""
    c = org["contact"]
    ways = ([f"at <{c['email']}>"] if c["email"] else []) + ([f"on {c['phone']}"] if c["phone"] else []) + (
        [f"through [their intranet pages]({c['intranet']})"] if c["intranet"] else [])
    listed = ", ".join(ways[:-1]) + f" or {ways[-1]}" if len(ways) > 1 else "".join(ways)
    return f"{lead} {c['the_team']}{' ' + listed if listed else ''}."


def on_post_page_macros(env) -> None:
    """Every page ends by saying when it was last changed."""
    src = env.page.file.src_uri
    source = ROOT / "docs" / src
    if not source.exists():  # a checklist's page made from its template alone (sitebuild/orgfile.py): the template's date
        source = ROOT / "templates" / "checklists" / f"{Path(src).stem}.toml"
    env.markdown += f'\n\n<p class="swt-updated">Last updated: {last_updated(source)}</p>\n'


def last_updated(source: Path) -> str:
    """The day a page's source last changed: its last commit in a clone, otherwise the file's own date."""
    run = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(source)], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    stamp = run.stdout.strip() if run.returncode == 0 else ""
    day = date.fromisoformat(stamp) if stamp else date.fromtimestamp(source.stat().st_mtime)
    return date_words(day)


def on_post_build(env) -> None:
    """Put Pyodide, the toolkit wheel and its lockfile into the site; move inline scripts into files; take the
    page-wide restyle out of Material's palette (see sitebuild/pack.py); last, the service worker with the hashes
    of the files as they are served (sitebuild/offline.py)."""
    site = Path(env.conf["site_dir"])
    org = env.conf["extra"]["org"]
    pack.pack_python(ROOT, site, org["python"]["memory_snapshot"])
    pack.externalise_inline_scripts(site)
    pack.drop_colour_switching_rule(site)
    offline.write(ROOT, site, org["offline"])
