"""Issue 11: a disagreement says which file and version gave each value (signer, file, version), on the
Disagreements page and in ``visitapp disagreements``; real records merged into a real registry file."""

from __future__ import annotations

import json
import uuid as uuid_mod

import pytest
from registry_helpers import ANNA, PIOTR, Official, source_of

from tests.conftest import run_cli
from visitapp.registry.merge import merge_record
from visitapp.registry.review import disagreements


@pytest.fixture
def three_files(db, tmp_path):
    """Anna's version 1 says "Biuro"; Piotr's version 1 says "Zakład", his version 2 "Hala" and 1350 employees
    where Anna said 1200."""
    visit = str(uuid_mod.uuid4())
    anna = Official(tmp_path / "a.db", ANNA, visit, place="Biuro")
    piotr = Official(tmp_path / "p.db", PIOTR, visit, place="Zakład")
    anna.svc.answers.set(anna.visit_id, "employees_now", 1200)
    record = anna.finalise()
    merge_record(db, record, source_of(record, "anna-wizyta.pdf"))
    record = piotr.finalise()
    merge_record(db, record, source_of(record, "piotr-wizyta.pdf"))
    piotr.svc.visits.update(piotr.visit_id, place="Hala")
    piotr.svc.answers.set(piotr.visit_id, "employees_now", 1350)
    record = piotr.finalise()
    assert record.version == 2
    merge_record(db, record, source_of(record, "piotr-wizyta-v2.pdf"))
    anna.close()
    piotr.close()
    return visit


def _by_value(rows):
    return {(d.field, str(d.other_value)): d for d in rows}


def test_each_value_names_its_file_and_version(db, three_files):
    rows = _by_value(disagreements(db))
    assert set(rows) == {("place", "Zakład"), ("place", "Hala"), ("answer:employees_now", "1350")}
    first, second, answer = rows["place", "Zakład"], rows["place", "Hala"], rows["answer:employees_now", "1350"]
    for d in (first, second, answer):  # the registry's value came from Anna's first version
        assert d.current_source is not None
        assert (d.current_source.signer, d.current_source.file_name, d.current_source.version) == (
            "Anna Nowak", "anna-wizyta.pdf", 1)
    assert (first.other_source.signer, first.other_source.file_name, first.other_source.version) == (
        "Piotr Wiśniewski", "piotr-wizyta.pdf", 1)
    assert (second.other_source.file_name, second.other_source.version) == ("piotr-wizyta-v2.pdf", 2)
    assert (answer.other_source.file_name, answer.other_source.version) == ("piotr-wizyta-v2.pdf", 2)


def test_the_page_shows_signer_file_and_version(qtbot, svc, three_files):
    from visitapp.ui.coordinator import CoordinatorView

    view = CoordinatorView(svc)
    qtbot.addWidget(view)
    page = view.disagreements
    model = page.model
    cells = {(model.index(r, model.column_of("other")).data()):
             (model.index(r, model.column_of("current_source")).data(),
              model.index(r, model.column_of("author")).data()) for r in range(model.rowCount())}
    assert cells["Zakład"] == ("Anna Nowak — anna-wizyta.pdf, version 1",
                               "Piotr Wiśniewski — piotr-wizyta.pdf, version 1")
    assert cells["Hala"] == ("Anna Nowak — anna-wizyta.pdf, version 1",
                             "Piotr Wiśniewski — piotr-wizyta-v2.pdf, version 2")
    assert cells["1350"][1] == "Piotr Wiśniewski — piotr-wizyta-v2.pdf, version 2"
    view.shutdown()


def test_the_command_line_names_them_too(db, three_files):
    listed = run_cli("disagreements", "--db", str(db.path))
    assert listed.returncode == 0, listed.stderr
    assert "registry's value from Anna Nowak, file anna-wizyta.pdf, version 1; other value from " \
           "Piotr Wiśniewski, file piotr-wizyta-v2.pdf, version 2" in listed.stdout
    rows = json.loads(run_cli("disagreements", "--db", str(db.path), "--json").stdout)
    hala = next(r for r in rows if r["other_value"] == "Hala")
    assert hala["current_source"]["file_name"] == "anna-wizyta.pdf"
    assert (hala["other_source"]["file_name"], hala["other_source"]["version"]) == ("piotr-wizyta-v2.pdf", 2)
