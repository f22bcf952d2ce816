"""The app's licence and the notices of what it ships: for Help → About and for the frozen app.

The frozen app carries them as files in ``resources/licences`` (written at build time by
``packaging/visitapp_build.py``); a checkout or an installed wheel gathers the Python
packages' notices from their installed metadata.  No Qt here.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from visitapp.resources import resource_path

ROOT_LICENCE = Path(__file__).resolve().parent.parent / "LICENSE"


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """(name, extras) of what ``dist`` needs at run time with ``extras`` (a test or build extra is not shipped)."""
    from packaging.requirements import InvalidRequirement, Requirement

    found = []
    for line in dist.requires or []:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        # tzdata is marked for Windows but the frozen app ships it everywhere: ignore the platform
        env = {"sys_platform": "win32" if req.name == "tzdata" else sys.platform}
        if req.marker is None or any(req.marker.evaluate({**env, "extra": e}) for e in (extras or {""})):
            found.append((req.name, set(req.extras)))
    return found


def shipped_distributions(top: str = "visitapp") -> list[metadata.Distribution]:
    """``top``'s runtime requirements, all the way down, as installed here (sorted by name)."""
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset[str]]] = set()
    todo: list[tuple[str, set[str]]] = [(top, set())]
    while todo:
        name, extras = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if (key, frozenset(extras)) in done:
            continue
        done.add((key, frozenset(extras)))
        try:
            dist = seen.get(key) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo.extend(_requirements(dist, extras))
    seen.pop(top, None)
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """A metadata field's first value, None when the package does not set it."""
    values = meta.get_all(name)
    return values[0] if values else None


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (_field(meta, "License") or "").strip()
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0] if text else "see the project"


def python_package_notices() -> str:
    """One block per shipped Python package: name, version, licence, home page, and its licence files."""
    blocks = []
    for dist in shipped_distributions():
        meta = dist.metadata
        head = f"{meta['Name']} {dist.version}\nLicence: {_licence_of(dist)}"
        home = _field(meta, "Home-page") or next(
            (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or [] if "," in u), "")
        if home:
            head += f"\nHome: {home}"
        texts = []
        for file in dist.files or []:
            name = file.name.upper()
            if ("LICEN" in name or "COPYING" in name or "NOTICE" in name) and "dist-info" in str(file.parent):
                try:
                    texts.append(Path(str(file.locate())).read_text(encoding="utf-8", errors="replace").strip())
                except OSError:
                    continue
        blocks.append("\n\n".join([head, *texts]))
    rule = "\n\n" + "=" * 72 + "\n\n"
    return rule.join(blocks) + "\n"


NOTICE_KEYS = ("app", "third_party", "fonts", "python")


def notices() -> dict[str, str]:
    """The text of each notice by key (:data:`NOTICE_KEYS`): the app's licence, the third-party notices
    (Qt/PySide6 LGPL…), the fonts' OFL, the Python packages'; the caller names them in its language."""
    folder = resource_path("licences")
    own = folder / "LICENSE" if (folder / "LICENSE").exists() else ROOT_LICENCE
    found = {}
    for key, path in (("app", own), ("third_party", folder / "THIRD_PARTY.txt"),
                      ("fonts", resource_path("fonts", "OFL.txt"))):
        if path.exists():
            found[key] = path.read_text(encoding="utf-8")
    packaged = folder / "PYTHON_PACKAGES.txt"
    found["python"] = packaged.read_text(encoding="utf-8") if packaged.exists() else python_package_notices()
    return found
