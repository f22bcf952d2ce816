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


def test_the_time_and_kind_columns_are_as_wide_as_their_values_and_widen_for_a_new_kind(opened, qtbot):
    """At 150 % on 1366x768 the time and kind columns took the note's room: they hold their values, no more."""
    from dataclasses import replace

    from visitapp.ui.capture.notes_model import KIND_COLUMN, TIME_COLUMN
    from visitapp.ui.capture.notes_tree import CELL_PAD
    from visitapp.ui.labels import KINDS, kind_label

    tree = opened.window.capture.tree
    header, fm, model = tree.header(), tree.fontMetrics(), tree.notes_model
    head_pad = 4 + 2 * tree.style().pixelMetric(tree.style().PixelMetric.PM_HeaderMargin)
    kind_head = header.fontMetrics().horizontalAdvance(model.headerData(KIND_COLUMN, Qt.Orientation.Horizontal))
    present = {n.kind for n in model.notes()}
    widest = max(fm.horizontalAdvance(kind_label(k)) for k in present)
    assert header.sectionSize(KIND_COLUMN) == max(widest + CELL_PAD, kind_head + head_pad)
    sections = [model.index(s, 0) for s in range(model.rowCount())]
    times = [model.index(0, TIME_COLUMN, s).data() for s in sections if model.rowCount(s)]
    widest_time = max(fm.horizontalAdvance(t) for t in times)
    assert header.sectionSize(TIME_COLUMN) <= widest_time + 2 * tree.indentation() + 2 * CELL_PAD
    # a note of the widest kind the visit does not have yet: the column grows to hold it
    missing = max((k for k in KINDS if k not in present), key=lambda k: fm.horizontalAdvance(kind_label(k)))
    model.apply([replace(model.notes()[0], id="new-kind", kind=missing, position=-1)])
    needed = fm.horizontalAdvance(kind_label(missing)) + CELL_PAD
    assert header.sectionSize(KIND_COLUMN) >= min(needed, 220)
