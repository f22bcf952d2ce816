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

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"%n|%\d")


def _messages(lang):
    root = ET.parse(TRANSLATIONS / f"visitapp_{lang}.ts").getroot()
    for context in root.iter("context"):
        for msg in context.iter("message"):
            yield context.find("name").text, msg


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_entry_translated_with_the_same_placeholders(lang):
    count = 0
    for context, msg in _messages(lang):
        source = msg.find("source").text
        tr = msg.find("translation")
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        texts = [f.text for f in tr.findall("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
        if msg.get("numerus") == "yes":
            assert len(texts) == (3 if lang == "pl" else 2), source
        for text in texts:
            assert text and text.strip(), (context, source)
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(source))), (source, text)
        count += 1
    assert count > 100


def test_qm_files_are_up_to_date(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease comes with PySide6-Essentials"
    for lang in ("pl", "en"):
        out = tmp_path / f"{lang}.qm"
        subprocess.run([tool, str(TRANSLATIONS / f"visitapp_{lang}.ts"), "-qm", str(out)], check=True,
                       capture_output=True, timeout=60)
        assert out.read_bytes() == (TRANSLATIONS / f"visitapp_{lang}.qm").read_bytes(), f"run pyside6-lrelease for {lang}"


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
    assert "notatek" in window.capture.header.text() or "notatki" in window.capture.header.text()
    assert "Anna Nowak" in window.who_label.text()
    assert gui.services().identity.name == "Anna Nowak"
    assert window.capture.box.section_label.text().startswith("Sekcja 1: Profil firmy")
