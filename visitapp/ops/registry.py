"""The registry's changes as operations: trust, disagreements, plans (the coordinator's writes).

Each is one transaction on the history of the registry's database, returns
:class:`~visitapp.ops.Changes` and records its inverse, like every other
operation.  The registry modules keep the rules (which certificate chains to
which anchor, which value a disagreement keeps, what a plan changes) as
functions over a session; these operations are the one way to run them:
the CLI through ``TrustStore``, ``review.resolve`` and ``plans.import_plan``
(thin calls to the operations below), the GUI through
:class:`visitapp.ui.ops_runner.OpRunner` on its DB worker.

Other coordinators: each of these operations but the merge waits for other writers' locks and runs its
transaction again while the registry is busy, for up to a minute (:mod:`visitapp.ops.waiting`); a merge
waits per file in :class:`visitapp.registry.batch.Merger` instead.

Undo:

* trusting or no longer trusting a signer or an anchor, settling a
  disagreement and importing a plan are undoable (one step each; undo puts
  back exactly the rows as they were, see :mod:`visitapp.ops.history`);
* merging one verified file (:func:`merge_verified`, one transaction per
  file) is an operation that is not undoable: a merge is undone by the
  author's next version, never by forgetting what was signed; the history
  starts anew after it;
* erasing a person (:func:`visitapp.registry.persons.erase_person`) is not an
  operation and never undoable by design: it rewrites the whole database file
  so that no byte of the person is left, and an undo would have to keep the
  very data that must go.  The GUI runs it on the DB worker and clears the
  history afterwards, so no older step can bring a name back.
"""

from __future__ import annotations

from typing import Any

from visitapp.i18n import _
from visitapp.ops.history import Tx
from visitapp.ops.operation import operation
from visitapp.ops.waiting import patient_operation
from visitapp.registry import plans, review, trust


@patient_operation(lambda: _("Trust a signer"))
def trust_signers(tx: Tx, certs: list[Any]) -> list[trust.TrustedInfo]:
    """Trust the signers of these certificates (a signer's chain may follow it); see ``TrustStore.add``."""
    return trust.add_signers(tx.session, list(certs))


@patient_operation(lambda: _("Stop trusting a signer"))
def distrust_signer(tx: Tx, fingerprint: str) -> trust.TrustedInfo:
    """Stop trusting the signer whose fingerprint is or starts with ``fingerprint`` (what was merged stays)."""
    return trust.remove_signer(tx.session, fingerprint)


@patient_operation(lambda: _("Trust a certificate authority"))
def trust_anchor(tx: Tx, cert: Any) -> trust.AnchorInfo:
    """Trust a certificate authority as an anchor (only a real CA)."""
    return trust.add_anchor(tx.session, cert)


@patient_operation(lambda: _("Trust a trusted list"))
def trust_list(tx: Tx, trusted: Any) -> trust.AnchorInfo:
    """Keep an ETSI TS 119 612 trusted list whose signature was checked (visitapp.signing.qualified)."""
    return trust.add_trusted_list(tx.session, trusted)


@patient_operation(lambda: _("Stop trusting a certificate authority"))
def distrust_anchor(tx: Tx, fingerprint: str) -> trust.AnchorInfo:
    return trust.remove_anchor(tx.session, fingerprint)


@patient_operation(lambda: _("Settle a disagreement"))
def resolve_disagreement(tx: Tx, disagreement_id: str, keep: str) -> review.DisagreementInfo:
    """Keep the registry's value (``keep="current"``) or take the other one (``"other"``); undo reopens it."""
    return review.settle(tx.session, disagreement_id, keep)


@patient_operation(lambda: _("Import a plan"))
def import_plan(tx: Tx, plan: plans.Plan, *, confirmed: plans.PlanPreview | None = None,
                trust_certificate: Any = None) -> plans.PlanImportResult:
    """Import a plan in one step; with ``trust_certificate`` its signer (confirmed by a person) is trusted first."""
    if trust_certificate is not None:
        trust.add_signers(tx.session, [trust_certificate])
    return plans.apply_plan(tx.session, plan, confirmed=confirmed)


@operation(lambda: _("Merge signed minutes"), undoable=False)
def merge_verified(tx: Tx, record: Any, source: Any, result: Any, *, before_commit: Any = None,
                   lock: Any = None) -> Any:
    """Merge one verified file's record (:func:`visitapp.registry.apply.merge_record` runs it; the CLI and the GUI,
    through :class:`visitapp.registry.batch.Merger`, both do): one file, one transaction; returns its FileResult.

    Not undoable: what a signed file brought is undone by the author's next version, never by forgetting it
    (the merged file stays in the registry's log); the history starts anew after a merge that changed anything.
    """
    from visitapp.registry.apply import merge_in

    tx.untracked()  # never undone: no images of its rows (a read per table on a server)
    return merge_in(tx.session, record, source, result, before_commit, lock)
