"""A body numbers each kind of its resolutions once, with or without a session number.

The unique constraint used to list ``session_number`` as a plain column; two rows
without one were both accepted, because NULL is distinct from NULL. It now compares
``Coalesce(session_number, 0)``, and no session is numbered 0, so the service, the admin
and the database all refuse the second "resolution 5" of a body.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from resolutions import services
from resolutions.models import Resolution
from tests.admin_helpers import form_data
from tests.factories import BodyFactory, ResolutionFactory

DUPLICATE = "This body already has a resolution or decision with this number."
SESSION_ZERO = "Ensure this value is greater than or equal to 1."


@pytest.fixture
def body(db):
    return BodyFactory(symbol_prefix="S", short_name_en="Security Council")


def resolution(body, **fields):
    values = {
        "kind": Resolution.Kind.RESOLUTION,
        "session_number": None,
        "number": 5,
        "title_en": "Title",
    }
    return Resolution(body=body, **{**values, **fields})


def test_save_resolution_refuses_a_second_number_without_a_session(body):
    first = services.save_resolution(resolution(body, title_en="First"))
    with pytest.raises(ValidationError) as error:
        services.save_resolution(resolution(body, title_en="Second"))
    assert error.value.message_dict == {"__all__": [DUPLICATE]}
    assert list(Resolution.objects.values_list("pk", "title_en")) == [(first.pk, "First")]


def test_save_resolution_refuses_a_second_number_with_a_session(body):
    services.save_resolution(resolution(body, session_number=8))
    with pytest.raises(ValidationError) as error:
        services.save_resolution(resolution(body, session_number=8))
    assert error.value.message_dict == {"__all__": [DUPLICATE]}
    assert Resolution.objects.count() == 1


def test_save_resolution_refuses_renumbering_onto_another(body):
    services.save_resolution(resolution(body, number=5))
    other = services.save_resolution(resolution(body, number=6))
    other.number = 5
    with pytest.raises(ValidationError) as error:
        services.save_resolution(other)
    assert error.value.message_dict == {"__all__": [DUPLICATE]}
    other.refresh_from_db()
    assert other.number == 6


@pytest.mark.parametrize(
    "second",
    [
        {"session_number": 8},  # the same number in a numbered session
        {"kind": Resolution.Kind.DECISION},  # a decision, not a resolution
        {"number": 6},  # another number
        {"body": "other"},  # another body
    ],
)
def test_the_same_number_is_accepted_where_something_else_differs(body, second):
    services.save_resolution(resolution(body))
    if second.get("body") == "other":
        second = {**second, "body": BodyFactory()}
    fields = {"body": body, **second}
    services.save_resolution(resolution(fields.pop("body"), **fields))
    assert Resolution.objects.count() == 2


def test_the_same_number_is_accepted_in_each_session(body):
    for session_number in (None, 7, 8):
        services.save_resolution(resolution(body, session_number=session_number))
    assert sorted(
        Resolution.objects.values_list("session_number", flat=True), key=lambda n: n or 0
    ) == [None, 7, 8]


def test_save_resolution_refuses_session_number_zero(body):
    with pytest.raises(ValidationError) as error:
        services.save_resolution(resolution(body, session_number=0))
    assert error.value.message_dict == {"session_number": [SESSION_ZERO]}
    assert Resolution.objects.count() == 0


@pytest.mark.parametrize("session_number", [None, 8])
def test_the_database_refuses_a_bulk_inserted_duplicate(body, session_number):
    ResolutionFactory(body=body, session_number=session_number, number=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.bulk_create([resolution(body, session_number=session_number)])
    assert Resolution.objects.count() == 1


def test_the_database_accepts_bulk_inserted_numbers_that_differ(body):
    Resolution.objects.bulk_create(
        [
            resolution(body),
            resolution(body, session_number=8),
            resolution(body, kind=Resolution.Kind.DECISION),
            resolution(BodyFactory()),
        ]
    )
    assert Resolution.objects.count() == 4


def add_form(client, body, **fields):
    url = reverse("admin:resolutions_resolution_add")
    data = form_data(client.get(url))
    data.update(
        {
            "body": body.pk,
            "kind": Resolution.Kind.RESOLUTION,
            "number": 5,
            "title_en": "Title",
            **fields,
        }
    )
    return client.post(url, data)


def test_the_admin_add_form_refuses_a_second_number_without_a_session(secretariat_client, body):
    ResolutionFactory(body=body, session_number=None, number=5)
    response = add_form(secretariat_client, body)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"__all__": [DUPLICATE]}
    assert DUPLICATE in response.content.decode()
    assert Resolution.objects.count() == 1


def test_the_admin_add_form_refuses_session_number_zero(secretariat_client, body):
    response = add_form(secretariat_client, body, session_number=0)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"session_number": [SESSION_ZERO]}
    assert Resolution.objects.count() == 0


def test_the_admin_add_form_accepts_the_number_in_another_session(secretariat_client, body):
    ResolutionFactory(body=body, session_number=None, number=5)
    response = add_form(secretariat_client, body, session_number=8)
    assert response.status_code == 302
    assert sorted(
        Resolution.objects.values_list("session_number", flat=True), key=lambda n: n or 0
    ) == [None, 8]
