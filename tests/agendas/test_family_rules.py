"""The rules that keep the family's shapes consistent, each refused with a message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agendas import services
from agendas.models import AgendaItem, Footnote, Section
from publishing.snapshot import build_snapshot
from scheduling import services as scheduling_services
from scheduling.models import SlotItem, TimeSlot
from tests.factories import AgendaFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_a_footnote_of_markup_alone_is_refused():
    agenda = AgendaFactory()
    with pytest.raises(ValidationError) as error:
        services.save_footnote(
            Footnote(agenda=agenda, placement="title", text_en="<script>x</script><p></p>")
        )
    assert error.value.message_dict == {
        "text": ["Write the footnote's text, in one language at least."]
    }
    assert Footnote.objects.count() == 0


def test_only_a_text_section_has_text_in_any_language():
    agenda = AgendaFactory()
    with pytest.raises(ValidationError) as error:
        services.save_section(Section(agenda=agenda, kind="list", text_fr="<p>Texte</p>"))
    assert error.value.message_dict == {"text": ["Only text sections have text of their own."]}


def test_interpretation_is_in_each_language_once():
    session = SessionFactory()
    session.interpretation_languages = ["fr", "fr"]
    with pytest.raises(ValidationError) as error:
        services.save_session(session)
    assert error.value.message_dict == {
        "interpretation_languages": [
            "List the languages of interpretation by their codes: ar, zh-hans, en, fr, ru, es."
        ]
    }


def test_a_meeting_with_items_cannot_become_a_break():
    agenda = AgendaFactory()
    item = services.add_agenda_item(agenda, title_en="Opening")
    slot = scheduling_services.save_time_slot(
        TimeSlot(
            session=agenda.session,
            date=agenda.session.start_date,
            start_time=datetime.time(10),
            end_time=datetime.time(13),
        )
    )
    scheduling_services.save_slot_item(SlotItem(slot=slot, item=item, position=1))
    slot.kind = TimeSlot.Kind.BREAK
    with pytest.raises(ValidationError) as error:
        scheduling_services.save_time_slot(slot)
    assert error.value.message_dict == {
        "kind": ["A break takes up no agenda items: remove them first."]
    }
    assert TimeSlot.objects.get().kind == "meeting"


def test_headings_take_no_level_of_the_nesting():
    agenda = AgendaFactory()
    group = services.add_agenda_item(agenda, kind="heading", title_en="A. Procedural matters")
    top = services.add_agenda_item(agenda, parent=group, title_en="Adoption")
    sub = services.add_agenda_item(agenda, parent=top, title_en="Agenda")
    third = services.add_agenda_item(agenda, parent=sub, title_en="Provisional agenda")

    numbers = [row["number"] for row in build_snapshot(agenda)["items"]]

    assert numbers == ["", "1.", "(a)", "(i)"]
    assert third.parent_id == sub.pk


def test_footnotes_whose_markers_are_not_printed_take_no_number():
    agenda = AgendaFactory(kind="provisional")
    item = services.add_agenda_item(agenda, title_en="Adoption of the agenda")
    hidden = services.add_agenda_item(
        agenda, kind="unnumbered", in_list=False, title_en="Opening of the session"
    )
    # A provisional agenda has no annotations: a footnote on one is nowhere to be seen.
    services.save_footnote(
        Footnote(agenda=agenda, item=item, placement="annotation", text_en="Not printed.")
    )
    services.save_footnote(
        Footnote(agenda=agenda, item=hidden, placement="item", text_en="Not printed either.")
    )
    services.save_footnote(Footnote(agenda=agenda, item=item, placement="item", text_en="Shown."))

    content = build_snapshot(agenda)

    assert content["footnotes"] == [{"id": "1", "text": {"en": "Shown."}}]
    assert [(i["title_footnotes"], i["annotation_footnotes"]) for i in content["items"]] == [
        (["1"], []),
        ([], []),
    ]


def test_a_sub_heading_inside_an_annotation_belongs_to_an_item_and_holds_nothing():
    agenda = AgendaFactory()
    group = services.add_agenda_item(agenda, kind="heading", title_en="A.")
    item = services.add_agenda_item(agenda, title_en="Adoption")
    part = services.add_agenda_item(
        agenda, parent=item, kind="part", in_list=False, title_en="Background"
    )
    cases = [
        (group, "A sub-heading inside an annotation belongs to an item."),
        (part, "A sub-heading inside an annotation has nothing under it."),
    ]
    for parent, message in cases:
        with pytest.raises(ValidationError) as error:
            services.add_agenda_item(
                agenda, parent=parent, kind="part", in_list=False, title_en="More"
            )
        assert error.value.message_dict == {"parent": [message]}
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(agenda, kind="part", in_list=True, title_en="Loose")
    assert error.value.message_dict == {
        "parent": ["A sub-heading inside an annotation belongs to an item."],
        "in_list": ["A sub-heading inside an annotation is not in the list."],
    }
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(agenda, in_list=False, title_en="Numbered, hidden")
    assert error.value.message_dict == {
        "in_list": ["A numbered item is always in the agenda list."]
    }
    assert AgendaItem.objects.count() == 3
