"""``make package``: the frozen one-folder app (dist/visitapp) and, on Debian, dist/visitapp_<version>_amd64.deb.

    python packaging/build.py            # freeze, then the .deb when dpkg-deb is there
    python packaging/build.py --deb-only # the .deb from an existing dist/visitapp

Prints the folder's size and how long each step took. Runs on a build machine only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import visitapp_build

APP_ID = "io.github.visitapp.VisitApp"  # desktop entry, icons and AppStream metainfo share it
SUMMARY = "Notes from reference visits to companies, signed minutes and a registry of the series"
# What Qt's xcb platform plugin and its GL integration need from the system where PyInstaller does not
# bundle it (libEGL/libGL are never bundled: they must match the machine's drivers), named as Debian does.
BASE_DEPENDS = ["libc6", "libegl1", "libgl1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
                "libxkbcommon-x11-0", "libx11-xcb1", "libfontconfig1", "libdbus-1-3"]


def version() -> str:
    text = (ROOT / "visitapp" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def freeze(dist: Path, work: Path) -> Path:
    env = {**os.environ, "VISITAPP_BUILD_DIR": str(work)}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
                    str(ROOT / "packaging" / "visitapp.spec")], check=True, cwd=ROOT, env=env)
    return dist / "visitapp"


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_packages(folder: Path) -> list[str]:
    """Debian packages of the system libraries the frozen app's binaries load (what is not bundled)."""
    bundled = {p.name for p in folder.rglob("*.so*")}
    elves = [str(p) for p in _elf_files(folder)]
    libs: set[str] = set()
    for start in range(0, len(elves), 64):  # one ldd for many files: its output names each file
        out = subprocess.run(["ldd", *elves[start:start + 64]], capture_output=True, text=True,
                             env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}).stdout
        for line in out.splitlines():
            match = re.match(r"\s*(\S+) => (/\S+)", line)
            if match and match.group(1) not in bundled and str(folder) not in match.group(2):
                libs.update({match.group(2), os.path.realpath(match.group(2))})  # merged /usr: dpkg knows one
    if not libs:
        return []
    owners = subprocess.run(["dpkg", "-S", *sorted(libs)], capture_output=True, text=True).stdout
    return sorted({line.split(":", 1)[0].strip() for line in owners.splitlines() if ":" in line})


DESKTOP = f"""[Desktop Entry]
Type=Application
Name=visitapp
GenericName=Visit notes and signed minutes
GenericName[pl]=Notatki z wizyt i podpisane protokoły
Comment={SUMMARY}
Comment[pl]=Notatki z wizyt referencyjnych w firmach, podpisane protokoły i rejestr cyklu
Exec=visitapp gui
Icon={APP_ID}
Terminal=false
Categories=Office;
Keywords=minutes;notes;visit;signature;protokół;notatki;wizyta;podpis;
StartupWMClass=visitapp
"""

METAINFO = f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>visitapp</name>
  <summary>Notes from company visits, signed PDF minutes and a registry</summary>
  <summary xml:lang="pl">Notatki z wizyt w firmach, podpisane protokoły i rejestr</summary>
  <description>
    <p>
      Officials take structured notes during reference visits to local companies, offline, and
      export the minutes as signed PDF files with the record of the visit inside. A coordinator
      verifies and merges those files into one registry of the whole series, follows up the
      commitments made and reports on them.
    </p>
    <p xml:lang="pl">
      Urzędnicy notują przebieg wizyt referencyjnych w firmach, także bez sieci, i eksportują
      protokoły jako podpisane pliki PDF z zapisem wizyty w środku. Koordynator sprawdza je
      i łączy w jeden rejestr całego cyklu.
    </p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides>
    <binary>visitapp</binary>
  </provides>
  <categories>
    <category>Office</category>
  </categories>
  <releases>
    <release version="{{version}}" date="2026-12-01"/>
  </releases>
  <content_rating type="oars-1.1"/>
</component>
"""


def _link_or_copy(src: str, dst: str) -> None:
    """Hard links: the staging tree costs no second copy of the 300 MB folder (a copy across file systems)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def deb(app: Path, dist: Path, work: Path) -> Path:
    ver = version()
    stage = work / "deb" / f"visitapp_{ver}_amd64"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(app, stage / "opt" / "visitapp", symlinks=True, copy_function=_link_or_copy)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/visitapp/visitapp", stage / "usr" / "bin" / "visitapp")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP_ID}.desktop").write_text(DESKTOP, encoding="utf-8")
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(METAINFO.replace("{version}", ver), encoding="utf-8")
    icons = ROOT / "packaging" / "icons"
    svg_dir = share / "icons" / "hicolor" / "scalable" / "apps"
    svg_dir.mkdir(parents=True)
    shutil.copy2(icons / "visitapp.svg", svg_dir / f"{APP_ID}.svg")
    for size in (48, 128, 256):
        png_dir = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        png_dir.mkdir(parents=True)
        shutil.copy2(icons / f"visitapp-{size}.png", png_dir / f"{APP_ID}.png")
    doc = share / "doc" / "visitapp"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "visitapp: MIT licence (below). Third-party notices: /opt/visitapp/_internal/resources/licences/\n\n"
        + (ROOT / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    depends = sorted(set(BASE_DEPENDS) | set(system_packages(app)))
    size_kib = visitapp_build.folder_size(stage) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: visitapp\nVersion: {ver}\nArchitecture: amd64\nSection: misc\nPriority: optional\n"
        f"Maintainer: visitapp maintainers <visitapp@example.org>\nInstalled-Size: {size_kib}\n"
        f"Depends: {', '.join(depends)}\nHomepage: https://github.com/visitapp/visitapp\n"
        f"Description: {SUMMARY.lower()}\n"
        " Officials take structured notes during reference visits to companies, offline,\n"
        " and export the minutes as signed PDF files with the record inside; a coordinator\n"
        " merges them into a registry of the series. A self-contained build (PyInstaller)\n"
        " in /opt/visitapp.\n", encoding="utf-8")
    for path in stage.rglob("*"):  # dpkg-deb wants sane modes whatever the umask was
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = dist / f"visitapp_{ver}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z3", "--build", str(stage), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb-only", action="store_true", help="build the .deb from an existing dist/visitapp")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package")
    args = parser.parse_args()
    started = time.monotonic()
    app = args.dist / "visitapp"
    if not args.deb_only:
        freeze(args.dist, args.work)
    size = visitapp_build.folder_size(app)
    print(f"{app}: {size / 1e6:.0f} MB ({time.monotonic() - started:.0f} s)")
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        step = time.monotonic()
        out = deb(app, args.dist, args.work)
        print(f"{out}: {out.stat().st_size / 1e6:.0f} MB ({time.monotonic() - step:.0f} s)")
    else:
        print("dpkg-deb is not installed: no .deb built")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
