"""Hostile names shown as text: a name like ``<img src="file:///…/p.png">Jan`` never makes Qt load the image.

Each check looks at the real widget (its text format, its text, its tooltip) and at its pixels for the
probe image's colour (tests/ui/hostile_probe.py); ``test_the_probe_sees_an_image_that_is_loaded`` shows
that the pixel check can fail.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.ui.hostile_probe import (  # noqa: F401 (hostile is a fixture)
    assert_escaped_tooltip,
    assert_plain_label,
    hostile,
    shows_probe,
    tooltip_shows_probe,
)
from visitapp.ui.safe_text import escape, plain_message, plain_question, plain_tooltip

UI = Path(__file__).resolve().parents[2] / "visitapp" / "ui"
PASSWORD = "probe-42"


# -- the helper --------------------------------------------------------------------------------


def test_the_probe_sees_an_image_that_is_loaded(qapp, hostile):
    assert tooltip_shows_probe(hostile)  # what Qt did before: the name is taken for HTML and the file loaded


def test_plain_tooltip_escapes_what_qt_would_take_for_html(qapp, hostile):
    tip = plain_tooltip(f"{hostile}\nsecond line & more")
    assert_escaped_tooltip(tip)
    assert "white-space:pre-wrap" in tip and "\nsecond line &amp; more" in tip
    assert escape('<a href="x">&') == '&lt;a href="x"&gt;&amp;'
    assert plain_tooltip("AB:CD & EF") == "AB:CD & EF"  # no tag: Qt shows it as plain text anyway
    assert plain_tooltip("") == "" and plain_tooltip(None) is None


def test_plain_message_box_shows_the_text_as_text(qapp, hostile, monkeypatch):
    boxes: list[tuple[Qt.TextFormat, str, bool]] = []

    def shown(box: QMessageBox) -> QMessageBox.StandardButton:
        box.adjustSize()
        boxes.append((box.textFormat(), box.text(), shows_probe(box)))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", shown)
    assert plain_question(None, "visitapp", f"Stop trusting {hostile}?") is True
    assert plain_message(None, QMessageBox.Icon.Warning, "visitapp", hostile) == QMessageBox.StandardButton.Yes
    assert boxes == [(Qt.TextFormat.PlainText, f"Stop trusting {hostile}?", False),
                     (Qt.TextFormat.PlainText, hostile, False)]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: -1)  # closed without a button
    assert plain_question(None, "visitapp", hostile) is False


# -- the official's window -----------------------------------------------------------------------


@pytest.fixture
def hostile_visit(svc, hostile):
    """A visit whose organisation, title, place, note and action item all carry the hostile name."""
    org = svc.organisations.create(hostile, sector="IT")
    visit = svc.visits.create(org.id, dt.datetime(2026, 4, 2, 9, tzinfo=ZoneInfo("Europe/Warsaw")),
                              title=f"Wizyta {hostile}", place=f"Hala {hostile}", language="en")
    note = svc.notes.add(visit.id, f"{hostile} spawacz", kind="commitment")
    svc.actions.add(visit.id, f"Kurs {hostile}", owner=hostile, note_id=note.id)
    return visit.id


def test_visit_list_and_search_hits(gui, qtbot, hostile, hostile_visit):
    panel = gui.window.list_panel
    panel.reload()
    item = next(panel.visits.topLevelItem(i) for i in range(panel.visits.topLevelItemCount())
                if panel.visits.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == hostile_visit)
    assert item.text(1) == hostile  # a cell: drawn as plain text by the default delegate
    assert_escaped_tooltip(item.toolTip(1))
    panel.visits.scrollToItem(item)
    assert not shows_probe(panel.visits)

    panel.search.setText("spawacz")
    panel.run_search()
    assert panel.hits.count() >= 1
    assert any("&lt;img" in panel.hits.item(i).text() for i in range(panel.hits.count()))
    assert not any("<img" in panel.hits.item(i).text() for i in range(panel.hits.count()))
    assert not shows_probe(panel.hits)  # the rich-text delegate paints escaped text


def test_capture_view_header_notes_and_action_items(gui, qtbot, hostile, hostile_visit):
    gui.window.open_visit(hostile_visit)
    capture = gui.window.capture
    assert capture.visit.id == hostile_visit
    assert "&lt;img" in capture.header.text() and "<img" not in capture.header.text()  # rich text, escaped
    model = capture.tree.model()
    sections = [model.index(i, 0) for i in range(model.rowCount())]
    (cell,) = [model.index(j, 2, s) for s in sections for j in range(model.rowCount(s))
               if hostile in (model.index(j, 2, s).data() or "")]
    assert cell.data() == f"{hostile} spawacz"  # a cell: drawn as plain text by the default delegate
    assert_escaped_tooltip(cell.data(Qt.ItemDataRole.ToolTipRole))
    (action,) = [capture.actions_panel.topLevelItem(i) for i in range(capture.actions_panel.topLevelItemCount())]
    assert action.text(0) == f"Kurs {hostile}"
    assert_escaped_tooltip(action.toolTip(0))
    capture._error(f"Not stored: {hostile}")
    assert_plain_label(capture.warning, hostile)
    assert not shows_probe(gui.window)


def test_action_dialog_shows_the_commitment_as_text(gui, qtbot, hostile):
    from visitapp.ui.capture.action_dialog import ActionDialog

    dialog = ActionDialog(f"Kurs {hostile}", [hostile], hostile, None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    (label,) = [w for w in dialog.findChildren(QLabel) if hostile in w.text()]
    assert_plain_label(label, hostile)
    assert not shows_probe(dialog)


def test_prepare_dialog_warning_is_plain_text(gui, qtbot, svc, hostile, monkeypatch):
    from visitapp.ui.prepare import PrepareDialog

    svc.organisations.create(hostile, nip="5260001246")

    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.textFormat(), box.text())) or 0)
    monkeypatch.setattr(QMessageBox, "warning",  # the static function guesses the format
                        lambda _parent, _title, text, *a, **k: boxes.append((Qt.TextFormat.AutoText, text)))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.org_name.setText("Inna Firma")
    dialog.nip.setText("5260001246")  # refused with one sentence that names the organisation it belongs to
    dialog.save()  # stored (and refused) on the DB worker
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert boxes == [(Qt.TextFormat.PlainText, boxes[0][1])] and hostile in boxes[0][1] and "NIP" in boxes[0][1]


def test_sign_dialog_labels_show_names_as_text(gui, qtbot, hostile, hostile_visit, tmp_path):
    from visitapp.signing.keys import keygen
    from visitapp.ui.sign_dialog import SignDialog

    p12, _pem, _cert = keygen(hostile, hostile, tmp_path / "jan.p12", PASSWORD)
    dialog = SignDialog(gui.services(), hostile_visit, gui.worker, gui.settings, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    (about,) = [w for w in dialog.findChildren(QLabel) if w.text().startswith(hostile)]
    assert_plain_label(about, hostile)

    dialog.source.setCurrentIndex(dialog.source.findData("pkcs12"))
    dialog.p12_path.setText(str(p12))
    dialog.secret.insert(PASSWORD)
    dialog.out.setText(str(tmp_path / "minutes.pdf"))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_export is not None or not dialog.busy, timeout=20000)
    assert dialog.result_export is not None, dialog.status.text()
    assert f"signed by {hostile}" in dialog.status.text()  # the signer's common name, from the certificate
    assert_plain_label(dialog.status, hostile)
    assert not shows_probe(dialog)


# -- the source: no message box or tooltip left that guesses the format of a value ----------------

STATIC_BOXES = {"information", "warning", "critical", "question"}


def _is_tr_literal(node: ast.expr) -> bool:
    """``self.tr("…")`` exactly: our own sentence, nothing put into it."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
            and bool(node.args) and isinstance(node.args[0], ast.Constant))


def _tr_rooted(node: ast.expr) -> bool:
    """``self.tr("…")`` or that with ``.replace(…)`` of our own labels (the replace arguments are checked by review)."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
        node = node.func.value
    return _is_tr_literal(node)


def _calls(name: str):
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name:
                yield path.relative_to(UI), node


def test_no_static_message_box_shows_a_value():
    """QMessageBox.warning and friends guess the format: only our own literal sentences may go through them."""
    found = []
    for name in STATIC_BOXES:
        for path, call in _calls(name):
            owner = call.func.value
            if isinstance(owner, ast.Name) and owner.id == "QMessageBox":
                text = call.args[2] if len(call.args) > 2 else None
                if text is None or not _is_tr_literal(text):
                    found.append(f"{path}:{call.lineno}")
    assert found == [], "use visitapp.ui.safe_text.plain_message instead: " + ", ".join(found)


# The Edit menu's tooltips name the core's operations ("Add note"…): our own translated sentences.
OPERATION_LABELS = {"undo_label", "redo_label"}


def test_every_tooltip_is_our_sentence_or_escaped():
    found = []
    for path, call in _calls("setToolTip"):
        tip = call.args[-1]
        escaped = isinstance(tip, ast.Call) and isinstance(tip.func, ast.Name) and tip.func.id == "plain_tooltip"
        ours = _tr_rooted(tip) or (isinstance(tip, ast.Name) and tip.id in OPERATION_LABELS)
        if not (escaped or ours):
            found.append(f"{path}:{call.lineno}")
    assert found == [], "wrap the tooltip in plain_tooltip(): " + ", ".join(found)
