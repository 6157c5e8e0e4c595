"""badge (preview a badge to a file, list templates), tickets (files to send to attendees)."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.badges.context import badge_for, event_labels
from kiosk.badges.pdf import write_pdf
from kiosk.badges.render import default_template_name, list_templates
from kiosk.badges.templates import template_problems
from kiosk.badges.tickets import FORMATS, write_tickets
from kiosk.cli.args import nonempty_path
from kiosk.cli.progress import Progress
from kiosk.core import attendees as attendee_store
from kiosk.core.checkin import CheckInService
from kiosk.core.errors import KioskError, UsageError
from kiosk.core.files import open_private
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("badge", help=tr("render one attendee's badge to a PNG or PDF file, or list the templates"))
    p.add_argument("code", nargs="?", help=tr("the attendee's ticket code"))
    p.add_argument("--out", metavar="FILE", type=nonempty_path, help=tr("FILE.png or FILE.pdf"))
    p.add_argument("--template", metavar="NAME", help=tr("badge template (default: a6; see --list-templates)"))
    p.add_argument("--list-templates", action="store_true", help=tr("print the templates, one a line, name first"))
    p.set_defaults(func=cmd_badge)

    p = sub.add_parser("tickets", help=tr("write a ticket per attendee, a merged PDF and a mail-merge CSV"))
    p.add_argument("--out", required=True, metavar="DIR", type=nonempty_path, help=tr("folder for the tickets (created, owner-only)"))
    p.add_argument("--format", choices=FORMATS, default="pdf", help=tr("one file per attendee as PDF (default) or PNG"))
    p.set_defaults(func=cmd_tickets)


def find_attendee(ctx, code: str):
    attendee_id, cleaned, other = CheckInService(ctx.store, ctx.event.id, ctx.actor).lookup(code)
    if attendee_id is None:
        where = f" (it belongs to {other})" if other else ""
        raise KioskError(f"No attendee with code {cleaned!r} in {ctx.event.name}{where}", exit_code=4)
    return attendee_id


def cmd_badge(args, ctx) -> int:
    if args.list_templates:
        default = default_template_name()
        for t in list_templates():
            mark = " (default)" if t.name == default else ""
            print(f"{t.name}\t{t.title}{mark}\t{t.describe()}")
        for problem in template_problems():  # on stderr: the list stays one template a line
            print("kiosk: " + tr("badge template skipped: {problem}").format(problem=problem), file=sys.stderr)
        return 0
    if not args.code or not args.out:
        raise UsageError("give a CODE and --out FILE.png|FILE.pdf (or --list-templates)")
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise UsageError(f"--out must end in .png or .pdf, not {out.name!r}")
    attendee_id = find_attendee(ctx, args.code)
    image, template, person = badge_for(ctx.store, attendee_id, args.template, event_labels(ctx.store, ctx.event.id))
    if not out.parent.is_dir():
        raise UsageError(f"folder {str(out.parent)!r} does not exist")
    with open_private(out, "wb") as fh:
        if suffix == ".png":
            image.save(fh, format="PNG", dpi=(template.dpi, template.dpi))
        else:
            write_pdf(fh, [(image, template.width_mm, template.height_mm)], title=f"Badge: {person.display_name}")
    print(tr("Wrote {file} ({template}, {size})").format(file=out, template=template.name, size=template.describe()))
    return 0


def cmd_tickets(args, ctx) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {str(out)!r} is a file, not a folder")
    people = attendee_store.list_all(ctx.store, ctx.event.id)
    labels = event_labels(ctx.store, ctx.event.id)
    with Progress(len(people), tr("tickets")) as bar:
        result = write_tickets(people, out, labels.name, labels.date, args.format, progress=bar.set)
    print(tr("Wrote %n tickets to {folder}", None, result.count).format(folder=result.folder))
    print("  " + tr("merged PDF: {file}").format(file=result.merged_pdf))
    print("  " + tr("mail-merge list: {file}").format(file=result.csv))
    return 0
