"""visit fields the minutes of a Polish office need: case number, approver, co-signer, time zone, verbatim

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

``case_number`` (znak sprawy) and ``approver`` ("Name, role": Zatwierdził(a)) go into the
minutes' header and signature block; ``cosigner`` (expected co-signer, empty: none) decides
whether a co-signature box is drawn; ``time_zone`` is the visit's wall clock (the minutes'
times and the signature stamp); ``verbatim`` asks for per-note clock times.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN in place (a batch copy of visits would have to drop a table the search triggers use)
    op.add_column("visits", sa.Column("case_number", sa.String(length=100), nullable=False, server_default=""))
    op.add_column("visits", sa.Column("approver", sa.String(length=300), nullable=False, server_default=""))
    op.add_column("visits", sa.Column("cosigner", sa.String(length=300), nullable=False, server_default=""))
    op.add_column("visits", sa.Column("time_zone", sa.String(length=64), nullable=False,
                                      server_default="Europe/Warsaw"))
    op.add_column("visits", sa.Column("verbatim", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        for name in ("verbatim", "time_zone", "cosigner", "approver", "case_number"):
            batch.drop_column(name)
