"""the coordinator's registry: trusted signers, merged files, provenance, disagreements

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=True),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_certificates")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_trusted_certificates_fingerprint")),
    )
    op.create_table(
        "merged_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("signer", sa.String(length=300), nullable=False),
        sa.Column("signer_organisation", sa.String(length=300), nullable=False),
        sa.Column("signer_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("visit_uuid", sa.String(length=36), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("superseded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["superseded_by_id"], ["merged_files.id"],
                                name=op.f("fk_merged_files_superseded_by_id_merged_files"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merged_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_merged_files_sha256")),
    )
    op.create_index(op.f("ix_merged_files_visit_uuid"), "merged_files", ["visit_uuid"], unique=False)
    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=16), nullable=False),
        sa.Column("item_uuid", sa.String(length=36), nullable=False),
        sa.Column("merged_file_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["merged_file_id"], ["merged_files.id"],
                                name=op.f("fk_provenance_merged_file_id_merged_files"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provenance")),
        sa.UniqueConstraint("item_kind", "item_uuid", name=op.f("uq_provenance_item_kind")),
    )
    op.create_index(op.f("ix_provenance_merged_file_id"), "provenance", ["merged_file_id"], unique=False)
    op.create_table(
        "disagreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("current_value", sa.JSON(), nullable=True),
        sa.Column("other_value", sa.JSON(), nullable=True),
        sa.Column("other_author", sa.String(length=200), nullable=False),
        sa.Column("merged_file_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("chosen_value", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["merged_file_id"], ["merged_files.id"],
                                name=op.f("fk_disagreements_merged_file_id_merged_files"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_disagreements_visit_id_visits"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disagreements")),
        sa.UniqueConstraint("uuid", name=op.f("uq_disagreements_uuid")),
    )
    op.create_index(op.f("ix_disagreements_visit_id"), "disagreements", ["visit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_disagreements_visit_id"), table_name="disagreements")
    op.drop_table("disagreements")
    op.drop_index(op.f("ix_provenance_merged_file_id"), table_name="provenance")
    op.drop_table("provenance")
    op.drop_index(op.f("ix_merged_files_visit_uuid"), table_name="merged_files")
    op.drop_table("merged_files")
    op.drop_table("trusted_certificates")
