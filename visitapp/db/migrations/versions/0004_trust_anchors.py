"""trust anchors (CA certificates, ETSI trusted lists) and signers trusted by identity under an anchor

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

A registry used to pin each signer's own certificate, so a renewed certificate
counted as a new author.  Now a signer is either pinned (a self-signed
certificate: ``anchor_fingerprint`` NULL, as before) or a person under an
anchor: the subject's serialNumber (else its whole DN) under that CA.
``signer_key`` is what merged files record as their author
(``merged_files.signer_fingerprint``): the certificate's fingerprint for a
pinned signer (so existing registries keep their authors), a hash of anchor
and identity otherwise.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trust_anchors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=True),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("trusted_list", sa.LargeBinary(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_anchors")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_trust_anchors_fingerprint")),
    )
    with op.batch_alter_table("trusted_certificates") as batch:
        batch.add_column(sa.Column("anchor_fingerprint", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("identity", sa.String(length=500), nullable=False, server_default=""))
        batch.add_column(sa.Column("signer_key", sa.String(length=64), nullable=False, server_default=""))
    op.execute("UPDATE trusted_certificates SET signer_key = fingerprint")
    op.create_index(op.f("ix_trusted_certificates_signer_key"), "trusted_certificates", ["signer_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_trusted_certificates_signer_key"), table_name="trusted_certificates")
    with op.batch_alter_table("trusted_certificates") as batch:
        batch.drop_column("signer_key")
        batch.drop_column("identity")
        batch.drop_column("anchor_fingerprint")
    op.drop_table("trust_anchors")
