"""The coordinator view's own translations are loaded by the view and speak Polish (plurals included)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

# The catalogue checks (complete, placeholders, mnemonics, .qm current, every tr() string present)
# run for both Qt catalogues in tests/ui/test_i18n.py.


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
    assert tabs == ["Scalanie", "Zaufani podpisujący", "Zadania", "Rozbieżności", "Raporty i plany", "Osoby"]
    assert view.merge.choose_files.text() == "Wybierz p&liki…"
    count = view.actions_page.model.rowCount()
    assert view.actions_page.count.text().startswith(f"{count} zada")
    forms = {n: QCoreApplication.translate("MergePage", "%n note(s) added", "", n) for n in (1, 2, 5, 22)}
    assert forms == {1: "dodano 1 notatkę", 2: "dodano 2 notatki", 5: "dodano 5 notatek", 22: "dodano 22 notatki"}
    view.shutdown()
