"""The demo event: a one-day forum on protecting children online, reproducible from a seed."""

from __future__ import annotations

import random
from functools import lru_cache
from itertools import accumulate, islice
from operator import itemgetter
from typing import Iterator
from datetime import datetime, time

from sqlalchemy import delete, select, update

from kiosk.core.codes import generate_code
from kiosk.core.events import zone
from kiosk.core.models import (
    Attendee,
    AuditEntry,
    BadgePrint,
    BadgePrivacy,
    CheckIn,
    CheckInList,
    Event,
    EventSetting,
    PrintJob,
    utcnow,
)
from kiosk.core.store import Store

DEMO_NAME = "Forum: Protecting Children Online"
DEMO_VENUE = "Folkets Hus, Stockholm"
DEMO_TZ = "Europe/Stockholm"

FIRST_NAMES = [
    "Anna", "Åsa", "Björn", "Jörgen", "Märta", "Sofia", "Erik", "Lars", "Karin", "Elin", "Maja", "Oskar",
    "Linnéa", "Ingrid", "Göran", "Hanna", "Johan", "Sara", "Mikael", "Ebba", "Nils", "Agnes", "Gustav",
    "Ida", "Per", "Lena", "Anders", "Malin", "Emil", "Frida", "Amara", "Chidi", "José", "María", "Zoë",
    "François", "Renée", "Nguyễn", "Aleksandra", "Mehmet", "Fatima", "Ahmed", "Priya", "Kenji", "Olga",
    "Dmitri", "Sinéad", "Ruairí", "Łukasz", "Ágnes", "Jonas", "Anne-Marie", "Karl-Johan", "Eva-Lena",
]
LAST_NAMES = [
    "Lindqvist", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Håkansson", "Björklund", "Öberg",
    "Åström", "Sjögren", "Lindström", "Bergström", "Ekström", "Wahlén", "Nordén", "Löfgren",
    "Johnson", "Müller", "García Márquez", "Nwosu", "Okafor", "Kowalski", "Dubois", "Fernández",
    "O'Brien", "Nakamura", "Petrov", "Yılmaz", "Haddad", "Singh", "Tran", "Horváth", "Lund-Hansen",
    "af Klint", "von Essen", "Ström-Berg", "Rosén", "Dahl", "Holm", "Sandberg", "Forsberg", "Lindgren",
]
SECTORS = {
    "Business": (["Telia Company", "Ericsson", "Spotify", "Klarna", "H&M Group", "Volvo Cars", "SEB", "IKEA"],
                 ["CEO", "Head of Trust & Safety", "Chief Compliance Officer", "Policy Lead"]),
    "Public sector": (["Region Stockholm", "Göteborgs Stad", "Malmö Stad", "Myndigheten för digital förvaltning"],
                      ["Director", "Policy Advisor", "Head of Unit"]),
    "NGO": (["Save the Children", "ECPAT Sverige", "BRIS", "UNICEF Sverige", "Childhood Foundation"],
            ["Programme Manager", "Advocacy Officer", "Secretary General"]),
    "Law enforcement": (["Polismyndigheten", "Europol", "Åklagarmyndigheten", "NOA"],
                        ["Investigator", "Detective Inspector", "Analyst", "Prosecutor"]),
    "Healthcare": (["Karolinska Universitetssjukhuset", "Sahlgrenska", "Barnläkarmottagningen Söder"],
                   ["Paediatrician", "Child Psychologist", "Nurse"]),
    "Social services": (["Socialtjänsten Stockholm", "Socialstyrelsen", "Barnahus Linköping"],
                        ["Social Worker", "Unit Manager", "Family Counsellor"]),
    "School": (["Södermalmsskolan", "Kunskapsskolan", "Skolverket", "Uppsala kommun, skola"],
               ["Principal", "Teacher", "School Counsellor"]),
    "Public": (["", "", "Parent association"], ["", "Parent", "Student"]),
}
SECTOR_WEIGHTS = {"Business": 30, "Public sector": 22, "NGO": 25, "Law enforcement": 24, "Healthcare": 18,
                  "Social services": 20, "School": 18, "Public": 13}
# Large events (benchmarks) also get generated surnames, so the index sees a realistic spread.
SURNAME_PARTS = (
    ["Lind", "Berg", "Sjö", "Ek", "Holm", "Dahl", "Fors", "Ny", "Sten", "Ros", "Ås", "Nord", "Sund", "Hag", "Bäck",
     "Ljung", "Björk", "Gran", "Löv", "Al", "Hed", "Kull", "Mal", "Öst", "Väst", "Rön", "Asp", "Ström", "Vik", "Norr"],
    ["qvist", "berg", "ström", "gren", "holm", "dahl", "lund", "mark", "ling", "blad", "sjö", "by", "hammar",
     "näs", "vall", "stedt", "löf", "man", "ner", "ander", "éen", "lén", "kvist", "feldt", "heim", "bom"],
)
NOTES = [
    "Wheelchair user: reserved seat row 1",
    "Vegetarian lunch",
    "Hearing loop needed",
    "Arrives late, after the morning session",
    "Invoice to be sent to the agency",
]


BATCH = 5000


class DemoExists(Exception):
    pass


def _people(rng: random.Random, n: int, decorate: random.Random) -> Iterator[dict]:
    """The attendees one by one (a million never sit in memory at once). Names, emails and codes
    come from ``rng``; who is a speaker, press, VIP or has a note comes from ``decorate``."""
    sectors = list(SECTOR_WEIGHTS)
    cum_weights = list(accumulate(SECTOR_WEIGHTS[s] for s in sectors))  # as choices(weights=) does
    extras = _extras(decorate, n)
    police = 0
    for i in range(n):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if n > 1000 and rng.random() < 0.6:
            roots, endings = SURNAME_PARTS
            last = rng.choice(roots) + rng.choice(endings) + (rng.choice(endings) if rng.random() < 0.4 else "")
        sector = rng.choices(sectors, cum_weights=cum_weights)[0]
        orgs, titles = SECTORS[sector]
        org, title = rng.choice(orgs), rng.choice(titles)
        domain = (org.lower().replace(" ", "").replace("&", "")[:12] or "example") + ".example"
        person = dict(
            first_name=first,
            last_name=last,
            email=f"{_local(first)}.{_local(last)}{i}@{_ascii(domain)}",
            organisation=org,
            job_title=title,
            category=sector,
            ticket_type="Delegate",
            code=generate_code(rng),
            external_ref=f"DEMO-{i + 1:06d}",
            source="demo",
            alerts="",
            notes="",
            badge_privacy=BadgePrivacy.FULL.value,
        )
        extra = extras.get(i)
        if extra:
            person.update(extra)
        if sector == "Law enforcement":  # badge privacy for two police delegates in three
            if police % 3 == 0:
                person["badge_privacy"] = BadgePrivacy.FIRST_NAME_ONLY.value
            elif police % 3 == 1:
                person["badge_privacy"] = BadgePrivacy.NO_ORGANISATION.value
            police += 1
        yield person


def _extras(rng: random.Random, n: int) -> dict[int, dict]:
    """Speakers, press, VIPs and staff notes: what differs from a plain delegate, by position."""
    extras: dict[int, dict] = {}
    picks = rng.sample(range(n), k=min(n, max(3, n // 20) * 3))
    third = len(picks) // 3
    for i in picks[:third]:
        extras[i] = {"ticket_type": "Speaker", "alerts": "speaker"}
    for i in picks[third : third + third // 2]:
        extras[i] = {"ticket_type": "Press", "alerts": "press"}
    for i in picks[third + third // 2 :]:
        extras[i] = {"ticket_type": "VIP", "alerts": "vip"}
    for i in rng.sample(range(n), k=max(1, n // 15)):
        note = rng.choice(NOTES)
        extra = extras.setdefault(i, {})
        extra["notes"] = note
        if "Wheelchair" in note or "Hearing" in note:
            extra["alerts"] = ",".join(filter(None, [extra.get("alerts", ""), "accessibility"]))
    return extras


@lru_cache(maxsize=65536)
def _local(name: str) -> str:
    """A name as it appears in an email address: 'O'Brien' -> 'obrien', 'af Klint' -> 'afklint'."""
    return _ascii(name.lower().replace(" ", "").replace("'", ""))


@lru_cache(maxsize=65536)
def _ascii(text: str) -> str:
    from kiosk.core.search import fold

    return "".join(ch for ch in fold(text) if ch.isalnum() or ch in ".-")


def create_demo(store: Store, attendees: int = 170, seed: int = 2026, reset: bool = False, name: str = DEMO_NAME) -> int:
    """Create the demo event and return its id. Raises DemoExists unless ``reset``."""
    rng = random.Random(seed)
    tz = zone(DEMO_TZ)
    day = datetime.now(tz).date()
    starts = datetime.combine(day, time(8, 30), tz)
    ends = datetime.combine(day, time(16, 30), tz)
    people = _people(rng, attendees, random.Random(seed + 1))
    now = utcnow()
    with store.write() as session:
        existing = session.execute(select(Event.id).where(Event.name == name)).scalar()
        if existing is not None:
            if not reset:
                raise DemoExists(name)
            _delete_event(session, existing)
        event = Event(name=name, venue=DEMO_VENUE, starts_at=starts, ends_at=ends, timezone=DEMO_TZ, attendee_rev=1)
        session.add(event)
        session.flush()
        event_id = event.id
        conn = session.connection()
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # a big page cache for this one transaction: far fewer spills to the WAL
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={-min(150_000, 64 + attendees // 4)}")
        try:
            _insert_rows(conn, people, dict(event_id=event_id, rev=1, created_at=now, updated_at=now))
        finally:
            if sqlite:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
    return event_id


def _insert_rows(conn, people: Iterator[dict], common: dict) -> None:
    """Insert the people in batches with the driver's executemany: the statement is compiled once,
    and the values shared by every row (event, dates, column defaults) are converted once. Every
    per-person value is a plain string, which needs no conversion on either engine."""
    table = Attendee.__table__
    first = next(people, None)
    if first is None:
        return
    common = dict(common)
    for column in table.c:
        if column.name not in first and column.name not in common and column.default is not None and column.default.is_scalar:
            common[column.name] = column.default.arg
    for key, value in common.items():
        process = table.c[key].type.bind_processor(conn.dialect)
        common[key] = process(value) if process else value
    keys = [*first, *common]
    compiled = table.insert().compile(dialect=conn.dialect, column_keys=keys)
    pick = itemgetter(*compiled.positiontup) if compiled.positional else None
    sql = str(compiled)

    def params(person: dict):
        row = {**person, **common}
        return pick(row) if pick else row

    batch = [params(first)]
    while batch:
        batch.extend(params(p) for p in islice(people, BATCH - len(batch)))
        conn.exec_driver_sql(sql, batch)
        batch = [params(p) for p in islice(people, BATCH)]


def _delete_event(session, event_id: int) -> None:
    attendee_ids = select(Attendee.id).where(Attendee.event_id == event_id).scalar_subquery()
    session.execute(delete(BadgePrint).where(BadgePrint.attendee_id.in_(attendee_ids)))
    for table in (PrintJob, CheckIn, EventSetting):
        session.execute(delete(table).where(table.event_id == event_id))
    session.execute(update(AuditEntry).where(AuditEntry.event_id == event_id).values(event_id=None))
    session.execute(delete(Attendee).where(Attendee.event_id == event_id))
    session.execute(delete(CheckInList).where(CheckInList.event_id == event_id))
    session.execute(delete(Event).where(Event.id == event_id))
