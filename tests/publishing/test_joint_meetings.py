"""Joint meetings in the organization of work: footnote letters, markers and numbering."""

import datetime
import re

import pytest

from publishing.services import publish_agenda
from publishing.snapshot import build_snapshot
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    JointMeetingFactory,
    JointParticipantFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)

pytestmark = pytest.mark.django_db


def test_footnote_letters_go_on_past_z_without_repeating(client):
    agenda = AgendaFactory()
    AgendaItemFactory(agenda=agenda)
    for hour in range(27):
        joint = JointMeetingFactory(note_en=f"Joint meeting {hour + 1}.")
        TimeSlotFactory(
            session=agenda.session,
            joint_meeting=joint,
            date=datetime.date(2020, 8, 31) + datetime.timedelta(days=hour // 9),
            start_time=datetime.time(8 + hour % 9),
            end_time=datetime.time(8 + hour % 9, 30),
        )
    agenda.session.end_date = datetime.date(2020, 9, 2)
    agenda.session.save()

    version = publish_agenda(agenda)

    notes = version.content["organization_of_work"]["footnotes"]
    assert [note["id"] for note in notes][24:] == ["y", "z", "aa"]
    assert notes[26]["text"] == {"en": "Joint meeting 27."}
    html = client.get(version.get_absolute_url()).content.decode()
    ids = re.findall(r'id="(annex-fn-[a-z]+)"', html)
    assert len(ids) == 27
    assert len(set(ids)) == 27


@pytest.fixture
def joint_world():
    """Item 2 of a working group taken up with items of a review group's agenda."""
    group = BodyFactory(name_en="Working Group")
    review = BodyFactory(name_en="Review Group")
    session = SessionFactory(body=group, number=11)
    partner = SessionFactory(body=review, number=11)
    agenda = AgendaFactory(session=session)
    first = AgendaItemFactory(agenda=agenda, title_en="Organizational matters")
    second = AgendaItemFactory(agenda=agenda, title_en="Implementation")
    third = AgendaItemFactory(agenda=agenda, title_en="Other matters")
    partner_agenda = AgendaFactory(session=partner, symbol="TEST/IRG/2020/1")
    partner_items = [AgendaItemFactory(agenda=partner_agenda) for _ in range(6)]
    joint = JointMeetingFactory()
    JointParticipantFactory(joint_meeting=joint, session=session).items.add(second)
    participant = JointParticipantFactory(joint_meeting=joint, session=partner)
    slot = TimeSlotFactory(session=session, joint_meeting=joint)
    for item in (first, second, third):
        SlotItemFactory(slot=slot, item=item)
    return {
        "agenda": agenda,
        "participant": participant,
        "partner_items": partner_items,
        "items": (first, second, third),
    }


def test_the_marker_goes_only_on_the_items_taken_up_jointly(joint_world):
    world = joint_world
    world["participant"].items.add(world["partner_items"][3])

    work = build_snapshot(world["agenda"])["organization_of_work"]

    assert [(e["reference"], e["footnote"]) for e in work["rows"][0]["entries"]] == [
        ("1", None),
        ("2", "a"),
        ("3", None),
    ]
    assert work["footnotes"][0]["text"]["en"] == (
        "Agenda item 2 will be considered jointly with item 4 of the agenda of the eleventh "
        "meeting of the Review Group at joint meetings of the Working Group and the Review Group."
    )


@pytest.mark.parametrize("count", [1, 3])
def test_partner_numbering_costs_the_same_however_many_items_it_takes_up(
    joint_world, django_assert_num_queries, count
):
    world = joint_world
    world["participant"].items.add(*world["partner_items"][:count])

    # The partner's agenda is numbered once, not once per item it takes up.
    with django_assert_num_queries(14):
        work = build_snapshot(world["agenda"])["organization_of_work"]

    expected = {1: "item 1", 3: "items 1, 2 and 3"}[count]
    assert f"jointly with {expected} of the agenda" in work["footnotes"][0]["text"]["en"]
