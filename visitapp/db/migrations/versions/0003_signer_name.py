"""the name of the certificate that made a merged file's first signature (its author)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

``merged_files.signer`` joins the names of every signature, so the author's
certificate name could not be told apart from a co-signer's (nor from a name
with a comma in it).  Files merged before keep "" unless the trust list knows
their certificate or they had one signature without a comma in its name.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("merged_files", sa.Column("signer_name", sa.String(length=300), nullable=False, server_default=""))
    op.execute(
        "UPDATE merged_files SET signer_name = COALESCE((SELECT t.subject FROM trusted_certificates t "
        "WHERE t.fingerprint = merged_files.signer_fingerprint), '')"
    )
    op.execute("UPDATE merged_files SET signer_name = signer WHERE signer_name = '' AND signer NOT LIKE '%,%'")


def downgrade() -> None:
    with op.batch_alter_table("merged_files") as batch:
        batch.drop_column("signer_name")
