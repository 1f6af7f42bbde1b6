"""Every user-facing string has a French translation in the committed catalogue."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = Path("locale/fr/LC_MESSAGES/django.po")


def _entries(po_text: str) -> list[str]:
    """The msgids of a catalogue, as msgattrib prints them (header excluded)."""
    return [
        line
        for line in po_text.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    """Re-extract the strings from a copy of the sources into the committed .po."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is required: `make test` installs it.")
    work = tmp_path_factory.mktemp("i18n") / "src"
    for name in ("maillage", "config", "locale"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "manage.py", work / "manage.py")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "--no-location",
            "--ignore=*/tests/*",
            "-v",
            "0",
        ],
        cwd=work,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    return work / CATALOGUE


def _msgattrib(option: str, path: Path) -> list[str]:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgattrib", option, str(path)],  # noqa: S607 - system gettext tool
        capture_output=True,
        text=True,
        check=True,
    )
    return _entries(result.stdout)


def test_every_string_has_a_french_translation(fresh_catalogue):
    """No msgid extracted from the code is left without a French msgstr."""
    assert _msgattrib("--untranslated", fresh_catalogue) == []


def test_no_french_translation_is_fuzzy(fresh_catalogue):
    """A guessed (fuzzy) translation does not count: each is reviewed."""
    assert _msgattrib("--only-fuzzy", fresh_catalogue) == []


def test_committed_catalogue_is_up_to_date(fresh_catalogue):
    """The committed .po holds exactly the strings the code uses."""
    committed = _entries((ROOT / CATALOGUE).read_text())
    assert sorted(_entries(fresh_catalogue.read_text())) == sorted(committed)


def test_pages_render_in_french_by_default(client, db):
    """A first visit, without cookie or header, is in French."""
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu principal" in html
