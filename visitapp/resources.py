"""Locate the non-code files under ``resources/``.

The same tree is found in three layouts:

* a checkout: ``<repo>/resources`` beside the ``visitapp`` package;
* an installed wheel: the build copies it to ``visitapp/_resources``;
* a frozen app (PyInstaller): ``<sys._MEIPASS>/resources``.

``VISITAPP_RESOURCES`` overrides all three (useful for packagers).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("VISITAPP_RESOURCES")
    if override:
        found.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(_PACKAGE_DIR / "_resources")
    found.append(_PACKAGE_DIR.parent / "resources")
    return found


@cache
def resources_dir() -> Path:
    """The folder holding templates, schemas, fonts and translations."""
    for candidate in _candidates():
        if (candidate / "templates").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates())
    raise RuntimeError(f"visitapp's resources folder is missing (looked in: {tried})")


def resource_path(*parts: str) -> Path:
    """Path of one file or folder below the resources folder."""
    return resources_dir().joinpath(*parts)
