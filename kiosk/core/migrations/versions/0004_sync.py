"""sync: the hub's change log (for stations' local replicas) and the conflicts found when
offline work reaches the hub

Revision ID: 0004_sync
Revises: 0003_attendee_import_state
Create Date: 2026-12-01 06:45:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_sync'
down_revision = '0003_attendee_import_state'
branch_labels = None
depends_on = None

#: The tables whose rows a station's replica holds; each write to them is noted in sync_change.
WATCHED = ("event", "attendee", "checkin", "checkin_list", "badge_print", "event_setting", "sync_conflict")

NOTE_FUNCTION = """
CREATE OR REPLACE FUNCTION kiosk_sync_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  ev integer;
  key text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'event' THEN
    ev := r.id; key := r.id::text;
  ELSIF TG_TABLE_NAME = 'badge_print' THEN
    SELECT event_id INTO ev FROM attendee WHERE id = r.attendee_id; key := r.attendee_id::text;
  ELSIF TG_TABLE_NAME = 'event_setting' THEN
    ev := r.event_id; key := r.key;
  ELSE
    ev := r.event_id; key := r.id::text;
  END IF;
  INSERT INTO sync_change (event_id, tbl, ref, op) VALUES (ev, TG_TABLE_NAME, key, left(TG_OP, 1));
  RETURN NULL;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        'sync_change',
        sa.Column('seq', sa.BigInteger(), sa.Identity(), nullable=False) if op.get_bind().dialect.name == 'postgresql'
        else sa.Column('seq', sa.Integer(), nullable=False),
        # The writing transaction's id: a pull re-reads every change of a transaction that was
        # still running at its previous pull, so a late commit with a low seq is never missed.
        sa.Column('txid', sa.BigInteger(), nullable=False,
                  server_default=sa.text("(pg_current_xact_id()::text::bigint)") if op.get_bind().dialect.name == 'postgresql' else sa.text("0")),
        sa.Column('event_id', sa.Integer(), nullable=True),
        sa.Column('tbl', sa.String(length=32), nullable=False),
        sa.Column('ref', sa.String(length=100), nullable=False),
        sa.Column('op', sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint('seq'),
    )
    op.create_index('ix_sync_change_txid', 'sync_change', ['txid'])
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('attendee_id', sa.Integer(), nullable=True),
        #: double_entry (the later of two entries made apart) or edit (a field changed at two stations)
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('checkin_id', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('other_id', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('station', sa.String(length=100), nullable=False, server_default=''),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('details', sa.Text(), nullable=False, server_default=''),
        sa.ForeignKeyConstraint(['event_id'], ['event.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_sync_conflict_event', 'sync_conflict', ['event_id', 'at'])
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sync_state', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('sync_waiting', sa.Integer(), server_default='0', nullable=False))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(NOTE_FUNCTION)
        for table in WATCHED:
            op.execute(
                f"CREATE TRIGGER kiosk_sync_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}"
                " FOR EACH ROW EXECUTE FUNCTION kiosk_sync_note()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS kiosk_sync_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS kiosk_sync_note()")
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_column('sync_waiting')
        batch_op.drop_column('sync_state')
    op.drop_index('ix_sync_conflict_event', table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_index('ix_sync_change_txid', table_name='sync_change')
    op.drop_table('sync_change')
