"""Make the benchmark's data set in the PostgreSQL database DATABASE_URL names.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_large python bench/generate.py large

``large``: 50 bodies, 10,000 sessions, each with an agenda; 2,000 of them (the 40
latest sessions of each body, 100 of them still to come) are published with 250 items
(50 items of 4 sub-items each; the first body's latest agenda with 50), a document
under each item and six time slots; the other 8,000 are drafts of 5 items: 539,800
items. ``small``: the same shape with 10 bodies of
20 sessions, 40 of them published; ``tiny``, for the test that keeps this script working,
2 bodies of 3 sessions. All add the seed agenda (``load_demo``). Every text
is in the six languages (``bench/texts.py``).

The database is emptied and migrated first. Items go in with COPY, the rest with bulk
inserts, and the agendas are published through ``publish_agenda`` itself, in two
processes: what the site serves is what publishing makes.
"""

import argparse
import datetime
import io
import multiprocessing
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# DEBUG off: with it on, Django keeps every query's text, gigabytes of bulk inserts.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "benchmark-data-only")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

import texts  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from agendas.models import (  # noqa: E402
    Agenda,
    AgendaItem,
    Body,
    Document,
    DocumentationLink,
    DocumentPurpose,
    Room,
    Session,
    Venue,
)
from agendas.symbols import parse_symbol  # noqa: E402
from publishing.services import publish_agenda  # noqa: E402
from scheduling.models import SlotItem, TimeSlot  # noqa: E402

SIZES = {
    # bodies, sessions per body, published per body (the latest), items per published
    # agenda (top-level items x (1 + sub-items)), items per draft
    "large": {"bodies": 50, "sessions": 200, "published": 40, "top": 50, "subs": 4, "draft": 5},
    "small": {"bodies": 10, "sessions": 20, "published": 4, "top": 50, "subs": 4, "draft": 5},
    # For the test that keeps this script working (tests/test_bench_data.py).
    "tiny": {"bodies": 2, "sessions": 3, "published": 1, "top": 3, "subs": 1, "draft": 1},
}
TODAY = datetime.date(2026, 11, 27)
LANG_FIELDS = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh_hans": "zh_hans"}
GROUPS = [
    ("Working Group on {t}", "Groupe de travail sur {t}", "Grupo de Trabajo sobre {t}",
     "Рабочая группа по теме «{t}»", "الفريق العامل المعني بـ{t}", "{t}问题工作组"),
    ("Expert Group on {t}", "Groupe d’experts sur {t}", "Grupo de Expertos sobre {t}",
     "Группа экспертов по теме «{t}»", "فريق الخبراء المعني بـ{t}", "{t}问题专家组"),
]  # fmt: skip
CITIES = [
    ("Vienna", "Vienne", "Viena", "Вена", "فيينا", "维也纳", "Europe/Vienna"),
    ("Geneva", "Genève", "Ginebra", "Женева", "جنيف", "日内瓦", "Europe/Zurich"),
    ("New York", "New York", "Nueva York", "Нью-Йорк", "نيويورك", "纽约", "America/New_York"),
    ("Nairobi", "Nairobi", "Nairobi", "Найроби", "نيروبي", "内罗毕", "Africa/Nairobi"),
    ("Bangkok", "Bangkok", "Bangkok", "Бангкок", "بانكوك", "曼谷", "Asia/Bangkok"),
]


def translated(name, values):
    return {f"{name}_{lang}": value for lang, value in zip(texts.LANGS, values, strict=True)}


def reset_database():
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())


def make_venues():
    venues = []
    for row in CITIES:
        venue = Venue.objects.create(
            **translated("name", [f"{city} Conference Centre" for city in row[:6]]),
            **translated("city", row[:6]),
            time_zone=row[6],
        )
        Room.objects.create(venue=venue, name_en="Plenary Hall", name_fr="Salle plénière")
        venues.append(venue)
    return venues


def make_bodies(count):
    bodies = []
    for index in range(count):
        topic = texts.TOPICS[index % len(texts.TOPICS)]
        group = GROUPS[(index // len(texts.TOPICS)) % len(GROUPS)]
        names = [
            pattern.format(t=texts.lower_topic(lang, topic[i]) if i < 4 else topic[i])
            for i, (lang, pattern) in enumerate(zip(texts.LANGS, group, strict=True))
        ]
        bodies.append(
            Body(
                **translated("name", names),
                symbol_prefix=f"UNB/WG.{index + 1}",
                slug=f"wg-{index + 1}",
                gathering_term="meeting" if index % 2 else "session",
            )
        )
    return Body.objects.bulk_create(bodies)


def make_sessions(bodies, venues, per_body):
    """Sessions every six weeks up to 15 weeks after TODAY: the last two of each body
    are still to come."""
    sessions = []
    for b, body in enumerate(bodies):
        for number in range(1, per_body + 1):
            weeks_back = (per_body - number) * 6 - 15 + (b % 5)
            start = TODAY - datetime.timedelta(weeks=weeks_back)
            sessions.append(
                Session(
                    body=body,
                    number=number,
                    start_date=start,
                    end_date=start + datetime.timedelta(days=2),
                    venue=venues[(b + number) % len(venues)],
                )
            )
    return Session.objects.bulk_create(sessions, batch_size=2000)


def make_agendas(sessions):
    agendas = [
        Agenda(
            session=session,
            symbol=f"{session.body.symbol_prefix}/{session.start_date.year}/{session.number}",
            slug="annotated-agenda",
            issued_on=session.start_date - datetime.timedelta(days=40),
        )
        for session in sessions
    ]
    return Agenda.objects.bulk_create(agendas, batch_size=2000)


ITEM_COLUMNS = ["id", "uid", "agenda_id", "parent_id", "position", "kind", "title", "annotation"]
ITEM_COLUMNS += [f"title_{lang}" for lang in texts.LANGS]
ITEM_COLUMNS += [f"annotation_{lang}" for lang in texts.LANGS]
# COPY bypasses Django: every other column that must hold a value gets the model's default
# (so a column added to the model later needs no change here).
ITEM_DEFAULTS = {
    field.column: field.get_default()
    for field in AgendaItem._meta.concrete_fields
    if not field.null and field.column not in ITEM_COLUMNS
}


def copy_items(plan, rng):
    """COPY the items of every agenda: ``plan`` is [(agenda, top, subs)]. Returns
    {agenda id: [top-level item ids]}."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM agendas_agendaitem")
        next_id = cursor.fetchone()[0] + 1
    tops = {}
    serial = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(
            f"COPY agendas_agendaitem ({', '.join([*ITEM_COLUMNS, *ITEM_DEFAULTS])}) FROM STDIN"
        ) as copy,
    ):
        for agenda, top_count, subs in plan:
            tops[agenda.pk] = []
            for top in range(top_count):
                parent_id = next_id
                tops[agenda.pk].append(parent_id)
                for sub in range(subs + 1):
                    serial += 1
                    titles, topic = texts.title(rng)
                    notes = texts.annotation(rng, topic, serial)
                    copy.write_row(
                        [
                            next_id,
                            uuid.UUID(int=rng.getrandbits(128), version=4),
                            agenda.pk,
                            None if sub == 0 else parent_id,
                            (top if sub == 0 else sub) * 10 + 10,
                            "item",
                            titles["en"],
                            notes["en"],
                            *(titles[lang] for lang in texts.LANGS),
                            *(notes[lang] for lang in texts.LANGS),
                            *ITEM_DEFAULTS.values(),
                        ]
                    )
                    next_id += 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('agendas_agendaitem', 'id'), %s)", [next_id]
        )
    return tops


def make_documents(published, tops):
    documents, links = [], []
    for agenda in published:
        for index, item_id in enumerate(tops[agenda.pk], start=2):
            session = agenda.session
            number = session.number * 100 + index
            symbol = f"{session.body.symbol_prefix}/{session.start_date.year}/CRP.{number}"
            parsed = parse_symbol(symbol)
            documents.append(
                Document(
                    symbol=symbol,
                    body_prefix=parsed.body_prefix,
                    year=parsed.year,
                    series=parsed.series,
                    number=parsed.number,
                    issued_on=agenda.issued_on,
                    **translated(
                        "title",
                        ["Note by the Secretariat", "Note du Secrétariat", "Nota de la Secretaría",
                         "Записка Секретариата", "مذكرة من الأمانة", "秘书处的说明"],
                    ),
                )
            )  # fmt: skip
            links.append(item_id)
    documents = Document.objects.bulk_create(documents, batch_size=5000)
    purpose = DocumentPurpose.objects.get(code="for-consideration")
    DocumentationLink.objects.bulk_create(
        [
            DocumentationLink(item_id=item_id, document=document, purpose=purpose)
            for item_id, document in zip(links, documents, strict=True)
        ],
        batch_size=5000,
    )


def make_slots(published, tops):
    slots, entries = [], []
    for agenda in published:
        session = agenda.session
        for day in range(3):
            for start, end in ((10, 13), (15, 18)):
                slots.append(
                    TimeSlot(
                        session=session,
                        date=session.start_date + datetime.timedelta(days=day),
                        start_time=datetime.time(start),
                        end_time=datetime.time(end),
                    )
                )
    slots = TimeSlot.objects.bulk_create(slots, batch_size=5000)
    for index, agenda in enumerate(published):
        items = tops[agenda.pk]
        for number, slot in enumerate(slots[index * 6 : index * 6 + 6]):
            chosen = items[number * 8 : number * 8 + 3]
            entries += [
                SlotItem(slot=slot, item_id=item_id, position=p) for p, item_id in enumerate(chosen)
            ]
    SlotItem.objects.bulk_create(entries, batch_size=5000)


def publish_some(agenda_ids):
    connections.close_all()
    started = time.perf_counter()
    for agenda_id in agenda_ids:
        publish_agenda(Agenda.objects.get(pk=agenda_id))
    return len(agenda_ids), time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is emptied).")
    size = SIZES[args.size]
    rng = texts.random_source(11)
    clock = time.perf_counter()

    def step(message):
        print(f"{time.perf_counter() - clock:7.1f} s  {message}", flush=True)

    reset_database()
    step("migrated, seed agenda loaded")
    venues = make_venues()
    bodies = make_bodies(size["bodies"])
    sessions = make_sessions(bodies, venues, size["sessions"])
    agendas = make_agendas(sessions)
    step(f"{len(bodies)} bodies, {len(sessions)} sessions, {len(agendas)} agendas")
    published = [
        agenda
        for agenda, session in zip(agendas, sessions, strict=True)
        if session.number > size["sessions"] - size["published"]
    ]
    chosen = {agenda.pk for agenda in published}
    plan = [
        (agenda, size["top"], size["subs"]) if agenda.pk in chosen else (agenda, size["draft"], 0)
        for agenda in agendas
    ]
    # The first body's latest agenda has 50 items (10 of 4 sub-items): the size of the
    # peer's schedule the benchmark compares with.
    fifty = [agenda for agenda in published if agenda.session.body_id == bodies[0].pk][-1]
    plan = [(a, 10, 4) if a.pk == fifty.pk else (a, top, subs) for a, top, subs in plan]
    tops = copy_items(plan, rng)
    step(f"{sum(top * (subs + 1) for _a, top, subs in plan)} items (COPY)")
    make_documents(published, tops)
    make_slots(published, tops)
    step(f"documents and time slots of {len(published)} agendas")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connections.close_all()
    ids = [agenda.pk for agenda in published]
    shares = [ids[i :: args.processes] for i in range(args.processes)]
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        done = pool.map(publish_some, shares)
    count = sum(n for n, _t in done)
    per = sum(t for _n, t in done) / count
    step(f"{count} agendas published, {per:.2f} s each")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    step("vacuumed and analysed")


if __name__ == "__main__":
    main()
