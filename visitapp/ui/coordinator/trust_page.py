"""Trust: the signers whose minutes the registry accepts, and the certificate authorities (anchors) they are under."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from visitapp.errors import UserError
from visitapp.ops import registry as registry_ops
from visitapp.registry.trust import TrustedInfo, TrustStore, load_anchor_file, load_certificate_file
from visitapp.signing.names import readable_identity, readable_name
from visitapp.ui.coordinator.common import Fit, ServicesRef, current, selected_row, table, warn
from visitapp.ui.coordinator.models import RED, Column, RowsModel
from visitapp.ui.coordinator.trust_lists import TrustedListsSection
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.labels import fmt_date
from visitapp.ui.safe_text import plain_question


def grouped(fingerprint: str) -> str:
    """``ab12cd…`` as ``AB:12:CD:…``, the way certificate viewers show it."""
    return ":".join(fingerprint[i:i + 2] for i in range(0, len(fingerprint), 2)).upper()


def _expired(info: TrustedInfo) -> bool:
    return info.not_after is not None and info.not_after < dt.datetime.now(dt.UTC)


class TrustPage(QWidget):
    changed = Signal()

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes  # every change: an operation on the DB worker
        intro = QLabel(self.tr("Minutes are merged only when they are signed by one of these people. "
                               "Ask each official for the certificate file (.pem) that visitapp wrote beside "
                               "their key."), self)
        intro.setWordWrap(True)
        self.model = RowsModel([
            Column("name", self.tr("Name"), lambda r: r.subject),
            Column("institution", self.tr("Institution"), lambda r: r.organisation),
            Column("identity", self.tr("Identity"),  # "PESEL …", the raw subject identity in the tooltip
                   lambda r: readable_identity(r.identity) if r.identity else self.tr("by fingerprint"),
                   tip=lambda r: r.identity or ""),
            Column("fingerprint", self.tr("Fingerprint (SHA-256)"), lambda r: grouped(r.fingerprint)[:47] + "…",
                   tip=lambda r: grouped(r.fingerprint)),
            Column("valid", self.tr("Valid until"), self._validity, color=lambda r: RED if _expired(r) else None,
                   bold=_expired),
            Column("added", self.tr("Trusted since"), lambda r: fmt_date(r.added_at.date()) if r.added_at else ""),
        ], self)
        # The fingerprint takes the room left (it is what a coordinator compares), never clipped (issue 11), at
        # 150 % on a laptop too: name, institution and identity give way first (whole in their tooltips).
        self.table = table(self, self.tr("Trusted signers"), self.model, stretch=3, minimum=-1,
                           fits={0: Fit(share=0.2, floor=110), 1: Fit(share=0.25, floor=110),
                                 2: Fit(share=0.2, floor=100)})
        self.add_button = QPushButton(self.tr("&Add certificate…"), self)
        self.add_button.setAccessibleName(self.tr("Trust the signer of a certificate file"))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Stop trusting the selected signer"))
        self.remove_button.setEnabled(False)
        self.empty = QLabel(self.tr("No trusted signers yet: every merged file would be rejected."), self)
        self.empty.setStyleSheet("QLabel { color: #b00020; }")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._anchors(layout)
        self.lists = TrustedListsSection(self, layout, writes=writes, written=self._written, refused=self._refused,
                                         anchors=self._anchor_certificates)
        QWidget.setTabOrder(self.anchor_table, self.lists.load_button)
        QWidget.setTabOrder(self.lists.load_button, self.lists.remove_button)
        QWidget.setTabOrder(self.lists.remove_button, self.lists.table)

        QWidget.setTabOrder(self.add_button, self.remove_button)  # in reading order: buttons above the table
        QWidget.setTabOrder(self.remove_button, self.table)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.model.modelReset.connect(self._selection)
        self.reload()

    # anchors ------------------------------------------------------------------------

    def _anchors(self, layout: QVBoxLayout) -> None:
        intro = QLabel(self.tr("Certificate authorities (anchors): an official's certificate issued under one of "
                               "them is trusted as that person, so a renewed certificate keeps its author."), self)
        intro.setWordWrap(True)
        self.anchor_model = RowsModel([
            Column("authority", self.tr("Authority"), lambda r: readable_name(r.subject), tip=lambda r: r.subject),
            Column("fingerprint", self.tr("Fingerprint (SHA-256)"), lambda r: grouped(r.fingerprint)[:47] + "…",
                   tip=lambda r: grouped(r.fingerprint)),
            Column("valid", self.tr("Valid until"), self._validity, color=lambda r: RED if _expired(r) else None,
                   bold=_expired),
        ], self)
        self.anchor_table = table(self, self.tr("Trusted certificate authorities"), self.anchor_model, stretch=1)
        self.anchor_table.setColumnWidth(0, 360)
        self.add_anchor_button = QPushButton(self.tr("Add a&uthority…"), self)
        self.add_anchor_button.setAccessibleName(self.tr("Trust a certificate authority as an anchor"))
        self.remove_anchor_button = QPushButton(self.tr("Remove a&nchor"), self)
        self.remove_anchor_button.setAccessibleName(self.tr("Stop trusting the selected certificate authority"))
        self.remove_anchor_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_anchor_button)
        buttons.addWidget(self.remove_anchor_button)
        buttons.addStretch(1)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.anchor_table, 1)
        QWidget.setTabOrder(self.table, self.add_anchor_button)
        QWidget.setTabOrder(self.add_anchor_button, self.remove_anchor_button)
        QWidget.setTabOrder(self.remove_anchor_button, self.anchor_table)
        self.add_anchor_button.clicked.connect(self.ask_add_anchor)
        self.remove_anchor_button.clicked.connect(self.remove_selected_anchor)
        def enable(*_args: object) -> None:
            self.remove_anchor_button.setEnabled(selected_row(self.anchor_table) is not None)

        self.anchor_table.selectionModel().selectionChanged.connect(enable)
        self.anchor_model.modelReset.connect(enable)

    def ask_add_anchor(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Certificate authority to trust"), "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if name:
            self.add_anchor_file(Path(name))

    def add_anchor_file(self, path: Path) -> int | None:
        """Trust the authority in this file (on the DB worker); the ticket of the write, None if the file is refused."""
        title = self.tr("Trust a certificate authority")
        try:
            cert = load_anchor_file(Path(path))
        except UserError as err:
            warn(self, title, str(err))
            return None
        return self.writes.submit(registry_ops.trust_anchor, cert, on_done=lambda _info: self._written(),
                                  on_error=lambda sentence: warn(self, title, sentence))

    def _written(self) -> None:
        self.reload()
        self.changed.emit()

    def _refused(self, title: str, sentence: str) -> None:
        warn(self, title, sentence)
        self._written()  # read again: the row may have gone meanwhile

    def remove_selected_anchor(self) -> None:
        info = selected_row(self.anchor_table)
        if info is None:
            return
        if not plain_question(  # a certificate's name: plain text
            self, self.tr("Stop trusting a certificate authority"),
            self.tr("Stop trusting %1? Signers trusted under it will be rejected from now on; what was merged "
                    "stays.").replace("%1", info.subject or "?")):
            return
        title = self.tr("Stop trusting a certificate authority")
        self.writes.submit(registry_ops.distrust_anchor, info.fingerprint, on_done=lambda _info: self._written(),
                           on_error=lambda sentence: self._refused(title, sentence))

    def _anchor_certificates(self) -> list:
        """The registry's CA anchors as asn1crypto certificates (a read, no write)."""
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives import serialization

        return [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                for c in TrustStore(current(self.services).db).anchor_certificates()]

    def _validity(self, r: TrustedInfo) -> str:
        if r.not_after is None:
            return ""
        text = fmt_date(r.not_after.date())
        return self.tr("%1 (expired)").replace("%1", text) if _expired(r) else text

    def _selection(self, *_args) -> None:
        self.remove_button.setEnabled(selected_row(self.table) is not None)

    def reload(self) -> None:
        store = TrustStore(current(self.services).db)
        rows = store.list()
        self.model.reset(rows)
        if hasattr(self, "anchor_model"):
            self.anchor_model.reset([a for a in store.anchors() if a.kind == "ca"])  # the lists have their table
        if hasattr(self, "lists"):
            self.lists.reset(store.trusted_list_infos())
        self.empty.setVisible(not rows)

    def ask_add(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Certificate of a signer to trust"), "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if name and self.confirm_fingerprint(Path(name)):
            self.add_file(Path(name))

    def confirm_fingerprint(self, path: Path) -> bool:
        """Show each certificate's SHA-256 fingerprint and ask to confirm it (read it out with the signer
        over the phone): a file from a mail or a share may be someone else's certificate."""
        try:
            certs = load_certificate_file(path)
        except UserError as err:
            warn(self, self.tr("Trust a signer"), str(err))
            return False
        return self.confirm_certificates(certs)

    def confirm_certificates(self, certs: list[x509.Certificate]) -> bool:
        """Ask to confirm these certificates' fingerprints (names and fingerprints in a plain-text question)."""
        from visitapp.registry.trust import fingerprint
        from visitapp.signing.keys import name_of

        lines = []
        for cert in certs:
            cn, org = name_of(cert)
            lines.append(self.tr("%1\nSHA-256: %2").replace("%1", ", ".join(x for x in (cn, org) if x) or "?")
                         .replace("%2", grouped(fingerprint(cert))))
        question = self.tr("Compare the fingerprint with the signer, for instance over the phone, before you "
                           "trust it:\n\n%1\n\nTrust this certificate?").replace("%1", "\n\n".join(lines))
        return plain_question(self, self.tr("Trust a signer"), question)

    def trust_certificates(self, certs: list[x509.Certificate], on_done: Callable[[], None] | None = None) -> int:
        """Trust these signers (already confirmed) on the DB worker; ``on_done`` once stored."""
        title = self.tr("Trust a signer")

        def added(infos: list[TrustedInfo]) -> None:
            self._added(infos)
            if on_done is not None:
                on_done()

        return self.writes.submit(registry_ops.trust_signers, certs, on_done=added,
                                  on_error=lambda sentence: warn(self, title, sentence))

    def add_file(self, path: Path) -> int | None:
        """Trust the signer of this certificate file (on the DB worker); the ticket, None if the file is refused."""
        title = self.tr("Trust a signer")
        try:
            certs = load_certificate_file(Path(path))  # reading and checking the file: no database
        except UserError as err:
            warn(self, title, str(err))
            return None
        return self.writes.submit(registry_ops.trust_signers, certs, on_done=self._added,
                                  on_error=lambda sentence: warn(self, title, sentence))

    def _added(self, added: list[TrustedInfo]) -> None:
        self.reload()
        if added:
            index = next((i for i, r in enumerate(self.model.rows) if r.fingerprint == added[-1].fingerprint), -1)
            if index >= 0:
                self.table.selectRow(index)
        self.changed.emit()

    def remove_selected(self) -> None:
        info = selected_row(self.table)
        if info is None:
            return
        if not plain_question(  # the subject is a certificate's name: plain text
            self, self.tr("Stop trusting a signer"),
            self.tr("Stop trusting %1 (%2)? Minutes they sign will be rejected from now on; "
                    "what was merged stays.").replace("%1", info.subject or "?")
                .replace("%2", info.organisation or "-")):
            return
        title = self.tr("Stop trusting a signer")
        self.writes.submit(registry_ops.distrust_signer, info.fingerprint, on_done=lambda _info: self._written(),
                           on_error=lambda sentence: self._refused(title, sentence))
