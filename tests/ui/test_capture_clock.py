"""The capture view shows a visit's times on its own clock (issue 10, one clock): the header's start and every
note's time read Kraków time for a Kraków visit, whatever the computer's zone (TZ and time.tzset, as a machine's)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTime

from visitapp.ui.capture.notes_model import TIME_COLUMN

WARSAW = ZoneInfo("Europe/Warsaw")



def _hhmm(value) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


@pytest.mark.parametrize(("zone", "named"), [("UTC", True), ("America/New_York", True), ("Europe/Warsaw", False)])
def test_header_and_note_times_read_the_visits_clock(gui, qtbot, machine_zone, demo, zone: str, named: bool):
    machine_zone(zone)
    gui.window.open_visit(demo[0])
    capture = gui.window.capture
    model = capture.tree.notes_model
    visit = gui.services().visits.get(demo[0])
    notes = model.notes()
    assert visit.time_zone == "Europe/Warsaw" and notes

    start = visit.starts_at.astimezone(WARSAW)
    header = capture.header.text()
    assert _hhmm(start) + (f" {start.tzname()}" if named else "") in header, header
    here = visit.starts_at.astimezone(ZoneInfo(zone))
    if (here.hour, here.minute) != (start.hour, start.minute):
        assert _hhmm(here) not in header  # never the computer's clock

    for note in notes:
        shown = model.note_index(note.id, TIME_COLUMN).data()
        assert shown == _hhmm(note.created_at.astimezone(WARSAW)), (note.text, shown)
        tip = model.note_index(note.id, TIME_COLUMN).data(3)  # ToolTipRole
        assert tip == note.created_at.astimezone(WARSAW).isoformat(timespec="seconds")


def test_the_prepare_dialog_reads_and_writes_times_on_the_visits_clock(gui, qtbot, machine_zone, demo):
    """Editing a Kraków visit on a machine set to UTC shows Kraków's wall clock, and the chosen zone is kept."""
    import datetime as dt

    from visitapp.ui.prepare import PrepareDialog

    machine_zone("UTC")
    svc = gui.services()
    visit = svc.visits.get(demo[0])
    start = visit.starts_at.astimezone(WARSAW)
    dialog = PrepareDialog(svc, demo[0], gui.window)
    qtbot.addWidget(dialog)
    assert dialog.zone.currentData() == "Europe/Warsaw"
    shown = dialog.starts.value()
    assert (shown.hour, shown.minute) == (start.hour, start.minute)  # 10:00 in Kraków, not 09:00 UTC

    assert dialog.zone.findData("UTC") >= 0  # the computer's zone is offered beside Kraków's
    dialog.zone.setCurrentIndex(dialog.zone.findData("UTC"))  # the same wall-clock time, now on UTC's clock
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    stored = gui.services().visits.get(demo[0])
    assert stored.time_zone == "UTC"
    assert stored.starts_at.astimezone(dt.UTC).replace(tzinfo=None) == shown
