import re

import pytest

from public import sitemaps
from publishing.services import publish_agenda

from ..factories import AgendaFactory, AgendaItemFactory, BodyFactory, SessionFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")


def locations(response):
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def publish_session(number, slug, **session):
    agenda = AgendaFactory(
        session=SessionFactory(body=BodyFactory(slug=slug), number=number, **session)
    )
    AgendaItemFactory(agenda=agenda)
    return publish_agenda(agenda)


def test_the_index_names_the_home_file_and_one_file_per_page_of_agendas(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "AGENDAS_PER_FILE", 2)
    for number in range(1, 4):
        publish_session(number, f"body-{number}")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response.content.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<sitemap><loc>http://testserver/sitemap-home.xml</loc></sitemap>\n"
        "<sitemap><loc>http://testserver/sitemap-agendas-1.xml</loc></sitemap>\n"
        "<sitemap><loc>http://testserver/sitemap-agendas-2.xml</loc></sitemap>\n"
        "</sitemapindex>\n"
    )
    assert len(locations(client.get("/sitemap-agendas-1.xml"))) == 2 * 6
    assert len(locations(client.get("/sitemap-agendas-2.xml"))) == 1 * 6
    assert client.get("/sitemap-agendas-3.xml").status_code == 404
    assert client.get("/sitemap-agendas-0.xml").status_code == 404


def test_home_is_listed_in_six_languages(client):
    response = client.get("/sitemap-home.xml")

    assert locations(response) == [f"http://testserver/{lang}/" for lang in LANGUAGES]
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/"/>'
        in response.content.decode()
    )


def test_agendas_are_listed_in_six_languages_with_alternates_and_no_draft(client):
    version = publish_session(11, "wg-prevention")
    special = publish_session(2, "wg-special", is_special=True)
    draft = AgendaFactory(session=SessionFactory(body=BodyFactory(slug="draft-body"), number=3))
    AgendaItemFactory(agenda=draft)

    response = client.get("/sitemap-agendas-1.xml")

    path = "bodies/wg-prevention/sessions/11/annotated-agenda/"
    assert locations(response) == [f"http://testserver/{lang}/{path}" for lang in LANGUAGES] + [
        f"http://testserver/{lang}/bodies/wg-special/sessions/special-2/annotated-agenda/"
        for lang in LANGUAGES
    ]
    first = response.content.decode().split("\n")[2]
    date = version.published_at.date().isoformat()
    assert first == (
        f"<url><loc>http://testserver/ar/{path}</loc><lastmod>{date}</lastmod>"
        "<changefreq>daily</changefreq><priority>0.8</priority>"
        + "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="http://testserver/{lang}/{path}"/>'
            for lang in LANGUAGES
        )
        + f'<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/{path}"/>'
        "</url>"
    )
    assert (
        special.get_absolute_url() == "/en/bodies/wg-special/sessions/special-2/annotated-agenda/"
    )


@pytest.mark.parametrize("sessions", [1, 3])
def test_sitemap_query_counts_do_not_grow_with_sessions(
    client, django_assert_num_queries, sessions
):
    for number in range(sessions):
        publish_session(number + 1, f"body-{number}")
    with django_assert_num_queries(1):
        client.get("/sitemap.xml")
    with django_assert_num_queries(0):
        client.get("/sitemap-home.xml")
    with django_assert_num_queries(1):
        response = client.get("/sitemap-agendas-1.xml")
    assert len(locations(response)) == 6 * sessions


def test_sitemaps_are_stored_until_the_next_publish(client, django_assert_num_queries):
    publish_session(1, "body-1")
    client.get("/sitemap.xml")
    client.get("/sitemap-agendas-1.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap-agendas-1.xml").status_code == 200

    publish_session(2, "body-2")

    assert len(locations(client.get("/sitemap-agendas-1.xml"))) == 12
