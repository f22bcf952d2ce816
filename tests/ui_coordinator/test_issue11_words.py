"""Issue 11, one language: the merge progress says "0 z 1 pliku" (Qt's plural forms), not "0 z 1 plików"."""

from __future__ import annotations

import pytest


@pytest.fixture
def polish(qapp):
    from visitapp.ui.coordinator import load_translator

    translator = load_translator(qapp, "pl")
    assert translator is not None
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_merge_progress_counts_files_in_polish(qtbot, svc, demo, polish):
    from visitapp.ui.coordinator import CoordinatorView

    view = CoordinatorView(svc)
    qtbot.addWidget(view)
    bar = view.merge.progress
    assert bar.maximum() == 1 and bar.text() == "0 z 1 pliku"
    bar.setFormat(view.merge.tr("%v of %n file(s)", "", 5))
    bar.setRange(0, 5)
    bar.setValue(2)
    assert bar.text() == "2 z 5 plików"
    view.shutdown()
