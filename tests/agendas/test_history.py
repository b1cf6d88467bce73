"""The history: one revision per service call, made by its user, holding what it touched
and the rows those follow; and restoring a version through the services."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from reversion.models import Revision, Version

from agendas import history, services
from agendas.models import (
    Agenda,
    AgendaEdition,
    AgendaItem,
    Document,
    DocumentationLink,
    DocumentEdition,
    Footnote,
    Section,
    Session,
)
from publishing.roles import SECRETARIAT
from resolutions.models import Citation
from scheduling import services as scheduling_services
from tests.factories import (
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    CitationFactory,
    DocumentationLinkFactory,
    DocumentFactory,
    RoomFactory,
    TimeSlotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def recorded(revision):
    """What a revision holds: ``{(model, primary key)}``."""
    return {
        (version.content_type.model_class(), int(version.object_id))
        for version in revision.version_set.all()
    }


def comment(revision):
    return history.comment_text(revision.comment)


def newest_version(obj):
    return Version.objects.get_for_object(obj).first()


def when(version):
    moment = timezone.localtime(version.revision.date_created)
    return formats.date_format(moment, "DATETIME_FORMAT")


@pytest.fixture
def officer(roles):
    """Secretariat staff (the services refuse others the changes made here)."""
    user = UserFactory(username="officer", first_name="Ana", last_name="Ruiz", is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


# --- One revision per service call -----------------------------------------------------------


def test_a_save_through_a_service_is_one_revision_by_its_user_with_the_rows_of_the_item(
    secretariat,
):
    item = AgendaItemFactory(title_en="Prevention of corruption")
    first, second = DocumentationLinkFactory(item=item), DocumentationLinkFactory(item=item)
    citation = CitationFactory(item=item)
    # Other items' rows, and footnotes (the agenda's), are not the item's.
    DocumentationLinkFactory(item=AgendaItemFactory(agenda=item.agenda))
    Footnote.objects.create(agenda=item.agenda, item=item, placement="item", text_en="Note.")

    item.title_fr = "Prévention de la corruption"
    services.save_agenda_item(item, by=secretariat)

    revision = Revision.objects.get()
    assert revision.user == secretariat
    assert comment(revision) == "Changed agenda item “Prevention of corruption”."
    assert recorded(revision) == {
        (AgendaItem, item.pk),
        (DocumentationLink, first.pk),
        (DocumentationLink, second.pk),
        (Citation, citation.pk),
    }
    stored = revision.version_set.get(object_id=str(item.pk), content_type__model="agendaitem")
    assert stored.field_dict["title_fr"] == "Prévention de la corruption"
    assert stored.field_dict["title_en"] == "Prevention of corruption"


def test_an_agenda_version_holds_its_language_versions_sections_and_footnotes(secretariat):
    agenda = AgendaFactory(symbol="TEST/WG.9/2020/1")
    edition = AgendaEditionFactory(agenda=agenda, language="fr", job_number="V.20-04020 (F)")
    section = Section.objects.create(agenda=agenda, kind="list", position=10)
    footnote = Footnote.objects.create(agenda=agenda, placement="title", text_en="Reissued.")

    agenda.title_en = "Provisional agenda and annotations"
    services.save_agenda(agenda, by=secretariat)

    revision = Revision.objects.get()
    assert comment(revision) == "Changed agenda “TEST/WG.9/2020/1”."
    assert recorded(revision) == {
        (Agenda, agenda.pk),
        (AgendaEdition, edition.pk),
        (Section, section.pk),
        (Footnote, footnote.pk),
    }


def test_a_new_object_is_recorded_as_added_and_a_script_is_no_one():
    agenda = AgendaFactory()
    item = services.add_agenda_item(agenda, title_en="Adoption of the agenda", by=None)

    revision = Revision.objects.get()
    assert revision.user is None
    assert comment(revision) == "Added agenda item “Adoption of the agenda”."
    assert recorded(revision) == {(AgendaItem, item.pk)}


def test_a_service_that_writes_several_rows_is_one_revision(officer):
    agenda = AgendaFactory(symbol="TEST/WG.9/2020/1")
    services.save_agenda_editions(
        agenda,
        {
            "fr": {"job_number": "V.20-04020 (F)"},
            "es": {"job_number": "V.20-04020 (S)"},
            "ru": {"job_number": ""},
        },
        by=officer,
    )

    revision = Revision.objects.get()
    assert revision.user == officer
    assert comment(revision) == "Saved the language versions of “TEST/WG.9/2020/1”."
    editions = {edition.language: edition.pk for edition in agenda.editions.all()}
    assert recorded(revision) == {
        (Agenda, agenda.pk),
        (AgendaEdition, editions["fr"]),
        (AgendaEdition, editions["es"]),
    }


def test_services_called_inside_a_service_join_its_revision(officer):
    item = AgendaItemFactory(title_en="Good practices")
    existing = DocumentFactory(symbol="TEST/WG.9/2020/2")

    report = services.paste_documentation(
        item,
        "TEST/WG.9/2020/2\nTEST/WG.9/2020/3 Background paper\nTEST/WG.9/2020/2",
        language="en",
        by=officer,
    )

    revision = Revision.objects.get()
    assert revision.user == officer
    assert comment(revision) == "Listed 2 pasted documents under “Good practices”."
    created = Document.objects.get(symbol="TEST/WG.9/2020/3")
    links = {link.document_id: link.pk for link in item.documentation.all()}
    assert recorded(revision) == {
        (AgendaItem, item.pk),
        (DocumentationLink, links[existing.pk]),
        (DocumentationLink, links[created.pk]),
        (Document, created.pk),
    }
    assert [outcome for _line, outcome, _document, _note in report.entries] == [
        "linked",
        "created",
        "already listed",
    ]


def test_a_document_created_with_its_language_versions_is_one_revision(officer):
    document = services.create_document(
        symbol="TEST/WG.9/2020/4",
        title_en="Report of the Secretariat",
        editions=[{"language": "en", "job_number": "V.20-04026 (E)"}, {"language": "fr"}],
        by=officer,
    )

    revision = Revision.objects.get()
    assert comment(revision) == "Added document “TEST/WG.9/2020/4”."
    assert recorded(revision) == {(Document, document.pk)} | {
        (DocumentEdition, edition.pk) for edition in document.editions.all()
    }


def test_moving_an_entry_records_the_entries_whose_place_changed(officer):
    agenda = AgendaFactory()
    first, second, third = (
        services.add_agenda_item(agenda, title_en=title) for title in ("One", "Two", "Three")
    )
    Revision.objects.all().delete()

    assert services.move_item(third, direction="up", by=officer)

    revision = Revision.objects.get()
    assert comment(revision) == "Moved “Three”."
    assert recorded(revision) == {(AgendaItem, second.pk), (AgendaItem, third.pk)}
    positions = {
        int(version.object_id): version.field_dict["position"]
        for version in revision.version_set.all()
    }
    assert positions == {second.pk: 30, third.pk: 20}
    assert not services.move_item(first, direction="up", by=officer)
    assert Revision.objects.count() == 1


def test_indenting_is_one_revision_with_the_entry_and_the_siblings_renumbered(officer):
    agenda = AgendaFactory()
    first, second, third = (
        services.add_agenda_item(agenda, title_en=title) for title in ("One", "Two", "Three")
    )
    Revision.objects.all().delete()

    services.indent_item(second, by=officer)

    revision = Revision.objects.get()
    assert comment(revision) == "Put “Two” under the entry above it."
    assert recorded(revision) == {(AgendaItem, second.pk), (AgendaItem, third.pk)}
    stored = revision.version_set.get(object_id=str(second.pk)).field_dict
    assert (stored["parent_id"], stored["position"]) == (first.pk, 10)


def test_removing_a_row_is_a_version_of_its_item_without_the_row(officer):
    item = AgendaItemFactory(title_en="Good practices")
    removed = DocumentationLinkFactory(item=item, document__symbol="TEST/WG.9/2020/5")
    kept = DocumentationLinkFactory(item=item)

    services.remove_row(removed, by=officer)

    revision = Revision.objects.get()
    assert comment(revision) == "Removed documentation “Good practices – TEST/WG.9/2020/5”."
    assert recorded(revision) == {(AgendaItem, item.pk), (DocumentationLink, kept.pk)}


def test_removing_a_footnote_is_a_version_of_its_agenda_without_it(officer):
    agenda = AgendaFactory(symbol="TEST/WG.9/2020/1")
    footnote = Footnote.objects.create(agenda=agenda, placement="title", text_en="Reissued.")

    services.remove_row(footnote, by=officer)

    revision = Revision.objects.get()
    assert comment(revision) == "Removed footnote “Reissued.”."
    assert recorded(revision) == {(Agenda, agenda.pk)}


def test_removing_an_entry_is_seen_in_its_agenda_and_its_parent(officer):
    agenda = AgendaFactory()
    parent = services.add_agenda_item(agenda, title_en="Parent")
    removed = services.add_agenda_item(agenda, parent=parent, title_en="Removed")
    sibling = services.add_agenda_item(agenda, parent=parent, title_en="Sibling")
    Revision.objects.all().delete()

    services.remove_agenda_item(removed, by=officer)

    revision = Revision.objects.get()
    assert comment(revision) == "Removed “Removed” with everything under it."
    # The sibling moved up into the removed entry's place.
    assert recorded(revision) == {
        (Agenda, agenda.pk),
        (AgendaItem, parent.pk),
        (AgendaItem, sibling.pk),
    }


def test_drafting_an_agenda_from_the_last_one_is_one_revision(officer):
    previous = AgendaFactory(symbol="TEST/WG.9/2019/1")
    services.add_agenda_item(previous, title_en="Organizational matters")
    Section.objects.create(agenda=previous, kind="list", position=10)
    Revision.objects.all().delete()
    body = previous.session.body

    agenda = services.draft_agenda(
        body=body,
        number=previous.session.number + 1,
        start_date=datetime.date(2021, 9, 6),
        end_date=datetime.date(2021, 9, 8),
        venue=previous.session.venue,
        agenda_fields={"symbol": "TEST/WG.9/2021/1"},
        from_previous=True,
        by=officer,
    )

    revision = Revision.objects.get()
    assert comment(revision) == "Drafted the agenda “TEST/WG.9/2021/1”."
    assert recorded(revision) == {
        (Session, agenda.session_id),
        (Agenda, agenda.pk),
        (AgendaItem, agenda.items.get().pk),
        (Section, agenda.sections.get().pk),
    }


def test_a_refused_save_records_nothing(officer):
    item = AgendaItemFactory()
    item.kind = AgendaItem.Kind.ITEM
    item.in_list = False

    with pytest.raises(ValidationError):
        services.save_agenda_item(item, by=officer)

    assert Revision.objects.count() == 0


def test_comments_are_read_in_the_readers_language(officer):
    agenda = AgendaFactory()
    services.add_agenda_item(agenda, title_en="Adoption of the agenda", by=officer)
    revision = Revision.objects.get()

    with translation.override("fr"):
        # The model's name (and the message, once the catalogue has it) in French.
        expected = gettext("Added %(model)s “%(object)s”.") % {
            "model": "point de l’ordre du jour",
            "object": "Adoption of the agenda",
        }
        assert comment(revision) == expected


# --- Restoring -------------------------------------------------------------------------------


TEXTS = {
    "title_en": "Prevention of corruption",
    "title_fr": "Prévention de la corruption",
    "title_zh_hans": "预防腐败",
    "title_ar": "منع الفساد",
    "annotation_en": "<p>The Working Group will consider good practices.</p>",
    "annotation_ru": "<p>Рабочая группа рассмотрит оптимальные виды практики.</p>",
}


def two_versions(officer):
    """An item saved twice by ``officer``: ``TEXTS``, then other texts and flags."""
    item = AgendaItemFactory(**TEXTS)
    services.save_agenda_item(item, by=officer)
    first = newest_version(item)
    item.title_en = "Prevention"
    item.title_fr = ""
    item.title_zh_hans = "预防"
    item.annotation_ru = ""
    item.in_annotations = False
    services.save_agenda_item(item, by=officer)
    return item, first


def test_a_restore_brings_back_every_language_and_is_a_revision_by_the_restorer(
    officer, secretariat
):
    item, first = two_versions(officer)

    services_restored = history.restore_version(first, by=secretariat)

    item.refresh_from_db()
    assert services_restored == item
    assert {name: getattr(item, name) for name in TEXTS} == TEXTS
    assert item.in_annotations is True
    revision = Revision.objects.order_by("-pk").first()
    assert revision.user == secretariat
    assert comment(revision) == f"Restored the version of {when(first)} by Ana Ruiz."
    assert newest_version(item).revision == revision
    assert Revision.objects.count() == 3


def test_a_restore_refused_because_the_parent_is_gone_changes_nothing(officer, secretariat):
    agenda = AgendaFactory()
    parent = services.add_agenda_item(agenda, title_en="Organizational matters")
    item = services.add_agenda_item(agenda, parent=parent, title_en="Adoption of the agenda")
    under_parent = newest_version(item)
    services.outdent_item(item, by=officer)
    services.remove_agenda_item(parent, by=officer)
    revisions = Revision.objects.count()

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(under_parent, by=secretariat)

    assert refusal.value.messages == [
        "This version's parent item, “Organizational matters”, no longer exists."
    ]
    item.refresh_from_db()
    assert (item.parent_id, item.position) == (None, 10)
    assert Revision.objects.count() == revisions


def test_a_restore_refused_because_another_document_has_the_symbol_changes_nothing(
    officer, secretariat
):
    document = services.create_document(symbol="TEST/WG.9/2020/1", title_en="Report", by=officer)
    first = newest_version(document)
    document.symbol = "TEST/WG.9/2020/1/Corr.1"
    services.save_document(document, by=officer)
    services.create_document(symbol="test/wg.9/2020/1", title_en="Another report", by=officer)
    revisions = Revision.objects.count()

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(first, by=secretariat)

    assert refusal.value.messages == ["Symbol: The symbol TEST/WG.9/2020/1 is already in use."]
    document.refresh_from_db()
    assert document.symbol == "TEST/WG.9/2020/1/Corr.1"
    assert Revision.objects.count() == revisions


def test_a_restore_is_refused_when_the_object_changed_after_the_history_was_shown(
    officer, secretariat
):
    item, first = two_versions(officer)
    seen = newest_version(item).pk
    item.title_en = "Changed meanwhile"
    services.save_agenda_item(item, by=officer)

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(first, by=secretariat, latest=seen)

    assert refusal.value.messages == [
        "“Changed meanwhile” was changed after its history was shown; look at the newest "
        "change first."
    ]
    item.refresh_from_db()
    assert item.title_en == "Changed meanwhile"


def test_restoring_what_the_object_holds_is_refused_as_nothing_to_do(officer, secretariat):
    item, _first = two_versions(officer)

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(newest_version(item), by=secretariat)

    assert refusal.value.messages == [
        "“Prevention” holds what this version recorded: there is nothing to restore."
    ]
    assert Revision.objects.count() == 2


def test_an_entry_written_only_in_chinese_is_restored_from_an_english_interface(officer):
    item = AgendaItemFactory(title_en="", title_zh_hans="预防腐败", annotation_en="")
    with translation.override("zh-hans"):
        services.save_agenda_item(item, by=officer)
    first = newest_version(item)
    item.title_zh_hans = "预防"
    with translation.override("zh-hans"):
        services.save_agenda_item(item, by=officer)

    history.restore_version(first, by=officer)

    item.refresh_from_db()
    assert (item.title_en, item.title_zh_hans) == ("", "预防腐败")


def test_a_restore_leaves_identifiers_and_derived_columns_to_the_model(officer):
    document = services.create_document(symbol="TEST/WG.9/2020/1", title_en="Report", by=officer)
    first = newest_version(document)
    uid = document.uid
    document.symbol = "TEST/WG.9/2020/1/Add.1"
    services.save_document(document, by=officer)

    history.restore_version(first, by=officer)

    document.refresh_from_db()
    assert (document.uid, document.symbol, document.suffixes) == (uid, "TEST/WG.9/2020/1", "")


def test_a_time_slot_is_restored_through_its_service_which_keeps_rooms_unshared(officer):
    room = RoomFactory()
    slot = TimeSlotFactory(
        session__venue=room.venue,
        room=room,
        start_time=datetime.time(10),
        end_time=datetime.time(13),
    )
    scheduling_services.save_time_slot(slot, by=officer)
    morning = newest_version(slot)
    slot.start_time, slot.end_time = datetime.time(15), datetime.time(18)
    scheduling_services.save_time_slot(slot, by=officer)
    TimeSlotFactory(
        session=slot.session, room=room, start_time=datetime.time(11), end_time=datetime.time(12)
    )

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(morning, by=officer)

    assert refusal.value.messages == [
        f"Room: {room.name} is already booked from 11:00 to 12:00 on this date ({slot.session})."
    ]
    slot.refresh_from_db()
    assert (slot.start_time, slot.end_time) == (datetime.time(15), datetime.time(18))


def test_a_version_of_a_removed_entry_cannot_be_restored(officer):
    agenda = AgendaFactory()
    item = services.add_agenda_item(agenda, title_en="Other matters", by=officer)
    version = newest_version(item)
    services.remove_agenda_item(item, by=officer)

    with pytest.raises(ValidationError) as refusal:
        history.restore_version(version, by=officer)

    assert refusal.value.messages == [
        "“Other matters” no longer exists; a version of it cannot be restored."
    ]
