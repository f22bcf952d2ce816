"""Importing a plan in the coordinator's window: an unknown signer is shown by name and fingerprint and trusted
only on Yes; changes to visits the database has are listed in plain text and applied only on Yes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from coordinator_helpers import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from registry_helpers import PIOTR, dump

from visitapp.db import Database
from visitapp.registry.plans import export_plan
from visitapp.registry.trust import TrustStore, fingerprint
from visitapp.services import Services
from visitapp.signing.keys import make_certificate, pkcs12_bytes
from visitapp.signing.sign import Pkcs12Source

HOSTILE = '<img src="http://127.0.0.1:9/x.png">Ewa'


@pytest.fixture(scope="module")
def coordinator(tmp_path_factory):
    """The coordinator's key, under a name that would load an image if shown as rich text."""
    folder = tmp_path_factory.mktemp("coord")
    key, cert = make_certificate(HOSTILE, "<b>Urząd</b>")
    p12 = folder / "coord.p12"
    p12.write_bytes(pkcs12_bytes(key, cert, PASSWORD))
    return Pkcs12Source(p12, PASSWORD), cert


@pytest.fixture
def planned(svc):
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    return svc.visits.create(org.id, dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC), title="Plan: Comarch",
                             place="Kraków")


@pytest.fixture
def official(qtbot, tmp_path):
    """An official's database with the coordinator window over it."""
    from visitapp.ui.coordinator import CoordinatorView

    path = tmp_path / "official.db"
    db = Database.open(path)
    svc = Services(db, PIOTR)
    view = CoordinatorView(svc)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    yield path, svc, view.reports
    view.shutdown()
    db.close()


def _question(qtbot, page) -> QMessageBox:
    qtbot.waitUntil(lambda: page.plan_question is not None and page.plan_question.isVisible())
    box = page.plan_question
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert box.textFormat() == Qt.TextFormat.PlainText and label.textFormat() == Qt.TextFormat.PlainText
    return box


def _answer(qtbot, page, box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan_question is None and not box.isVisible())


def _stored(qtbot, page) -> None:
    """The import runs on the DB worker: wait until it is stored (or refused)."""
    qtbot.waitUntil(lambda: not page.writes.busy, timeout=30000)


def _signed_plan(svc, source, out: Path) -> Path:
    export_plan(svc.db, out, source=source)
    return out


def test_unknown_signer_is_shown_and_trusted_only_on_yes(qtbot, svc, planned, coordinator, official, messages,
                                                         tmp_path):
    source, cert = coordinator
    path, mine, page = official
    plan = _signed_plan(svc, source, tmp_path / "plan.json.p7m")
    before = dump(path)
    assert page.import_plan_from(plan) is None
    box = _question(qtbot, page)
    assert box.windowTitle() == "Trust the signer of this plan?"
    pairs = [fingerprint(cert)[i:i + 2].upper() for i in range(0, 64, 2)]
    assert box.text().startswith(f"This plan is signed by {HOSTILE} (<b>Urząd</b>), whom this database does not "
                                 "trust yet.\n\nSHA-256 fingerprint:\n" + ":".join(pairs[:16]) + "\n"
                                 + ":".join(pairs[16:]) + "\n\n")
    _answer(qtbot, page, box, QMessageBox.StandardButton.No)
    assert dump(path) == before
    assert page.status.text() == "The plan was not imported."

    page.import_plan_from(plan)
    _answer(qtbot, page, _question(qtbot, page), QMessageBox.StandardButton.Yes)
    _stored(qtbot, page)
    assert [v.id for v in mine.visits.list()] == [planned.id]
    assert [t.fingerprint for t in TrustStore(mine.db).list()] == [fingerprint(cert)]
    assert page.status.text() == "Visits from the plan: 1 added, 0 updated, 0 unchanged."
    assert messages == []
    # Trusted now: the same plan again asks nothing.
    assert page.import_plan_from(plan)  # the ticket of its write: nothing was asked
    _stored(qtbot, page)
    assert page.last_import.unchanged == [planned.id]


def test_changes_to_existing_visits_are_confirmed_and_cancel_changes_nothing(
        qtbot, svc, planned, coordinator, official, messages, tmp_path):
    source, cert = coordinator
    path, mine, page = official
    TrustStore(mine.db).add([cert])
    assert page.import_plan_from(_signed_plan(svc, source, tmp_path / "first.p7m"))
    _stored(qtbot, page)
    assert page.last_import.added == [planned.id]
    svc.visits.update(planned.id, place='Sala <a href="http://127.0.0.1:9/">2</a>', title="Przeniesiona")
    changed = _signed_plan(svc, source, tmp_path / "changed.p7m")
    before = dump(path)

    assert page.import_plan_from(changed) is None
    box = _question(qtbot, page)
    assert box.windowTitle() == "Changes to your visits"
    short = planned.id[:8]
    assert box.text() == (
        "The plan changes visits you already have:\n\n"
        f"Plan: Comarch ({short}): title: Plan: Comarch -> Przeniesiona\n"
        f'Plan: Comarch ({short}): place: Kraków -> Sala <a href="http://127.0.0.1:9/">2</a>\n\n'
        "Apply these changes?")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    _answer(qtbot, page, box, QMessageBox.StandardButton.No)
    assert dump(path) == before
    assert mine.visits.get(planned.id).place == "Kraków"

    page.import_plan_from(changed)
    _answer(qtbot, page, _question(qtbot, page), QMessageBox.StandardButton.Yes)
    _stored(qtbot, page)
    visit = mine.visits.get(planned.id)
    assert (visit.title, visit.place) == ("Przeniesiona", 'Sala <a href="http://127.0.0.1:9/">2</a>')
    assert page.status.text() == "Visits from the plan: 0 added, 1 updated, 0 unchanged."
    assert messages == []


def test_unsigned_and_tampered_plans_are_refused_in_one_sentence(qtbot, svc, planned, coordinator, official,
                                                                 messages, tmp_path):
    source, cert = coordinator
    path, mine, page = official
    TrustStore(mine.db).add([cert])
    plain = tmp_path / "plan.json"
    export_plan(svc.db, plain)
    before = dump(path)
    assert page.import_plan_from(plain) is None
    assert messages[-1] == ("Import a plan", "This plan is not signed, so anyone could have written it; ask the "
                                             "coordinator for a signed plan (.p7m).")
    data = bytearray(_signed_plan(svc, source, tmp_path / "plan.p7m").read_bytes())
    data[bytes(data).index(b"Krak")] ^= 0x01
    tampered = tmp_path / "tampered.p7m"
    tampered.write_bytes(bytes(data))
    assert page.import_plan_from(tampered) is None
    assert messages[-1][1].startswith("The plan's signature does not match its content")
    assert page.plan_question is None and dump(path) == before


def test_export_signs_the_plan(view, svc, planned, coordinator, tmp_path, qapp):
    from visitapp.registry.plan_sign import verify_signed
    from visitapp.ui.translation import Translations

    Translations(qapp).apply("en")  # as the app does: the English catalogue gives %n its plural forms

    source, cert = coordinator
    out = tmp_path / "plan.json.p7m"
    assert view.reports.export_plan_to(out, source=source) == 1
    opened = verify_signed(out.read_bytes())
    assert opened.signer.fingerprint == fingerprint(cert) and planned.id.encode() in opened.content
    assert view.reports.status.text() == f"1 planned visit written to {out}."  # %n: the English plural form
