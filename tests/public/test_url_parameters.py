"""Every parameter of the public URLs, given any input (hypothesis): no server error, and
no write of any kind.

Each address is built from a known published agenda with one or more of its parameters
replaced by generated text, percent-encoded as a browser would send it, so that the
generated part reaches the view behind the parts that resolve. The public site only
reads: after each request every table holds the rows it held before.
"""

import datetime
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publishing.services import publish_agenda
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)
from tests.rows import row_counts

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 8, 31)
ACCEPTED = {200, 301, 302, 400, 404}

fuzz = settings(
    max_examples=100,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(db):
    """A published agenda (with a slot on DAY) and an unpublished draft."""
    body = BodyFactory(slug="wg-prevention")
    session = SessionFactory(body=body, number=11, start_date=DAY)
    agenda = AgendaFactory(session=session, symbol="TEST/WG.9/2020/1")
    item = AgendaItemFactory(agenda=agenda, title_en="Prevention of corruption")
    SlotItemFactory(slot=TimeSlotFactory(session=session, date=DAY), item=item)
    publish_agenda(agenda)
    publish_agenda(agenda)
    AgendaFactory(session=SessionFactory(body=body, number=12), slug="draft-agenda")
    return Client(raise_request_exception=True)


def request_changes_nothing(client, url):
    before = row_counts()
    response = client.get(url)
    assert response.status_code in ACCEPTED, url
    assert row_counts() == before, url
    return response


# Text of every kind, and text that looks almost right (digits, slugs, dates).
segment = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    st.from_regex(r"(special-)?[0-9]{1,6}", fullmatch=True),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def part(text):
    return quote(text, safe="")


language = st.one_of(st.sampled_from(["ar", "zh-hans", "en", "fr", "ru", "es"]), segment)
body = st.one_of(st.just("wg-prevention"), segment)
number = st.one_of(st.sampled_from(["11", "12", "special-11"]), segment)
document = st.one_of(st.sampled_from(["annotated-agenda", "draft-agenda"]), segment)
version = st.one_of(st.sampled_from(["1", "2", "0"]), segment)
date = st.one_of(st.just(DAY.isoformat()), segment)


@fuzz
@given(language=language)
def test_home_under_any_language_prefix(site, language):
    request_changes_nothing(site, f"/{part(language)}/")


@fuzz
@given(language=language, body=body)
def test_body_page(site, language, body):
    request_changes_nothing(site, f"/{part(language)}/bodies/{part(body)}/")


@fuzz
@given(body=body, number=number)
def test_session_page(site, body, number):
    request_changes_nothing(site, f"/en/bodies/{part(body)}/sessions/{part(number)}/")


@fuzz
@given(body=body, number=number, document=document)
def test_agenda_page(site, body, number, document):
    url = f"/en/bodies/{part(body)}/sessions/{part(number)}/{part(document)}/"
    request_changes_nothing(site, url)


@fuzz
@given(number=number, document=document, version=version)
def test_agenda_version_page(site, number, document, version):
    session = f"/en/bodies/wg-prevention/sessions/{part(number)}/"
    url = f"{session}{part(document)}/versions/{part(version)}/"
    request_changes_nothing(site, url)


@fuzz
@given(date=date)
def test_programme_page(site, date):
    request_changes_nothing(site, f"/fr/programme/{part(date)}/")


@fuzz
@given(
    query=st.one_of(st.text(max_size=300), st.sampled_from(["prevention", "TEST/WG.9/2020/1"])),
    page=st.one_of(st.text(max_size=30), st.integers().map(str)),
)
def test_search(site, query, page):
    url = f"/en/search/?q={part(query)}&page={part(page)}"
    response = request_changes_nothing(site, url)
    assert response.status_code == (400 if "\x00" in query + page else 200)


@fuzz
@given(names=st.lists(st.text(max_size=10), max_size=3), value=st.text(max_size=20))
def test_unknown_query_parameters_are_ignored(site, names, value):
    query = "&".join(f"{part(name)}={part(value)}" for name in names)
    response = request_changes_nothing(site, "/en/bodies/wg-prevention/sessions/11/?" + query)
    sent = "".join(names) + (value if names else "")  # no name, no value sent
    assert response.status_code == (400 if "\x00" in sent else 200)


def test_the_draft_is_found_at_no_public_address(site):
    # The generated addresses include the draft's; none of them may show it.
    for url in (
        "/en/bodies/wg-prevention/sessions/12/",
        "/en/bodies/wg-prevention/sessions/12/draft-agenda/",
        "/en/bodies/wg-prevention/sessions/12/draft-agenda/versions/1/",
    ):
        assert request_changes_nothing(site, url).status_code == 404
