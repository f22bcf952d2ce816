"""visitapp.domain: each enumeration defined once, its rules, and its core labels complete in both languages."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

from visitapp import domain
from visitapp.db import models as m
from visitapp.domain import ActionStatus, CopyKind, NoteKind, Side, Visibility, VisitStatus
from visitapp.i18n import gettext_for

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "visitapp"
VALUES = {member.value for enumeration in domain.ENUMERATIONS for member in enumeration}

# Where one of those words is not the enumeration's value but another thing spelled alike.
# Keys are paths under visitapp/ (a folder ends with "/"); each with the words it may spell, and why.
ALLOWED: dict[str, tuple[set[str], str]] = {
    "domain.py": (VALUES, "the one definition"),
    "db/migrations/": (VALUES, "a migration is the schema as it was at its revision: frozen history"),
    "cli/core.py": ({"note"}, "the `note` subcommand, and a search hit's kind (note, action, visit, participant)"),
    "services/search.py": ({"note"}, "a search hit's kind (note, action, visit, participant)"),
    "db/engines/sqlite_fts.py": ({"note"}, "the kind of a document in the search index"),
    "db/engines/postgresql_search.py": ({"note"}, "the kind of a document in the search index"),
    "cli/__init__.py": ({"note"}, "the `note` subcommand in the command table"),
    "ui/provenance.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "ui/visit_list.py": ({"note"}, "a search hit's kind"),
    "registry/apply.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "registry/match.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "registry/persons.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "registry/reports.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "registry/review.py": ({"note", "other"}, "provenance.item_kind; `--keep current|other` of a disagreement"),
    "registry/signers.py": ({"note"}, "provenance.item_kind: note, action or answer"),
    "cli/coordinator.py": ({"other"}, "`resolve --keep current|other`"),
    "ui/coordinator/disagreements_page.py": ({"other"}, "keep the current or the other value of a disagreement"),
}
# A string passed to these is a message to translate (its English source), not a value.
TRANSLATORS = {"_", "t", "tr", "_tr", "gettext", "ngettext", "translate"}


def _allowed(rel: str, value: str) -> bool:
    for where, (words, _reason) in ALLOWED.items():
        if (rel == where or (where.endswith("/") and rel.startswith(where))) and value in words:
            return True
    return False


def _exempt_nodes(tree: ast.AST) -> set[int]:
    """Docstrings and the messages handed to a translation function."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in TRANSLATORS:
                out.update(id(arg) for arg in node.args if isinstance(arg, ast.Constant))
    return out


def stray_literals(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        exempt = _exempt_nodes(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in VALUES
                    and id(node) not in exempt and not _allowed(rel, node.value)):
                found.append(f"visitapp/{rel}:{node.lineno}: {node.value!r}")
    return found


def test_no_enumeration_value_is_spelled_outside_the_domain():
    """Use the members (NoteKind.COMMITMENT), never the text ("commitment"), so a kind is defined in one place."""
    assert stray_literals() == []


def test_the_scan_finds_a_value_spelled_in_a_module(tmp_path):
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "x.py").write_text(
        '"""A module; the docstring may say "commitment"."""\n'
        'def f(n):\n'
        '    label = _("planned")  # a message to translate, not a value\n'
        '    return n.kind == "commitment" or n.status in ("in_progress",)\n', encoding="utf-8")
    assert stray_literals(tmp_path) == ["visitapp/ops/x.py:4: 'commitment'", "visitapp/ops/x.py:4: 'in_progress'"]


def test_stored_and_exchanged_values_are_the_members():
    """The database's CHECK constraints and the published JSON schema hold exactly the members' values."""
    columns = {NoteKind: m.Note.__table__.c.kind, Visibility: m.Note.__table__.c.visibility,
               VisitStatus: m.Visit.__table__.c.status, Side: m.Participant.__table__.c.side,
               ActionStatus: m.ActionItem.__table__.c.status}
    for enumeration, column in columns.items():
        assert list(column.type.enums) == [member.value for member in enumeration], enumeration
    schema = json.loads((ROOT / "resources" / "schema" / "visit-record-1.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    fields = {NoteKind: defs["NoteRec"]["properties"]["kind"], Visibility: defs["NoteRec"]["properties"]["visibility"],
              VisitStatus: defs["VisitRec"]["properties"]["status"], Side: defs["ParticipantRec"]["properties"]["side"],
              ActionStatus: defs["ActionRec"]["properties"]["status"], CopyKind: schema["properties"]["copy"]}
    for enumeration, field in fields.items():
        assert field["enum"] == [member.value for member in enumeration], enumeration


@pytest.mark.parametrize("enumeration", domain.ENUMERATIONS, ids=lambda e: e.__name__)
def test_every_member_has_a_core_label_in_both_languages(enumeration):
    label = domain.CORE_LABELS[enumeration]
    polish, english = gettext_for("pl"), gettext_for("en")
    for member in enumeration:
        marked = label(member, lambda text: f"<{text}>")  # the message it hands to the translation function
        assert marked.startswith("<") and marked.endswith(">"), f"{member!r} has no label of its own"
        message = marked[1:-1]
        assert message and english(message) == message
        assert polish(message) != message, f"no Polish for {message!r}: make translations, fill visitapp.po"
        assert label(member, polish) == polish(message)
        assert label(member.value, polish) == polish(message)  # the stored text finds the same label


def test_the_pdf_labels_follow_the_visit_language_not_the_process():
    from visitapp import i18n
    from visitapp.i18n import set_language
    from visitapp.minutes.labels import Labels

    before = i18n._current  # restored after: the process's language is another test's too
    set_language("en")
    try:
        pl = Labels("pl")
        assert pl.kind(NoteKind.COMMITMENT) == "Zobowiązanie"
        assert pl.visibility("partners") == "dla partnerów"
        assert pl.status(ActionStatus.CANCELLED) == "anulowane"
        assert pl.copy(CopyKind.COMPANY) == "kopia dla firmy"
        assert domain.note_kind_label(NoteKind.COMMITMENT) == "Commitment"  # the process's language
        assert Labels("en").side(Side.OTHER) == "other"
    finally:
        set_language(before)


def test_which_notes_go_into_which_copy():
    assert {v for v in Visibility if domain.in_copy(v, CopyKind.INTERNAL)} == set(Visibility)
    assert {v for v in Visibility if domain.in_copy(v, "company")} == {Visibility.COMPANY}
    assert domain.visibility_shown("partners", "internal") and domain.visibility_shown("company", "internal")
    assert not domain.visibility_shown("internal", "internal"), "only notes that leave the office are marked"
    assert not domain.visibility_shown("internal", "company")
    with pytest.raises(ValueError):
        domain.in_copy("everyone", "internal")


def test_when_authors_are_named_is_one_rule():
    assert not domain.authors_shown(["Ewa", "Ewa", "", None])
    assert domain.authors_shown(["Ewa", "", "Michał"])
    assert not domain.authors_shown([])
    assert domain.authors_shown(["Ewa"], signed=True)  # merged from signed minutes: the signer is named


def test_overdue_and_spellings():
    today = dt.date(2026, 5, 1)
    assert domain.action_overdue("open", dt.date(2026, 4, 30), today)
    assert not domain.action_overdue(ActionStatus.DONE, dt.date(2026, 4, 30), today)
    assert not domain.action_overdue(ActionStatus.OPEN, None, today)
    assert not domain.action_overdue(ActionStatus.OPEN, today, today)
    assert domain.spellings(VisitStatus) == ["planned", "in_progress", "in-progress", "finalised"]
    assert domain.from_spelling(VisitStatus, "in-progress") is VisitStatus.IN_PROGRESS
