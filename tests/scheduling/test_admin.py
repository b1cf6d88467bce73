"""The scheduling admin: items taken up per slot, joint meetings with their sessions."""

import datetime

from django.urls import reverse

from scheduling.models import JointMeeting, SlotItem
from tests.admin_helpers import form_data
from tests.factories import (
    AgendaItemFactory,
    RoomFactory,
    SessionFactory,
    TimeSlotFactory,
)


def test_slot_page_lists_items_taken_up_and_refuses_another_sessions_item(secretariat_client):
    slot = TimeSlotFactory()
    own = AgendaItemFactory(agenda__session=slot.session)
    foreign = AgendaItemFactory()
    url = reverse("admin:scheduling_timeslot_change", args=[slot.pk])
    data = form_data(secretariat_client.get(url))
    data.update(
        {
            "slot_items-TOTAL_FORMS": 2,
            "slot_items-0-item": own.pk,
            "slot_items-0-position": 1,
            "slot_items-1-item": foreign.pk,
            "slot_items-1-position": 2,
        }
    )
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert (
        "This item belongs to a session that does not meet in this slot."
        in response.content.decode()
    )
    assert SlotItem.objects.count() == 0
    data["slot_items-TOTAL_FORMS"] = 1
    response = secretariat_client.post(url, data)
    assert response.status_code == 302
    assert list(slot.slot_items.values_list("item", flat=True)) == [own.pk]


def test_joint_meeting_page_adds_sessions_with_their_own_item_numbers(secretariat_client):
    group = SessionFactory(body__short_name_en="Working Group")
    review = SessionFactory(body__short_name_en="Implementation Review Group")
    item = AgendaItemFactory(agenda__session=group)
    response = secretariat_client.post(
        reverse("admin:scheduling_jointmeeting_add"),
        {
            "note_en": "",
            "participants-TOTAL_FORMS": 2,
            "participants-INITIAL_FORMS": 0,
            "participants-0-session": group.pk,
            "participants-0-items": [item.pk],
            "participants-0-position": 1,
            "participants-1-session": review.pk,
            "participants-1-item_numbers": "4, 5",
            "participants-1-position": 2,
        },
    )
    assert response.status_code == 302
    meeting = JointMeeting.objects.get()
    assert str(meeting) == "Working Group + Implementation Review Group"
    assert [list(p.items.all()) for p in meeting.participants.all()] == [[item], []]


def test_time_slot_rows_on_the_session_page_link_to_their_items(secretariat_client):
    session = SessionFactory(start_date=datetime.date(2020, 8, 31))
    slot = TimeSlotFactory(session=session, room=RoomFactory(venue=session.venue))
    content = secretariat_client.get(
        reverse("admin:agendas_session_change", args=[session.pk])
    ).content.decode()
    url = reverse("admin:scheduling_timeslot_change", args=[slot.pk])
    assert f'href="{url}">Edit items taken up</a>' in content
