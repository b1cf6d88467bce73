"""The public agenda page, end to end through Django: the seed and a 500-item agenda.

Runs on a throw-away in-memory SQLite database with the test settings; each request goes
through the middleware, the URL resolver, the queries and the template, as a delegate's
does (without the network). Also times publishing, which builds the snapshot.
"""

import datetime
import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from _timing import report  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from agendas.models import Agenda, AgendaItem, Body, Session, Venue  # noqa: E402
from publishing.services import publish_agenda  # noqa: E402

LANGUAGES = ("en", "zh-hans", "ar")


def big_agenda():
    """100 items with 4 sub-items each, every text in English and Chinese."""
    body = Body.objects.create(
        name_en="Big Committee", symbol_prefix="BIG/C.1", slug="big", gathering_term="session"
    )
    venue = Venue.objects.get()
    session = Session.objects.create(
        body=body,
        number=70,
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 13),
        venue=venue,
    )
    agenda = Agenda.objects.create(session=session, symbol="BIG/C.1/2026/1", slug="agenda")
    paragraph = "<p>" + "The Committee will consider the report of the Secretary-General. " * 6
    for top in range(100):
        item = AgendaItem.objects.create(
            agenda=agenda,
            position=top,
            title_en=f"Item {top} of the agenda",
            title_zh_hans=f"议程项目 {top}",
            annotation_en=paragraph + "</p>",
        )
        for sub in range(4):
            AgendaItem.objects.create(
                agenda=agenda,
                parent=item,
                position=sub,
                title_en=f"Sub-item {sub}",
                title_zh_hans=f"分项目 {sub}",
                annotation_en=paragraph + "</p>",
            )
    return agenda


def page(client, url):
    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return get


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    agenda = big_agenda()
    publish_agenda(agenda)
    client = Client()

    seed = "/{}/bodies/cosp-wg4/sessions/11/annotated-agenda/"
    big = "/{}/bodies/big/sessions/70/agenda/"
    first = page(client, seed.format("zh-hans"))()
    assert "缔约国会议有关决议的执行情况" in first.content.decode()
    with CaptureQueriesContext(connection) as queries:
        page(client, big.format("en"))()
    print(f"500-item agenda page: {len(queries)} queries")

    for language in LANGUAGES:
        report(f"seed agenda page ({language})", page(client, seed.format(language)), number=20)
    for language in LANGUAGES:
        report(f"500-item agenda page ({language})", page(client, big.format(language)), number=5)
    report("home page (en)", page(client, "/en/"), number=50)
    report("daily programme (en)", page(client, "/en/programme/2020-08-31/"), number=50)
    report("publish the 500-item agenda", lambda: publish_agenda(agenda), number=1, repeat=3)


if __name__ == "__main__":
    main()
