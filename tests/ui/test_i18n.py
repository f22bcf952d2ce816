"""Translations: every entry translated, placeholders kept, .qm up to date, Polish plurals; switching language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from visitapp.ui import settings as s

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
UI = ROOT / "visitapp" / "ui"
PLACEHOLDER = re.compile(r"%n|%\d|%v|%m")
# Each Qt catalogue and the sources whose self.tr() strings it holds.
CATALOGUES = {
    "visitapp": sorted(p for p in UI.rglob("*.py") if "coordinator" not in p.relative_to(UI).parts),
    "coordinator": sorted((UI / "coordinator").glob("*.py")),
}
BOTH = [(c, lang) for c in CATALOGUES for lang in ("pl", "en")]


def _messages(catalogue, lang):
    root = ET.parse(TRANSLATIONS / f"{catalogue}_{lang}.ts").getroot()
    for context in root.iter("context"):
        for msg in context.iter("message"):
            yield context.find("name").text, msg


@pytest.mark.parametrize(("catalogue", "lang"), BOTH)
def test_every_entry_translated_with_the_same_placeholders(catalogue, lang):
    count = 0
    for context, msg in _messages(catalogue, lang):
        source = msg.find("source").text
        tr = msg.find("translation")
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        numerus = msg.get("numerus") == "yes"
        texts = [f.text for f in tr.findall("numerusform")] if numerus else [tr.text]
        if numerus:
            assert len(texts) == (3 if lang == "pl" else 2), source
        for text in texts:
            assert text and text.strip(), (context, source)
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(source))), (source, text)
            assert source.count("&") == text.count("&"), (source, text)  # a mnemonic stays a mnemonic
        count += 1
    assert count > 100


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_ts_covers_every_string_in_the_code(catalogue):
    """Every self.tr("...") literal has an entry (run pyside6-lupdate when this fails)."""
    sources = {msg.find("source").text for _c, msg in _messages(catalogue, "pl")}
    pattern = re.compile(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*(?:\)|,)', re.S)
    for path in CATALOGUES[catalogue]:
        text = re.sub(r'"\s*\n\s*"', "", path.read_text(encoding="utf-8"))  # join implicitly concatenated literals
        for literal in pattern.findall(text):
            value = literal.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            assert value in sources, (path.name, value)


@pytest.mark.parametrize(("catalogue", "lang"), BOTH)
def test_qm_files_are_up_to_date(catalogue, lang, tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease comes with PySide6-Essentials"
    out = tmp_path / f"{lang}.qm"
    subprocess.run([tool, str(TRANSLATIONS / f"{catalogue}_{lang}.ts"), "-qm", str(out)], check=True,
                   capture_output=True, timeout=60)
    expected = (TRANSLATIONS / f"{catalogue}_{lang}.qm").read_bytes()
    assert out.read_bytes() == expected, f"run pyside6-lrelease: {out.name}"


def test_polish_plural_forms(qapp):
    from visitapp.ui.translation import Translations

    tr = Translations(qapp)
    try:
        tr.apply("pl")
        forms = {n: QCoreApplication.translate("CaptureView", "%n note(s)", "", n) for n in (1, 2, 5, 22, 25)}
        assert forms == {1: "1 notatka", 2: "2 notatki", 5: "5 notatek", 22: "22 notatki", 25: "25 notatek"}
        tr.apply("en")
        assert QCoreApplication.translate("CaptureView", "%n note(s)", "", 1) == "1 note"
        assert QCoreApplication.translate("CaptureView", "%n note(s)", "", 3) == "3 notes"
    finally:
        tr.apply("en")


def test_switch_to_polish_in_settings(gui, demo, qtbot, monkeypatch):
    from visitapp.ui.settings_dialog import SettingsDialog

    gui.window.open_visit(demo[0])
    assert gui.window.menuBar().actions()[0].text() == "&File"

    def choose_polish(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("pl"))
        dialog.name.setText("Anna Nowak")
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_polish)
    gui.window.show_settings()
    window = gui.window
    qtbot.addWidget(window)
    assert gui.settings.get(s.LANGUAGE) == "pl"
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&Plik", "&Edycja", "&Wizyta"]
    assert window.capture.visit.id == demo[0]  # the open visit stays open
    assert "13 notatek" in window.capture.header.text()  # the first demo visit has 13 notes
    assert "Anna Nowak" in window.who_label.text()
    assert gui.services().identity.name == "Anna Nowak"
    assert window.capture.box.section_label.text().startswith("Sekcja 1: Profil firmy")
