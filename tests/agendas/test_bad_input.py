"""Bad input never crashes and never half-writes: session numbers, NUL bytes, date filters.

- A session is numbered 1 to 9999: the admin, the service and the database each refuse
  0 and 10000.
- A parameter holding a NUL character is answered with 400 and a reason before any view
  sees it (``config.middleware.RejectNulMiddleware``): PostgreSQL cannot compare text
  with NUL, so it would otherwise fail as a server error.
- A date drill-down or date filter in the admin with a date no calendar holds is treated
  as Django treats any wrong lookup: a redirect to the list with ``?e=1``
  (``agendas.admin_filters``). The last period a date can be in (year 9999, its December,
  its 31 December) is still shown.
"""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client, RequestFactory
from django.urls import reverse

from agendas import services
from agendas.admin_filters import SafeDateChangeList, SafeDateFiltersMixin
from agendas.models import Document, Session
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from scheduling.models import TimeSlot
from tests.admin_helpers import form_data
from tests.factories import (
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    SessionFactory,
    TimeSlotFactory,
    VenueFactory,
)

TOO_LOW = "Ensure this value is greater than or equal to 1."
TOO_HIGH = "Ensure this value is less than or equal to 9999."
NUL_REFUSAL = "The request contains a NUL character, which no text here can hold."


@pytest.fixture
def crash_client(secretariat):
    """A logged-in client that answers a server error with 500 instead of raising it."""
    client = Client(raise_request_exception=False)
    client.force_login(secretariat)
    return client


# -- Session numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "message"), [(0, TOO_LOW), (10000, TOO_HIGH)])
def test_the_session_add_form_refuses_a_number_out_of_range(secretariat_client, number, message):
    body, venue = BodyFactory(), VenueFactory()
    url = reverse("admin:agendas_session_add")
    data = form_data(secretariat_client.get(url))
    data.update(
        {
            "body": body.pk,
            "number": number,
            "start_date": "2020-08-31",
            "end_date": "2020-09-02",
            "venue": venue.pk,
        }
    )
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"number": [message]}
    assert Session.objects.count() == 0


@pytest.mark.parametrize(("number", "message"), [(0, TOO_LOW), (10000, TOO_HIGH)])
def test_the_session_change_form_refuses_a_number_out_of_range(secretariat_client, number, message):
    session = SessionFactory(number=11)
    url = reverse("admin:agendas_session_change", args=[session.pk])
    data = form_data(secretariat_client.get(url))
    data["number"] = number
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"number": [message]}
    session.refresh_from_db()
    assert session.number == 11


def test_the_session_forms_accept_the_first_and_the_last_number(secretariat_client):
    session = SessionFactory(number=11)
    url = reverse("admin:agendas_session_change", args=[session.pk])
    for number in (1, 9999):
        data = form_data(secretariat_client.get(url))  # the page as saved last
        data["number"] = number
        response = secretariat_client.post(url, data)
        assert response.status_code == 302
        session.refresh_from_db()
        assert session.number == number


@pytest.mark.parametrize(("number", "message"), [(0, TOO_LOW), (10000, TOO_HIGH)])
def test_save_session_refuses_a_number_out_of_range(db, number, message):
    session = Session(
        body=BodyFactory(),
        number=number,
        start_date=datetime.date(2020, 8, 31),
        end_date=datetime.date(2020, 9, 2),
        venue=VenueFactory(),
    )
    with pytest.raises(ValidationError) as error:
        services.save_session(session)
    assert error.value.message_dict == {"number": [message]}
    assert Session.objects.count() == 0


@pytest.mark.parametrize(("number", "message"), [(0, TOO_LOW), (10000, TOO_HIGH)])
def test_save_session_refuses_to_renumber_out_of_range(db, number, message):
    session = SessionFactory(number=11)
    session.number = number
    with pytest.raises(ValidationError) as error:
        services.save_session(session)
    assert error.value.message_dict == {"number": [message]}
    session.refresh_from_db()
    assert session.number == 11


@pytest.mark.parametrize("number", [0, 10000])
def test_the_database_refuses_a_session_number_out_of_range(db, number):
    session = SessionFactory(number=11)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(number=number)
    session.refresh_from_db()
    assert session.number == 11


# -- NUL characters --------------------------------------------------------------------------


def assert_refused_for_nul(response):
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == NUL_REFUSAL


def test_public_search_refuses_a_nul_character(client, db):
    assert_refused_for_nul(client.get("/en/search/?q=a%00b"))


def test_public_search_without_nul_still_answers(client, db):
    response = client.get("/en/search/?q=corruption")
    assert response.status_code == 200
    assert response.context["query"] == "corruption"


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",  # the search box
        "series=%00",  # a list filter
        "body_prefix=CAC%00",
        "%00=1",  # a parameter's name
    ],
)
def test_admin_change_lists_refuse_a_nul_character(secretariat_client, query):
    assert_refused_for_nul(secretariat_client.get(f"/admin/agendas/document/?{query}"))


def test_admin_change_list_without_nul_still_answers(secretariat_client):
    assert secretariat_client.get("/admin/agendas/document/?q=CAC").status_code == 200


def test_an_admin_form_posted_with_a_nul_character_writes_nothing(secretariat_client):
    url = reverse("admin:agendas_document_add")
    data = form_data(secretariat_client.get(url))
    data.update({"symbol": "CAC/COSP/2020/1", "title_en": "Report\x00 of the meeting"})
    assert_refused_for_nul(secretariat_client.post(url, data))
    assert Document.objects.count() == 0


def test_an_admin_change_posted_with_a_nul_character_changes_nothing(secretariat_client):
    session = SessionFactory(number=11)
    url = reverse("admin:agendas_session_change", args=[session.pk])
    data = form_data(secretariat_client.get(url))
    data.update({"number": 12, "start_date": "2020-08-31\x00"})
    assert_refused_for_nul(secretariat_client.post(url, data))
    session.refresh_from_db()
    assert session.number == 11


# -- Date drill-downs and date filters in the admin ------------------------------------------

SESSIONS = "/admin/agendas/session/"
SLOTS = "/admin/scheduling/timeslot/"
VERSIONS = "/admin/publishing/publishedversion/"

# Each was a server error (OverflowError) or a redirect to ?e=1; each is now the redirect.
NO_DATE = [
    (SESSIONS, "start_date__year=99999999999999999999"),
    (SESSIONS, "start_date__year=10000"),
    (SESSIONS, "start_date__year=0"),
    (SESSIONS, "start_date__year=-1"),
    (SESSIONS, "start_date__year=twenty"),
    (SESSIONS, "start_date__year=2020&start_date__month=13"),
    (SESSIONS, "start_date__year=2020&start_date__month=99999999999999999999"),
    (SESSIONS, "start_date__year=2020&start_date__month=2&start_date__day=30"),
    (SESSIONS, "start_date__year=9999&start_date__month=12&start_date__day=32"),
    (SESSIONS, "start_date__gte=99999-01-01"),
    # Typed into the address: these failed only when the query was made into SQL.
    (SESSIONS, "start_date__year__gt=99999999999999999999"),
    (SESSIONS, "start_date__year__gte=10000"),
    (SESSIONS, "start_date__year__lt=0"),
    (SESSIONS, "end_date__year=99999999999999999999"),
    (SLOTS, "date__year=99999999999999999999"),
    (SLOTS, "date__year=10000"),
    (SLOTS, "date__year=0"),
    (SLOTS, "date__year=2020&date__month=13"),
    (SLOTS, "date__gte=99999-01-01"),
    (SLOTS, "date__gte=2020-01-01&date__lt=10000-01-01"),
    (VERSIONS, "published_at__year=99999999999999999999"),
    (VERSIONS, "published_at__year=10000"),
    (VERSIONS, "published_at__year=0"),
    (VERSIONS, "published_at__year=2020&published_at__month=13"),
    (VERSIONS, "published_at__gte=99999-01-01"),
]

# The last period a date can be in: its end is in year 10000, which Django could not
# compute (ValueError or OverflowError, a server error). Now shown.
LAST_PERIOD = [
    (SESSIONS, "start_date__year=9999"),
    (SESSIONS, "start_date__year=9999&start_date__month=12"),
    (SESSIONS, "start_date__year=9999&start_date__month=12&start_date__day=31"),
    (SLOTS, "date__year=9999"),
    (SLOTS, "date__year=9999&date__month=12"),
    (SLOTS, "date__year=9999&date__month=12&date__day=31"),
    (VERSIONS, "published_at__year=9999"),
    (VERSIONS, "published_at__year=9999&published_at__month=12"),
    (VERSIONS, "published_at__year=9999&published_at__month=12&published_at__day=31"),
]


@pytest.fixture
def dated_rows(db):
    """A session, a slot and a published version in 2020 and on 31 December 9999."""
    now = SessionFactory()
    TimeSlotFactory(session=now)
    last = SessionFactory(
        start_date=datetime.date(9999, 12, 31), end_date=datetime.date(9999, 12, 31)
    )
    TimeSlotFactory(session=last)
    agenda = AgendaFactory(session=now)
    AgendaEditionFactory(agenda=agenda)
    AgendaItemFactory(agenda=agenda)
    version = publish_agenda(agenda)
    PublishedVersion.objects.filter(pk=version.pk).update(
        published_at=datetime.datetime(9999, 12, 31, 12, tzinfo=datetime.UTC)
    )
    return {"now": now, "last": last}


@pytest.mark.parametrize(("url", "query"), NO_DATE)
def test_a_date_filter_with_no_such_date_redirects_to_the_list(
    crash_client, dated_rows, url, query
):
    response = crash_client.get(f"{url}?{query}")
    assert (response.status_code, response["Location"]) == (302, f"{url}?e=1")
    assert crash_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("url", "query"), LAST_PERIOD)
def test_the_last_period_a_date_can_be_in_is_listed(crash_client, dated_rows, url, query):
    response = crash_client.get(f"{url}?{query}")
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1


def test_the_last_year_lists_only_what_is_in_it(crash_client, dated_rows):
    response = crash_client.get(f"{SESSIONS}?start_date__year=9999")
    assert list(response.context["cl"].result_list) == [dated_rows["last"]]
    response = crash_client.get(f"{SLOTS}?date__year=9999&date__month=12&date__day=31")
    assert list(response.context["cl"].result_list) == list(
        TimeSlot.objects.filter(session=dated_rows["last"])
    )


def test_a_year_in_range_is_still_bounded_as_django_does(crash_client, dated_rows):
    response = crash_client.get(f"{SESSIONS}?start_date__year=2020")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [dated_rows["now"]]


@pytest.mark.parametrize("query", ["year=99999999999999999999", "year=100000", "year__exact=-1"])
def test_an_integer_filter_out_of_range_lists_nothing(crash_client, query):
    Document.objects.create(symbol="CAC/COSP/2020/1", title_en="Report")
    response = crash_client.get(f"/admin/agendas/document/?{query}")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize("model", [Session, TimeSlot, PublishedVersion])
def test_every_admin_with_a_date_hierarchy_uses_the_safe_change_list(model, rf):
    model_admin = admin.site._registry[model]
    assert model_admin.date_hierarchy
    assert isinstance(model_admin, SafeDateFiltersMixin)
    assert issubclass(model_admin.get_changelist(rf.get("/")), SafeDateChangeList)


# The mixin on its own, whatever admin it is wired into.


def safe_session_admin():
    base = type(admin.site._registry[Session])
    if not issubclass(base, SafeDateFiltersMixin):  # before it is wired in
        base = type("SafeSessionAdmin", (SafeDateFiltersMixin, base), {})
    return base(Session, admin.site)


def change_list(secretariat, query):
    request = RequestFactory().get(SESSIONS, query)
    request.user = secretariat
    return safe_session_admin().get_changelist_instance(request)


@pytest.mark.parametrize(
    "query",
    [
        {"start_date__year": "99999999999999999999"},
        {"start_date__year": "10000"},
        {"start_date__year": "2020", "start_date__month": "13"},
        {"start_date__year": "2020", "start_date__month": ""},
    ],
)
def test_the_mixin_makes_an_impossible_date_a_wrong_lookup(secretariat, query):
    with pytest.raises(IncorrectLookupParameters):
        change_list(secretariat, query)


def test_the_mixin_lists_the_last_year(secretariat):
    SessionFactory(start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 1, 2))
    last = SessionFactory(
        start_date=datetime.date(9999, 12, 30), end_date=datetime.date(9999, 12, 31)
    )
    for query in (
        {"start_date__year": "9999"},
        {"start_date__year": "9999", "start_date__month": "12"},
        {"start_date__year": "9999", "start_date__month": "12", "start_date__day": "30"},
    ):
        assert list(change_list(secretariat, query).result_list) == [last]
    # The hierarchy is back on the change list for the drill-down links.
    assert change_list(secretariat, {"start_date__year": "9999"}).date_hierarchy == "start_date"
