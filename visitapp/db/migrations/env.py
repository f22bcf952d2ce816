"""Alembic environment: always run from visitapp.db.database with a live connection.

The connection comes in ``config.attributes["connection"]``; the caller owns its
transaction (SQLite DDL is transactional there, see database.py).
"""

from __future__ import annotations

from alembic import context

from visitapp.db.models import Base

# Tables that are not models: the search index lives beside them (see fts.py).
_NOT_MODELS = ("search_docs", "search_fts")


def include_name(name, type_, parent_names):  # alembic's signature
    if type_ == "table":
        return name is None or not name.startswith(_NOT_MODELS)
    return True


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("visitapp migrations run only through visitapp.db.database")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
