"""The layers of the core, read from the imports in the source (ast), so a stray import anywhere fails here.

``visitapp/minutes`` (render a record, attach it) and ``visitapp/signing`` (keys,
sign, verify) do not import each other: :mod:`visitapp.publish` sits above both.
``visitapp/minutes`` touches no database: it imports neither ``visitapp.db`` nor
the operations nor the services.  Late imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "visitapp"

FORBIDDEN = {
    "visitapp.minutes": ("visitapp.signing", "visitapp.db", "visitapp.ops", "visitapp.services", "visitapp.publish"),
    "visitapp.signing": ("visitapp.minutes", "visitapp.publish"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (absolute names; relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else _module_name(path)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # ``from visitapp import signing`` names a package too.
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return found


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(package_dir: Path, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        for line, module in imported_modules(path):
            if any(_inside(module, bad) for bad in forbidden):
                out.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_stay_apart(package):
    folder = PACKAGE.joinpath(*package.split(".")[1:])
    assert folder.is_dir()
    assert list(folder.rglob("*.py")), folder
    assert violations(folder, FORBIDDEN[package]) == []


def test_the_check_sees_every_kind_of_import(tmp_path):
    """The checker itself: plain, from, relative, package-name and late imports are all found."""
    pkg = tmp_path / "visitapp" / "minutes"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("import visitapp.signing.sign\n")
    (pkg / "b.py").write_text("from visitapp import signing\n")
    (pkg / "c.py").write_text("def f():\n    from ..db import models\n")
    (pkg / "d.py").write_text("from visitapp.services.records import content_hash\n")
    (pkg / "e.py").write_text("from visitapp.exchange.record import VisitRecord\nimport visitapp.pdf_common\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = violations(pkg, FORBIDDEN["visitapp.minutes"])
    finally:
        ROOT = saved
    assert found == [
        "visitapp/minutes/a.py:1 imports visitapp.signing.sign",
        "visitapp/minutes/b.py:1 imports visitapp.signing",
        "visitapp/minutes/c.py:2 imports visitapp.db",
        "visitapp/minutes/c.py:2 imports visitapp.db.models",
        "visitapp/minutes/d.py:1 imports visitapp.services.records",
        "visitapp/minutes/d.py:1 imports visitapp.services.records.content_hash",
    ]


def test_publish_is_the_step_above_both():
    """What the CLI export and the GUI sign dialog call lives above minutes and signing, and uses both."""
    modules = {m for _line, m in imported_modules(PACKAGE / "publish.py")}
    assert any(_inside(m, "visitapp.minutes") for m in modules)
    assert any(_inside(m, "visitapp.signing") for m in modules)
