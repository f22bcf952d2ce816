"""Signed minutes for the coordinator view's tests, made in-process as an official's export makes them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from registry_helpers import Official

PASSWORD = "hasło"


@dataclass(frozen=True)
class SignedSet:
    folder: Path
    visit_id: str
    anna_pdf: Path
    piotr_pdf: Path
    tampered_pdf: Path
    anna_pem: Path
    piotr_pem: Path
    anna_note: str
    piotr_note: str


def sign(official: Official, out: Path, p12: Path) -> None:
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    record = official.finalise()
    out.write_bytes(sign_pdf(minutes_pdf(record), Pkcs12Source(p12, PASSWORD)).pdf)


def keys(folder: Path, who: str, identity) -> tuple[Path, Path]:
    from visitapp.signing.keys import certificate_pem, make_certificate, pkcs12_bytes

    key, cert = make_certificate(identity.name, identity.institution)
    p12, pem = folder / f"{who}.p12", folder / f"{who}.pem"
    p12.write_bytes(pkcs12_bytes(key, cert, PASSWORD))
    pem.write_bytes(certificate_pem(cert))
    return p12, pem


def settle(qtbot, view, timeout: int = 30000) -> None:
    """Wait until every write the coordinator view submitted to its DB worker is stored (or refused)."""
    qtbot.waitUntil(lambda: not view.writes.busy, timeout=timeout)
