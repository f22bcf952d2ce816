"""Small helpers shared by the coordinator's pages (no translatable text here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from visitapp.errors import UserError
from visitapp.services import Services
from visitapp.ui.coordinator.models import RowsModel
from visitapp.ui.safe_text import plain_warning

ServicesRef = Services | Callable[[], Services]


def current(services: ServicesRef) -> Services:
    """The services now in use: the main window hands a getter (the identity can change), tests an instance."""
    return services() if callable(services) else services


def message_of(err: BaseException) -> str:
    """The core's one clear sentence; anything else is a bug, said as plainly as possible."""
    if isinstance(err, UserError):
        return str(err)
    return f"{type(err).__name__}: {err}"


def warn(parent: QWidget, title: str, text: str) -> None:
    plain_warning(parent, title, text)  # the text often holds a file's or a signer's name


def table(parent: QWidget, name: str, model: Any, *, stretch: int = -1) -> QTableView:
    """A read-by-row table: whole rows selected, sortable later by the page, last column stretched."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> Any:
    index = view.currentIndex()
    selection = view.selectionModel()
    if not index.isValid() or selection is None or not selection.isRowSelected(index.row(), index.parent()):
        return None
    model = view.model()
    assert isinstance(model, RowsModel)  # every coordinator table shows a RowsModel
    return model.row_at(index)
