"""Merging verified visit records into the registry (the names other modules import).

The work lives in three modules: :mod:`~visitapp.registry.match` (matching
rules: organisations, people, series), :mod:`~visitapp.registry.results` (Source,
FileResult), :mod:`~visitapp.registry.apply` (one
verified record applied in one transaction: provenance, supersession,
disagreements) and :mod:`~visitapp.registry.batch` (files, the capped worker
that verifies ahead, :class:`Merger`).  This module only re-exports them.
"""

from __future__ import annotations

from visitapp.registry.apply import FACTS, merge_record
from visitapp.registry.batch import (
    LOOKAHEAD,
    CheckedFile,
    Merger,
    collect_files,
    sha256_of,
)
from visitapp.registry.match import _person_key, _uuid_free
from visitapp.registry.results import BeforeCommit, FileResult, Source, Status

__all__ = [
    "FACTS", "LOOKAHEAD", "BeforeCommit", "CheckedFile", "FileResult", "Merger", "Source", "Status",
    "_person_key", "_uuid_free", "collect_files", "merge_record", "sha256_of",
]
