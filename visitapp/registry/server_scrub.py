"""Erasing on PostgreSQL leaves no old copy of a row in the tables' files (GDPR art. 17, issue 12).

On SQLite the erasure's file is vacuumed in place (:func:`visitapp.registry.persons.scrub_files`);
on a server the same is asked of PostgreSQL here, after the erasure's transaction has committed.
"""

from __future__ import annotations

from sqlalchemy import text

from visitapp.db import Database


def vacuum_server(db: Database, tables: set[str] | None) -> list[str]:
    """PostgreSQL, after the erasure's commit: ``VACUUM (FULL, ANALYZE)`` each table changed, then its statistics.

    An UPDATE leaves the old row in the table's file until a vacuum; a plain VACUUM frees its
    space but does not overwrite it.  ``VACUUM FULL`` writes the live rows (their TOAST and
    indexes too, the search index among them) into new files and drops the old ones; ANALYZE
    replaces the sample values ``pg_statistic`` keeps of each column, and ``pg_statistic`` is
    itself rewritten when this role may (the database's owner or a superuser).  VACUUM cannot
    run inside a transaction: an autocommit connection.  Returns the tables left as they were
    because this role may not vacuum them (not their owner).
    """
    search_tables = {"search_docs"}
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        try:
            admin = bool(conn.execute(text(
                "SELECT r.rolsuper OR pg_has_role(d.datdba, 'USAGE') FROM pg_roles r, pg_database d "
                "WHERE r.rolname = current_user AND d.datname = current_database()")).scalar())
            rows = conn.execute(text(
                "SELECT c.relname, pg_has_role(c.relowner, 'USAGE') FROM pg_class c "
                "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
                "ORDER BY c.relname")).all()
            wanted = None if tables is None else set(tables) | search_tables
            left = []
            for name, owned in rows:
                if wanted is not None and name not in wanted:
                    continue
                if not (owned or admin):
                    left.append(name)
                    continue
                conn.execute(text(f"VACUUM (FULL, ANALYZE) {_quoted(name)}"))
            if admin:
                conn.execute(text("VACUUM FULL pg_catalog.pg_statistic"))
        except Exception as err:
            mapped = db.backend.translate_error(err)
            if mapped is None:
                raise
            raise mapped from err
    return left


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
