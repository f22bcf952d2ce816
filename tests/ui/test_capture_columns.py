"""The note's text keeps its room: narrow columns give way in a narrow window, the author column shows only
when a visit's notes have more than one author (real widgets offscreen, real SQLite file)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from visitapp.ui.capture.notes_model import AUTHOR_COLUMN, TAGS_COLUMN, TEXT_COLUMN, VISIBILITY_COLUMN
from visitapp.ui.capture.notes_tree import NARROW_MIN, NOTE_SHARE

GIVING = (TAGS_COLUMN, AUTHOR_COLUMN, VISIBILITY_COLUMN)


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def test_the_note_keeps_its_share_of_a_narrow_window_and_gets_the_rest_of_a_wide_one(opened, qtbot, svc, demo):
    window, tree = opened.window, opened.window.capture.tree
    header = tree.header()
    box = window.capture.box.editor
    box.setFocus()
    box.setPlainText("Notatka z długą listą tagów")
    window.capture.box.tags.setText("kompetencje cyfrowe, przekwalifikowanie zawodowe, współpraca z uczelniami")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, opened)

    for width in (1366, 1024):
        window.resize(width, 768)
        qtbot.waitUntil(lambda: tree.viewport().width() > 0)
        # the note keeps its share, unless every column that gives way is down to its minimum already
        qtbot.waitUntil(lambda: header.sectionSize(TEXT_COLUMN) >= NOTE_SHARE * tree.viewport().width() - 2
                        or all(header.sectionSize(c) == NARROW_MIN for c in GIVING))
        assert header.sectionSize(TAGS_COLUMN) >= NARROW_MIN
    assert header.sectionSize(TAGS_COLUMN) < 220  # the long tags gave way in the narrow window
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: header.sectionSize(TAGS_COLUMN) == 220)  # back to what its tags ask for (at most 220)
    assert header.sectionSize(TEXT_COLUMN) >= NOTE_SHARE * tree.viewport().width()
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert abs(shown - tree.viewport().width()) <= 2  # the columns fill the row: the note takes what is left


def test_the_author_column_shows_only_when_a_visit_has_several_authors(opened, qtbot, svc, demo):
    tree = opened.window.capture.tree
    model = tree.notes_model
    authors = {model.author_of(n) for n in model.notes()}
    assert len(authors) == 1  # the demo visit: every note by its official
    assert tree.header().isSectionHidden(AUTHOR_COLUMN)
    # a note by someone else arrives (as a merge or a colleague's note would): the column comes back
    other = next(iter(model.notes()))
    from dataclasses import replace

    # placed first in the first section: the column must not compare it with itself
    model.apply([replace(other, id="someone-else", author="Jan Kowalski", position=-1,
                         section=model.section_keys()[0])])
    assert not tree.header().isSectionHidden(AUTHOR_COLUMN)
    assert model.note_index("someone-else", AUTHOR_COLUMN).data() == "Jan Kowalski"
    assert model.notes()[0].id == "someone-else"
