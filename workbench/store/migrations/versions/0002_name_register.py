"""The name register used to pseudonymise exports.

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
    op.create_table('pseudonyms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('real_name', sa.String(length=300), nullable=False),
    sa.Column('pseudonym', sa.String(length=300), nullable=False),
    sa.Column('variants', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pseudonyms')),
    sa.UniqueConstraint('real_name', name=op.f('uq_pseudonyms_real_name'))
    )


def downgrade() -> None:
    op.drop_table("pseudonyms")
