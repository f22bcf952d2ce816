"""The visit list shows each visit on its own clock (issue 10, one clock), in the real window.

The process's zone is changed as a machine's would be (TZ and time.tzset); the demo's visits are in
Kraków, so their rows read Kraków time everywhere and name the zone only where the computer's clock differs.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTime

from visitapp.ui.visit_list import VISIT_ROLE

WARSAW = ZoneInfo("Europe/Warsaw")



@pytest.mark.parametrize(("zone", "named"), [("UTC", True), ("America/New_York", True), ("Europe/Warsaw", False)])
def test_the_list_shows_krakow_times(gui, machine_zone, zone: str, named: bool) -> None:
    machine_zone(zone)
    panel = gui.window.list_panel
    panel.reload()
    visits = {v.id: v for v in gui.services().visits.list()}
    assert panel.visits.topLevelItemCount() == len(visits) > 1
    for i in range(panel.visits.topLevelItemCount()):
        item = panel.visits.topLevelItem(i)
        assert item is not None
        start = visits[item.data(0, VISIT_ROLE)].starts_at.astimezone(WARSAW)
        wall = QLocale().toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)
        text = item.text(0)
        if named:
            assert text.endswith(f"{wall} {start.tzname()}"), (text, wall)
        else:
            assert text.endswith(wall), (text, wall)
        here = visits[item.data(0, VISIT_ROLE)].starts_at.astimezone(ZoneInfo(zone))
        if (here.hour, here.minute) != (start.hour, start.minute):
            local = QLocale().toString(QTime(here.hour, here.minute), QLocale.FormatType.ShortFormat)
            assert local not in text  # never the computer's clock
