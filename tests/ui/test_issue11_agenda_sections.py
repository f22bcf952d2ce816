"""Issue 11: the agenda can become the visit's sections (after the template's, or instead of them), chosen in the
prepare dialog; notes go into them, the record (and so the minutes) carries them, and a change that would leave a
note without its section is refused in one sentence."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from visitapp.errors import InvalidInput
from visitapp.templates import get_template
from visitapp.ui.prepare import PrepareDialog

AGENDA = ["Plany inwestycyjne na 2027 rok", "Staże dla uczniów techników"]


def test_the_agenda_after_the_templates_sections(svc, demo):
    template = get_template(svc.visits.get(demo[0]).template_key)
    svc.visits.update(demo[0], agenda=AGENDA, agenda_sections="append")
    note = svc.notes.add(demo[0], "Firma przyjmie ośmioro stażystów.", section="agenda_2")
    record = svc.records.build(demo[0])
    keys = [s.key for s in record.template.sections]
    assert keys == [*template.section_keys, "agenda_1", "agenda_2"]
    assert record.template.sections[-1].title.pl == "Staże dla uczniów techników"
    assert [n.section for n in record.notes if n.id == note.id] == ["agenda_2"]
    assert [n.id for n in svc.notes.list(demo[0])][-1] == note.id  # listed in the sections' order

    with pytest.raises(InvalidInput, match="Notes are filed under a section this change would remove"):
        svc.visits.update(demo[0], agenda_sections="")  # agenda_2 holds a note
    with pytest.raises(InvalidInput, match="Notes are filed under a section"):
        svc.visits.update(demo[0], agenda=AGENDA[:1])
    assert svc.visits.get(demo[0]).agenda_sections == "append"
    with pytest.raises(InvalidInput, match="not sideways"):
        svc.visits.update(demo[0], agenda_sections="sideways")


def test_the_agenda_instead_of_the_templates_sections(svc, demo):
    visit = svc.visits.get(demo[2])
    template = get_template(visit.template_key)
    for n in svc.notes.list(demo[2]):  # a visit whose notes all sit in sections that hold answers, or none
        svc.notes.delete(n.id)
    svc.visits.update(demo[2], agenda=AGENDA, agenda_sections="replace")
    keys = [s.key for s in svc.records.build(demo[2]).template.sections]
    with_fields = [s.key for s in template.sections if any(f.section == s.key for f in template.fields)]
    assert keys == ["agenda_1", "agenda_2", *with_fields]
    assert svc.notes.add(demo[2], "Pierwsza notatka.").section == "agenda_1"  # the first section by default
    with pytest.raises(InvalidInput, match="has no section"):
        svc.notes.add(demo[2], "W sekcji, której nie ma.", section=template.sections[-1].key)


def test_prepare_dialog_offers_the_agenda_as_sections(gui, qtbot, svc, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    dialog.agenda.setPlainText("\n".join(AGENDA))
    assert dialog.agenda_sections.currentData() == ""  # the template's sections unless asked
    dialog.agenda_sections.setCurrentIndex(dialog.agenda_sections.findData("append"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    visit = svc.visits.get(dialog.visit_id)
    assert (visit.agenda, visit.agenda_sections) == (tuple(AGENDA), "append")
    assert svc.notes.add(dialog.visit_id, "Plan: nowa hala.", section="agenda_1").section == "agenda_1"

    again = PrepareDialog(gui.services(), dialog.visit_id, gui.window)
    qtbot.addWidget(again)
    assert again.agenda_sections.currentData() == "append"


def test_a_merged_record_keeps_its_agenda_sections(svc, demo, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from registry_helpers import source_of

    from visitapp.db import Database
    from visitapp.registry.merge import merge_record
    from visitapp.services import Services

    svc.visits.update(demo[0], agenda=AGENDA, agenda_sections="append")
    svc.notes.add(demo[0], "Firma przyjmie ośmioro stażystów.", section="agenda_2")
    record = svc.records.finalise(demo[0]).record
    with Database.open(tmp_path / "registry.db") as registry:
        merge_record(registry, record, source_of(record))
        merged = Services(registry)
        assert merged.visits.get(demo[0]).agenda_sections == "append"
        rebuilt = merged.records.build(demo[0])
        assert [s.key for s in rebuilt.template.sections][-2:] == ["agenda_1", "agenda_2"]
        assert [n.section for n in merged.notes.list(demo[0])][-1] == "agenda_2"


def test_visit_edit_agenda_sections_on_the_command_line(db_path, svc, demo):
    import json

    from tests.conftest import run_cli

    db = str(db_path)
    edited = run_cli("visit", "edit", "--visit", demo[0], "--db", db, "--agenda", AGENDA[0], "--agenda", AGENDA[1],
                     "--agenda-sections", "append", "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["agenda_sections"] == "append"
    svc.notes.add(demo[0], "Staże od września.", section="agenda_2")
    refused = run_cli("visit", "edit", "--visit", demo[0], "--db", db, "--agenda-sections", "none")
    assert refused.returncode == 2 and "Notes are filed under a section" in refused.stderr  # as visit edit does
    assert svc.visits.get(demo[0]).agenda_sections == "append"
