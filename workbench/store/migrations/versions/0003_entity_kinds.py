"""The name register knows what each entry is: a person, organisation, place, contact detail or an age rule.

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
    with op.batch_alter_table("pseudonyms") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("pseudonyms") as batch:
        batch.drop_column("kind")
