"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 08:52:13.351417
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel



revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('venue', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('attendee_rev', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('station',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('printer_status', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('full_name_source', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('organisation', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('job_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('ticket_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('external_ref', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('alerts', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('badge_privacy', sa.String(length=32), server_default='full', nullable=False),
    sa.Column('blocked', sa.Boolean(), nullable=False),
    sa.Column('block_reason', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('inside', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'code', name='uq_attendee_event_code')
    )
    with op.batch_alter_table('attendee', schema=None) as batch_op:
        batch_op.create_index('ix_attendee_code', ['code'], unique=False)
        batch_op.create_index('ix_attendee_event_external_ref', ['event_id', 'external_ref'], unique=False)
        batch_op.create_index('ix_attendee_event_rev', ['event_id', 'rev'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('attendee_id', sa.Integer(), nullable=True),
    sa.Column('station', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('operator', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('details', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_attendee', ['attendee_id'], unique=False)

    op.create_table('event_setting',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('value', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('event_id', 'key')
    )
    op.create_table('badge_print',
    sa.Column('attendee_id', sa.Integer(), nullable=False),
    sa.Column('first_printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('printer', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendee.id'], ),
    sa.PrimaryKeyConstraint('attendee_id')
    )
    op.create_table('checkin',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('attendee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('operator', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendee.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_attendee_at', ['attendee_id', 'at'], unique=False)
        batch_op.create_index('ix_checkin_event_at', ['event_id', 'at'], unique=False)

    op.create_table('print_job',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('attendee_id', sa.Integer(), nullable=False),
    sa.Column('station', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('template', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('printer', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('next_try_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendee.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.create_index('ix_print_job_attendee', ['attendee_id'], unique=False)
        batch_op.create_index('ix_print_job_state_due', ['state', 'next_try_at'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.drop_index('ix_print_job_state_due')
        batch_op.drop_index('ix_print_job_attendee')

    op.drop_table('print_job')
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_event_at')
        batch_op.drop_index('ix_checkin_attendee_at')

    op.drop_table('checkin')
    op.drop_table('badge_print')
    op.drop_table('event_setting')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_attendee')
        batch_op.drop_index('ix_audit_at')

    op.drop_table('audit_entry')
    with op.batch_alter_table('attendee', schema=None) as batch_op:
        batch_op.drop_index('ix_attendee_event_rev')
        batch_op.drop_index('ix_attendee_event_external_ref')
        batch_op.drop_index('ix_attendee_code')

    op.drop_table('attendee')
    op.drop_table('station')
    op.drop_table('event')

