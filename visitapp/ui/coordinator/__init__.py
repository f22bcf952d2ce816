"""The coordinator's GUI: :class:`CoordinatorView` (merge, trust, actions, disagreements, reports and plans)."""

from visitapp.ui.coordinator.translation import load_translator
from visitapp.ui.coordinator.view import CoordinatorView

__all__ = ["CoordinatorView", "load_translator"]
