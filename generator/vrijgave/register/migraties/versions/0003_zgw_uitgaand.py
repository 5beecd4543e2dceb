"""The outbox of the zaaksysteem link (issue 22): each document to store in the ZGW registers, kept until it is
delivered, with the URL of every step that succeeded (zgw/uitgaand.py).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "zgw_uitgaand",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("gewijzigd", sa.DateTime, nullable=False),
        # the identificatie the document gets in the Documenten API: one outbox entry per document
        sa.Column("identificatie", sa.String(40), nullable=False, unique=True),
        sa.Column("zaak_url", sa.String(1000), nullable=False),
        sa.Column("sjabloon", sa.String(200), nullable=False),
        sa.Column("bestandsnaam", sa.String(255), nullable=False),
        sa.Column("inhoud", sa.LargeBinary, nullable=False),
        sa.Column("pdf", sa.LargeBinary),
        sa.Column("metadata", sa.Text, nullable=False),       # JSON: what the registers get besides the file
        sa.Column("status", sa.String(20), nullable=False),   # wachtend | afgeleverd
        sa.Column("pogingen", sa.Integer, nullable=False),
        sa.Column("laatste_fout", sa.Text),
        sa.Column("resultaat", sa.Text, nullable=False),      # JSON: the URL of each step that succeeded
    )
    op.create_index("ix_zgw_uitgaand_status", "zgw_uitgaand", ["status"])


def downgrade() -> None:
    op.drop_table("zgw_uitgaand")
