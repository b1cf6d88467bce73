"""The public site shows what was published, as it was published, and nothing else.

Renaming a body, moving a session or renaming its venue in the admin changes no public
byte until the next publish; a change of code or catalogue changes no published
version; after a publish that moves an agenda, its old addresses lead to the new one.
"""

import dataclasses
import datetime

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import languages
from languages import base
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from publishing.snapshot import UnreadableSnapshot
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    DocumentationLinkFactory,
    DocumentFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 8, 31)


@pytest.fixture
def live():
    body = BodyFactory(name_en="Working Group on Prevention", slug="wg-prevention")
    venue = VenueFactory(name_en="Vienna International Centre", city_en="Vienna")
    session = SessionFactory(body=body, number=11, venue=venue, start_date=DAY)
    agenda = AgendaFactory(session=session, symbol="TEST/WG.9/2020/1")
    item = AgendaItemFactory(agenda=agenda, title_en="Prevention of corruption")
    DocumentationLinkFactory(item=item, document=DocumentFactory(symbol="TEST/WG.9/2020/2"))
    SlotItemFactory(slot=TimeSlotFactory(session=session, date=DAY), item=item)
    publish_agenda(agenda)
    return agenda


def public_pages(client):
    """Every public page that shows the live agenda, as bytes, in two languages, drawn
    afresh (no stored page)."""
    cache.clear()
    pages = {}
    for language in ("en", "zh-hans"):
        with translation.override(language):
            urls = [
                reverse("public:home"),
                reverse("public:body", kwargs={"body": "wg-prevention"}),
                reverse("public:session", kwargs={"body": "wg-prevention", "session": 11}),
                reverse(
                    "public:agenda",
                    kwargs={"body": "wg-prevention", "session": 11, "document": "annotated-agenda"},
                ),
                reverse("public:programme", kwargs={"date": DAY}),
                reverse("public:search") + "?q=prevention",
                reverse("public:search") + "?q=TEST/WG.9/2020/2",
            ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content
    for sitemap in ("/sitemap.xml", "/sitemap-home.xml", "/sitemap-agendas-1.xml"):
        pages[sitemap] = client.get(sitemap).content
    return pages


def test_draft_edits_of_every_kind_change_no_public_byte(client, live):
    before = public_pages(client)
    session = live.session
    body = session.body
    body.name_en = "Renamed Working Group"
    body.slug = "renamed-group"
    body.save()
    session.number = 12
    session.start_date = datetime.date(2020, 9, 7)
    session.end_date = datetime.date(2020, 9, 9)
    session.save()
    session.venue.name_en = "Another centre"
    session.venue.city_en = "Geneva"
    session.venue.save()
    live.symbol = "TEST/WG.9/2020/1/Rev.1"
    live.slug = "renamed-agenda"
    live.save()
    item = live.items.get()
    item.title_en = "Unpublished wording"
    item.save()

    assert public_pages(client) == before


def test_after_the_next_publish_the_old_address_leads_to_the_new_one(client, live):
    body = live.session.body
    body.slug = "renamed-group"
    body.save()
    version = publish_agenda(live)

    old = client.get("/en/bodies/wg-prevention/sessions/11/annotated-agenda/")

    assert old.status_code == 301
    assert old["Location"] == "/en/bodies/renamed-group/sessions/11/annotated-agenda/"
    assert old["Location"] == version.get_absolute_url()
    assert client.get(old["Location"]).status_code == 200
    # Earlier versions stay readable at the address they were published at.
    first = client.get("/en/bodies/wg-prevention/sessions/11/annotated-agenda/versions/1/")
    assert first.status_code == 200
    assert "This is version 1 of this agenda. It has been superseded." in first.content.decode()


def test_a_published_version_does_not_change_when_code_or_templates_do(
    client, live, monkeypatch, settings
):
    url = "/en/bodies/wg-prevention/sessions/11/annotated-agenda/"
    before = client.get(url).content.decode()
    assert "<li>Distr.: General</li><li>24 July 2020</li>" in before
    english = languages.get("en")
    changed = dataclasses.replace(english, date="{year}-{month}-{day}")
    monkeypatch.setattr(base, "_load", lambda path: changed if path == "languages.en" else None)
    monkeypatch.setattr("publishing.rendering.DOCUMENT_TEMPLATE", "public/search.html")
    assert languages.get("en").format_date(DAY) == "2020-August-31"
    # New code is a new release: pages stored by the old one are not served.
    settings.RELEASE = "the-next-release"

    after = client.get(url).content.decode()
    # The document is as frozen; only the site around it (the versions box) is drawn now.
    assert document_of(after) == document_of(before)
    assert "published on 2020-" not in document_of(after)
    assert "Version 1, published on 20" in after


def document_of(html):
    start = html.index('<article class="document"')
    return html[start : html.index("</article>", start)]


def test_a_record_of_an_unknown_schema_is_refused_not_misread(client, live):
    PublishedVersion.objects.update(content={"schema": 99})

    with pytest.raises(UnreadableSnapshot, match="schema 99 cannot be read"):
        client.get("/en/bodies/wg-prevention/sessions/11/annotated-agenda/")


def test_the_database_allows_one_live_version_per_agenda(live):
    second = publish_agenda(live)
    first = PublishedVersion.objects.get(agenda=live, number=1)
    assert (first.is_current, second.is_current) == (False, True)

    with pytest.raises(IntegrityError), transaction.atomic():
        PublishedVersion.objects.filter(pk=first.pk).update(is_current=True)


def test_superseded_versions_are_hidden_from_home_sitemap_and_search(client, live):
    item = live.items.get()
    item.title_en = "Prevention, revised"
    item.save()
    publish_agenda(live)

    home = client.get("/en/").content.decode()
    sitemap = client.get("/sitemap-agendas-1.xml").content.decode()
    search = client.get("/en/search/", {"q": "prevention"}).content.decode()

    assert home.count("/en/bodies/wg-prevention/sessions/11/annotated-agenda/") == 1
    assert "versions/1/" not in home + sitemap + search
    assert sitemap.count("<loc>http://testserver/en/bodies/wg-prevention/") == 1
    assert "Prevention, revised" in search
    assert "Prevention of corruption" not in search


def test_each_agenda_document_of_a_session_has_its_own_address(client):
    session = SessionFactory(number=3)
    provisional = AgendaFactory(
        session=session, kind="provisional", slug="provisional-agenda", symbol="TEST/C.1/2020/1"
    )
    annotations = AgendaFactory(session=session, slug="annotations", symbol="TEST/C.1/2020/1/Add.1")
    AgendaItemFactory(agenda=provisional, title_en="Adoption of the agenda")
    AgendaItemFactory(agenda=annotations, title_en="Adoption of the agenda, annotated")
    first, second = publish_agenda(provisional), publish_agenda(annotations)
    slug = session.body.slug

    session_page = client.get(f"/en/bodies/{slug}/sessions/3/").content.decode()
    home = client.get("/en/").content.decode()

    assert first.get_absolute_url() == f"/en/bodies/{slug}/sessions/3/provisional-agenda/"
    assert second.get_absolute_url() == f"/en/bodies/{slug}/sessions/3/annotations/"
    for version, title in ((first, "Provisional agenda"), (second, "Annotated provisional agenda")):
        page = client.get(version.get_absolute_url()).content.decode()
        assert f'<h1 id="document-title" class="document__title">{title}</h1>' in page
        assert f'<a href="{version.get_absolute_url()}">{title}</a>' in session_page
    # With two documents the session links to its own page, which lists both.
    assert f'<a href="/en/bodies/{slug}/sessions/3/">Third meeting</a>' in home


@override_settings(LANGUAGE_CODE="en")
def test_a_session_with_one_document_links_straight_to_it(client, live):
    home = client.get("/en/").content.decode()

    assert (
        '<a href="/en/bodies/wg-prevention/sessions/11/annotated-agenda/">Eleventh meeting</a>'
        in home
    )
