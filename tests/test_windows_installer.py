"""The Windows installer script compiles (NSIS's makensis runs on Linux too) against a stand-in folder.

What this cannot show: that the installer runs on Windows, or the frozen .exe files work there;
packaging/README.md says what was and was not tried.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT, require_tool

SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"


def stand_in(folder: Path) -> Path:
    """The shape of the PyInstaller folder: two executables and _internal/ with the resources."""
    (folder / "_internal" / "resources" / "locale").mkdir(parents=True)
    (folder / "visitapp.exe").write_bytes(b"MZ console stand-in")
    (folder / "visitapp-gui.exe").write_bytes(b"MZ windowed stand-in")
    (folder / "_internal" / "resources" / "locale" / "visitapp.mo").write_bytes(b"\xde\x12\x04\x95" + bytes(64))
    return folder


def compile_installer(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    makensis = require_tool("makensis")
    return subprocess.run([makensis, "-V2", "-WX", *defines, str(SCRIPT)], capture_output=True, text=True,
                          cwd=SCRIPT.parent, timeout=300)


def test_installer_compiles_per_user_with_start_menu_and_uninstaller(tmp_path):
    source = stand_in(tmp_path / "visitapp")
    out = tmp_path / "visitapp-0.1.0-setup.exe"
    result = compile_installer(tmp_path, "-DVERSION=0.1.0", f"-DSOURCE={source}", f"-DOUTFILE={out}",
                               f"-DICON={ROOT / 'packaging' / 'icons' / 'visitapp.ico'}")
    assert result.returncode == 0, result.stdout + result.stderr
    exe = out.read_bytes()
    assert exe[:2] == b"MZ"
    # RequestExecutionLevel user becomes a manifest that never asks for an administrator
    assert b"asInvoker" in exe and b"requireAdministrator" not in exe and b"highestAvailable" not in exe
    script = SCRIPT.read_text(encoding="utf-8")
    assert re.search(r"^InstallDir \"\$LOCALAPPDATA\\Programs\\visitapp\"", script, re.M)
    assert "WriteUninstaller" in script and '$SMPROGRAMS\\visitapp\\visitapp.lnk" "$INSTDIR\\visitapp-gui.exe' in script
    assert "HKLM" not in script  # nothing machine-wide


def test_installer_refuses_a_folder_without_the_app(tmp_path):
    result = compile_installer(tmp_path, f"-DSOURCE={tmp_path / 'missing'}", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert result.returncode != 0 and not (tmp_path / "x.exe").exists()
