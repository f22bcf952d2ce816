"""Errors a person can cause and fix.

Each carries one sentence meant for the user (already translated where it is
raised); the CLI prints it and exits with status 1, the GUI shows it in a dialog.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` is one sentence for them."""


class NotFound(UserError):
    """A visit, note or other record that the user named does not exist."""


class InvalidInput(UserError):
    """A value the user typed or a file they gave is not acceptable."""


class DatabaseError(UserError):
    """The database file cannot be used as it is (foreign, damaged, newer, locked)."""


class DatabaseLocked(DatabaseError):
    """Another program holds the database file and did not release it in time."""


class StorageFull(DatabaseError):
    """The disk holding the database is full; the change was not stored."""
