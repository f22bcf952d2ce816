"""Merging real signed PDFs through the coordinator view: off the GUI thread, per-file results, the database after."""

from __future__ import annotations

import threading

from coordinator_helpers import settle
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from visitapp.registry.merge import Merger

WAIT_MS = 30000


def rows(view) -> list[tuple[str, str, str]]:
    model = view.merge.model
    return [tuple(model.index(r, model.column_of(c)).data() for c in ("file", "status", "reason"))
            for r in range(model.rowCount())]


def merge(qtbot, view, *paths) -> None:
    view.merge.add_paths(list(paths))
    assert view.merge.busy  # the work runs on its own thread, the GUI stays responsive
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)


def trust_both(qtbot, view, signed) -> None:
    view.tabs.setCurrentWidget(view.trust)
    assert view.trust.add_file(signed.anna_pem) and view.trust.add_file(signed.piotr_pem)
    settle(qtbot, view)


def test_merge_two_signed_files_then_again(qtbot, view, svc, signed):
    trust_both(qtbot, view, signed)
    view.tabs.setCurrentWidget(view.merge)
    with qtbot.waitSignal(view.registryChanged, timeout=WAIT_MS):
        merge(qtbot, view, signed.anna_pdf, signed.piotr_pdf)
    assert [r[:2] for r in rows(view)] == [("anna.pdf", "accepted"), ("piotr.pdf", "accepted")]
    assert view.merge.status.text() == "2 accepted, 0 unchanged, 0 rejected."
    assert view.merge.progress.value() == view.merge.progress.maximum() == 2

    notes = svc.notes.list(signed.visit_id)
    assert {(n.text, n.author) for n in notes} == {(signed.anna_note, "Anna Nowak"),
                                                   (signed.piotr_note, "Piotr Wiśniewski")}
    assert svc.visits.get(signed.visit_id).organisation.name == "Hitachi Vantara Sp. z o.o."

    merge(qtbot, view, signed.anna_pdf)  # the same file again changes nothing, and replaces its row (issue 11)
    assert [r[:2] for r in rows(view)] == [("anna.pdf", "unchanged"), ("piotr.pdf", "accepted")]
    assert rows(view)[0][2] == "This file was merged before."
    assert len(svc.notes.list(signed.visit_id)) == 2


def test_a_tampered_file_is_rejected_with_its_reason(qtbot, view, svc, signed):
    trust_both(qtbot, view, signed)
    merge(qtbot, view, signed.tampered_pdf)
    ((name, status, reason),) = rows(view)
    assert (name, status) == ("tampered.pdf", "rejected")
    assert "broken" in reason
    # A reason longer than its column: cut in the middle (its end, what to do, stays), whole in the tooltip.
    from PySide6.QtCore import Qt

    model = view.merge.model
    tip = model.index(0, model.column_of("reason")).data(Qt.ItemDataRole.ToolTipRole)
    assert " ".join(tip.split()) == reason and max(len(line) for line in tip.splitlines()) <= 90
    assert view.merge.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert view.merge.status.text() == "0 accepted, 0 unchanged, 1 rejected."
    assert svc.visits.list() == []  # nothing of it was imported


def test_untrusted_signer_rejected_until_trusted(qtbot, view, svc, signed):
    merge(qtbot, view, signed.anna_pdf)
    assert rows(view)[0][1] == "rejected" and "not trusted" in rows(view)[0][2]
    view.trust.add_file(signed.anna_pem)
    settle(qtbot, view)
    merge(qtbot, view, signed.anna_pdf)
    # Merging the file again replaces its earlier (rejected) row (issue 11), it does not add a second one.
    assert [r[:2] for r in rows(view)] == [("anna.pdf", "accepted")]


def test_drop_a_folder(qtbot, view, svc, signed):
    """A real QDropEvent with the folder's URL: every PDF under it is merged."""
    trust_both(qtbot, view, signed)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(signed.anna_pdf.parent))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.merge.dropEvent(event)
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)
    assert sorted(r[:2] for r in rows(view)) == [("anna.pdf", "accepted"), ("piotr.pdf", "accepted")]
    assert len(svc.notes.list(signed.visit_id)) == 2


def test_cancel_stops_after_the_current_file(qtbot, view, svc, signed, monkeypatch):
    from visitapp.ui.coordinator import merge_page

    trust_both(qtbot, view, signed)
    inside, release = threading.Event(), threading.Event()

    def pause(source) -> None:  # on the worker thread, inside the second file's transaction
        if source.file_name.endswith("piotr.pdf"):
            inside.set()
            release.wait(WAIT_MS / 1000)

    # The page's real merger, holding the second file open until Cancel is pressed.
    monkeypatch.setattr(merge_page, "Merger", lambda db, **kw: Merger(db, before_commit=pause, **kw))
    view.merge.add_paths([signed.anna_pdf, signed.piotr_pdf, signed.tampered_pdf])
    qtbot.waitUntil(inside.is_set, timeout=WAIT_MS)
    qtbot.mouseClick(view.merge.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)
    assert [r[:2] for r in rows(view)] == [("anna.pdf", "accepted"), ("piotr.pdf", "accepted"),
                                           ("tampered.pdf", "not merged")]
    assert view.merge.status.text().startswith("Cancelled: 2 of 3 files merged.")
    assert len(svc.notes.list(signed.visit_id)) == 2


def test_a_merge_with_disagreements_points_to_them(qtbot, view, svc, signed, tmp_path):
    """Piotr's minutes of the same visit name another place: the file is accepted and the disagreement listed."""
    import uuid as uuid_mod

    from coordinator_helpers import keys, sign
    from registry_helpers import PIOTR, Official

    trust_both(qtbot, view, signed)
    merge(qtbot, view, signed.anna_pdf)
    other = Official(tmp_path / "p2.db", PIOTR, signed.visit_id, place="Zakład w Niepołomicach")
    other.note("Inna notatka " + str(uuid_mod.uuid4())[:8])
    p12, pem = keys(tmp_path, "piotr2", PIOTR)
    sign(other, tmp_path / "piotr-elsewhere.pdf", p12)
    other.close()
    view.trust.add_file(pem)
    settle(qtbot, view)
    merge(qtbot, view, tmp_path / "piotr-elsewhere.pdf")
    name, status, _reason = rows(view)[-1]
    assert (name, status) == ("piotr-elsewhere.pdf", "accepted")
    from PySide6.QtWidgets import QApplication

    from visitapp.ui.coordinator import load_translator

    app = QApplication.instance()
    english = load_translator(app, "en")  # the English plural forms, as the app shows them
    app.installTranslator(english)
    try:
        assert rows(view)[-1][2] == "1 note added. 1 disagreement to settle on the Disagreements page."
    finally:
        app.removeTranslator(english)
    assert view.disagreements.model.rowCount() == 1
    assert view.tabs.tabText(view.tabs.indexOf(view.disagreements)).endswith("(1)")
