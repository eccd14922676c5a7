"""The organisation's settings file (org.yml): read, checked and applied to the site when it builds.

A MkDocs hook (mkdocs.yml `hooks:`). An organisation edits only org.yml, so updates from upstream merge without
touching mkdocs.yml. `SWT_ORG=path/to/org.yml` builds with another settings file (the fork test does).

- Checked first, all at once: every problem is reported with the file, the key and what to write instead, and the
  site is not built (sitebuild/org_schema.py holds the rules).
- Applied: the site's name and address, logo and favicon, the brand colours (a stylesheet made from them, read by
  Material and the toolkit alike), and `extra.org` for every page, checklist and tool.
- Content: pages and sections switched off leave the site and the menu, and links to them become plain text;
  a checklist is added by adding one file to templates/checklists/, a page by adding one to docs/local/ (their
  pages and menu entries follow).
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import checklist as checklists  # noqa: E402
from toolkit import org as org_settings  # noqa: E402
from sitebuild import org_schema  # noqa: E402
from toolkit import templates  # noqa: E402
from toolkit.draw import contrast, mix, text_on  # noqa: E402

BRAND_CSS = "assets/stylesheets/brand.css"
BRAND_DIR = "assets/brand/"
# Material's dark scheme background (slate, hue 225): links there take a light tint of the primary colour.
SLATE_BG = "#1e2129"
CHECKLISTS_SECTION = "Checklists"
LOCAL = "local"  # docs/local/: the organisation's own pages


def settings_path() -> Path:
    """org.yml beside this file, or the file SWT_ORG names (relative to the repository)."""
    chosen = os.environ.get("SWT_ORG")
    return (ROOT / chosen) if chosen else ROOT / "org.yml"


def load(path: Path | None = None) -> Any:
    """The settings as written (not yet checked); a file that is not YAML fails in words, with its line."""
    path = path or settings_path()
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"{path}: the settings file is missing. Copy org.yml from the toolkit and edit it.")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ConfigurationError(f"{path}{where}: this is not valid YAML: {getattr(error, 'problem', error)}. "
                                 "Check the indentation and quotes near that line.")


def checked(path: Path | None = None, docs_dir: Path | None = None) -> dict[str, Any]:
    """The settings merged over the defaults, or ConfigurationError listing every problem found."""
    path = path or settings_path()
    raw = load(path)
    found = org_schema.problems(raw, docs_dir)
    if found:
        lines = [f"{path.name}: {p.key}: {p.message}" for p in found]
        raise ConfigurationError("The organisation's settings have problems, so the site was not built:\n  "
                                 + "\n  ".join(lines))
    return org_settings.merge(raw)


# ---------------------------------------------------------------- hooks

def checklist_problems(org: dict[str, Any]) -> list[str]:
    """Every checklist file's problems in plain words (a mistake in one is reported like a setting's, not as a
    traceback from the page that shows it), including placeholders the site does not fill in."""
    found = []
    known = ", ".join("{" + name + "}" for name in org_settings.PLACEHOLDERS)
    for cid in checklists.available():
        source = f"templates/checklists/{cid}.toml"
        try:
            checklists.load(cid, org)
        except checklists.ChecklistError as error:
            hint = (' A " inside a text must be written \\", or put the whole text in single quotes instead.'
                    if "not valid TOML" in str(error) else "")
            found.append(f"{error}{hint}")
            continue
        for name in re.findall(r"\{(\w+)\}", templates.read(f"checklists/{cid}.toml")):
            if name not in org_settings.PLACEHOLDERS:
                found.append(f"{source}: {{{name}}} is not something this site fills in; use one of {known}.")
    return found


@event_priority(100)  # before mkdocs-macros reads extra.org
def on_config(config, **_):
    org = checked(docs_dir=Path(config["docs_dir"]))
    if found := checklist_problems(org):
        raise ConfigurationError("The checklists have problems, so the site was not built:\n  " + "\n  ".join(found))
    config["site_name"] = org["site_name"]
    config["site_url"] = os.environ.get("SWT_SITE_URL") or org["site_url"] or config["site_url"]
    config["theme"]["logo"] = org["logo"]
    config["theme"]["favicon"] = org["favicon"]
    config["extra"]["org"] = org
    if BRAND_CSS not in config["extra_css"]:
        config["extra_css"].insert(0, BRAND_CSS)
    nav = _with_checklists(_prune(config["nav"], org["content"]["switched_off"]), _checklist_pages(config))
    config["nav"] = _with_own_pages(nav, Path(config["docs_dir"]), org)
    return config


def on_files(files: Files, config, **_) -> Files:
    org = config["extra"]["org"]
    off = org["content"]["switched_off"]
    brand = {org["logo"], org["logo_dark"], org["favicon"]}
    for file in list(files):
        # Pages switched off, and logos the settings do not name (a fork ships its own, not the default's).
        if (file.src_uri.endswith(".md") and is_switched_off(file.src_uri, off)) or (
                file.src_uri.startswith(BRAND_DIR) and file.src_uri not in brand):
            files.remove(file)
    for page in _checklist_pages(config):
        if files.get_file_from_path(page) is None:
            files.append(File.generated(config, page, content=_checklist_page(page)))
    files.append(File.generated(config, BRAND_CSS, content=brand_css(config["extra"]["org"])))
    return files


@event_priority(-100)  # after mkdocs-macros has written the page's links
def on_page_markdown(markdown: str, page, config, **_) -> str:
    """Links to a page that is switched off become their plain text, so no page points nowhere."""
    off = config["extra"]["org"]["content"]["switched_off"]
    if not off:
        return markdown
    here = posixpath.dirname(page.file.src_uri)

    def unlink(match: re.Match[str]) -> str:
        target = match.group(2).split("#", 1)[0]
        if not target or "://" in target or target.startswith(("mailto:", "/")):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(here, target))
        if path.endswith("/") or not path.endswith(".md"):
            path = posixpath.join(path, "index.md")
        return match.group(1) if is_switched_off(path, off) else match.group(0)

    return re.sub(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)", unlink, markdown)


# ---------------------------------------------------------------- content

def is_published(src_uri: str, org: dict[str, Any]) -> bool:
    return not is_switched_off(src_uri, org["content"]["switched_off"])



def is_switched_off(src_uri: str, off: list[str]) -> bool:
    """Whether a page ("faq.md") is in the list of pages and sections ("managers/") switched off."""
    return any(src_uri == item or (item.endswith("/") and src_uri.startswith(item)) for item in off)


def _prune(nav: list[Any], off: list[str]) -> list[Any]:
    """The menu without the pages switched off, and without sections left empty."""
    kept = []
    for entry in nav or []:
        if isinstance(entry, str):
            if not is_switched_off(entry, off):
                kept.append(entry)
            continue
        (title, value), = entry.items()
        if isinstance(value, list):
            value = _prune(value, off)
            if value:
                kept.append({title: value})
        elif not is_switched_off(value, off):
            kept.append(entry)
    return kept


def _checklist_pages(config) -> list[str]:
    off = config["extra"]["org"]["content"]["switched_off"]
    return [page for page in (f"checklists/{cid}.md" for cid in checklists.available()) if not is_switched_off(page, off)]


def _with_checklists(nav: list[Any], pages: list[str]) -> list[Any]:
    """Every checklist in the menu: one added as a file in templates/checklists/ gets its entry here."""
    listed = set(re.findall(r"checklists/[\w-]+\.md", repr(nav)))
    missing = [page for page in pages if page not in listed]
    if not missing:
        return nav
    for entry in nav:
        if isinstance(entry, dict) and isinstance(entry.get(CHECKLISTS_SECTION), list):
            entry[CHECKLISTS_SECTION].extend(missing)
            return nav
    return nav + [{CHECKLISTS_SECTION: missing}]


def _with_own_pages(nav: list[Any], docs: Path, org: dict[str, Any]) -> list[Any]:
    """The organisation's own pages, Markdown files it adds to docs/local/, in a menu section of their own."""
    pages = sorted(p.relative_to(docs).as_posix() for p in (docs / LOCAL).glob("*.md")) if (docs / LOCAL).is_dir() else []
    if not pages:
        return nav
    return nav + [{f"At {org['short_name'] or org['name']}": pages}]


def _checklist_page(page: str) -> str:
    """The page of a checklist that has only its template: its title, its summary, the checklist."""
    cid = posixpath.splitext(posixpath.basename(page))[0]
    return (f'# {{{{ checklist_title("{cid}") }}}}\n\n{{{{ checklist_summary("{cid}") }}}}\n\n'
            f'{{{{ checklist("{cid}") }}}}\n')


# ---------------------------------------------------------------- brand

def brand_css(org: dict[str, Any]) -> str:
    """Material's palette and the toolkit's colours, from the two brand colours: one place for both. Text on a
    brand colour (the header, a button) is black or white, whichever reads better: at least 4.58:1 on any colour."""
    primary, accent = org["colours"]["primary"], org["colours"]["accent"]
    # On the dark scheme, links take the least tint of the primary colour that reads on it.
    dark_link = next(tint for share in range(0, 101, 5)
                     if contrast(tint := mix(primary, "#ffffff", share / 100), SLATE_BG) >= 7)
    lines = [
        "/* Made when the site is built, from the colours in org.yml (sitebuild/orgfile.py): change them there. */",
        ":root {",
        f"  --md-primary-fg-color: {primary};",
        f"  --md-primary-fg-color--light: {mix(primary, '#ffffff', 0.2)};",
        f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.25)};",
        f"  --md-primary-bg-color: {text_on(primary)};",
        f"  --md-accent-fg-color: {accent};",
        f"  --md-accent-fg-color--transparent: {accent}1a;",
        f"  --md-accent-bg-color: {text_on(accent)};",
        "}",
        f'[data-md-color-scheme="slate"] {{ --md-typeset-a-color: {dark_link}; }}',
    ]
    if org.get("logo_dark"):
        # Material shows one logo; in the dark scheme the image's content is swapped for the dark one.
        lines.append(f'[data-md-color-scheme="slate"] .md-logo img {{ content: url("../../{org["logo_dark"]}"); }}')
    return "\n".join(lines) + "\n"
