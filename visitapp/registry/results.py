"""What a merge takes and gives back: where a verified record came from, and what became of one file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["accepted", "unchanged", "rejected", "skipped"]  # skipped: a cancelled batch never reached it
BeforeCommit = Callable[["Source"], None]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a verified record came from.

    ``signer_fingerprint`` (SHA-256 of the first signer's DER certificate)
    says who the author is: supersession and removals are keyed on it;
    ``signer_name`` is that certificate's common name (what the registry shows
    as the author), ``signer`` every signature's name.
    """

    sha256: str
    file_name: str = ""
    signer: str = ""
    signer_organisation: str = ""
    signer_fingerprint: str = ""
    signed_at: dt.datetime | None = None
    signer_name: str = ""

    @property
    def author_signer(self) -> str:
        """The name of the certificate that made the first signature."""
        return self.signer_name or self.signer


@dataclass(slots=True)
class FileResult:
    file: str
    status: Status
    reason: str = ""
    sha256: str = ""
    visit_id: str | None = None
    organisation: str = ""
    author: str = ""  # who signed first, from the certificate, with the typed name beside it when it differs
    version: int | None = None
    signer: str = ""
    changes: dict[str, int] = field(default_factory=dict)
    disagreements: int = 0
    typed_author: str = ""  # the author's name typed in the record, when it is not the certificate's
    # The first signature as verification judged it (issue 13): identity, level, revocation, timestamp.
    signature: dict[str, Any] = field(default_factory=dict)
    # Rejected only because its first signer is not trusted (the signature intact, covering the file, the record
    # sound): that signer's certificate (DER), which the coordinator may trust after confirming its fingerprint.
    untrusted_certificate: bytes = b""

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "status": self.status, "reason": self.reason, "sha256": self.sha256,
            "visit_id": self.visit_id, "organisation": self.organisation, "author": self.author,
            "typed_author": self.typed_author, "version": self.version, "signer": self.signer,
            "changes": dict(self.changes), "disagreements": self.disagreements, "signature": dict(self.signature),
        }
