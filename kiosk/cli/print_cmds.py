"""printers (list them), print (one badge through the queue, or a batch for pre-printing)."""

from __future__ import annotations

import uuid
from pathlib import Path

from kiosk.cli.args import nonempty_path
from kiosk.cli.badge_cmds import find_attendee
from kiosk.cli.progress import Progress
from kiosk.core import attendees as attendee_store
from kiosk.core import printqueue
from kiosk.core.errors import KioskError, UsageError
from kiosk.core.files import open_private
from kiosk.i18n import tr
from kiosk.messages import localise

FILTER_FIELDS = ("category", "ticket_type", "organisation", "code", "email")


def register(sub) -> None:
    p = sub.add_parser("printers", help=tr("list the system's printers and their state"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_printers)

    p = sub.add_parser(
        "print",
        help=tr("print one badge through the print queue and wait for it, or pre-print a batch with --all"),
    )
    p.add_argument("code", nargs="?", help=tr("the attendee's ticket code"))
    p.add_argument("--printer", metavar="NAME", default="", help=tr("printer (default: the system default; pdf:FILE writes a PDF)"))
    p.add_argument("--fallback", metavar="NAME", default="", help=tr("printer to use after --retries failures"))
    p.add_argument("--template", metavar="NAME", help=tr("badge template (default: a6)"))
    p.add_argument("--station", metavar="S", help=tr("whose print queue the job joins (default: cli)"))
    p.add_argument("--retries", type=int, default=3, metavar="N", help=tr("failures before the fallback, or giving up (3)"))
    p.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help=tr("stop waiting after this long (120)"))
    p.add_argument("--all", action="store_true", help=tr("print badges for every attendee (see --filter)"))
    p.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                   help=tr("with --all: only attendees whose field matches ({fields}); repeatable").format(fields=", ".join(FILTER_FIELDS)))
    p.add_argument("--unprinted", action="store_true", help=tr("with --all: only attendees without a printed badge"))
    p.add_argument("--layout", choices=("sheet", "label"), default="sheet",
                   help=tr("with --all: N-up on A4 with cut marks (sheet), or one badge per label/page (label)"))
    p.add_argument("--out", metavar="FILE.pdf", type=nonempty_path, help=tr("with --all: write the pages to a PDF instead of printing"))
    p.set_defaults(func=cmd_print)


def cmd_printers(args, ctx) -> int:
    from kiosk.printing.printers import ensure_app, list_printers

    ensure_app()
    printers = list_printers()
    if args.json:
        ctx.emit_json([{"name": p.name, "description": p.description, "default": p.is_default, "state": p.state} for p in printers])
        return 0
    for p in printers:
        print("\t".join((p.name, "default" if p.is_default else "-", p.state, p.description)))
    if not printers:
        print("No printers installed.")
    return 0


def cmd_print(args, ctx) -> int:
    if args.retries < 1:
        raise UsageError("--retries must be at least 1")
    if args.all:
        if args.code:
            raise UsageError("give either a CODE or --all, not both")
        return _print_all(args, ctx)
    if not args.code:
        raise UsageError("give a CODE to print, or --all")
    if args.filter or args.unprinted or args.out is not None:
        raise UsageError("--filter, --unprinted and --out go with --all")
    return _print_one(args, ctx)


def _print_one(args, ctx) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.printing.printers import ensure_app
    from kiosk.printing.worker import PrintWorker

    ensure_app()
    attendee_id = find_attendee(ctx, args.code)
    person = attendee_store.get(ctx.store, attendee_id)
    station = args.station or "cli"
    already = printqueue.badge_status(ctx.store, attendee_id).printed
    job_id = printqueue.enqueue(
        ctx.store, ctx.event.id, attendee_id, station, template=args.template or "", reprint=already
    )
    worker = PrintWorker(ctx.store, station, printer=args.printer, fallback_printer=args.fallback, max_failures=args.retries)
    limit = args.retries * (2 if args.fallback else 1)
    outcome: dict = {"failures": 0, "error": "", "printer": ""}
    loop = QEventLoop()

    def printed(jid: str, _aid: int, printer: str) -> None:
        if jid == str(job_id):
            outcome["printer"] = printer
            loop.quit()

    def failed(jid: str, _aid: int, error: str) -> None:
        if jid == str(job_id):
            outcome["failures"] += 1
            outcome["error"] = error
            print(tr("Attempt {n} failed: {error}").format(n=outcome["failures"], error=localise(error)))
            if outcome["failures"] >= limit:
                loop.quit()

    worker.jobPrinted.connect(printed)
    worker.jobFailed.connect(failed)
    QTimer.singleShot(int(args.timeout * 1000), loop.quit)
    worker.start()
    worker.wake()
    loop.exec()
    worker.stop()
    if outcome["printer"]:
        done = tr("Printed the badge of {name} (a reprint) on {printer}") if already else tr("Printed the badge of {name} on {printer}")
        print(done.format(name=person.display_name, printer=outcome["printer"]))
        return 0
    job = printqueue.get_job(ctx.store, job_id)
    if job is not None and job.state == printqueue.PRINTED:  # printed just as we stopped waiting
        print(tr("Printed the badge of {name} on {printer}").format(name=person.display_name, printer=job.printer))
        return 0
    printqueue.cancel(ctx.store, job_id)
    reason = outcome["error"] or (job.error if job else "") or f"no answer within {args.timeout:g} s"
    raise KioskError(f"Not printed: {reason} (the job was cancelled)", exit_code=8)


def _matches(person, filters: list[tuple[str, str]]) -> bool:
    return all(str(getattr(person, f)).casefold() == v.casefold() for f, v in filters)


def _print_all(args, ctx) -> int:
    from kiosk.badges.context import event_labels, pick_template
    from kiosk.badges.pdf import write_pdf
    from kiosk.badges.render import render_with_layout
    from kiosk.core.privacy_rules import load_rules, shown_person
    from kiosk.badges.sheets import A4_MM, compose, layout

    filters = []
    for item in args.filter:
        field, sep, value = item.partition("=")
        if not sep or field not in FILTER_FIELDS:
            raise UsageError(f"--filter {item!r}: use FIELD=VALUE with FIELD one of {', '.join(FILTER_FIELDS)}")
        filters.append((field, value))
    if args.out and not args.out.lower().endswith(".pdf"):
        raise UsageError("--out must name a .pdf file")
    people = [p for p in attendee_store.list_all(ctx.store, ctx.event.id) if _matches(p, filters)]
    if args.unprinted:
        people = [p for p in people if not printqueue.badge_status(ctx.store, p.id).printed]
    if not people:
        print(tr("No attendee matches; nothing printed."))
        return 0
    template = pick_template(args.template)
    labels = event_labels(ctx.store, ctx.event.id)

    rules = load_rules(ctx.store, ctx.event.id)
    bar = Progress(len(people), tr("badges"))

    def badges():
        for p in people:
            yield render_with_layout(shown_person(p, rules), template, labels.name, labels.date, logo=labels.logo)[0]
            bar.update()

    if args.layout == "sheet":
        pages = compose(badges(), template, template.dpi)
        page_mm = A4_MM
        per_page = None
    else:
        pages = badges()
        page_mm = (template.width_mm, template.height_mm)
        per_page = 1
    if args.out:
        with open_private(Path(args.out), "wb") as fh, bar:
            count = write_pdf(fh, ((page, *page_mm) for page in pages), title=f"{labels.name}: badges")
        print(tr("Wrote %n badges on {pages} pages to {file}", None, len(people)).format(pages=count, file=args.out))
        return 0
    from kiosk.printing.printers import ensure_app, print_image

    ensure_app()
    per_page = per_page or layout(template).per_sheet
    station = args.station or "cli"
    done = 0
    with bar:
        for n, page in enumerate(pages):
            batch = people[n * per_page : (n + 1) * per_page]
            used = print_image(page, args.printer, *page_mm, template.dpi, title=f"kiosk-badges-{uuid.uuid4().hex[:8]}-{n + 1}")
            printqueue.record_batch(ctx.store, ctx.event.id, [p.id for p in batch], station, used, template.name)
            done += len(batch)
            print(tr("Page {page}: %n badge(s) sent to {printer}", None, len(batch)).format(page=n + 1, printer=used))
    print(tr("Printed %n badges", None, done))
    return 0
