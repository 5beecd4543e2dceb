"""Local accounts and service keys (issue 21), beside the register whose chain records every change to them.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gebruikers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("naam", sa.String(100), nullable=False, unique=True),      # never reused: a disabled account stays
        sa.Column("volledige_naam", sa.String(200)),
        sa.Column("wachtwoord_hash", sa.String(200), nullable=False),        # argon2id, with its own salt and costs
        sa.Column("rollen", sa.Text, nullable=False),                        # JSON list of role names
        sa.Column("actief", sa.Boolean, nullable=False),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("gewijzigd", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sleutels",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("naam", sa.String(100), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),       # SHA-256 of the secret (32 random bytes)
        sa.Column("rol", sa.String(100), nullable=False),
        sa.Column("actief", sa.Boolean, nullable=False),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("ingetrokken", sa.DateTime),
    )


def downgrade() -> None:
    op.drop_table("sleutels")
    op.drop_table("gebruikers")
