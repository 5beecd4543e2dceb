"""The keyed chain (issue 23): each entry names the register key whose HMAC-SHA256 is its hash. Entries from before
have no key id and keep their plain SHA-256; the first keyed entry chains on from them.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("registerregels", sa.Column("sleutel_id", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("registerregels") as tabel:      # SQLite cannot drop a column in place
        tabel.drop_column("sleutel_id")
