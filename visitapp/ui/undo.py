"""Undo and redo in the GUI: a thin adapter over the core's history (:mod:`visitapp.ops`).

The core records every operation's inverse and owns the undo and redo stacks
(one :class:`visitapp.ops.History` per open database); undo and redo are
operations too, so they run on the one DB worker through
:class:`~visitapp.ui.ops_runner.OpRunner` like any change. Nothing here keeps
a stack of its own or writes to the database.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from visitapp.ui.ops_runner import OpRunner


def bind(runner: OpRunner, undo_action: QAction, redo_action: QAction,
         undo: Callable[[], object] | None = None, redo: Callable[[], object] | None = None) -> None:
    """Ctrl+Z / Ctrl+Shift+Z: ``undo_action`` and ``redo_action`` call the core's undo and redo.

    ``undo``/``redo`` replace :meth:`OpRunner.undo`/:meth:`OpRunner.redo` when a view must
    first store what is being typed. The actions are enabled while there is a step to
    undo or redo, and their tool tips name it (the operation's label, in the user's language).
    """
    undo_action.triggered.connect(lambda: (undo or runner.undo)())
    redo_action.triggered.connect(lambda: (redo or runner.redo)())

    def follow(undo_label: str, redo_label: str) -> None:
        undo_action.setEnabled(bool(undo_label))
        undo_action.setToolTip(undo_label)
        redo_action.setEnabled(bool(redo_label))
        redo_action.setToolTip(redo_label)

    runner.historyChanged.connect(follow)
    follow(runner.undo_label, runner.redo_label)
