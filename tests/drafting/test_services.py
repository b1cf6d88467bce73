"""The services behind the drafting pages: the outline's moves, pasted lists, the
timetable grid and a new agenda begun from the last one.

Each refusal leaves the data as it was; each success is checked by what the agenda
now prints (its numbering) and what the database now holds.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from reversion.models import Revision

from agendas import history, services
from agendas.models import Agenda, AgendaItem, Document, DocumentationLink, Footnote, Session
from agendas.numbering import flatten, number_items
from publishing.roles import SECRETARIAT
from resolutions import services as resolution_services
from resolutions.models import Citation, Resolution
from scheduling import services as scheduling_services
from scheduling.models import SlotItem, TimeSlot
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    DocumentationLinkFactory,
    DocumentFactory,
    ResolutionFactory,
    RoomFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def outline(agenda):
    """The agenda as its list prints: (number, title, depth) in reading order."""
    items = list(AgendaItem.objects.filter(agenda=agenda))
    return [(n.reference, n.item.title_en, n.depth) for n in flatten(number_items(items))]


@pytest.fixture
def agenda():
    """1. Opening  2. Review (a) Scope (b) Method  3. Other matters  4. Report."""
    agenda = AgendaFactory()
    add = services.add_agenda_item
    add(agenda, title_en="Opening")
    review = add(agenda, title_en="Review")
    add(agenda, parent=review, title_en="Scope")
    add(agenda, parent=review, title_en="Method")
    add(agenda, title_en="Other matters")
    add(agenda, title_en="Report")
    return agenda


def recorded(revision):
    """What a revision holds: ``{(model, primary key)}``."""
    return {
        (version.content_type.model_class(), int(version.object_id))
        for version in revision.version_set.all()
    }


def item(agenda, title):
    return AgendaItem.objects.get(agenda=agenda, title_en=title)


ORIGINAL = [
    ("1", "Opening", 0),
    ("2", "Review", 0),
    ("2(a)", "Scope", 1),
    ("2(b)", "Method", 1),
    ("3", "Other matters", 0),
    ("4", "Report", 0),
]


# The outline --------------------------------------------------------------------------


def test_place_moves_an_item_under_another_at_the_index_and_renumbers_both_levels(agenda):
    services.place_item(item(agenda, "Report"), parent=item(agenda, "Review"), index=1)
    assert outline(agenda) == [
        ("1", "Opening", 0),
        ("2", "Review", 0),
        ("2(a)", "Scope", 1),
        ("2(b)", "Report", 1),
        ("2(c)", "Method", 1),
        ("3", "Other matters", 0),
    ]
    positions = list(
        AgendaItem.objects.filter(agenda=agenda, parent=None)
        .order_by("position")
        .values_list("position", flat=True)
    )
    assert positions == [10, 20, 30]


def test_place_past_the_end_appends_and_a_sub_item_can_come_out_to_the_top(agenda):
    services.place_item(item(agenda, "Scope"), parent=None, index=99)
    assert outline(agenda)[-2:] == [("4", "Report", 0), ("5", "Scope", 0)]
    assert outline(agenda)[2] == ("2(a)", "Method", 1)


@pytest.mark.parametrize(("moved", "under"), [("Review", "Scope"), ("Review", "Review")])
def test_place_refuses_a_cycle_and_changes_nothing(agenda, moved, under):
    with pytest.raises(ValidationError) as refused:
        services.place_item(item(agenda, moved), parent=item(agenda, under), index=0)
    assert refused.value.message_dict == {
        "parent": ["An item cannot be its own parent or ancestor."]
    }
    assert outline(agenda) == ORIGINAL


def test_place_refuses_a_fourth_level_and_changes_nothing(agenda):
    services.add_agenda_item(agenda, parent=item(agenda, "Scope"), title_en="Deep")
    before = outline(agenda)
    with pytest.raises(ValidationError):
        services.place_item(item(agenda, "Opening"), parent=item(agenda, "Deep"), index=0)
    assert outline(agenda) == before


def test_place_refuses_a_parent_of_another_agenda(agenda):
    stranger = AgendaItemFactory()
    with pytest.raises(ValidationError) as refused:
        services.place_item(item(agenda, "Opening"), parent=stranger, index=0)
    assert refused.value.message_dict == {"parent": ["The parent item belongs to another agenda."]}
    assert outline(agenda) == ORIGINAL


def test_indent_makes_an_item_the_last_sub_item_of_the_one_above(agenda):
    services.indent_item(item(agenda, "Other matters"))
    assert outline(agenda) == [
        ("1", "Opening", 0),
        ("2", "Review", 0),
        ("2(a)", "Scope", 1),
        ("2(b)", "Method", 1),
        ("2(c)", "Other matters", 1),
        ("3", "Report", 0),
    ]


def test_indent_refuses_the_first_entry_of_a_level(agenda):
    for title in ("Opening", "Scope"):
        with pytest.raises(ValidationError) as refused:
            services.indent_item(item(agenda, title))
        assert refused.value.messages == [
            "The first entry of a level has no entry above it to go under."
        ]
    assert outline(agenda) == ORIGINAL


def test_outdent_puts_a_sub_item_just_after_its_parent(agenda):
    services.outdent_item(item(agenda, "Scope"))
    assert outline(agenda) == [
        ("1", "Opening", 0),
        ("2", "Review", 0),
        ("2(a)", "Method", 1),
        ("3", "Scope", 0),
        ("4", "Other matters", 0),
        ("5", "Report", 0),
    ]


def test_outdent_refuses_a_top_level_entry(agenda):
    with pytest.raises(ValidationError) as refused:
        services.outdent_item(item(agenda, "Report"))
    assert refused.value.messages == ["A top-level entry cannot move further out."]
    assert outline(agenda) == ORIGINAL


def test_remove_takes_the_sub_items_and_their_rows_and_renumbers(agenda):
    scope = item(agenda, "Scope")
    link = DocumentationLinkFactory(item=scope)
    services.remove_agenda_item(item(agenda, "Review"))
    assert outline(agenda) == [
        ("1", "Opening", 0),
        ("2", "Other matters", 0),
        ("3", "Report", 0),
    ]
    assert not DocumentationLink.objects.filter(pk=link.pk).exists()
    assert Document.objects.filter(pk=link.document_id).exists()  # the document stays


# Pasting documents --------------------------------------------------------------------


def documentation(item):
    return [
        (link.document.symbol, link.document.title_en, link.purpose.code if link.purpose else "")
        for link in item.documentation.select_related("document", "purpose").order_by(
            "position", "pk"
        )
    ]


def test_paste_links_creates_flags_and_keeps_the_pasted_order(agenda):
    review = item(agenda, "Review")
    existing = DocumentFactory(symbol="CAC/COSP/WG.4/2020/2", title_en="Existing paper")
    DocumentationLinkFactory(item=review, document=DocumentFactory(symbol="A/75/1"))
    report = services.paste_documentation(
        review,
        "CAC/COSP/WG.4/2020/4\tBackground paper\tFor decision\n"
        "\n"
        "Existing paper (cac/cosp/wg.4/2020/2)\n"
        "Note by the Secretariat on the venue – Pour information\n"
        "E/CN.7/2026/L.1/Add1 – Draft resolution\n"
        "A/75/1\n",
        language="en",
    )
    assert [(line.number, outcome) for line, outcome, _doc, _note in report.entries] == [
        (1, "created"),
        (3, "linked"),
        (4, "to be issued"),
        (5, "created"),
        (6, "already listed"),
    ]
    assert report.entries[1][2] == existing
    assert report.entries[3][3] == "the suffix “Add1” needs a dot: write it Add.1."
    assert report.entries[0][3] == ""
    assert documentation(review) == [
        ("A/75/1", Document.objects.get(symbol="A/75/1").title_en, ""),
        ("CAC/COSP/WG.4/2020/4", "Background paper", "for-decision"),
        ("CAC/COSP/WG.4/2020/2", "Existing paper", ""),
        ("", "Note by the Secretariat on the venue", "for-information"),
        ("E/CN.7/2026/L.1/Add1", "Draft resolution", ""),
    ]


def test_paste_titles_go_to_the_working_language(agenda):
    review = item(agenda, "Review")
    services.paste_documentation(review, "A/75/9 – Rapport du Secrétaire général", language="fr")
    document = Document.objects.get(symbol="A/75/9")
    assert (document.title_fr, document.title_en) == ("Rapport du Secrétaire général", None)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (
            "A//75/1\tReport",
            "Line 2 (“A//75/1\tReport”): “A//75/1” is not a valid UN document symbol: "
            "it has an empty part between slashes.",
        ),
        (
            "A/75/" + "1" * 130,
            "Line 2 (“A/75/" + "1" * 130 + "”): ",
        ),
    ],
)
def test_a_bad_line_writes_nothing_at_all_and_names_the_line(agenda, bad_line, message):
    review = item(agenda, "Review")
    documents_before = Document.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.paste_documentation(review, f"A/75/2\n{bad_line}\nA/75/3", language="en")
    assert refused.value.messages[0].startswith(message)
    assert Document.objects.count() == documents_before
    assert documentation(review) == []


# Pasting citations --------------------------------------------------------------------


def test_paste_citations_finds_creates_and_does_not_repeat(agenda):
    review = item(agenda, "Review")
    body = agenda.session.body
    known = ResolutionFactory(body=body, session_number=8, number=7, title_en="")
    cited, unread = resolution_services.paste_citations(
        review,
        "resolution 8/7, entitled “Enhancing the effectiveness of anti-corruption bodies”\n"
        "decision 9/2\n"
        "see the report\n"
        "resolution 8/7\n",
        body=body,
        placement=Citation.Placement.TITLE,
        language="en",
    )
    assert unread == [(3, "see the report")]
    assert [c.resolution.pk for c in cited][0] == known.pk
    known.refresh_from_db()
    assert known.title_en == "Enhancing the effectiveness of anti-corruption bodies"
    decision = Resolution.objects.get(body=body, kind="decision", session_number=9, number=2)
    assert list(
        Citation.objects.filter(item=review)
        .order_by("position")
        .values_list("resolution", flat=True)
    ) == [known.pk, decision.pk]


def test_pasting_citations_is_one_revision_of_the_item_with_them(agenda):
    review = item(agenda, "Review")
    officer = UserFactory(username="officer")
    officer.groups.add(Group.objects.get(name=SECRETARIAT))
    Revision.objects.all().delete()

    cited, _unread = resolution_services.paste_citations(
        review,
        "resolution 8/7\ndecision 9/2",
        body=agenda.session.body,
        placement="title",
        language="en",
        by=officer,
    )

    revision = Revision.objects.get()
    assert revision.user == officer
    assert history.comment_text(revision.comment) == (
        "Cited 2 pasted resolutions and decisions from “Review”."
    )
    assert recorded(revision) == {(AgendaItem, review.pk)} | {(Citation, c.pk) for c in cited} | {
        (Resolution, c.resolution_id) for c in cited
    }


def test_pasting_the_same_citations_twice_adds_nothing(agenda):
    review = item(agenda, "Review")
    body = agenda.session.body
    for expected in (1, 0):
        cited, _unread = resolution_services.paste_citations(
            review, "resolution 8/7", body=body, placement="title", language="en"
        )
        assert len(cited) == expected
    assert Citation.objects.filter(item=review).count() == 1


# Removing a row -----------------------------------------------------------------------


def test_remove_row_deletes_one_row_and_keeps_the_others_in_order(agenda):
    review = item(agenda, "Review")
    links = [DocumentationLinkFactory(item=review, position=p) for p in (1, 2, 3)]
    services.remove_row(links[1])
    assert list(review.documentation.order_by("position").values_list("pk", flat=True)) == [
        links[0].pk,
        links[2].pk,
    ]
    footnote = services.save_footnote(
        Footnote(agenda=agenda, item=review, placement="annotation", text_en="A note.")
    )
    services.remove_row(footnote)
    assert not Footnote.objects.exists()


# The timetable ------------------------------------------------------------------------


@pytest.fixture
def room(agenda):
    return RoomFactory(venue=agenda.session.venue)


def slot(agenda, room, day=31, start=(10, 0), end=(13, 0), **fields):
    return TimeSlot(
        session=agenda.session,
        date=datetime.date(2020, 8, day),
        start_time=datetime.time(*start),
        end_time=datetime.time(*end),
        room=room,
        **fields,
    )


def taken_up(session):
    return [
        (s.start_time.hour, [si.item.title_en for si in s.slot_items.order_by("position")])
        for s in TimeSlot.objects.filter(session=session).order_by("date", "start_time")
    ]


def test_item_names_read_numbers_and_unnumbered_titles(agenda):
    names = scheduling_services.items_by_reference(agenda.session)
    found = scheduling_services.read_item_names("2(b), 1; OPENING ; 2(b)", names)
    assert [i.title_en for i in found] == ["Method", "Opening"]


def test_save_timetable_writes_every_row_and_items_in_order(agenda, room):
    scheduling_services.save_timetable(
        agenda.session,
        [
            (slot(agenda, room), "1, 2(a), 2(b)", False),
            (slot(agenda, room, start=(15, 0), end=(18, 0), introduced_by_en="Chair"), "4", False),
        ],
    )
    assert taken_up(agenda.session) == [(10, ["Opening", "Scope", "Method"]), (15, ["Report"])]
    afternoon = TimeSlot.objects.get(start_time=datetime.time(15))
    assert afternoon.introduced_by_en == "Chair"


def test_a_timetable_saved_is_one_revision_of_its_session_with_every_slot(agenda, room):
    officer = UserFactory(username="officer")
    officer.groups.add(Group.objects.get(name=SECRETARIAT))
    Revision.objects.all().delete()
    morning, afternoon = slot(agenda, room), slot(agenda, room, start=(15, 0), end=(18, 0))
    scheduling_services.save_timetable(
        agenda.session, [(morning, "1, 2", False), (afternoon, "3", False)], by=officer
    )
    saved = Revision.objects.get()
    slots = {(TimeSlot, pk) for pk in TimeSlot.objects.values_list("pk", flat=True)}
    slot_items = {(SlotItem, pk) for pk in SlotItem.objects.values_list("pk", flat=True)}
    # Removing a row only: a version of the session without it.
    scheduling_services.save_timetable(agenda.session, [(afternoon, "", True)], by=officer)
    removed = Revision.objects.exclude(pk=saved.pk).get()

    assert (saved.user, removed.user) == (officer, officer)
    assert history.comment_text(saved.comment) == f"Saved the timetable of “{agenda.session}”."
    assert (len(slots), len(slot_items)) == (2, 3)
    assert recorded(saved) == {(Session, agenda.session.pk)} | slots | slot_items
    assert recorded(removed) == {(Session, agenda.session.pk), (TimeSlot, morning.pk)} | {
        (SlotItem, pk) for pk in morning.slot_items.values_list("pk", flat=True)
    }


def test_save_timetable_reorders_and_removes_rows(agenda, room):
    morning, afternoon = slot(agenda, room), slot(agenda, room, start=(15, 0), end=(18, 0))
    scheduling_services.save_timetable(
        agenda.session, [(morning, "1, 2", False), (afternoon, "3", False)]
    )
    scheduling_services.save_timetable(
        agenda.session, [(morning, "2, 1", False), (afternoon, "", True)]
    )
    assert taken_up(agenda.session) == [(10, ["Review", "Opening"])]


@pytest.mark.parametrize(
    ("items", "times", "message"),
    [
        (
            "9, 2(z)",
            {"start": (15, 0), "end": (18, 0)},
            "Row 2: No agenda of the session has the item “9”, “2(z)”.",
        ),
        ("1", {"start": (18, 0), "end": (15, 0)}, "Row 2: A time slot must end after it starts."),
        ("1", {}, "Row 2: {room} is already booked from 10:00 to 13:00 on this date"),
    ],
)
def test_a_bad_row_writes_no_row_at_all(agenda, room, items, times, message):
    with pytest.raises(ValidationError) as refused:
        scheduling_services.save_timetable(
            agenda.session,
            [(slot(agenda, room), "1", False), (slot(agenda, room, **times), items, False)],
        )
    assert refused.value.messages[0].startswith(message.format(room=room.name_en))
    assert not TimeSlot.objects.exists()
    assert not SlotItem.objects.exists()


# A new agenda -------------------------------------------------------------------------


@pytest.fixture
def last_year(agenda):
    """The agenda fixture's session as the eleventh meeting, with texts naming it."""
    session = agenda.session
    session.number, session.start_date, session.end_date = (
        11,
        datetime.date(2020, 8, 31),
        datetime.date(2020, 9, 2),
    )
    session.save()
    agenda.title_en = "Provisional agenda"
    agenda.save()
    opening = item(agenda, "Opening")
    opening.annotation_en = (
        "<p>The eleventh meeting of the Working Group will be opened on Monday, "
        "31 August 2020, at 10 a.m. and end on 2 September 2020.</p>"
    )
    opening.annotation_fr = "<p>La onzième réunion s’ouvrira le lundi 31 août 2020.</p>"
    opening.annotation_zh_hans = (
        "<p>工作组第十一次会议将于 2020 年 8 月 31 日星期一上午 10 时开幕。</p>"
    )
    opening.save()
    DocumentationLinkFactory(item=opening)
    return agenda


def test_start_from_previous_copies_the_outline_and_brings_ordinal_and_dates_forward(last_year):
    session = services.save_session(
        Session(
            body=last_year.session.body,
            number=12,
            start_date=datetime.date(2021, 9, 6),
            end_date=datetime.date(2021, 9, 8),
            venue=last_year.session.venue,
        )
    )
    new = services.start_from_previous(session)
    assert outline(new) == ORIGINAL
    opening = item(new, "Opening")
    assert opening.annotation_en == (
        "<p>The twelfth meeting of the Working Group will be opened on Monday, "
        "6 September 2021, at 10 a.m. and end on 8 September 2021.</p>"
    )
    assert (
        opening.annotation_fr == "<p>La douzième réunion s’ouvrira le lundi 6 septembre 2021.</p>"
    )
    assert opening.annotation_zh_hans == (
        "<p>工作组第十二次会议将于 2021 年 9 月 6 日星期一上午 10 时开幕。</p>"
    )
    assert not opening.documentation.exists()
    assert (new.kind, new.title_en, new.original_language) == (
        last_year.kind,
        "Provisional agenda",
        last_year.original_language,
    )
    # The earlier agenda is untouched.
    assert "eleventh" in item(last_year, "Opening").annotation_en


def test_a_phrase_just_written_is_not_replaced_again(last_year):
    """The new first day equals the old last day: one pass, so no double replacement."""
    session = services.save_session(
        Session(
            body=last_year.session.body,
            number=12,
            start_date=datetime.date(2020, 9, 2),
            end_date=datetime.date(2020, 9, 4),
            venue=last_year.session.venue,
        )
    )
    new = services.start_from_previous(session)
    assert item(new, "Opening").annotation_en == (
        "<p>The twelfth meeting of the Working Group will be opened on Wednesday, "
        "2 September 2020, at 10 a.m. and end on 4 September 2020.</p>"
    )


def test_start_from_previous_without_an_earlier_agenda_is_refused():
    session = SessionFactory()
    with pytest.raises(ValidationError) as refused:
        services.start_from_previous(session)
    assert refused.value.messages == [
        f"{session.body} has no agenda of an earlier session to start from."
    ]
    assert not Agenda.objects.exists()


def test_draft_agenda_creates_the_session_and_an_empty_agenda():
    body = BodyFactory()
    venue = RoomFactory().venue
    agenda = services.draft_agenda(
        body=body,
        number=3,
        start_date=datetime.date(2027, 2, 1),
        end_date=datetime.date(2027, 2, 3),
        venue=venue,
        agenda_fields={
            "symbol": f"{body.symbol_prefix}/2027/1",
            "kind": "provisional",
            "original_language": "fr",
        },
    )
    assert (agenda.session.number, agenda.session.body, agenda.kind, agenda.original_language) == (
        3,
        body,
        "provisional",
        "fr",
    )
    assert not agenda.items.exists()


def test_draft_agenda_from_previous_keeps_the_typed_masthead(last_year):
    agenda = services.draft_agenda(
        body=last_year.session.body,
        number=12,
        start_date=datetime.date(2021, 9, 6),
        end_date=datetime.date(2021, 9, 8),
        venue=last_year.session.venue,
        agenda_fields={"symbol": "TEST/X/2021/1", "kind": "provisional", "original_language": "en"},
        from_previous=True,
    )
    assert (agenda.symbol, agenda.kind) == ("TEST/X/2021/1", "provisional")
    assert outline(agenda) == ORIGINAL


def test_draft_agenda_refusal_leaves_no_session_behind():
    body = BodyFactory()
    with pytest.raises(ValidationError):
        services.draft_agenda(
            body=body,
            number=3,
            start_date=datetime.date(2027, 2, 1),
            end_date=datetime.date(2027, 2, 3),
            venue=RoomFactory().venue,
            agenda_fields={"symbol": "", "kind": "annotated", "original_language": "en"},
            from_previous=True,
        )
    assert not Session.objects.filter(body=body).exists()
