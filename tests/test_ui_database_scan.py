"""No UI code touches the database directly (issue 9, item 3): it reads through the services and the registry's read
functions and changes data through core operations on the one DB worker (visitapp/ui/ops_runner.py).

The scan reads visitapp/ui with ast (no Qt needed) and fails on any use of ``Database``, ``Session`` or ``session``
and on any ``.write(`` / ``.read(`` / ``.core_write(`` call on something that is not a plain file, outside the
allow-list below, each entry with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "visitapp" / "ui"
NAMES = {"Database", "Session", "session"}
CALLS = {"write", "read", "core_write"}
# The registry's writes that are no operation of their own, or thin synchronous calls to one: a page must submit
# the operation (visitapp/ops/registry.py) to its OpRunner instead.
REGISTRY_WRITES = {"resolve", "import_plan", "merge_record", "erase_person", "trust"}
TRUST_WRITES = {"add", "add_file", "remove", "add_anchor", "add_anchor_file", "remove_anchor"}

# (file under visitapp/ui, what is used) -> why it is allowed
ALLOWED = {
    ("app.py", "Database"):
        "the app opens its database file, on the DB worker (open_on_worker, create_demo_if_missing)",
    ("protect_dialog.py", "Database"): "opening the app's file with its key, and encrypting it in place (a file "
                                       "conversion with the database closed, not a transaction)",
    ("worker.py", "Database"): "the DB worker itself: forbid_writes_here watches the engine's commits",
    ("screenshots.py", "Database"): "a developer tool that fills a demo database before taking screenshots",
    ("screenshots.py", "TrustStore.add("): "the same tool trusting a demo signer in its demo registry",
    ("analyse_progress.py", "Database"): "the search backlog analysed in batches on the DB worker "
                                         "(Database.analyse_backlog: index upkeep, no change of the user's to undo)",
    ("app.py", "sys.stderr.write("): "a message on the terminal",
    ("signing/preview_pane.py", "fh.write("): "the preview PDF written to its private file",
    ("coordinator/people_page.py", "registry write erase_person"): "an erasure rewrites the whole file and is no "
                                                                   "undoable operation; the page runs it on the DB "
                                                                   "worker (Writes.call) and clears the history",
}


def uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for every database-looking use in one module's source."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and node.attr in NAMES:
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom):
            found.extend((node.lineno, a.name) for a in node.names if a.name in NAMES)
            if (node.module or "").startswith("visitapp.registry"):
                found.extend((node.lineno, f"registry write {a.name}") for a in node.names if a.name in REGISTRY_WRITES)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = ast.unparse(node.func.value)
            if node.func.attr in CALLS:
                found.append((node.lineno, f"{receiver}.{node.func.attr}("))
            elif node.func.attr in TRUST_WRITES and receiver.startswith("TrustStore("):
                found.append((node.lineno, f"TrustStore.{node.func.attr}("))
            elif node.func.attr in REGISTRY_WRITES and receiver.startswith(("plan_sign", "review", "plans")):
                found.append((node.lineno, f"registry write {node.func.attr}"))
    return found


def test_no_ui_code_reaches_the_database():
    wrong = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        for line, what in uses(path.read_text(encoding="utf-8")):
            if (name, what) not in ALLOWED:
                wrong.append(f"visitapp/ui/{name}:{line}: {what}")
    assert not wrong, "UI code uses the database directly (use services/registry reads and an OpRunner):\n" + \
        "\n".join(wrong)


def test_every_allowed_use_still_exists():
    """An entry nobody needs any more is removed, so the allow-list never hides a new use."""
    seen = {(path.relative_to(UI).as_posix(), what) for path in UI.rglob("*.py")
            for _line, what in uses(path.read_text(encoding="utf-8"))}
    assert set(ALLOWED) <= seen, set(ALLOWED) - seen


def test_the_scan_sees_what_the_pages_used_to_do():
    """What the coordinator's pages did before the DB worker: each form is caught."""
    page = '''
from visitapp.db import Database
from visitapp.registry.review import DisagreementInfo, disagreements, resolve
def add(self):
    TrustStore(current(self.services).db).add_file(path)
    plan_sign.trust(db, signer)
    with current(self.services).db.write() as s:
        s.add(row)
    rows = self.services.db.read()
    with Session(engine) as session:
        session.commit()
'''
    found = {what for _line, what in uses(page)}
    assert {"Database", "current(self.services).db.write(", "self.services.db.read(", "Session",
            "session", "registry write resolve", "TrustStore.add_file(", "registry write trust"} <= found
    assert "registry write disagreements" not in found and "registry write DisagreementInfo" not in found
