"""Two copies of visitapp on one database file: both work, nothing typed in either is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.app_session import close_app
from visitapp.ui import settings as s


def _open_copy(qapp, qtbot, db_path, tmp_path, name):
    from visitapp.ui.app import Application
    from visitapp.ui.settings import AppSettings

    st = AppSettings(tmp_path / f"{name}.ini")
    st.set(s.LANGUAGE, "en")
    app = Application(qapp, db_path, st)
    qtbot.addWidget(app.window)
    app.window.show()
    return app


def test_two_copies_on_one_file_keep_every_note(qapp, qtbot, db_path, demo, svc, tmp_path):
    first = _open_copy(qapp, qtbot, db_path, tmp_path, "first")
    second = _open_copy(qapp, qtbot, db_path, tmp_path, "second")
    try:
        for app in (first, second):
            app.window.open_visit(demo[0])
        for i in range(3):
            for label, app in (("pierwsza", first), ("druga", second)):
                box = app.window.capture.box.editor
                box.setFocus()
                qtbot.keyClicks(box, f"{label} kopia, notatka {i}")
                qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        # A draft typed in one copy and not yet added is stored too.
        qtbot.keyClicks(second.window.capture.box.editor, "jeszcze nie dodana")
        second.window.capture.flush()
        second.worker.wait()
    finally:
        close_app(first)
        close_app(second)
    texts = {n.text for n in svc.notes.list(demo[0])}
    assert {f"{label} kopia, notatka {i}" for label in ("pierwsza", "druga") for i in range(3)} <= texts
    assert svc.drafts.list(demo[0])["capture"].text == "jeszcze nie dodana"
