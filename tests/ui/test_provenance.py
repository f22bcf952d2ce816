"""The "Provenance" tab of a merged visit (issue 10): who signed which version, from which file, and what each
file brought. Real minutes signed with real certificates, merged by the real Merger into a real SQLite registry,
opened in the real main window; a visit made in the database itself shows no such tab."""

from __future__ import annotations

import uuid as uuid_mod

import pytest

from tests.registry_helpers import ANNA, PIOTR, Official, keys, sign_record
from tests.ui.app_session import close_app, open_app
from visitapp.db import Database
from visitapp.registry.merge import Merger

HOSTILE = "<img src=probe.png>piotr"  # a file name is the sender's to choose


@pytest.fixture
def merged(tmp_path):
    """Anna's version 1 and 2 (2 supersedes 1) and Piotr's version 1 of one visit, merged in that order."""
    visit_id = str(uuid_mod.uuid4())
    folder = tmp_path / "inbox"
    folder.mkdir()
    anna_p12, anna_pem = keys(folder, "anna", ANNA)
    piotr_p12, piotr_pem = keys(folder, "piotr", PIOTR)
    anna = Official(tmp_path / "anna.db", ANNA, visit_id)
    anna.note("Firma planuje zatrudnić 40 osób.", section="barriers")
    first = sign_record(anna.finalise(), folder / "anna-v1.pdf", anna_p12)
    anna.note("Potrzebne certyfikaty spawalnicze " + "bardzo długie " * 20, section="barriers")
    second = sign_record(anna.finalise(), folder / "anna-v2.pdf", anna_p12)
    anna.close()
    piotr = Official(tmp_path / "piotr.db", PIOTR, visit_id)
    piotr.note("Współpraca z technikum.", section="barriers")
    piotrs = sign_record(piotr.finalise(), folder / f"{HOSTILE}.pdf", piotr_p12)
    piotr.close()
    registry = tmp_path / "registry.db"
    db = Database.open(registry)
    try:
        merger = Merger(db, [anna_pem, piotr_pem])
        for pdf in (first, second, piotrs):
            assert merger.merge_file(pdf).status == "accepted"
    finally:
        db.close()
    return registry, visit_id


def test_a_merged_visit_shows_who_signed_which_version_from_which_file(qtbot, qapp, settings, merged):
    registry, visit_id = merged
    app = open_app(qapp, qtbot, registry, settings)
    try:
        tab = app.window.provenance
        side = app.window.capture.side
        assert not side.isTabVisible(side.indexOf(tab))
        with qtbot.waitSignal(tab.updated) as shown:
            app.window.open_visit(visit_id)
        assert shown.args == [True] and side.isTabVisible(side.indexOf(tab))
        assert side.tabText(side.indexOf(tab)) == "Provenance"
        tree = tab.tree
        shown = {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                                for j in range(tree.topLevelItem(i).childCount())]
                 for i in range(tree.topLevelItemCount())}
        assert list(shown) == ["[1] anna-v1.pdf — version 1 (superseded)", "[2] anna-v2.pdf — version 2",
                               f"[3] {HOSTILE}.pdf — version 1"]
        assert tab.summary.text() == "Merged from 3 signed files. Current: 2."
        first, second, third = shown.values()
        # who: the certificate's name of the author and of every signature; when: each file's signing time
        assert first[:2] == ["Author: Anna Nowak", "Signed by: Anna Nowak"]
        assert third[:2] == ["Author: Piotr Wiśniewski", "Signed by: Piotr Wiśniewski"]
        assert all(rows[2].startswith("Signed on: ") and not rows[2].endswith("?") for rows in shown.values())
        # what each file brought (a note unchanged since version 1 stays with the file that brought it)
        assert first[3:] == ["Note: Firma planuje zatrudnić 40 osób."]
        assert third[3:] == ["Note: Współpraca z technikum."]
        [long_one] = second[3:]
        assert long_one.startswith("Note: Potrzebne certyfikaty spawalnicze")
        assert long_one.endswith("…") and len(long_one) <= len("Note: ") + 120
        assert ("bardzo długie " * 20).strip() in tree.topLevelItem(1).child(3).toolTip(0)  # the whole text
        # the hostile file name's tooltip is escaped text, never markup Qt would load
        tip = tree.topLevelItem(2).toolTip(0)
        assert "<img" not in tip and "&lt;img src=probe.png&gt;piotr.pdf\nSHA-256 " in tip
    finally:
        close_app(app)


def test_a_visit_made_here_has_no_provenance_tab(qtbot, qapp, settings, db_path, demo):
    app = open_app(qapp, qtbot, db_path, settings)
    try:
        tab = app.window.provenance
        side = app.window.capture.side
        with qtbot.waitSignal(tab.updated) as shown:
            app.window.open_visit(demo[0])
        assert shown.args == [False]
        assert not side.isTabVisible(side.indexOf(tab))
        assert tab.tree.topLevelItemCount() == 0
    finally:
        close_app(app)
