"""The GUI's settings, each declared once with its type and default, kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # the services (SQLAlchemy, pydantic) are imported after the window is shown
    from visitapp.services import Identity


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


NAME = Setting("identity/name", str, "")
INSTITUTION = Setting("identity/institution", str, "")
ROLE = Setting("identity/role", str, "")
LANGUAGE = Setting("ui/language", str, "")  # "" = follow the system locale
DATA_FILE = Setting("data/file", str, "")  # "" = the default path
DUE_DAYS = Setting("capture/due_days", int, 14)  # a new action item is due this many days from today
LAST_VISIT = Setting("session/visit", str, "")  # the visit open last: reopened at the next start
ALL = (NAME, INSTITUTION, ROLE, LANGUAGE, DATA_FILE, DUE_DAYS)


class AppSettings:
    """Typed access to QSettings; pass a file to keep tests apart from the user's settings."""

    def __init__(self, file: Path | str | None = None) -> None:
        if file is None:
            self.qs = QSettings("visitapp", "visitapp")
        else:
            self.qs = QSettings(str(file), QSettings.Format.IniFormat)

    def get(self, setting: Setting) -> Any:
        value = self.qs.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is str:
            return str(value)
        try:
            return setting.type(value)
        except (TypeError, ValueError):  # a settings file edited by hand: the default, not a traceback
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        self.qs.setValue(setting.key, value)

    def identity(self) -> Identity:
        """The user's identity, or the system's user name until they set one (first start never blocks)."""
        from visitapp.services import Identity

        name = self.get(NAME).strip()
        if not name:
            return Identity.system()
        return Identity(name, self.get(INSTITUTION).strip(), self.get(ROLE).strip())

    def identity_set(self) -> bool:
        return bool(self.get(NAME).strip())

    # window state --------------------------------------------------------
    def state(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.qs.sync()
