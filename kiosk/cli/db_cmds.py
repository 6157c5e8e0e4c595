"""db upgrade, db current; db backup, db restore, db check (SQLite; PostgreSQL has pg_dump)."""

from __future__ import annotations

from pathlib import Path

from kiosk.cli.context import chosen_database_url
from kiosk.core import migrate
from kiosk.core.errors import KioskError, UsageError
from kiosk.core.store import open_store, safe_url
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("db", help=tr("the database: schema upgrade and version; backup, restore and check (SQLite)"))
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", parser_class=type(p))
    dbsub.required = True
    q = dbsub.add_parser("upgrade", help=tr("bring the schema to the newest version"))
    q.set_defaults(func=cmd_upgrade)
    q = dbsub.add_parser("current", help=tr("print the schema version and the newest one"))
    q.set_defaults(func=cmd_current)
    q = dbsub.add_parser("backup", help="an online backup of the SQLite database into a new FILE")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_backup)
    q = dbsub.add_parser("restore", help="replace the SQLite database by the backup FILE (refused while a station has it open)")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_restore)
    q = dbsub.add_parser("check", help="check the SQLite database for damage (exit 1 when damaged)")
    q.add_argument("--full", action="store_true", help="integrity_check (slower, also compares indexes with their tables)")
    q.set_defaults(func=cmd_check)


def cmd_upgrade(args, ctx) -> int:
    store = open_store(chosen_database_url(args.db), upgrade=False)
    try:
        before = migrate.current_revision(store)
        migrate.upgrade(store)
        after = migrate.current_revision(store)
    finally:
        store.dispose()
    print(f"{store.display_url}: {before or 'empty'} -> {after}" if before != after else f"{store.display_url}: up to date ({after})")
    return 0


def cmd_current(args, ctx) -> int:
    store = open_store(chosen_database_url(args.db), upgrade=False)
    try:
        current = migrate.current_revision(store)
    finally:
        store.dispose()
    head = migrate.head_revision()
    print(f"{current or 'empty'} (newest: {head})")
    return 0


def _sqlite_database(ctx, what: str) -> Path:
    """The SQLite file the command works on; PostgreSQL has its own tools (exit 2)."""
    from kiosk.core.sqlite_files import sqlite_file

    url = ctx.url
    db = sqlite_file(url)
    if db is None:
        raise UsageError(
            f"kiosk db {what} works on a SQLite file; for {safe_url(url)} use pg_dump and pg_restore"
        )
    if not db.exists():
        raise KioskError(f"No database file {db}", exit_code=7)
    return db


def cmd_backup(args, ctx) -> int:
    from kiosk.core import backup

    db = _sqlite_database(ctx, "backup")
    out = backup.backup_file(db, Path(args.file))
    print(tr("Backed up {db} to {file}").format(db=db, file=out))
    return 0


def cmd_restore(args, ctx) -> int:
    from kiosk.core import backup

    db = _sqlite_database(ctx, "restore")
    safety = backup.restore(db, Path(args.file))
    print(tr("Restored {db} from {file}").format(db=db, file=args.file))
    print(tr("The database as it was is kept in {file}").format(file=safety))  # there was one: checked above
    return 0


def cmd_check(args, ctx) -> int:
    from kiosk.core import backup

    db = _sqlite_database(ctx, "check")
    found = backup.check_file(db, full=args.full)
    if found:
        raise backup.DatabaseDamaged(backup.damaged_message(db, found))
    print(tr("{db}: ok ({check})").format(db=db, check="integrity_check" if args.full else "quick_check"))
    return 0
