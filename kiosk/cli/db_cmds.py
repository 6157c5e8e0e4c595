"""db upgrade, db current."""

from __future__ import annotations

from kiosk.cli.context import chosen_database_url
from kiosk.core import migrate
from kiosk.core.store import open_store
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("db", help=tr("database schema: upgrade, current"))
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", parser_class=type(p))
    dbsub.required = True
    q = dbsub.add_parser("upgrade", help=tr("bring the schema to the newest version"))
    q.set_defaults(func=cmd_upgrade)
    q = dbsub.add_parser("current", help=tr("print the schema version and the newest one"))
    q.set_defaults(func=cmd_current)


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
