"""The roles: the secretariat changes everything, a translator only their languages' texts.

The services decide (``agendas.permissions``, ``agendas.translating.check_change``), so
these tests call them directly; the pages and imports are tested in their own modules.
Every refusal leaves the database as it was.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

from agendas import services
from agendas.models import AgendaEdition, AgendaItem, DocumentationLink, Footnote
from resolutions import services as resolution_services
from resolutions.models import Citation
from scheduling import services as scheduling_services
from scheduling.models import TimeSlot
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    DocumentationLinkFactory,
    ResolutionFactory,
    TimeSlotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CODES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
NAMES = {
    "ar": "Arabic",
    "zh-hans": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
FIELD = {code: "title_" + code.replace("-", "_") for code in CODES}
MOVE_REFUSED = "Only the secretariat may add, move or remove entries and rows of an agenda."


@pytest.fixture
def agenda():
    agenda = AgendaFactory()
    AgendaItemFactory(agenda=agenda, position=10, title_en="Opening of the session")
    AgendaItemFactory(agenda=agenda, position=20, title_en="Adoption of the agenda")
    return agenda


def first(agenda):
    return agenda.items.order_by("position").first()


def stored_titles(agenda):
    return list(agenda.items.order_by("position").values_list(*FIELD.values()))


# The groups ------------------------------------------------------------------------------


def test_the_migration_made_one_group_for_the_secretariat_and_one_per_language():
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Secretariat",
        "Translators (Arabic)",
        "Translators (Chinese)",
        "Translators (English)",
        "Translators (French)",
        "Translators (Russian)",
        "Translators (Spanish)",
    ]


def test_ensure_roles_is_idempotent_and_restores_a_missing_group():
    before = {group.name: group.permissions.count() for group in Group.objects.all()}
    Group.objects.get(name="Translators (Russian)").delete()

    out = io.StringIO()
    call_command("ensure_roles", stdout=out)
    assert out.getvalue() == "Created the group “Translators (Russian)”.\nThe roles are in place.\n"
    out = io.StringIO()
    call_command("ensure_roles", stdout=out)
    assert out.getvalue() == "The roles are in place.\n"

    assert {group.name: group.permissions.count() for group in Group.objects.all()} == before


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_a_translator_group_views_everything_changes_texts_and_translates_one_language():
    granted = codenames("Translators (French)")
    assert {"translate_fr", "view_agenda", "view_session", "view_publishedversion"} <= granted
    assert {c for c in granted if c.startswith("change_")} == {
        "change_agenda",
        "change_agendaitem",
        "change_body",
        "change_document",
        "change_documentpurpose",
        "change_footnote",
        "change_jointmeeting",
        "change_resolution",
        "change_room",
        "change_section",
        "change_timeslot",
        "change_venue",
    }
    assert {c for c in granted if c.startswith(("add_", "delete_", "translate_"))} == {
        "translate_fr"
    }
    assert not granted & {"publish_agenda", "edit_structure", "translate_en"}


def test_the_secretariat_group_may_do_everything_with_the_draft_and_publish():
    granted = codenames("Secretariat")
    assert {"publish_agenda", "edit_structure", "add_agendaitem", "delete_timeslot"} <= granted
    assert not {c for c in granted if c.startswith("translate_")}


# Texts, language by language -----------------------------------------------------------


@pytest.mark.parametrize("own", CODES)
@pytest.mark.parametrize("other", CODES)
def test_a_translator_changes_their_language_and_no_other(make_translator, agenda, own, other):
    translator = make_translator(own)
    item = first(agenda)
    before = stored_titles(agenda)
    setattr(item, FIELD[other], "Texte")

    if other == own:
        services.save_agenda_item(item, by=translator)
        item.refresh_from_db()
        assert getattr(item, FIELD[other]) == "Texte"
        return
    with pytest.raises(ValidationError) as refused:
        services.save_agenda_item(item, by=translator)
    assert refused.value.message_dict == {
        FIELD[other]: [
            f"You may change the texts in {NAMES[own]} only, not the title in {NAMES[other]}."
        ]
    }
    assert refused.value.error_dict[FIELD[other]][0].code == "not_permitted"
    assert stored_titles(agenda) == before


def test_a_change_in_two_languages_is_refused_whole(make_translator, agenda):
    item = first(agenda)
    item.title_fr, item.title_es = "Ouverture de la session", "Apertura del período"
    with pytest.raises(ValidationError):
        services.save_agenda_item(item, by=make_translator("fr"))
    item.refresh_from_db()
    assert (item.title_fr, item.title_es) == (None, None)


def test_staff_without_a_language_may_change_no_text(agenda):
    changer = UserFactory(username="changer", is_staff=True)
    changer.user_permissions.set([])
    item = first(agenda)
    item.title_en = "Opening"
    with pytest.raises(ValidationError) as refused:
        services.save_agenda_item(item, by=changer)
    assert refused.value.messages == ["You may not change the title in English."]


@pytest.mark.parametrize("code", CODES)
def test_the_secretariat_changes_every_language(secretariat_member, agenda, code):
    item = first(agenda)
    setattr(item, FIELD[code], "Texte")
    services.save_agenda_item(item, by=secretariat_member)
    item.refresh_from_db()
    assert getattr(item, FIELD[code]) == "Texte"


def test_a_translator_may_save_a_row_unchanged(make_translator, agenda):
    item = first(agenda)
    services.save_agenda_item(item, by=make_translator("ru"))


# Structure ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", AgendaItem.Kind.UNNUMBERED, "kind"),
        ("position", 15, "position"),
        ("in_annotations", False, "in the annotations"),
    ],
)
def test_a_translator_changes_no_field_that_is_not_a_text(
    make_translator, agenda, field, value, message
):
    item = first(agenda)
    setattr(item, field, value)
    with pytest.raises(ValidationError) as refused:
        services.save_agenda_item(item, by=make_translator("fr"))
    assert refused.value.message_dict == {
        field: [f"Only the secretariat may change the {message} of agenda items."]
    }
    item.refresh_from_db()
    assert (item.kind, item.position, item.in_annotations) == ("item", 10, True)


def test_a_translator_changes_no_masthead(make_translator, agenda):
    agenda.symbol = "TEST/2020/99"
    agenda.title_fr = "Ordre du jour provisoire"
    with pytest.raises(ValidationError) as refused:
        services.save_agenda(agenda, by=make_translator("fr"))
    assert refused.value.messages == ["Only the secretariat may change the symbol of agendas."]
    agenda.refresh_from_db()
    assert (agenda.symbol, agenda.title_fr) == (f"{agenda.session.body.symbol_prefix}/2020/1", None)


def test_a_translator_adds_no_entry_and_no_language_version(make_translator, agenda):
    translator = make_translator("fr")
    with pytest.raises(ValidationError) as refused:
        services.add_agenda_item(agenda, title_fr="Questions diverses", by=translator)
    assert refused.value.messages == ["Only the secretariat may add agenda items."]
    with pytest.raises(ValidationError) as refused:
        services.save_agenda_editions(
            agenda, {"fr": {"job_number": "V.20-04027 (F)"}}, by=translator
        )
    assert refused.value.messages == ["Français: Only the secretariat may add language versions."]
    assert (agenda.items.count(), AgendaEdition.objects.count()) == (2, 0)


MOVES = {
    "move": lambda item, sub, by: services.move_item(item, direction="down", by=by),
    "place": lambda item, sub, by: services.place_item(sub, parent=None, index=0, by=by),
    "indent": lambda item, sub, by: services.indent_item(item.agenda.items.get(position=20), by=by),
    "outdent": lambda item, sub, by: services.outdent_item(sub, by=by),
    "reorder": lambda item, sub, by: services.reorder_items(
        item.agenda,
        list(item.agenda.items.order_by("-position").values_list("pk", flat=True)),
        by=by,
    ),
    "remove": lambda item, sub, by: services.remove_agenda_item(item, by=by),
}


@pytest.mark.parametrize("move", MOVES)
def test_a_translator_moves_and_removes_nothing(make_translator, agenda, move):
    item = first(agenda)
    sub = AgendaItemFactory(agenda=agenda, parent=item, position=5, title_en="Sub-item")
    before = list(agenda.items.values_list("pk", "parent_id", "position").order_by("pk"))
    with pytest.raises(ValidationError) as refused:
        MOVES[move](item, sub, make_translator("fr"))
    assert refused.value.messages == [MOVE_REFUSED]
    assert list(agenda.items.values_list("pk", "parent_id", "position").order_by("pk")) == before


def test_the_secretariat_moves_and_removes(secretariat_member, agenda):
    item = first(agenda)
    assert services.move_item(item, direction="down", by=secretariat_member) is True
    assert list(agenda.items.order_by("position").values_list("title_en", flat=True)) == [
        "Adoption of the agenda",
        "Opening of the session",
    ]
    services.remove_agenda_item(item, by=secretariat_member)
    assert agenda.items.count() == 1


def test_a_translator_removes_and_pastes_no_documentation(make_translator, agenda):
    translator = make_translator("es")
    link = DocumentationLinkFactory(item=first(agenda))
    with pytest.raises(ValidationError) as refused:
        services.remove_row(link, by=translator)
    assert refused.value.messages == ["Only the secretariat may remove documentation."]
    with pytest.raises(ValidationError) as refused:
        services.paste_documentation(first(agenda), "A/75/1\tReport", language="es", by=translator)
    assert refused.value.messages == [MOVE_REFUSED]
    assert list(DocumentationLink.objects.values_list("pk", flat=True)) == [link.pk]


def test_a_translator_cites_nothing(make_translator, agenda):
    body = BodyFactory(symbol_prefix="CAC/COSP")
    with pytest.raises(ValidationError) as refused:
        resolution_services.paste_citations(
            first(agenda),
            "resolution 8/7",
            body=body,
            placement="title",
            language="fr",
            by=make_translator("fr"),
        )
    assert refused.value.messages == [MOVE_REFUSED]
    resolution = ResolutionFactory(body=body, session_number=8, number=7)
    with pytest.raises(ValidationError) as refused:
        resolution_services.cite_resolution(first(agenda), resolution, by=make_translator("ru"))
    assert refused.value.messages == ["Only the secretariat may add citations."]
    assert Citation.objects.count() == 0


def test_a_translator_adds_no_footnote(make_translator, agenda):
    footnote = Footnote(agenda=agenda, item=first(agenda), placement="item", text_fr="Note.")
    with pytest.raises(ValidationError) as refused:
        services.save_footnote(footnote, by=make_translator("fr"))
    assert refused.value.messages == ["Only the secretariat may add footnotes."]
    assert Footnote.objects.count() == 0


# The timetable --------------------------------------------------------------------------


@pytest.fixture
def slot(agenda):
    slot = TimeSlotFactory(session=agenda.session, note_en="Informal consultations")
    scheduling_services.take_up(slot, [first(agenda)])
    return slot


def test_a_translator_fills_the_timetable_notes_of_their_language(make_translator, agenda, slot):
    slot.note_fr = "Consultations officieuses"
    scheduling_services.save_timetable(
        agenda.session, [(slot, "1", False)], by=make_translator("fr")
    )
    slot.refresh_from_db()
    assert slot.note_fr == "Consultations officieuses"
    assert list(slot.slot_items.values_list("item__title_en", flat=True)) == [
        "Opening of the session"
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (lambda slot: (slot, "1, 2", False), "Row 1: " + MOVE_REFUSED),
        (lambda slot: (slot, "1", True), "Row 1: Only the secretariat may remove time slots."),
        (
            lambda slot: (
                TimeSlot(
                    session=slot.session,
                    date=slot.date,
                    start_time=datetime.time(15),
                    end_time=datetime.time(18),
                ),
                "",
                False,
            ),
            "Row 1: Only the secretariat may add time slots.",
        ),
    ],
    ids=["items", "remove", "add"],
)
def test_a_translator_changes_no_row_of_the_timetable(make_translator, agenda, slot, row, message):
    with pytest.raises(ValidationError) as refused:
        scheduling_services.save_timetable(agenda.session, [row(slot)], by=make_translator("fr"))
    assert refused.value.messages == [message]
    assert list(TimeSlot.objects.values_list("pk", flat=True)) == [slot.pk]
    assert slot.slot_items.count() == 1


# Scripts -------------------------------------------------------------------------------------


def test_a_script_may_do_everything(agenda):
    item = first(agenda)
    item.kind, item.title_ar = AgendaItem.Kind.UNNUMBERED, "افتتاح الدورة"
    services.save_agenda_item(item, by=None)
    services.move_item(item, direction="down", by=None)
    item.refresh_from_db()
    assert (item.kind, item.title_ar, item.position) == ("unnumbered", "افتتاح الدورة", 20)


def test_ensure_roles_makes_the_group_of_a_language_added_later(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pt", "Português")]
    settings.LANGUAGE_MODULES = {"pt": "tests.languages.pt"}
    out = io.StringIO()
    call_command("ensure_roles", stdout=out)
    assert out.getvalue() == (
        "Created the group “Translators (Portuguese)”.\nThe roles are in place.\n"
    )
    assert codenames("Translators (Portuguese)") - codenames("Translators (French)") == {
        "translate_pt"
    }
