"""The coordinator view's own translations: complete, placeholders kept, .qm up to date, loaded by the view."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
SOURCES = Path(__file__).resolve().parents[2] / "visitapp" / "ui" / "coordinator"
PLACEHOLDER = re.compile(r"%n|%\d|%v|%m")


def _messages(lang):
    root = ET.parse(TRANSLATIONS / f"coordinator_{lang}.ts").getroot()
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


def test_ts_covers_every_string_in_the_code():
    """Every self.tr("...") literal of the package has an entry (run pyside6-lupdate when this fails)."""
    sources = {msg.find("source").text for _c, msg in _messages("pl")}
    pattern = re.compile(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*(?:\)|,)', re.S)
    for path in SOURCES.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        # join implicitly concatenated literals inside tr( … )
        text = re.sub(r'"\s*\n\s*"', "", text)
        for literal in pattern.findall(text):
            value = literal.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            assert value in sources, (path.name, value)


def test_qm_files_are_up_to_date(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease comes with PySide6-Essentials"
    for lang in ("pl", "en"):
        out = tmp_path / f"{lang}.qm"
        subprocess.run([tool, str(TRANSLATIONS / f"coordinator_{lang}.ts"), "-qm", str(out)], check=True,
                       capture_output=True, timeout=60)
        assert out.read_bytes() == (TRANSLATIONS / f"coordinator_{lang}.qm").read_bytes(), f"run pyside6-lrelease for {lang}"


@pytest.fixture
def polish(qapp):
    from visitapp.ui.coordinator import load_translator

    translator = load_translator(qapp, "pl")
    assert translator is not None
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_view_in_polish(qtbot, svc, demo, polish):
    from visitapp.ui.coordinator import CoordinatorView

    view = CoordinatorView(svc)
    qtbot.addWidget(view)
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs == ["Scalanie", "Zaufani podpisujący", "Zadania", "Rozbieżności", "Raporty i plany"]
    assert view.merge.choose_files.text() == "Wybierz p&liki…"
    count = view.actions.model.rowCount()
    assert view.actions.count.text().startswith(f"{count} zada")
    forms = {n: QCoreApplication.translate("MergePage", "%n note(s) added", "", n) for n in (1, 2, 5, 22)}
    assert forms == {1: "dodano 1 notatkę", 2: "dodano 2 notatki", 5: "dodano 5 notatek", 22: "dodano 22 notatki"}
    view.shutdown()
