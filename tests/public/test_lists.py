"""Home and body pages stay small at any size: current and upcoming sessions, then the
latest earlier ones under their years, and every year with a page of its own."""

import datetime

import pytest
from django.utils import timezone

from public import views
from publishing.services import publish_agenda
from tests.factories import AgendaFactory, AgendaItemFactory, BodyFactory, SessionFactory

pytestmark = pytest.mark.django_db


def publish(body, number, start):
    session = SessionFactory(body=body, number=number, start_date=start, end_date=start)
    agenda = AgendaFactory(session=session, symbol=f"{body.symbol_prefix}/{number}/1")
    AgendaItemFactory(agenda=agenda)
    return publish_agenda(agenda)


@pytest.fixture
def sessions():
    """Two sessions a year of one body from 2018 to 2020, and two upcoming ones."""
    body = BodyFactory(slug="wg", name_en="Working Group")
    today = timezone.localdate()
    dates = [datetime.date(year, month, 1) for year in (2018, 2019, 2020) for month in (3, 9)]
    dates += [today + datetime.timedelta(days=30), today + datetime.timedelta(days=60)]
    return [publish(body, number, start) for number, start in enumerate(dates, start=1)]


def links(html, start, end=None):
    part = html[html.index(start) : html.index(end) if end else None]
    return [chunk.split('"')[0] for chunk in part.split('<a href="')[1:]]


def test_home_shows_a_few_sessions_of_each_kind_and_every_year(client, sessions, monkeypatch):
    monkeypatch.setattr(views, "LISTED_DOCUMENTS", 1)

    html = client.get("/en/").content.decode()

    upcoming = [
        url
        for url in links(html, 'id="upcoming-heading"', 'id="earlier-heading"')
        if url != "/en/bodies/wg/"
    ]
    assert upcoming == [sessions[6].get_absolute_url(), "#years-heading"]
    earlier = html[html.index('aria-labelledby="earlier-heading"') :]
    assert '<h3 class="year-heading">2020</h3>' in earlier
    assert sessions[5].get_absolute_url() in earlier
    assert sessions[4].get_absolute_url() not in earlier
    years = sorted({version.start_date.year for version in sessions}, reverse=True)
    assert links(html, 'id="years-heading"') == [f"/en/years/{year}/" for year in years]
    assert '<a href="/en/years/2019/">2019</a> <span class="years__count">(2)</span>' in html


def test_a_year_page_lists_that_year_in_pages(
    client, sessions, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(views, "YEAR_PAGE_SIZE", 1)

    with django_assert_num_queries(2):
        first = client.get("/en/years/2019/").content.decode()
    second = client.get("/en/years/2019/?page=2").content.decode()

    assert sessions[2].get_absolute_url() in first
    assert sessions[3].get_absolute_url() not in first
    assert '<a href="?page=2" rel="next">Next page</a>' in first
    assert sessions[3].get_absolute_url() in second
    assert '<a href="?page=1" rel="prev">Previous page</a>' in second
    assert "<h1>Sessions of 2019</h1>" in first


def test_a_body_page_shows_its_years_and_a_body_year_page_its_sessions(
    client, sessions, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(views, "LISTED_DOCUMENTS", 1)

    body = client.get("/en/bodies/wg/").content.decode()
    with django_assert_num_queries(2):
        year = client.get("/en/bodies/wg/years/2018/").content.decode()

    assert '<a href="/en/bodies/wg/years/2018/">2018</a>' in body
    assert sessions[6].get_absolute_url() in body
    assert sessions[0].get_absolute_url() not in body
    assert [s.get_absolute_url() in year for s in sessions] == [True, True] + [False] * 6
    assert "<title>Sessions of 2018 – Working Group" in year


@pytest.mark.parametrize("count", [1, 3])
def test_year_pages_cost_the_same_for_one_session_or_three(
    client, django_assert_num_queries, count
):
    body = BodyFactory(slug="wg")
    for number in range(1, count + 1):
        publish(body, number, datetime.date(2019, number, 1))

    for url in ("/en/years/2019/", "/en/bodies/wg/years/2019/"):
        with django_assert_num_queries(2):
            response = client.get(url)
        assert response.content.decode().count('class="session-list__place"') == count
