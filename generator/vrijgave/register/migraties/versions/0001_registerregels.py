"""The register table: one table, so one hash chain covers releases and documents.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registerregels",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tijdstip", sa.DateTime, nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("sjabloon_id", sa.String(200), nullable=False),
        sa.Column("sjabloon_versie", sa.String(50), nullable=False),
        sa.Column("zaaknummer", sa.String(200)),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("door", sa.String(200), nullable=False),
        sa.Column("gegevens", sa.Text, nullable=False),
        sa.Column("vorige_hash", sa.String(64), nullable=False, unique=True),  # no fork: one successor per entry
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_registerregels_zaaknummer", "registerregels", ["zaaknummer"])
    op.create_index("ix_registerregels_sjabloon_id", "registerregels", ["sjabloon_id"])


def downgrade() -> None:
    op.drop_table("registerregels")
