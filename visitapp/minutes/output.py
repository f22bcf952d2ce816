"""Writing a file whole: it lives in :mod:`visitapp.files` (keys, plans and reports write files too)."""

from __future__ import annotations

from visitapp.files import check_writable, write_atomic

__all__ = ["check_writable", "write_atomic"]
