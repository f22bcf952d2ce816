"""One date format on every screen: the tables' dates read as the date fields and the PDFs write them
("01.12.2026" in Polish, not Qt's short "1.12.2026")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from visitapp.ui.date_edit import format_date
from visitapp.ui.labels import fmt_date, fmt_datetime, visit_time
from visitapp.ui.translation import Translations


def test_polish_dates_have_two_digit_days_everywhere(qapp):
    translations = Translations(QApplication.instance())
    translations.apply("pl")
    try:
        day = dt.date(2026, 12, 1)
        assert fmt_date(day) == format_date(day) == "01.12.2026"
        moment = dt.datetime(2026, 3, 5, 8, 3, tzinfo=dt.UTC)
        assert fmt_datetime(moment).startswith("05.03.2026 ") or fmt_datetime(moment).startswith("04.03.2026 ")
        assert visit_time(moment, "Europe/Warsaw").startswith("05.03.2026 09:03")
    finally:
        translations.apply("en")
    assert fmt_date(dt.date(2026, 12, 1)) == "01/12/2026"  # English (UK) as before
