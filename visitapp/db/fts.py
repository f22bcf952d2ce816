"""Moved to :mod:`visitapp.db.engines.sqlite_fts` (the SQLite engine's search index).

Kept so that older imports (``from visitapp.db import fts``) still work; new
code goes through ``Database.backend`` (see ``visitapp/db/engines/base.py``).
"""

from visitapp.db.engines.sqlite_fts import (
    FOLD_SQL,
    TABLES_DDL,
    TRIGGER_NAMES,
    create_tables,
    ddl_version,
    drop_triggers,
    ensure,
    fold,
    mark_current,
    missing_triggers,
    rebuild,
    stored_ddl_version,
)

__all__ = [
    "FOLD_SQL", "TABLES_DDL", "TRIGGER_NAMES", "create_tables", "ddl_version", "drop_triggers", "ensure", "fold",
    "mark_current", "missing_triggers", "rebuild", "stored_ddl_version",
]
