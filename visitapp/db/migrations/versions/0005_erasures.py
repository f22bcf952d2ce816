"""erasures: people erased from this database (GDPR art. 17), remembered without their name; plan recipients

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

A merge of a file that names an erased person again pseudonymises them before
anything is stored; the row holds SHA-256 hashes of the normalised name and
e-mail, never the name (see visitapp.registry.persons).

plan_recipients: the coordinator's encryption certificate that came with a
visit's (signed) plan, so the official's export can encrypt for them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("pseudonym", sa.String(length=200), nullable=False),
        sa.Column("name_hash", sa.String(length=64), nullable=False),
        sa.Column("email_hash", sa.String(length=64), nullable=False),
        sa.Column("redact_mentions", sa.Boolean(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
    )
    op.create_index(op.f("ix_erasures_person_uuid"), "erasures", ["person_uuid"], unique=False)
    op.create_index(op.f("ix_erasures_name_hash"), "erasures", ["name_hash"], unique=False)
    op.create_table(
        "plan_recipients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_uuid", sa.String(length=36), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_recipients")),
        sa.UniqueConstraint("visit_uuid", name=op.f("uq_plan_recipients_visit_uuid")),
    )


def downgrade() -> None:
    op.drop_table("plan_recipients")
    op.drop_index(op.f("ix_erasures_name_hash"), table_name="erasures")
    op.drop_index(op.f("ix_erasures_person_uuid"), table_name="erasures")
    op.drop_table("erasures")
