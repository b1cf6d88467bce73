"""Published pages are stored once and served like static files, to the right people.

A stored page is answered with no query at all; it carries an ETag, a Last-Modified and
a Cache-Control a CDN can use, and a conditional request gets a 304. Only a publish of
the agenda (or, for lists, of any agenda) or a new release turns it into a miss. Staff
never get or leave a stored page; languages never share one.
"""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import memcache_key_warnings
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.http import http_date

from public import pagecache
from public.pagecache import address_tag, local_pages, stamp_key, tag_of
from publishing.services import publish_agenda
from tests.factories import AgendaFactory, AgendaItemFactory, BodyFactory, SessionFactory

# The shared stamp of the pages at the agenda address the tests publish.
AGENDA_STAMP = stamp_key(address_tag("wg-cache", "7", "annotated-agenda"))

pytestmark = pytest.mark.django_db

URL = "/{}/bodies/wg-cache/sessions/7/annotated-agenda/"
# Queries of a drawn agenda page (test_pages.AGENDA_PAGE_QUERIES), whoever asks: public
# pages never read the visitor's session or user.
DRAWN = 2


@pytest.fixture
def agenda():
    session = SessionFactory(body=BodyFactory(slug="wg-cache"), number=7)
    agenda = AgendaFactory(session=session, symbol="TEST/WG.7/2020/1")
    AgendaItemFactory(agenda=agenda, title_en="Opening of the meeting", title_fr="Ouverture")
    publish_agenda(agenda)
    return agenda


def get(client, url, assert_queries, count, **headers):
    with assert_queries(count):
        response = client.get(url, headers=headers)
    return response


def test_a_second_visit_is_answered_from_the_store_without_a_query(
    client, agenda, django_assert_num_queries
):
    first = get(client, URL.format("en"), django_assert_num_queries, DRAWN)
    second = get(client, URL.format("en"), django_assert_num_queries, 0)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    version = agenda.versions.get()
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["ETag"] == first["ETag"]
        assert response["Last-Modified"] == http_date(version.published_at.timestamp())
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Content-Language"] == "en"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Content-Length"] == str(len(first.content))
        assert response.cookies == {}


def test_a_conditional_request_gets_a_304_without_a_query(
    client, agenda, django_assert_num_queries
):
    first = client.get(URL.format("en"))

    by_etag = get(
        client, URL.format("en"), django_assert_num_queries, 0, if_none_match=first["ETag"]
    )
    by_date = get(
        client,
        URL.format("en"),
        django_assert_num_queries,
        0,
        if_modified_since=first["Last-Modified"],
    )
    stale = get(client, URL.format("en"), django_assert_num_queries, 0, if_none_match='"other"')

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert stale.status_code == 200


def test_a_drawn_page_also_answers_304(client, agenda, django_assert_num_queries):
    etag = Client().get(URL.format("en"))["ETag"]
    cache.clear()
    local_pages.clear()

    response = get(client, URL.format("en"), django_assert_num_queries, DRAWN, if_none_match=etag)

    assert response.status_code == 304


def test_languages_never_share_a_stored_page(client, agenda):
    english = client.get(URL.format("en")).content.decode()
    french = client.get(URL.format("fr")).content.decode()
    english_again = client.get(URL.format("en")).content.decode()

    assert '<html lang="en" dir="ltr">' in english
    assert '<html lang="fr" dir="ltr">' in french
    assert "Ouverture" in french
    assert "Ouverture" not in english
    assert english_again == english


def test_staff_never_get_a_stored_page(
    client, secretariat_client, agenda, django_assert_num_queries
):
    public = client.get(URL.format("en"))

    staff = get(secretariat_client, URL.format("en"), django_assert_num_queries, DRAWN)

    assert staff.status_code == 200
    assert staff["Cache-Control"] == "private, no-cache"
    assert staff.content == public.content


def test_staff_never_leave_a_stored_page(
    client, secretariat_client, agenda, django_assert_num_queries
):
    secretariat_client.get(URL.format("en"))
    secretariat_client.get(URL.format("en"))

    public = get(client, URL.format("en"), django_assert_num_queries, DRAWN)

    assert public["Cache-Control"] == "public, max-age=60"


def test_anonymous_pages_set_no_cookie_stored_or_not(client, agenda):
    for url in (URL.format("en"), URL.format("en"), "/en/", "/en/", "/en/search/?q=opening"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "Set-Cookie" not in response, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_a_new_publish_of_the_agenda_is_seen_at_once(client, agenda):
    before = client.get(URL.format("en")).content.decode()
    item = agenda.items.get()
    item.title_en = "Opening of the session"
    item.save()
    publish_agenda(agenda)

    after = client.get(URL.format("en")).content.decode()
    earlier = client.get(URL.format("en") + "versions/1/").content.decode()

    assert "Opening of the meeting" in before
    assert "Opening of the session" in after
    assert "Version 2, published on" in after
    assert "This is version 1 of this agenda. It has been superseded." in earlier


def test_publishing_another_agenda_keeps_this_page_and_redraws_the_lists(
    client, agenda, django_assert_num_queries
):
    client.get(URL.format("en"))
    client.get("/en/")
    other = AgendaFactory(session=SessionFactory(body=BodyFactory(slug="other-body")))
    AgendaItemFactory(agenda=other)
    publish_agenda(other)

    get(client, URL.format("en"), django_assert_num_queries, 0)
    home = client.get("/en/").content.decode()

    assert "/en/bodies/other-body/" in home


def test_a_session_written_with_leading_zeros_leads_to_its_one_address(client, agenda):
    """No second copy to cache (and forget to drop on publish): "007" sends to "7"."""
    padded = "/en/bodies/wg-cache/sessions/007/annotated-agenda/"
    response = client.get(padded)
    assert (response.status_code, response["Location"]) == (
        301,
        "/en/bodies/wg-cache/sessions/7/annotated-agenda/",
    )
    assert "Opening of the meeting" in client.get(padded, follow=True).content.decode()
    item = agenda.items.get()
    item.title_en = "Opening of the session"
    item.save()
    publish_agenda(agenda)

    assert "Opening of the session" in client.get(padded, follow=True).content.decode()


def test_a_new_release_never_serves_pages_of_the_old_one(
    client, agenda, settings, django_assert_num_queries
):
    settings.RELEASE = "release-1"
    client.get(URL.format("en"))
    get(client, URL.format("en"), django_assert_num_queries, 0)

    settings.RELEASE = "release-2"

    get(client, URL.format("en"), django_assert_num_queries, DRAWN)


def test_the_moved_agenda_old_address_redirects_after_the_next_publish(client, agenda):
    assert client.get(URL.format("en")).status_code == 200
    body = agenda.session.body
    body.slug = "wg-moved"
    body.save()
    publish_agenda(agenda)

    response = client.get(URL.format("en"))

    assert response.status_code == 301
    assert response["Location"] == "/en/bodies/wg-moved/sessions/7/annotated-agenda/"


def test_query_strings_are_pages_of_their_own(client, agenda):
    plain = client.get(URL.format("en")).content.decode()
    tagged = client.get(URL.format("en") + "?from=newsletter").content.decode()

    assert 'href="/fr/bodies/wg-cache/sessions/7/annotated-agenda/"' in plain
    assert 'href="/fr/bodies/wg-cache/sessions/7/annotated-agenda/?from=newsletter"' in tagged


def test_pages_stored_yesterday_are_drawn_again_today(client, monkeypatch):
    # Home lists current and upcoming sessions: what is current changes at midnight.
    today = timezone.localdate()
    session = SessionFactory(body=BodyFactory(slug="today"), start_date=today, end_date=today)
    agenda = AgendaFactory(session=session)
    AgendaItemFactory(agenda=agenda)
    publish_agenda(agenda)
    home = client.get("/en/").content.decode()

    monkeypatch.setattr(timezone, "localdate", lambda: today + datetime.timedelta(days=1))
    tomorrow = client.get("/en/").content.decode()

    upcoming = '<section aria-labelledby="upcoming-heading">'
    assert "/en/bodies/today/" in home[home.index(upcoming) :].split("</section>")[0]
    assert "/en/bodies/today/" not in tomorrow[tomorrow.index(upcoming) :].split("</section>")[0]


def test_other_workers_see_a_publish_once_their_stamps_are_older_than_a_second(
    client, agenda, monkeypatch, django_assert_num_queries
):
    client.get(URL.format("en"))
    # Another process publishes the agenda: the shared stamp changes, not this one's.
    cache.set(AGENDA_STAMP, "renewed elsewhere", None)

    get(client, URL.format("en"), django_assert_num_queries, 0)
    later = time.monotonic() + 1.5
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)

    get(client, URL.format("en"), django_assert_num_queries, DRAWN)


def test_with_no_local_trust_every_request_reads_the_shared_stamp(
    client, agenda, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    client.get(URL.format("en"))
    get(client, URL.format("en"), django_assert_num_queries, 0)
    cache.set(AGENDA_STAMP, "renewed elsewhere", None)

    get(client, URL.format("en"), django_assert_num_queries, DRAWN)


def test_a_worker_keeps_its_latest_pages_within_its_size(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 10
    pages = pagecache.LocalPages()
    pages.put("a", ("s", b"1234"))
    pages.put("b", ("s", b"1234"))
    pages.get("a")
    pages.put("c", ("s", b"1234"))
    pages.put("huge", ("s", b"12345678901"))

    assert list(pages.pages) == ["a", "c"]
    assert pages.size == 8


@override_settings(ROOT_URLCONF="tests.public.csrf_urls")
def test_a_page_with_a_csrf_token_is_never_stored():
    first, second = Client(), Client()

    mine = first.get("/form/")
    theirs = second.get("/form/")
    again = first.get("/form/")

    assert mine.content != theirs.content
    assert mine.cookies["csrftoken"].value != theirs.cookies["csrftoken"].value
    assert again.content.decode().startswith("token:")
    assert again.content != theirs.content


def test_the_stamp_key_of_any_address_asked_for_suits_every_cache_backend():
    # An address of any characters matches the agenda pattern; its stamp is looked up.
    tag = tag_of("/en/bodies/\x01 \u00eb\U0005e0f5/sessions/475130/" + "x" * 300 + "/")

    assert tag != pagecache.SITE
    assert list(memcache_key_warnings(stamp_key(tag))) == []
    assert stamp_key(tag) != AGENDA_STAMP
