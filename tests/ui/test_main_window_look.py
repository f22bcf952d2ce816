"""What the official's main window shows, checked on real widgets over the demo database (offscreen): the visit
list leaves the organisation's name whole on a laptop screen, a long field value shows its beginning, nothing
of the fields panel or the capture box's section is cut on a laptop screen scaled to 150 %, the status bar says
whose notes these are, and the window says it is opening the database until Ctrl+N works."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt

SCALED = (round(1366 / 1.5), round(768 / 1.5))  # a 1366x768 laptop at 150 %, in the lengths Qt lays out with


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def test_the_visit_list_gives_the_organisation_room_on_a_laptop_screen(gui, qtbot, demo, settings):
    from visitapp.ui.main_window import MainWindow

    opening = MainWindow(SimpleNamespace(settings=settings), ready=False)  # no database, no services yet
    qtbot.addWidget(opening)
    opening.show()
    qtbot.waitExposed(opening)
    assert opening.pages.currentWidget() is opening.empty
    assert opening.empty.text() == "Opening the database…"  # not an invitation to press Ctrl+N, which does nothing
    opening.close()
    window = gui.window
    assert "Ctrl+N" in window.empty.text()  # the window with its parts: now Ctrl+N prepares a visit
    window.resize(1366, 768)
    tree = window.list_panel.visits
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == len(demo))
    header, metrics = tree.header(), tree.fontMetrics()
    names = {tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    assert "Hitachi Vantara" in names
    for name in names:  # the demo's names are company names of an ordinary length: each is shown whole
        assert header.sectionSize(1) >= metrics.horizontalAdvance(name), (name, header.sectionSize(1))
    assert header.sectionSize(1) >= metrics.horizontalAdvance(tree.headerItem().text(1))  # "Organisation" too
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= tree.viewport().width()  # status in view


def test_a_long_field_value_shows_its_beginning_and_the_status_bar_says_whose_notes(opened, qtbot, qapp, svc, demo):
    from visitapp.ui.translation import Translations

    edit = opened.window.capture.fields.editor("skills_in_demand")
    text = edit.text()
    assert edit.fontMetrics().horizontalAdvance(text) > edit.width()  # longer than its box: a part is shown
    assert edit.cursorPosition() == 0  # the part shown is the start, not the end from mid-word
    assert edit.toolTip() == text
    window = opened.window
    assert not window.status_separator.isVisible()  # nothing stored yet: nothing to keep apart
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, ", robotyka")
    assert edit.cursorPosition() == len(edit.text())  # while typing, the cursor stays where it is typed
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving the box stores the value and shows its start again
    _settled(qtbot, opened)
    assert edit.cursorPosition() == 0
    assert edit.toolTip().endswith(", robotyka")
    assert svc.answers.list(demo[0])["skills_in_demand"].value[-1] == "robotyka"
    qtbot.waitUntil(lambda: "stored" in window.saved_label.text())
    assert window.who_label.text().startswith("Notes by: ")  # not "Notes by N", read as a count in Polish
    assert window.status_separator.isVisible()  # between whose notes and "All changes stored"
    tr = Translations(qapp)
    try:
        tr.apply("pl")
        assert QCoreApplication.translate("MainWindow", "Notes by: %1") == "Autor notatek: %1"
    finally:
        tr.apply("en")


def test_on_a_scaled_laptop_screen_the_fields_and_the_section_are_not_cut(opened, qtbot):
    window, capture = opened.window, opened.window.capture
    capture.step_section(2)
    window.resize(*SCALED)
    fields, label = capture.fields, capture.box.section_label
    qtbot.waitUntil(lambda: window.width() == SCALED[0] and capture.fields.viewport().width() > 0)
    qtbot.waitUntil(lambda: fields.widget().width() <= fields.viewport().width())  # nothing hidden on the right
    assert not fields.horizontalScrollBar().isVisible()
    assert label.text().startswith("Section 3: ")
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())  # on a row of its own: the whole name
    window.resize(1366, 768)  # room enough: back beside the kind buttons, the whole name still
    qtbot.waitUntil(lambda: capture.box._top.indexOf(label) >= 0)
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())
