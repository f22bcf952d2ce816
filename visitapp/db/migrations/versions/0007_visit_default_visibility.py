"""the visibility a visit's new notes start from

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

``default_visibility`` ("internal", "partners" or "company"): the capture box's next note
starts from it; set when preparing the visit or with ``visitapp visit edit
--default-visibility``. Existing visits keep "internal".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN in place (a batch copy of visits would have to drop a table the search triggers use)
    op.add_column("visits", sa.Column("default_visibility", sa.String(length=16), nullable=False,
                                      server_default="internal"))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("default_visibility")
