"""Storage: typed SQLAlchemy models over one SQLite file, migrations, full-text search."""

from visitapp.db.database import Database, default_db_path

__all__ = ["Database", "default_db_path"]
