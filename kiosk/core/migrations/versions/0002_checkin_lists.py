"""check-in lists: every event gets a default "Entrance" list, and every check-in is on a list

Revision ID: 0002_checkin_lists
Revises: 0001
Create Date: 2026-12-03 10:12:40.118204
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel



revision = '0002_checkin_lists'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('checkin_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('ticket_types', sa.Text(), server_default='', nullable=False),
    sa.Column('categories', sa.Text(), server_default='', nullable=False),
    sa.Column('valid_from', sa.DateTime(timezone=True), nullable=True),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rule', sa.String(length=16), server_default='exit', nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('counts_inside', sa.Boolean(), nullable=False),
    sa.Column('print_only', sa.Boolean(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'name', name='uq_checkin_list_event_name')
    )
    # Every event gets its default list; every existing check-in goes on it.
    op.execute(
        "INSERT INTO checkin_list (event_id, name, ticket_types, categories, rule, counts_inside, print_only,"
        " is_default, archived, created_at)"
        " SELECT id, 'Entrance', '', '', 'exit', true, false, true, false, created_at FROM event"
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.add_column(sa.Column('list_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE checkin SET list_id = (SELECT l.id FROM checkin_list l"
        " WHERE l.event_id = checkin.event_id AND l.is_default = true)"
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.alter_column('list_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key('fk_checkin_list_id', 'checkin_list', ['list_id'], ['id'])
        batch_op.create_index('ix_checkin_list_attendee_at', ['list_id', 'attendee_id', 'at'], unique=False)


def downgrade() -> None:

    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_list_attendee_at')
        batch_op.drop_constraint('fk_checkin_list_id', type_='foreignkey')
        batch_op.drop_column('list_id')

    op.drop_table('checkin_list')
