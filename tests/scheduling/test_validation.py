"""Bad time slots: a clear message and nothing changed, via services and the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scheduling import services
from scheduling.models import TimeSlot
from tests.admin_helpers import form_data
from tests.factories import RoomFactory, SessionFactory, TimeSlotFactory


@pytest.fixture
def session(db):
    # 31 August to 2 September 2020, as in the seed.
    return SessionFactory(start_date=datetime.date(2020, 8, 31), end_date=datetime.date(2020, 9, 2))


@pytest.fixture
def room(session):
    return RoomFactory(venue=session.venue, name_en="Board Room M")


def slot(session, room=None, day=31, start=11, end=13):
    return TimeSlot(
        session=session,
        date=datetime.date(2020, 8 if day > 20 else 9, day),
        start_time=datetime.time(start),
        end_time=datetime.time(end),
        room=room,
    )


def test_service_refuses_a_slot_that_ends_before_it_starts(session):
    with pytest.raises(ValidationError) as error:
        services.save_time_slot(slot(session, start=15, end=13))
    assert error.value.message_dict == {"end_time": ["A time slot must end after it starts."]}
    assert TimeSlot.objects.count() == 0


def test_service_refuses_a_slot_outside_the_session(session):
    with pytest.raises(ValidationError) as error:
        services.save_time_slot(slot(session, day=3))
    assert error.value.message_dict == {
        "date": ["The date is outside the session, which runs from 2020-08-31 to 2020-09-02."]
    }
    assert TimeSlot.objects.count() == 0


def test_service_refuses_two_slots_overlapping_in_one_room(session, room):
    services.save_time_slot(slot(session, room, start=11, end=13))
    other_session = SessionFactory(
        start_date=session.start_date, end_date=session.end_date, venue=session.venue
    )
    with pytest.raises(ValidationError) as error:
        services.save_time_slot(slot(other_session, room, start=12, end=14))
    assert error.value.message_dict == {
        "room": [f"Board Room M is already booked from 11:00 to 13:00 on this date ({session})."]
    }
    assert TimeSlot.objects.count() == 1


def test_service_allows_back_to_back_slots_and_other_rooms(session, room):
    services.save_time_slot(slot(session, room, start=11, end=13))
    services.save_time_slot(slot(session, room, start=13, end=15))
    services.save_time_slot(slot(session, RoomFactory(venue=session.venue), start=11, end=13))
    assert TimeSlot.objects.count() == 3


def session_post(client, session, changes):
    url = reverse("admin:agendas_session_change", args=[session.pk])
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def new_row(index, room, date="2020-08-31", start="11:00", end="13:00"):
    prefix = f"time_slots-{index}"
    return {
        f"{prefix}-date": date,
        f"{prefix}-start_time": start,
        f"{prefix}-end_time": end,
        f"{prefix}-room": room.pk if room else "",
        f"{prefix}-kind": "meeting",
    }


def test_admin_refuses_a_slot_that_ends_before_it_starts(secretariat_client, session, room):
    response = session_post(
        secretariat_client,
        session,
        {"time_slots-TOTAL_FORMS": 1, **new_row(0, room, start="15:00", end="13:00")},
    )
    assert response.status_code == 200
    assert "A time slot must end after it starts." in response.content.decode()
    assert TimeSlot.objects.count() == 0


def test_admin_refuses_a_slot_outside_the_session(secretariat_client, session, room):
    response = session_post(
        secretariat_client,
        session,
        {"time_slots-TOTAL_FORMS": 1, **new_row(0, room, date="2020-09-03")},
    )
    assert response.status_code == 200
    assert (
        "The date is outside the session, which runs from 2020-08-31 to 2020-09-02."
        in response.content.decode()
    )
    assert TimeSlot.objects.count() == 0


def test_admin_refuses_a_slot_overlapping_a_saved_one(secretariat_client, session, room):
    existing = TimeSlotFactory(session=session, room=room)
    url = reverse("admin:scheduling_timeslot_add")
    response = secretariat_client.post(
        url,
        {
            "session": session.pk,
            "date": "2020-08-31",
            "start_time": "12:00",
            "end_time": "14:00",
            "room": room.pk,
            "kind": "meeting",
            "slot_items-TOTAL_FORMS": 0,
            "slot_items-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "room": [f"Board Room M is already booked from 11:00 to 13:00 on this date ({session})."]
    }
    assert list(TimeSlot.objects.all()) == [existing]


def test_admin_refuses_two_new_slots_overlapping_each_other(secretariat_client, session, room):
    response = session_post(
        secretariat_client,
        session,
        {
            "time_slots-TOTAL_FORMS": 2,
            **new_row(0, room, start="11:00", end="13:00"),
            **new_row(1, room, start="12:30", end="14:00"),
        },
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == [
        "Two of these slots overlap in Board Room M on 2020-08-31."
    ]
    assert TimeSlot.objects.count() == 0
