"""The coordinator's tables show what a row is about, and its questions say what will happen (review 5).

People: names and institutions whole, the "Erased" mark as wide as its text; erasing asks with No as the
default, naming the institution, the visits and whether mentions in note texts are replaced (unticked by
default, as the CLI's opt-in --redact-mentions). Action items at 150 % on a 1366x768 laptop: the task keeps
room. Disagreements: the values as wide as their text, nothing behind a scroll bar, the selected row in full.
Plans: "Export plan…" lists the visits it will write before any file is chosen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from registry_helpers import ANNA, PIOTR, merge_disagreeing

from visitapp.registry.persons import list_people

WAIT_MS = 30000
LAPTOP = (1366, 768)
AT_150 = (round(1366 / 1.5), round(768 / 1.5))  # the lengths Qt lays out with at 150 % on that screen
LONG_OWNER = "Wydział Przedsiębiorczości i Innowacji Urzędu Miasta Krakowa, Referat Obsługi Inwestorów"
No = QMessageBox.StandardButton.No
Yes = QMessageBox.StandardButton.Yes


def _answer(qtbot, seen: list, how) -> None:
    """Answer the next modal box as a person would (``"return"``: the Enter key; or a button), recording it.

    A file dialog that opens first is recorded and cancelled, so a missing question fails instead of hanging.
    """
    def go() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog):
            seen.append(("file dialog", None))
            widget.reject()
            return
        if not isinstance(widget, QMessageBox):
            QTimer.singleShot(10, go)
            return
        seen.append((widget.text(), widget.standardButton(widget.defaultButton())))
        if how == "return":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            widget.button(how).click()

    QTimer.singleShot(0, go)


def _show(qtbot, view, page, size) -> None:
    view.resize(*size)
    view.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: view.width() == size[0] and page.table.viewport().width() > 0, timeout=WAIT_MS)
    QApplication.processEvents()


def _whole(table, column: int) -> bool:
    """No cell (nor the title) of ``column`` is cut."""
    natural = max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))
    return table.columnWidth(column) >= natural


@pytest.mark.parametrize("size", [LAPTOP, AT_150])
def test_people_names_and_institutions_whole_and_the_erased_mark_narrow(qtbot, view, demo, size):
    page = view.people
    page.reload()
    _show(qtbot, view, page, size)
    table = page.table
    assert page.model.rowCount() >= 8
    assert _whole(table, 0), "a name is cut"
    assert table.columnWidth(4) <= table.horizontalHeader().sectionSizeHint(4) + 4  # "Erased" does not stretch
    assert table.horizontalScrollBar().maximum() == 0
    if size == LAPTOP:
        assert _whole(table, 1), "an institution is cut"


def test_erasing_asks_with_no_as_default_and_says_whom_and_what_happens_to_mentions(qtbot, view, demo, db):
    page = view.people
    page.reload()
    view.tabs.setCurrentWidget(page)
    row = next(r for r in page.model.rows if r.name == "Ewa Kowalczyk")
    page.table.selectRow(page.model.rows.index(row))
    assert not page.redact.isChecked()  # opt-in, as the CLI's --redact-mentions

    seen: list = []
    _answer(qtbot, seen, "return")  # Enter alone erases nothing
    page.ask_erase()
    text, default = seen[0]
    assert default == No
    assert "Ewa Kowalczyk" in text and row.institution in text and row.institution
    assert f"{row.visits} visit" in text and row.visits == 3
    assert "stay as they are" in text
    assert not page.erasing
    assert not next(p for p in list_people(db) if p.id == row.id).erased

    page.redact.setChecked(True)
    _answer(qtbot, seen, Yes)
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        page.ask_erase()
    assert "replaced by the pseudonym too" in seen[1][0] and seen[1][1] == No
    assert next(p for p in list_people(db) if p.id == row.id).erased


def test_action_items_at_150_percent_keep_the_task_readable(qtbot, view, demo, svc):
    visit = demo[0]
    svc.actions.add(visit, "Przekazać firmie kontakt do dyrektora Zespołu Szkół Mechanicznych nr 1 oraz harmonogram "
                    "naboru praktykantów", owner=LONG_OWNER)
    page = view.actions_page
    page.reload()
    _show(qtbot, view, page, AT_150)
    table, model = page.table, page.model
    room = table.viewport().width()
    described = model.column_of("description")
    assert table.columnWidth(described) >= 250
    assert table.horizontalScrollBar().maximum() == 0  # nothing behind a scroll bar
    for key in ("owner", "organisation"):
        assert table.columnWidth(model.column_of(key)) <= room * 0.2 + 1
    row = next(i for i, r in enumerate(model.rows) if r.owner == LONG_OWNER)
    assert model.index(row, model.column_of("owner")).data(Qt.ItemDataRole.ToolTipRole) == LONG_OWNER
    for key in ("due", "status", "visit"):  # dates and states are never cut
        assert _whole(table, model.column_of(key)), key
    header = table.horizontalHeader()
    owner = model.column_of("owner")
    if header.sectionSizeHint(owner) > table.columnWidth(owner):  # a narrowed title wraps onto a second line
        assert header.height() >= 2 * header.fontMetrics().lineSpacing()


@pytest.fixture
def disputed(db, tmp_path):
    """Two officials' records of one visit with different numbers of employees."""
    return merge_disagreeing(db, tmp_path, employees=(1200, 1350))


@pytest.mark.parametrize("size", [LAPTOP, AT_150])
def test_disagreements_values_sized_to_their_text_and_the_selected_row_in_full(qtbot, view, disputed, size):
    page = view.disagreements
    page.reload()
    _show(qtbot, view, page, size)
    table, model = page.table, page.model
    assert model.rowCount() == 1
    assert table.horizontalScrollBar().maximum() == 0  # who said which value is not behind a scroll bar
    for key in ("current", "other", "state"):
        column = model.column_of(key)
        cells = table.sizeHintForColumn(column)
        natural = max(cells, table.horizontalHeader().sectionSizeHint(column))
        assert cells <= table.columnWidth(column) <= natural + 4, key  # the value whole, and not the one stretched
    table.selectRow(0)
    details = page.details.text()
    other = model.index(0, model.column_of("author")).data(Qt.ItemDataRole.ToolTipRole)
    current = model.index(0, model.column_of("current_source")).data(Qt.ItemDataRole.ToolTipRole)
    assert other and current and other in details and current in details
    assert "1200" in details and "1350" in details and "Employees in the city" in details
    table.clearSelection()
    assert page.details.text() == ""


def test_plan_export_lists_the_visits_before_any_file_is_chosen(qtbot, view, demo, svc):
    page = view.reports
    view.tabs.setCurrentWidget(page)
    planned = [v for v in svc.visits.list() if v.status == "planned"]
    assert len(planned) == 1
    seen: list = []
    _answer(qtbot, seen, No)
    page.ask_export()
    assert seen and seen[0][0] != "file dialog", "the plan was about to be written without saying what it holds"
    text, default = seen[0]
    assert len(seen) == 1  # No: no file dialog follows
    assert default == Yes  # nothing is written yet: a file dialog comes next
    assert "1 visit" in text and planned[0].title in text and planned[0].organisation in text
    others = [v for v in svc.visits.list() if v.status != "planned"]
    assert not any(v.title in text for v in others)

    page.include_all.setChecked(True)
    count, text, _details = page.export_question()
    assert count == 3 and all(v.title in text for v in others) and "(finalised)" in text


@pytest.mark.parametrize("size", [LAPTOP, AT_150])
def test_trusted_signers_fingerprint_whole_at_150_percent(qtbot, view, tmp_path, size):
    from coordinator_helpers import keys

    for who, identity in (("anna", ANNA), ("piotr", PIOTR)):
        view.trust.add_file(keys(tmp_path, who, identity)[1])
    page = view.trust
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    _show(qtbot, view, page, size)
    table, model = page.table, page.model
    assert _whole(table, model.column_of("fingerprint"))  # what a coordinator compares is never cut
    for key in ("valid", "added"):
        assert _whole(table, model.column_of(key)), key
    assert table.horizontalScrollBar().maximum() == 0
