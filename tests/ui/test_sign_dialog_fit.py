"""Finalise and sign on a laptop (review 5, items 1 and 11): the dialog is sized to the screen it opens on, its
buttons always in view (1366x768 at 150 % too, in a process of its own); the visit's time is on the visit's clock,
in the dialog and on the coordinator's action items page; the check dialog and ``verify`` give a signing time on
the clock of the stamp in the PDF (the visit's zone), naming it, while ``verify --json`` keeps UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QScrollArea

from tests.conftest import ROOT, run_cli
from tests.minutes_sample import sample_record
from visitapp.ui.labels import visit_time
from visitapp.ui.signing.dialog import SignDialog
from visitapp.ui.translation import Translations

SCREEN = (1366, 768)
FAR_ZONE = "Asia/Tokyo"  # the visit's zone in the signing-time tests: neither the machine's (UTC) nor Warsaw


def _open(gui, qtbot, visit_id: str) -> SignDialog:
    dialog = SignDialog(gui.services(), visit_id, gui.worker, gui.settings, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_dialog_is_sized_to_the_screen_it_opens_on(gui, qtbot, qapp, demo, lang):
    Translations(qapp).apply(lang)  # the gui fixture switches back to English after
    dialog = _open(gui, qtbot, demo[0])
    available = dialog.screen().availableGeometry()
    for source in ("none", "pkcs12", "pkcs11"):
        dialog.source.setCurrentIndex(dialog.source.findData(source))
        dialog.layout().activate()  # the rows of this source laid out now
        assert dialog.width() <= available.width() - 40 and dialog.height() <= available.height() - 40, (
            source, dialog.size(), available)
        for button in (dialog.sign_button, dialog.cancel_button, dialog.close_button):
            assert button.isVisible() and _inside(dialog.rect(), button.geometry().translated(
                button.parentWidget().mapTo(dialog, button.parentWidget().rect().topLeft()))), (source, button.text())
        for area in dialog.findChildren(QScrollArea):  # the choices narrow, and are never cut off sideways
            assert not area.horizontalScrollBar().isVisible() or area is dialog.preview, source
    dialog.close()


def test_at_150_percent_on_a_laptop_the_buttons_are_on_the_screen(demo, db_path, tmp_path):
    """QT_SCALE_FACTOR holds for a process's life: the dialog opens in a process of its own (Polish: the longest)."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.ui.sign_dialog_probe", str(db_path), demo[0], "pl",
                           str(tmp_path / "settings.ini")], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    available = QRect(*seen["available"])
    assert available.width() == round(SCREEN[0] / 1.5)  # the probe ran scaled
    assert set(seen["sources"]) == {"none", "pkcs12", "pkcs11"}
    for source, shown in seen["sources"].items():
        frame = QRect(*shown["dialog"])
        assert _inside(available, frame), (source, shown)
        for name, rect in shown["buttons"].items():
            assert _inside(frame, QRect(*rect)), (source, name, shown)
        assert shown["visible"]
        assert shown["preview_width"] >= 300, shown  # the preview gave up room, and still shows a page


def test_the_visit_is_shown_on_its_own_clock(gui, qtbot, demo, machine_zone):
    machine_zone("UTC")  # a laptop set to UTC: the Kraków visit must not read an hour early
    visit = gui.services().visits.get(demo[0])
    dialog = _open(gui, qtbot, demo[0])
    wall = visit.starts_at.astimezone(ZoneInfo(visit.time_zone))
    expected = visit_time(visit.starts_at, visit.time_zone)
    assert expected.endswith(" " + wall.tzname())
    label = next(lb for lb in dialog.findChildren(QLabel) if lb.text().startswith(visit.organisation.name + "\n"))
    assert expected in label.text()
    utc = visit.starts_at.astimezone(dt.UTC)
    assert f"{utc:%H:%M}" not in label.text()  # never the computer's clock
    assert dialog.out.text().split("/")[-1].startswith(f"{wall:%Y-%m-%d}-")  # the file name: the visit's date
    dialog.close()


def test_the_action_items_page_shows_each_visit_on_its_clock(gui, qtbot, machine_zone):
    machine_zone("UTC")
    gui.window.show_coordinator()
    page = gui.window.coordinator.view.actions_page
    page.reload()
    model = page.model
    column = model.column_of("visit")
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    visits = {v.id: v for v in gui.services().visits.list()}
    for row in range(model.rowCount()):
        visit = visits[model.rows[row].visit_id]
        text = model.index(row, column).data()
        wall = visit.starts_at.astimezone(ZoneInfo(visit.time_zone))
        assert text == visit_time(visit.starts_at, visit.time_zone) and text.endswith(" " + wall.tzname()), text
        assert f"{visit.starts_at.astimezone(dt.UTC):%H:%M}" not in text
    gui.window.coordinator.close()


@pytest.fixture(scope="module")
def far_minutes(tmp_path_factory):
    """Minutes of a visit held in Tokyo, signed here: the stamp in the PDF shows Tokyo time."""
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.keys import keygen
    from visitapp.signing.sign import Pkcs12Source, sign_pdf
    from visitapp.signing.verify import load_trust_roots

    folder = tmp_path_factory.mktemp("far")
    record = sample_record("en")
    record.visit.time_zone = FAR_ZONE
    p12, pem, _cert = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", folder / "zofia.p12", "hasło")
    path = folder / "tokyo.pdf"
    path.write_bytes(sign_pdf(minutes_pdf(record), Pkcs12Source(p12, "hasło")).pdf)
    return path, pem, load_trust_roots([pem])[0].dump()


def test_verify_and_the_check_dialog_give_the_signing_time_on_the_stamps_clock(qtbot, far_minutes, machine_zone):
    from visitapp.signing.assess import TrustPolicy
    from visitapp.ui.check_dialog import CheckDialog

    path, pem, pinned = far_minutes
    env = {"TZ": "UTC"}
    raw = json.loads(run_cli("verify", str(path), "--trust", str(pem), "--json", env=env).stdout)
    signed_at = dt.datetime.fromisoformat(raw["signatures"][0]["signed_at"])
    assert signed_at.utcoffset() == dt.timedelta(0)  # --json stays UTC ISO 8601
    tokyo = signed_at.astimezone(ZoneInfo(FAR_ZONE))
    text = run_cli("verify", str(path), "--trust", str(pem), env=env).stdout
    assert f"signed at: {tokyo:%Y-%m-%d %H:%M:%S} JST" in text, text

    machine_zone("UTC")
    dialog = CheckDialog(lambda: TrustPolicy(pinned=(pinned,)), None, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=60000):
        dialog.check_button.click()
    item = dialog.details.topLevelItem(0)
    rows = {item.child(i).text(0): item.child(i).text(1) for i in range(item.childCount())}
    shown = rows["Signed at"]
    assert shown.endswith(" JST"), shown  # the check dialog in the app's date format, the same clock
    assert f"{tokyo:%H:%M:%S}" in shown or f"{tokyo.hour % 12 or 12}:{tokyo:%M:%S}" in shown, (shown, tokyo)
    dialog.close()
