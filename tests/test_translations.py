"""Every string in the code and templates has a Thai translation in the catalogue."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "app/translations/th/LC_MESSAGES/messages.po"


def _catalogue():
    with CATALOGUE.open("rb") as f:
        return read_po(f, locale="th")


def test_every_message_in_the_catalogue_is_translated_and_not_fuzzy():
    untranslated = [
        m.id
        for m in _catalogue()
        if m.id and (m.fuzzy or not (m.string if isinstance(m.string, str) else all(m.string)))
    ]
    assert untranslated == []


def test_every_message_in_the_code_is_in_the_catalogue(tmp_path):
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(template), "--no-location", "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with template.open("rb") as f:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue() if m.id}
    assert sorted(wanted - have) == []
