"""The coordinator's trust page lists, loads and removes trusted lists (issue 13 leftover), on a list built and
signed (XAdES) in the test with tests/test_pki_qualified.py's builder; removing is one undoable step."""

from __future__ import annotations

import pytest
from coordinator_helpers import settle
from pki_world import Pki

from tests.test_pki_qualified import _operator, _trusted_list
from visitapp.registry.trust import TrustStore

WAIT_MS = 30000


def cell(model, row: int, key: str) -> str:
    return model.index(row, model.column_of(key)).data()


@pytest.fixture
def english(qapp):
    """The English catalogue installed, as the app does at start (its plural forms come from it); the
    language the app starts in is restored afterwards, as tests/ui/test_i18n.py does."""
    from visitapp.ui.translation import Translations

    tr = Translations(qapp)
    tr.apply("en")
    yield tr
    tr.apply("en")


def test_load_refuse_list_and_remove_a_trusted_list(qtbot, svc, messages, tmp_path, english):
    from visitapp.ui.coordinator import CoordinatorView
    from visitapp.ui.ops_runner import OpRunner
    from visitapp.ui.worker import DbWorker

    pki = Pki(tmp_path)
    pki.stop()  # certificates only
    key, cert, operator_pem = _operator(tmp_path, "Testowy Operator Listy")
    _k, _c, stranger_pem = _operator(tmp_path, "Ktos Inny")
    tl = tmp_path / "tl-pl.xml"
    tl.write_bytes(_trusted_list(pki.issuing.cert, key, cert, tsa=pki.tsa.cert))
    worker = DbWorker()
    runner = OpRunner(worker, lambda: svc.history)
    view = CoordinatorView(svc, runner=runner)
    qtbot.addWidget(view)
    try:
        page = view.trust
        view.tabs.setCurrentWidget(page)
        lists = page.lists
        assert lists.model.rowCount() == 0 and not lists.remove_button.isEnabled()

        assert lists.load(tl, stranger_pem) is None  # the wrong operator: one sentence, nothing kept
        assert messages[-1] == ("Load a trusted list", f"The signature of {tl} does not hold with the operator's "
                                                       "certificate given; the list was not loaded.")
        assert TrustStore(svc.db).anchors() == []

        with qtbot.waitSignal(runner.historyChanged, timeout=WAIT_MS) as labels:
            assert lists.load(tl, operator_pem) is not None
        assert labels.args[0] == "Trust a trusted list"
        settle(qtbot, view)
        qtbot.waitUntil(lambda: lists.model.rowCount() == 1, timeout=WAIT_MS)
        assert cell(lists.model, 0, "territory") == "PL"
        assert cell(lists.model, 0, "operator") == "Testowy Operator"
        assert cell(lists.model, 0, "services") == "2 (1 qualified CA, 1 qualified timestamp service)"
        assert cell(lists.model, 0, "issued") and cell(lists.model, 0, "next")
        # Fingerprints as on the other trust tables (AB:12:…), whole in the tooltip; the operator's name readable.
        from PySide6.QtCore import Qt

        fp = TrustStore(svc.db).trusted_list_infos()[0].fingerprint
        whole = ":".join(fp[i:i + 2] for i in range(0, 64, 2)).upper()
        assert cell(lists.model, 0, "fingerprint") == whole[:23] + "…"
        tip = Qt.ItemDataRole.ToolTipRole
        assert lists.model.index(0, lists.model.column_of("fingerprint")).data(tip) == whole
        assert lists.model.index(0, lists.model.column_of("operator")).data(tip) == \
            "Trusted list of Testowy Operator Listy, PL"
        # No header is narrower than its title; the services' counts, not the operator, take the room left.
        header = lists.table.horizontalHeader()
        for column in range(lists.model.columnCount()):
            assert header.sectionSize(column) >= header.sectionSizeHint(column), column
        assert header.sectionResizeMode(lists.model.column_of("services")) == header.ResizeMode.Stretch
        assert page.anchor_model.rowCount() == 0  # a list is not shown among the CA anchors

        lists.table.selectRow(0)
        assert lists.remove_button.isEnabled()
        with qtbot.waitSignal(runner.historyChanged, timeout=WAIT_MS):
            lists.remove_button.click()  # the question is answered Yes
        qtbot.waitUntil(lambda: lists.model.rowCount() == 0, timeout=WAIT_MS)
        assert TrustStore(svc.db).anchors() == []
        with qtbot.waitSignal(runner.finished, timeout=WAIT_MS):
            runner.undo()  # the list is back
        view.refresh()
        qtbot.waitUntil(lambda: lists.model.rowCount() == 1, timeout=WAIT_MS)
        assert [a.kind for a in TrustStore(svc.db).anchors()] == ["trusted_list"]
    finally:
        view.shutdown()
        worker.shutdown()


def test_a_list_loaded_without_its_operator_certificate_follows_its_signer_to_an_anchor(qtbot, view, svc, messages,
                                                                                        tmp_path, monkeypatch):
    from cryptography.x509.oid import ExtendedKeyUsageOID
    from pki_world import _name
    from PySide6.QtWidgets import QFileDialog

    pki = Pki(tmp_path)
    pki.stop()  # certificates only
    operator = pki._issue(pki.issuing, _name("Operator Listy Zaufania", "Test PKI"), days=365,
                          eku=[ExtendedKeyUsageOID.CODE_SIGNING])
    tl = tmp_path / "tl-chained.xml"
    tl.write_bytes(_trusted_list(pki.issuing.cert, operator.key, operator.cert, chain=(pki.issuing.cert,)))
    chosen = [str(tl), "", str(tl), ""]  # the list, then no operator's certificate (the dialog cancelled), twice
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen.pop(0), ""))
    page = view.trust
    view.tabs.setCurrentWidget(page)

    page.lists.ask_load()  # no anchor yet: refused in one sentence (the question is answered Yes)
    assert messages[-1][1] == (f"The signer of {tl} (CN=Operator Listy Zaufania,O=Test PKI,C=PL) does not chain to "
                               "any anchor of this registry; give the certificate of the list's operator.")
    TrustStore(svc.db).add_anchor(pki.root.cert)
    page.lists.ask_load()
    qtbot.waitUntil(lambda: page.lists.model.rowCount() == 1, timeout=WAIT_MS)
    assert sorted(a.kind for a in TrustStore(svc.db).anchors()) == ["ca", "trusted_list"]
    assert page.anchor_model.rowCount() == 1  # the root; the list has its own table


def test_the_services_counts_take_their_plural_forms_in_both_languages(english):
    """"1 qualified CAs" was the English for one authority; Polish needs its three forms (1, 2-4, 5+)."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from visitapp.ui.coordinator.trust_lists import TrustedListsSection

    def services(cas: int, tsas: int) -> str:
        row = SimpleNamespace(holds=True, services=cas + tsas, qualified_cas=cas, qualified_tsas=tsas)
        return TrustedListsSection._services(section, row)

    page = QWidget()
    section = TrustedListsSection(page, QVBoxLayout(page), writes=None, written=lambda: None,  # no writes here
                                  refused=lambda title, text: None, anchors=list)
    try:
        assert services(1, 1) == "2 (1 qualified CA, 1 qualified timestamp service)"
        assert services(3, 0) == "3 (3 qualified CAs, 0 qualified timestamp services)"
        english.apply("pl")
        assert services(1, 2) == "3 (1 kwalifikowany CA, 2 kwalifikowane usługi znakowania czasem)"
        assert services(5, 22) == "27 (5 kwalifikowanych CA, 22 kwalifikowane usługi znakowania czasem)"
    finally:
        english.apply("en")
