"""An index on the entries' SHA-256: a letter finds its own entry (`sjabloon zgw opslaan`, `sjabloon zgw bulk`)
without reading the whole register, which bulk runs make hundreds of thousands of entries long.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_registerregels_sha256", "registerregels", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_registerregels_sha256", table_name="registerregels")
