"""A broken settings file stops the build, naming the file, every key at fault and what to write instead."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from tests.support.build import ROOT, free_port
from tests.support.fork import build_fork, make_fork


def build_with(settings_text: str, tmp_path) -> subprocess.CompletedProcess:
    path = tmp_path / "org.yml"
    path.write_text(settings_text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SWT_ORG": str(path)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def default_settings() -> dict:
    return yaml.safe_load((ROOT / "org.yml").read_text("utf-8"))


@pytest.mark.parametrize("edit, key, words", [
    ("policy:\n  anchor_days: Tuesday\n", "policy.anchor_days", "list"),
    ("policy:\n  core_hours: {start: 10:00, end: \"15:00\"}\n", "policy.core_hours.start", "quotes"),
    ("colors:\n  primary: \"#5b2a86\"\n", "colors", "colours"),
])
def test_one_broken_setting_fails_the_build_with_its_key(tmp_path, edit, key, words):
    run = build_with(edit, tmp_path)
    assert run.returncode != 0
    assert f"org.yml: {key}: " in run.stderr and words in run.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_every_problem_is_reported_in_one_build(tmp_path):
    settings = default_settings()
    settings["term_article"] = "the"
    settings["colours"]["primary"] = "#88aadd"
    settings["policy"]["anchor_days"] = ["Thurday"]
    settings["policy"]["min_days_together"] = "two"
    settings["content"]["switched_off"] = ["nowhere.md"]
    run = build_with(yaml.safe_dump(settings, sort_keys=False), tmp_path)
    assert run.returncode != 0
    for key in ("term_article", "colours.primary", "policy.anchor_days (item 1)", "policy.min_days_together",
                "content.switched_off (item 1)"):
        assert f"org.yml: {key}: " in run.stderr, key
    assert "2.37:1" in run.stderr  # the measured contrast


def test_a_file_that_is_not_yaml_is_named_with_its_line(tmp_path):
    run = build_with("name: Acme\npolicy:\n  anchor_days: [Tuesday\n", tmp_path)
    assert run.returncode != 0 and "org.yml (line" in run.stderr and "not valid YAML" in run.stderr


def test_the_defaults_as_shipped_build(default_site):
    # The run's one build of the shipped org.yml (tests/conftest.py's default_site, which fails on a non-zero
    # return code from `mkdocs build --strict`), not a second build of the same settings.
    assert (default_site / "index.html").is_file()


def test_a_broken_checklist_file_fails_the_build_in_words_not_a_traceback(tmp_path):
    fork = make_fork(tmp_path / "fork")
    (fork / "templates/checklists/desk-booking.toml").write_text(
        'title = "Booking a desk"\naudience = "employee"\nsummary = "For anyone."\n\n[[sections]]\ntitle = "Before"\n'
        '\n[[sections.items]]\nid = "ask"\ntext = "Ask {contact_fone} which desks are free."\n', encoding="utf-8")
    (fork / "templates/checklists/quotes.toml").write_text('title = "Check who\'s in on "Wednesday"."\n',
                                                           encoding="utf-8")
    run = build_fork(fork, tmp_path / "out", free_port())
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "The checklists have problems" in run.stderr
    assert "templates/checklists/desk-booking.toml: audience must be one of" in run.stderr
    assert "templates/checklists/quotes.toml is not valid TOML" in run.stderr and "single quotes" in run.stderr


def test_a_placeholder_the_site_does_not_fill_in_fails_the_build(tmp_path):
    fork = make_fork(tmp_path / "fork")
    (fork / "templates/checklists/desk-booking.toml").write_text(
        'title = "Booking a desk"\naudience = "employees"\nsummary = "For anyone."\n\n[[sections]]\ntitle = "Before"\n'
        '\n[[sections.items]]\nid = "ask"\ntext = "Ask {contact_fone} which desks are free."\n', encoding="utf-8")
    run = build_fork(fork, tmp_path / "out", free_port())
    assert run.returncode != 0 and "{contact_fone} is not something this site fills in" in run.stderr


# The schema's own broken variants (tests/unit/test_org_schema.py), each through a real build: the first 24.
from tests.unit.test_org_schema import BROKEN  # noqa: E402


@pytest.mark.parametrize("broken, key, word", BROKEN[:24])
def test_each_broken_variant_fails_the_real_build_naming_its_key(tmp_path, broken, key, word):
    run = build_with(yaml.safe_dump(broken, sort_keys=False, allow_unicode=True), tmp_path)
    assert run.returncode != 0 and f"org.yml: {key}: " in run.stderr and word in run.stderr
