"""The visit list's search finds every form of a word; its "Exact forms" switch finds only the form typed."""

from __future__ import annotations

from visitapp.ui.visit_list import NOTE_ROLE


def _hit_notes(panel) -> list[str]:
    return [panel.hits.item(i).data(NOTE_ROLE) for i in range(panel.hits.count())]


def test_exact_forms_switch(gui, qtbot, svc, demo):
    note = svc.notes.add(demo[0], "Od lat brakuje spawaczy z uprawnieniami")
    panel = gui.window.list_panel
    panel.search.setText("spawacze uprawnienia")
    panel.run_search()
    assert note.id in _hit_notes(panel)
    assert ">spawaczy</b>" in panel.hits.item(_hit_notes(panel).index(note.id)).text()

    panel.exact.setChecked(True)  # searches again at once
    assert note.id not in _hit_notes(panel)
    panel.search.setText("spawaczy uprawnieniami")
    panel.run_search()
    assert note.id in _hit_notes(panel)
    panel.exact.setChecked(False)
    assert note.id in _hit_notes(panel)
