"""Importing a plan in the coordinator's window when the visit changed between the question and the Yes: the
changes confirmed are not the changes found, so nothing is imported, and the window says so in one sentence whose
number agrees with its noun (ngettext: one English plural, three Polish forms)."""

from __future__ import annotations

import pytest
import test_plan_dialogs as dialogs
from PySide6.QtWidgets import QMessageBox
from registry_helpers import dump

from visitapp import i18n
from visitapp.registry.trust import TrustStore

coordinator, official, planned = dialogs.coordinator, dialogs.official, dialogs.planned  # that file's fixtures


@pytest.mark.parametrize("lang, fields, sentence", [
    ("en", {"place": "Sala 2", "title": "Przeniesiona"},
     "The plan makes 2 changes in visits you already have; they were not confirmed, so nothing was imported."),
    ("pl", {"place": "Sala 2"},
     "Plan wprowadza 1 zmianę w wizytach, które już masz; nie została potwierdzona, więc niczego nie zaimportowano."),
])
def test_a_visit_changed_after_the_question_imports_nothing(qtbot, svc, planned, coordinator, official, messages,
                                                            tmp_path, monkeypatch, lang, fields, sentence):
    source, cert = coordinator
    path, mine, page = official
    TrustStore(mine.db).add([cert])
    assert page.import_plan_from(dialogs._signed_plan(svc, source, tmp_path / "first.p7m"))
    dialogs._stored(qtbot, page)
    svc.visits.update(planned.id, **fields)
    changed = dialogs._signed_plan(svc, source, tmp_path / "changed.p7m")
    assert page.import_plan_from(changed) is None
    box = dialogs._question(qtbot, page)
    mine.visits.update(planned.id, place="Sala 7")  # the official moves the visit while the question is open
    before = dump(path)
    monkeypatch.setattr(i18n, "_current", lang)  # the core's sentence in this language (restored after the test)
    dialogs._answer(qtbot, page, box, QMessageBox.StandardButton.Yes)
    dialogs._stored(qtbot, page)
    assert messages[-1] == ("Import a plan", sentence) and page.status.text() == sentence
    assert dump(path) == before
