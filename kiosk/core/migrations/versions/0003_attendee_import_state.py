"""attendee: own badge privacy, registration answers, last imported values

Revision ID: 0003_attendee_import_state
Revises: 0002_checkin_lists
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_attendee_import_state'
down_revision = '0002_checkin_lists'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attendee') as batch:
        batch.add_column(sa.Column('privacy_own', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('answers', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('imported', sa.Text(), nullable=False, server_default=''))
    # a privacy already chosen at the desk is the person's own
    op.execute("UPDATE attendee SET privacy_own = TRUE WHERE badge_privacy <> 'full'")


def downgrade() -> None:
    with op.batch_alter_table('attendee') as batch:
        batch.drop_column('imported')
        batch.drop_column('answers')
        batch.drop_column('privacy_own')
