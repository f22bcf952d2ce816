"""Find a PKCS#11 module given by its bare name (``opensc-pkcs11.dll``, ``libsofthsm2.so``) as the system would.

A path with a folder in it is used as given. A bare name is looked up where the system keeps
such libraries (``ctypes.util.find_library``, the loader's path, the folders the usual middleware
installs to), never in the current folder: a library of that name dropped beside a document
must not be loaded and handed the PIN.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

SUFFIXES = {"win32": (".dll",), "darwin": (".dylib", ".so")}.get(sys.platform, (".so",))


def _usual_folders() -> list[Path]:
    env_path = os.environ.get("LD_LIBRARY_PATH" if sys.platform.startswith("linux") else "PATH", "")
    folders = [Path(p) for p in env_path.split(os.pathsep) if p and p != "."]
    if sys.platform == "win32":
        root = Path(os.environ.get("SYSTEMROOT", r"C:\Windows"))  # Windows' environment ignores case
        programs = [Path(os.environ[v]) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
                    if os.environ.get(v)]
        folders += [root / "System32", root / "SysWOW64"]
        folders += [p / "OpenSC Project" / "OpenSC" / "pkcs11" for p in programs]
        folders += [p / "SoftHSM2" / "lib" for p in programs]
    elif sys.platform == "darwin":
        folders += [Path("/Library/OpenSC/lib"), Path("/usr/local/lib"), Path("/opt/homebrew/lib")]
    else:
        for base in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                     "/usr/local/lib"):
            folders += [Path(base) / "pkcs11", Path(base), Path(base) / "softhsm", Path(base) / "opensc"]
    return [f for f in folders if f.is_absolute()]


def _names(name: str) -> list[str]:
    """The name, and with the platform's suffix (and ``lib`` prefix) when it was left out."""
    names = [name]
    if not name.lower().endswith(SUFFIXES):
        names += [name + s for s in SUFFIXES]
        if sys.platform != "win32" and not name.startswith("lib"):
            names += ["lib" + name + s for s in SUFFIXES]
    return names


def find_module(module: str | os.PathLike[str]) -> Path | None:
    """The module's file: the path itself when it names a folder, else found on the library path; None if not found."""
    text = os.fspath(module).strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if path.is_absolute() or os.sep in text or (os.altsep and os.altsep in text):
        return path if path.is_file() else None
    for folder in _usual_folders():
        for name in _names(text):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    stem = text
    for suffix in SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    found = ctypes.util.find_library(stem[3:] if stem.startswith("lib") and sys.platform != "win32" else stem)
    if found:
        located = Path(found)
        if located.is_absolute() and located.is_file():  # Windows and macOS give a path
            return located
        for folder in _usual_folders():  # Linux gives the soname: where the loader would find it
            if (folder / found).is_file():
                return folder / found
    return None
