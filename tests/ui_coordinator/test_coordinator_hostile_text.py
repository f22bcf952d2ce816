"""The coordinator's pages show names from received files as text: a signer's common name, an organisation,
a typed author and a file name like ``<img src="file:///…/p.png">Jan`` never make Qt load the image.

Real signed PDFs (certificates made here, one trusted, one not), merged through the real page; the checks
look at each cell, its tooltip, the page's labels and message boxes, and the painted pixels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coordinator_helpers import keys, sign
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from registry_helpers import Official

from tests.ui.hostile_probe import (  # noqa: F401 (hostile is a fixture)
    assert_escaped_tooltip,
    hostile,
    shows_probe,
    tooltip_shows_probe,
)
from visitapp.registry.trust import TrustStore
from visitapp.services import Identity


@pytest.fixture
def boxes(monkeypatch):
    """Every message box, built for real but answered No (or OK) without being shown: (format, title, text)."""
    shown: list[tuple[Qt.TextFormat, str, str]] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append((box.textFormat(), box.windowTitle(), box.text()))
        no = box.button(QMessageBox.StandardButton.No)
        return QMessageBox.StandardButton.No if no else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", answer)
    for static in ("information", "warning", "critical", "question"):  # these guess the format
        monkeypatch.setattr(QMessageBox, static, lambda _parent, title, text, *a, **k: shown.append(
            (Qt.TextFormat.AutoText, title, text)) or QMessageBox.StandardButton.No)
    return shown


@pytest.fixture
def minutes(tmp_path, hostile):
    """Minutes of a visit to a hostile-named company, by an official with a hostile name: signed once with a
    certificate the registry will trust, once with another certificate of the same name that it will not."""
    name = f"Jan {hostile}"
    official = Official(tmp_path / "jan.db", Identity(name, hostile, "inspektor"), org_name=hostile)
    official.note(f"{hostile} spawacz", section="barriers")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    p12, pem = keys(tmp_path, "jan", official.svc.identity)
    sign(official, inbox / "trusted.pdf", p12)
    (tmp_path / "other").mkdir()
    other_p12, _other_pem = keys(tmp_path / "other", "jan", official.svc.identity)
    sign(official, inbox / "untrusted.pdf", other_p12)
    official.close()
    return name, pem, inbox / "trusted.pdf", inbox / "untrusted.pdf"


def test_the_signer_name_is_hostile(qapp, minutes):
    assert tooltip_shows_probe(minutes[0])  # as it was: a tooltip with this name loaded the image


def test_merge_results_and_their_tooltips_are_text(qtbot, view, svc, hostile, minutes, boxes):
    name, pem, trusted, untrusted = minutes
    TrustStore(svc.db).add_file(pem)
    page = view.merge
    with qtbot.waitSignal(page.merged, timeout=60000):
        page.add_paths([trusted, untrusted])
    model = page.model
    rows = {Path(r.file).name: i for i, r in enumerate(model.rows)}
    assert set(rows) == {"trusted.pdf", "untrusted.pdf"}
    assert model.rows[rows["trusted.pdf"]].status == "accepted", model.rows[rows["trusted.pdf"]].reason
    assert model.rows[rows["untrusted.pdf"]].status == "rejected"

    def cell(row: str, key: str, role=Qt.ItemDataRole.DisplayRole):
        return model.index(rows[row], model.column_of(key)).data(role)

    assert cell("trusted.pdf", "visit") == hostile
    assert hostile in cell("trusted.pdf", "author")
    assert name in cell("untrusted.pdf", "reason")  # the certificate's name, in the reason for refusing it
    for row, key in (("trusted.pdf", "author"), ("untrusted.pdf", "reason")):
        assert_escaped_tooltip(cell(row, key, Qt.ItemDataRole.ToolTipRole))
    for i in range(model.rowCount()):
        for j in range(model.columnCount()):
            tip = model.index(i, j).data(Qt.ItemDataRole.ToolTipRole) or ""
            assert "<img" not in tip and not tooltip_shows_probe(tip)
    assert page.status.textFormat() == Qt.TextFormat.PlainText
    page.table.resizeColumnsToContents()
    assert not shows_probe(page)
    assert boxes == []


def test_trusted_signers_page_and_its_question(qtbot, view, svc, hostile, minutes, boxes):
    name, pem, _trusted, _untrusted = minutes
    page = view.trust
    view.tabs.setCurrentWidget(page)
    TrustStore(svc.db).add_file(pem)
    page.reload()
    model = page.model
    assert model.index(0, model.column_of("name")).data() == name
    assert model.index(0, model.column_of("institution")).data() == hostile
    assert_escaped_tooltip(model.index(0, model.column_of("name")).data(Qt.ItemDataRole.ToolTipRole))
    assert not shows_probe(page)

    page.table.selectRow(0)
    page.remove_selected()  # answered No
    assert len(boxes) == 1
    text_format, _title, text = boxes[0]
    assert text_format == Qt.TextFormat.PlainText and name in text
    assert model.rowCount() == 1


def test_a_warning_naming_a_hostile_file_is_plain_text(qtbot, view, tmp_path, boxes):
    bad = tmp_path / '<img src="p.png">x.pem'  # a file name can hold a tag too
    bad.write_text("not a certificate")
    assert view.trust.add_file(bad) is None  # refused before anything is written
    assert len(boxes) == 1
    text_format, title, text = boxes[0]
    assert text_format == Qt.TextFormat.PlainText and title == "Trust a signer"
    assert text  # the core's one sentence, shown as it is
