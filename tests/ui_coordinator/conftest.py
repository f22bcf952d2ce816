"""Coordinator view fixtures: real signed PDFs (made once), the view over a fresh registry file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import sys
import uuid as uuid_mod
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent):  # coordinator_helpers; registry_helpers, as the registry tests use it
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from coordinator_helpers import SignedSet, keys, sign
from registry_helpers import ANNA, PIOTR, Official


def pytest_configure(config):
    from tests.ui.thread_guard import register_marker

    register_marker(config)


@pytest.fixture(autouse=True)
def _thread_guard(request):
    """Fail the test if the GUI writes to the database on the Qt GUI thread (tests/ui/thread_guard.py)."""
    from tests.ui.thread_guard import guard_fixture

    yield from guard_fixture(request)


@pytest.fixture(scope="session")
def signed(tmp_path_factory) -> SignedSet:
    """Two officials' minutes of one visit, each signed with their own certificate, and a tampered copy."""
    folder = tmp_path_factory.mktemp("signed")
    out = folder / "inbox"
    out.mkdir()
    visit_id = str(uuid_mod.uuid4())
    anna = Official(folder / "anna.db", ANNA, visit_id)
    piotr = Official(folder / "piotr.db", PIOTR, visit_id)
    anna_note = "Firma szuka specjalistów automatyki; łączność z technikami."
    piotr_note = "Brak mieszkań dla inżynierów z zagranicy."
    anna.note(anna_note, section="future_skills", tags=["kompetencje"])
    piotr.note(piotr_note, section="barriers")
    anna_p12, anna_pem = keys(folder, "anna", ANNA)
    piotr_p12, piotr_pem = keys(folder, "piotr", PIOTR)
    sign(anna, out / "anna.pdf", anna_p12)
    sign(piotr, out / "piotr.pdf", piotr_p12)
    anna.close()
    piotr.close()
    data = bytearray((out / "anna.pdf").read_bytes())
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data)
    start, length = int(match[1]), int(match[2])
    data[start + length // 2] ^= 0x01
    tampered = folder / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    return SignedSet(folder, visit_id, out / "anna.pdf", out / "piotr.pdf", tampered, anna_pem, piotr_pem,
                     anna_note, piotr_note)


@pytest.fixture
def view(qtbot, svc):
    """The coordinator view over a fresh registry (the ``db`` file of this test)."""
    from visitapp.ui.coordinator import CoordinatorView

    v = CoordinatorView(svc)
    qtbot.addWidget(v)
    v.resize(1200, 720)
    v.show()
    qtbot.waitExposed(v)
    yield v
    v.shutdown()


@pytest.fixture
def messages(monkeypatch):
    """Message boxes answered without a person: warnings are recorded, questions answered Yes."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:  # the real box, built but not shown
        if box.icon() != QMessageBox.Icon.Question:
            shown.append((box.windowTitle(), box.text()))
        yes = box.button(QMessageBox.StandardButton.Yes)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", answer)  # the plain-text boxes of visitapp.ui.safe_text
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown
