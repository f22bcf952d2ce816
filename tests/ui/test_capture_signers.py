"""A merged visit in the capture view shows who signed each note: the certificate's name, the typed author beside it.

Real minutes: two officials' records of one visit, signed as their export signs them (one with a
certificate of another person's name), merged through the real Merger into a real SQLite registry,
then opened in the real main window.
"""

from __future__ import annotations

import uuid as uuid_mod

import pytest

from tests.registry_helpers import ANNA, PIOTR, Official, keys, sign_record
from tests.ui.app_session import close_app
from visitapp.db import Database
from visitapp.registry.merge import Merger
from visitapp.services import Identity
from visitapp.ui.capture.notes_model import AUTHOR_COLUMN, TIME_COLUMN

BOGDAN = Identity("Bogdan Zły", "Inna Instytucja", "referent")


@pytest.fixture
def merged(tmp_path):
    """A registry where Anna's typed minutes were signed with Bogdan's certificate, Piotr's with his own."""
    visit_id = str(uuid_mod.uuid4())
    folder = tmp_path / "inbox"
    folder.mkdir()
    bogdan_p12, bogdan_pem = keys(folder, "bogdan", BOGDAN)
    piotr_p12, piotr_pem = keys(folder, "piotr", PIOTR)
    anna = Official(tmp_path / "anna.db", ANNA, visit_id)
    forged = anna.note("Notatka podpisana certyfikatem kogoś innego.", section="barriers")
    anna_pdf = sign_record(anna.finalise(), folder / "anna.pdf", bogdan_p12)
    anna.close()
    piotr = Official(tmp_path / "piotr.db", PIOTR, visit_id)
    own = piotr.note("Notatka Piotra, podpisana jego certyfikatem.", section="barriers")
    piotr_pdf = sign_record(piotr.finalise(), folder / "piotr.pdf", piotr_p12)
    piotr.close()
    registry = tmp_path / "registry.db"
    db = Database.open(registry)
    try:
        merger = Merger(db, [bogdan_pem, piotr_pem])
        assert merger.merge_file(anna_pdf).status == "accepted"
        assert merger.merge_file(piotr_pdf).status == "accepted"
    finally:
        db.close()
    return registry, visit_id, forged, own


def test_merged_notes_are_shown_by_the_signers_certificate_name(qtbot, qapp, settings, merged):
    from visitapp.ui.app import Application

    registry, visit_id, forged, own = merged
    app = Application(qapp, registry, settings)
    qtbot.addWidget(app.window)
    try:
        app.window.resize(1920, 1080)  # room for every column at its natural width
        app.window.show()
        qtbot.waitExposed(app.window)
        app.window.open_visit(visit_id)
        tree = app.window.capture.tree
        model = tree.notes_model

        def author(note_id: str) -> str:
            return model.note_index(note_id, AUTHOR_COLUMN).data()

        # read on the DB worker once the visit is open, then shown in the author column
        qtbot.waitUntil(lambda: author(forged) == "Bogdan Zły (typed: Anna Nowak)")
        assert author(own) == "Piotr Wiśniewski"  # the same name typed and signed: shown once
        # the row as it is drawn (one call per row) shows the same
        cells = model.row_cells(model.note_index(forged, TIME_COLUMN))[0]
        assert cells[AUTHOR_COLUMN] == "Bogdan Zły (typed: Anna Nowak)"
        assert model.note(forged).author == "Anna Nowak"  # the typed name is kept, only shown beside
        # the column is wide enough for the longer name (measured once, when the names arrived)
        width = tree.fontMetrics().horizontalAdvance("Bogdan Zły (typed: Anna Nowak)")
        assert tree.header().sectionSize(AUTHOR_COLUMN) >= min(width, 220)
        assert not tree.header().isSectionHidden(AUTHOR_COLUMN)  # notes by more than one author
    finally:
        close_app(app)


def test_a_note_typed_in_the_registry_keeps_its_typed_author(qtbot, qapp, settings, merged):
    """Items made in the registry itself have no signer: their author is shown as typed."""
    from visitapp.services import Services
    from visitapp.ui.app import Application

    registry, visit_id, forged, _own = merged
    db = Database.open(registry)
    try:
        local = Services(db, Identity("Ewa Kowalczyk")).notes.add(visit_id, "Notatka koordynatorki.").id
    finally:
        db.close()
    app = Application(qapp, registry, settings)
    qtbot.addWidget(app.window)
    try:
        app.window.show()
        app.window.open_visit(visit_id)
        model = app.window.capture.tree.notes_model
        qtbot.waitUntil(lambda: model.note_index(forged, AUTHOR_COLUMN).data() == "Bogdan Zły (typed: Anna Nowak)")
        assert model.note_index(local, AUTHOR_COLUMN).data() == "Ewa Kowalczyk"
    finally:
        close_app(app)
