"""whether a visit's agenda items are its sections

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

``agenda_sections``: "" (the template's sections, as before), "append" (the template's
sections, then one per agenda item) or "replace" (one per agenda item, then only the
template's sections that hold structured answers). See ``visitapp.templates.visit_template``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN in place (a batch copy of visits would have to drop a table the search triggers use)
    op.add_column("visits", sa.Column("agenda_sections", sa.String(length=16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("agenda_sections")
