"""What the PyInstaller spec leaves out of the frozen app, and the licence notices it ships.

visitapp uses QtCore, QtGui and QtWidgets only: no QML, no network, no SQL drivers, no
designer. PyInstaller's PySide6 hooks bring what the imported modules need; this prunes the
rest (plugins, Qt's catalogues other than qtbase's Polish and English, test-only packages).
Imported by packaging/visitapp.spec at build time only, never by the app.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

EXCLUDED_MODULES = [
    # test and build tools that the app's optional code paths might name
    # (not jsonschema: pikepdf.pdfa needs it for the minutes' PDF/A-3b claim)
    "pytest", "_pytest", "pytestqt", "hatchling", "babel", "IPython", "setuptools", "pip", "hypothesis",
    "tkinter", "_tkinter", "unittest.mock", "pydoc_data", "mypy", "ast_serialize", "pydantic.mypy",
    "sqlalchemy.ext.mypy",
    # Qt modules visitapp does not use
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtNetwork", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport", "PySide6.QtUiTools",
    "PySide6.QtXml", "PySide6.QtDBus", "PySide6.QtConcurrent", "PySide6.QtSvgWidgets",
]

# Qt plugin folders kept: platforms (xcb for desktops, offscreen for tests and servers, windows),
# the xcb GL integration xcb loads, input contexts (compose keys: Polish letters on some keyboards),
# platform themes (native file dialogs), raster image formats and the SVG icon engine.
KEEP_PLUGIN_DIRS = {"platforms", "xcbglintegrations", "platforminputcontexts", "platformthemes",
                    "imageformats", "iconengines", "styles"}
KEEP_PLATFORMS = re.compile(r"(lib)?q(xcb|offscreen|minimal|windows)\.(so|dll)$")
# The GTK theme would need GTK from the system; the desktop portal one covers file dialogs on Linux.
DROPPED_PLUGINS = re.compile(r"(lib)?qgtk3\.(so|dll)$")
KEEP_IMAGEFORMATS = re.compile(r"(lib)?q(svg|ico|jpeg|gif)\.(so|dll)$")
KEEP_QT_TRANSLATIONS = re.compile(r"qtbase_(pl|en)\.qm$")
DROPPED_LIBS = re.compile(r"^(lib)?Qt6(Qml|Quick|Pdf|VirtualKeyboard|Network|Sql|Test|Designer|Help|OpenGL|"
                          r"PrintSupport|Xml|ShaderTools|LabsStyleKit|WebSockets|Wayland|Wl|EglFS)\w*\.(so|dll)")


def _qt_part(dest: str) -> str | None:
    """The path below PySide6's Qt folder (plugins/…, translations/…), or None outside it."""
    parts = Path(dest).as_posix().split("/")
    for i in range(len(parts) - 1):
        if parts[i] == "PySide6" and parts[i + 1] == "Qt":
            return "/".join(parts[i + 2:])
    return None


def _keep(dest: str) -> bool:
    posix = Path(dest).as_posix()
    if "__pycache__" in posix:
        return False
    qt = _qt_part(dest)
    if qt is None:
        return True
    if qt.startswith("qml") or qt.startswith("resources/qtwebengine") or qt.startswith("metatypes"):
        return False
    if qt.startswith("translations/"):
        return bool(KEEP_QT_TRANSLATIONS.search(qt))
    if qt.startswith("plugins/"):
        folder = qt.split("/")[1]
        if folder not in KEEP_PLUGIN_DIRS:
            return False
        if folder == "platforms":
            return bool(KEEP_PLATFORMS.search(qt))
        if DROPPED_PLUGINS.search(qt):
            return False
        if folder == "imageformats":
            return bool(KEEP_IMAGEFORMATS.search(qt))
        return True
    return not DROPPED_LIBS.search(Path(qt).name)


# Brought in only for the dropped GTK platform theme (Qt itself draws with its own FreeType/HarfBuzz).
DROPPED_SYSTEM_LIBS = re.compile(r"^lib(atk|atk-bridge|cairo|cairo-gobject|gdk_pixbuf|gdk|gtk|pango|pangocairo|"
                                 r"pangoft2|epoxy|Qt6EglFsKmsSupport)[-0-9.]*\.so")


def binaries(toc: list) -> list:
    return [entry for entry in toc if _keep(entry[0]) and not DROPPED_LIBS.search(Path(entry[0]).name)
            and not DROPPED_SYSTEM_LIBS.search(Path(entry[0]).name)]


def datas(toc: list) -> list:
    return [entry for entry in toc if _keep(entry[0])]


def tzdata_files() -> list[tuple[str, str]]:
    """The tzdata package's zone files, so times are never silently read as UTC where the OS has none."""
    from PyInstaller.utils.hooks import collect_data_files

    return collect_data_files("tzdata")


def visitapp_modules() -> list[str]:
    """Every module of the visitapp package (the CLI imports its command modules by name)."""
    from PyInstaller.utils.hooks import collect_submodules

    return collect_submodules("visitapp", filter=lambda name: ".migrations" not in name)


def pdfa_parts() -> tuple[list[str], list[tuple[str, str]]]:
    """pikepdf.pdfa (imported inside a function, checked with find_spec) with its modules and data files."""
    from PyInstaller.utils.hooks import collect_data_files, collect_submodules

    modules = [*collect_submodules("pikepdf.pdfa"), "jsonschema", "referencing", "fontTools"]
    return modules, collect_data_files("pikepdf.pdfa") + collect_data_files("jsonschema_specifications")


def alembic_imports() -> list[str]:
    """Alembic loads env.py and the versions from files: what they import is not seen by the analysis."""
    return ["alembic.context", "alembic.op", "alembic.runtime.migration", "alembic.ddl.sqlite",
            "sqlalchemy.dialects.sqlite", "logging.config"]


def write_licences(root: Path, out: Path) -> Path:
    """The app's licence and the third-party notices, gathered from what is installed now."""
    import sys

    sys.path.insert(0, str(root))
    from visitapp.licences import python_package_notices  # the same text the About window shows

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy2(root / "LICENSE", out / "LICENSE")
    shutil.copy2(root / "resources" / "licences" / "THIRD_PARTY.txt", out / "THIRD_PARTY.txt")
    shutil.copy2(root / "resources" / "fonts" / "OFL.txt", out / "OFL-NotoSans.txt")
    (out / "PYTHON_PACKAGES.txt").write_text(python_package_notices(), encoding="utf-8")
    return out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
