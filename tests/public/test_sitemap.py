import re

import pytest

from publishing.services import publish_agenda

from ..factories import AgendaFactory, AgendaItemFactory, BodyFactory, SessionFactory

pytestmark = pytest.mark.django_db


def locations(response):
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def publish_session(number, slug):
    agenda = AgendaFactory(session=SessionFactory(body=BodyFactory(slug=slug), number=number))
    AgendaItemFactory(agenda=agenda)
    return publish_agenda(agenda)


def test_sitemap_lists_live_agendas_in_six_languages_and_no_draft(client):
    publish_session(11, "wg-prevention")
    draft = AgendaFactory(session=SessionFactory(body=BodyFactory(slug="draft-body"), number=3))
    AgendaItemFactory(agenda=draft)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert locations(response) == [
        f"http://testserver/{lang}/" for lang in ("ar", "zh-hans", "en", "fr", "ru", "es")
    ] + [
        f"http://testserver/{lang}/bodies/wg-prevention/sessions/11/annotated-agenda/"
        for lang in ("ar", "zh-hans", "en", "fr", "ru", "es")
    ]
    assert (
        '<xhtml:link rel="alternate" hreflang="zh-hans" '
        'href="http://testserver/zh-hans/bodies/wg-prevention/sessions/11/annotated-agenda/"/>'
    ) in response.content.decode()


@pytest.mark.parametrize("sessions", [1, 3])
def test_sitemap_query_count_does_not_grow_with_sessions(
    client, django_assert_num_queries, sessions
):
    for number in range(sessions):
        publish_session(number + 1, f"body-{number}")
    with django_assert_num_queries(1):
        response = client.get("/sitemap.xml")
    assert len(locations(response)) == 6 * (1 + sessions)
