"""The drafting pages as staff use them, without a browser: every form posts to a view
that calls a service, answers with the page again (or, asked by the page's script, with
the workspace alone), and says what happened.

Bad input gets a message and leaves the data as it was; those who may only view get
the page but no change; the page's queries do not grow with the agenda.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode
from lxml import html
from reversion.models import Revision

from agendas import history, services
from agendas.models import Agenda, AgendaItem, Document, DocumentPurpose, Footnote, Session
from resolutions.models import Citation
from scheduling.models import TimeSlot
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    DocumentationLinkFactory,
    RoomFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
FRAGMENT = {"HTTP_X_DRAFTING_FRAGMENT": "1"}


@pytest.fixture
def agenda():
    agenda = AgendaFactory(original_language="en")
    opening = services.add_agenda_item(agenda, title_en="Opening of the meeting")
    review = services.add_agenda_item(agenda, title_en="Review")
    services.add_agenda_item(agenda, parent=review, title_en="Scope")
    services.add_agenda_item(
        agenda, kind=AgendaItem.Kind.UNNUMBERED, title_en="Closing", in_list=True
    )
    agenda.opening = opening
    return agenda


def page(response):
    return html.fromstring(response.content.decode())


def outline_texts(response):
    return [
        " ".join(entry.xpath("string(.//a[@class='outline__title'])").split())
        for entry in page(response).xpath("//li[contains(@class,'outline__entry')]")
    ]


def messages_of(response):
    return [
        " ".join(li.text_content().split())
        for li in page(response).xpath("//ul[@class='messagelist']/li")
    ]


def agenda_url(agenda, **query):
    url = reverse("drafting:agenda", args=[agenda.pk])
    return url + ("?" + urlencode(query, doseq=True) if query else "")


def titles(agenda):
    return list(
        AgendaItem.objects.filter(agenda=agenda)
        .order_by("parent_id", "position")
        .values_list("title_en", flat=True)
    )


# The page -----------------------------------------------------------------------------


def test_the_page_shows_the_outline_numbered_as_it_prints(secretariat_client, agenda):
    response = secretariat_client.get(agenda_url(agenda))
    assert response.status_code == 200
    assert outline_texts(response) == [
        "1 Opening of the meeting",
        "2 Review",
        "2(a) Scope",
        "Closing",
    ]
    assert page(response).xpath("string(//h2[@id='editor-heading'])") == "Choose an entry"


def test_choosing_an_entry_opens_its_texts_in_the_working_languages(secretariat_client, agenda):
    response = secretariat_client.get(agenda_url(agenda, item=agenda.opening.pk, languages="fr"))
    tree = page(response)
    assert tree.xpath("string(//h2[@id='editor-heading'])") == "1 Opening of the meeting"
    names = tree.xpath("//form[@class='editor__item']//textarea/@name")
    assert names == ["title_fr", "heading_fr", "annotation_fr"]
    # The choice is remembered for the next page.
    response = secretariat_client.get(agenda_url(agenda, item=agenda.opening.pk))
    assert page(response).xpath("//form[@class='editor__item']//textarea/@name") == [
        "title_fr",
        "heading_fr",
        "annotation_fr",
    ]


def test_every_id_on_the_page_names_one_element(secretariat_client, agenda):
    """Several forms have a field of one name ("kind", "lines"): a label must still
    lead to its own field."""
    DocumentationLinkFactory(item=agenda.opening)
    response = secretariat_client.get(agenda_url(agenda, item=agenda.opening.pk))
    ids = page(response).xpath("//@id")
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    labels = page(response).xpath("//label/@for")
    assert sorted(set(labels) - set(ids)) == []


def test_without_a_choice_the_original_and_interface_languages_are_edited(
    secretariat_client, agenda
):
    agenda.original_language = "zh-hans"
    agenda.save()
    response = secretariat_client.get(agenda_url(agenda, item=agenda.opening.pk))
    names = page(response).xpath("//form[@class='editor__item']//textarea/@name")
    assert names[:2] == ["title_zh_hans", "title_en"]
    direction = page(response).xpath("//textarea[@name='title_zh_hans']/@lang")
    assert direction == ["zh-hans"]


def test_an_unknown_item_or_language_is_ignored(secretariat_client, agenda):
    response = secretariat_client.get(agenda_url(agenda, item="abc", languages="xx"))
    assert response.status_code == 200
    assert page(response).xpath("string(//h2[@id='editor-heading'])") == "Choose an entry"


def test_an_item_of_another_agenda_is_not_opened(secretariat_client, agenda):
    stranger = AgendaItemFactory()
    response = secretariat_client.get(agenda_url(agenda, item=stranger.pk))
    assert page(response).xpath("string(//h2[@id='editor-heading'])") == "Choose an entry"


def add_items(agenda, count):
    for number in range(count):
        item = services.add_agenda_item(agenda, title_en=f"Item {number}")
        DocumentationLinkFactory(item=item)
    return item


@pytest.mark.parametrize("count", [1, 50])
def test_the_page_takes_the_same_queries_for_1_and_50_items(
    secretariat_client, django_assert_num_queries, count
):
    agenda = AgendaFactory()
    item = add_items(agenda, count)
    secretariat_client.get(agenda_url(agenda, item=item.pk))  # sessions, caches warm
    # The person's session and user, the agenda, the chosen item with its documentation,
    # citations and footnotes, the outline, the language versions, the purposes and the
    # bodies to choose from.
    with django_assert_num_queries(11):
        response = secretariat_client.get(agenda_url(agenda, item=item.pk))
    assert len(outline_texts(response)) == count


# The outline's actions ----------------------------------------------------------------


def outline_post(client, agenda, fragment=False, **data):
    extra = FRAGMENT if fragment else {}
    return client.post(reverse("drafting:outline", args=[agenda.pk]), data, **extra)


def test_adding_an_entry_puts_it_at_the_end_or_under_its_parent(secretariat_client, agenda):
    review = AgendaItem.objects.get(title_en="Review")
    response = outline_post(
        secretariat_client, agenda, action="add", kind="item", title="Method", under=review.pk
    )
    assert response.status_code == 302
    assert response["Location"] == agenda_url(
        agenda, item=AgendaItem.objects.get(title_en="Method").pk
    )
    response = secretariat_client.get(response["Location"])
    assert outline_texts(response)[2:4] == ["2(a) Scope", "2(b) Method"]


def test_the_pages_script_gets_the_workspace_with_the_new_numbers(secretariat_client, agenda):
    scope = AgendaItem.objects.get(title_en="Scope")
    response = outline_post(secretariat_client, agenda, True, action="outdent", item=scope.pk)
    assert response.status_code == 200
    assert b"<html" not in response.content  # the workspace alone
    assert outline_texts(response) == [
        "1 Opening of the meeting",
        "2 Review",
        "3 Scope",
        "Closing",
    ]
    assert page(response).xpath("string(//h2[@id='editor-heading'])") == "3 Scope"


def test_a_drop_places_the_entry_where_it_fell(secretariat_client, agenda):
    review = AgendaItem.objects.get(title_en="Review")
    response = outline_post(
        secretariat_client,
        agenda,
        True,
        action="place",
        item=agenda.opening.pk,
        parent=review.pk,
        index=0,
    )
    assert outline_texts(response) == [
        "1 Review",
        "1(a) Opening of the meeting",
        "1(b) Scope",
        "Closing",
    ]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("indent", "The first entry of a level has no entry above it to go under."),
        ("outdent", "A top-level entry cannot move further out."),
        ("dance", "Unknown action."),
    ],
)
def test_a_refused_move_says_why_and_changes_nothing(secretariat_client, agenda, action, message):
    before = titles(agenda)
    response = outline_post(secretariat_client, agenda, True, action=action, item=agenda.opening.pk)
    assert messages_of(response) == [message]
    assert titles(agenda) == before


def test_a_drop_with_a_bad_index_is_refused(secretariat_client, agenda):
    before = titles(agenda)
    response = outline_post(
        secretariat_client, agenda, True, action="place", item=agenda.opening.pk, index="top"
    )
    assert messages_of(response) == ["The place the entry was dropped at was not understood."]
    assert titles(agenda) == before


def test_a_drop_under_an_entry_someone_just_removed_is_refused(secretariat_client, agenda):
    review = AgendaItem.objects.get(title_en="Review")
    gone = review.pk
    services.remove_agenda_item(review)
    before = titles(agenda)
    response = outline_post(
        secretariat_client, agenda, True, action="place", item=agenda.opening.pk, parent=gone
    )
    assert messages_of(response) == ["The entry it was dropped under is no longer in this agenda."]
    assert titles(agenda) == before


def test_adding_without_a_title_is_refused(secretariat_client, agenda):
    before = titles(agenda)
    response = outline_post(secretariat_client, agenda, True, action="add", kind="item", title="")
    assert messages_of(response) == ["This field is required."]
    assert titles(agenda) == before


def test_an_entry_removed_by_someone_else_is_a_404_not_a_crash(secretariat_client, agenda):
    gone = agenda.opening.pk
    services.remove_agenda_item(agenda.opening)
    response = outline_post(secretariat_client, agenda, action="up", item=gone)
    assert response.status_code == 404


def test_removing_an_entry_says_so(secretariat_client, agenda):
    review = AgendaItem.objects.get(title_en="Review")
    response = outline_post(secretariat_client, agenda, True, action="remove", item=review.pk)
    assert messages_of(response) == ["The entry was removed, with what was under it."]
    assert outline_texts(response) == ["1 Opening of the meeting", "Closing"]


# An entry's texts ---------------------------------------------------------------------


def item_post(client, item, **data):
    fields = {"kind": item.kind, "in_list": "on", "in_annotations": "on"}
    fields.update(data)
    return client.post(reverse("drafting:item", args=[item.pk]), fields, **FRAGMENT)


def test_saving_keeps_paragraphs_and_drops_what_the_public_page_would(secretariat_client, agenda):
    response = item_post(
        secretariat_client,
        agenda.opening,
        title_en="Opening of the session",
        annotation_en=(
            "<p>The meeting opens at <strong>10 a.m.</strong></p><p></p>"
            "<p>See <a href='https://undocs.org/A/75/1' onclick='x()'>A/75/1</a>"
            "<sup>1</sup>.</p><script>alert(1)</script><h1>Big</h1>"
        ),
    )
    assert messages_of(response) == ["Saved."]
    agenda.opening.refresh_from_db()
    assert agenda.opening.title_en == "Opening of the session"
    assert agenda.opening.annotation_en == (
        "<p>The meeting opens at <strong>10 a.m.</strong></p><p></p>"
        '<p>See <a href="https://undocs.org/A/75/1" rel="noopener noreferrer">A/75/1</a>'
        "<sup>1</sup>.</p>Big"
    )


def test_a_refused_save_keeps_what_was_typed_and_says_why(secretariat_client, agenda):
    response = secretariat_client.post(
        reverse("drafting:item", args=[agenda.opening.pk]),
        {"kind": "item", "title_en": "", "annotation_en": "<p>Typed with care.</p>"},
    )
    assert response.status_code == 200
    tree = page(response)
    assert "Typed with care." in tree.xpath("string(//textarea[@name='annotation_en'])")
    errors = " ".join(tree.xpath("string(//form[@class='editor__item'])").split())
    assert "This field cannot be blank." in errors
    agenda.opening.refresh_from_db()
    assert agenda.opening.title_en == "Opening of the meeting"


def test_a_translator_saves_in_her_language_without_touching_the_others(
    client, agenda, make_translator
):
    client.force_login(make_translator("fr"))
    client.get(agenda_url(agenda, languages="fr"))
    response = item_post(client, agenda.opening, title_fr="Ouverture de la réunion")
    assert messages_of(response) == ["Saved."]
    agenda.opening.refresh_from_db()
    assert (agenda.opening.title_fr, agenda.opening.title_en) == (
        "Ouverture de la réunion",
        "Opening of the meeting",
    )


def test_a_save_here_is_one_revision_on_the_history_the_entry_links_to(
    secretariat_client, secretariat, agenda
):
    Revision.objects.all().delete()
    response = item_post(secretariat_client, agenda.opening, title_en="Opening of the session")

    revision = Revision.objects.get()
    assert revision.user == secretariat
    assert history.comment_text(revision.comment) == (
        "Changed agenda item “Opening of the session”."
    )
    history_url = reverse("admin:agendas_agendaitem_history", args=[agenda.opening.pk])
    assert page(response).xpath("//p[@class='editor__history']/a/@href") == [history_url]
    response = secretariat_client.get(agenda_url(agenda))
    agenda_history = reverse("admin:agendas_agenda_history", args=[agenda.pk])
    assert page(response).xpath(
        f"//ul[contains(@class, 'drafting-tools')]//a[@href='{agenda_history}']"
    )


# Documentation, citations, footnotes --------------------------------------------------


def test_pasting_documents_lists_them_and_reports(secretariat_client, agenda):
    url = reverse("drafting:documents", args=[agenda.opening.pk])
    response = secretariat_client.post(
        url,
        {"lines": "A/75/1\tReport\tFor decision\nE/CN.7/2026/L.1/Add1\nNote on the venue"},
        **FRAGMENT,
    )
    assert messages_of(response) == [
        "Listed 0 existing documents and 2 new ones, and 1 to be issued; 0 were listed already.",
        "Line 2: E/CN.7/2026/L.1/Add1 is kept as printed, but it is irregular: "
        "the suffix “Add1” needs a dot: write it Add.1.",
    ]
    rows = page(response).xpath("//table[@class='editor__table']/tbody/tr")
    assert [" ".join(row.xpath("string(td[1])").split()) for row in rows] == [
        "A/75/1",
        "E/CN.7/2026/L.1/Add1 ⚠",
        "—",
    ]
    assert page(response).xpath("//select[@name='purpose']/option[@selected]/text()") == [
        "For decision"
    ]


def test_a_bad_paste_lists_nothing_and_names_the_line(secretariat_client, agenda):
    url = reverse("drafting:documents", args=[agenda.opening.pk])
    response = secretariat_client.post(url, {"lines": "A/75/1\nA//75/2"}, **FRAGMENT)
    assert messages_of(response) == [
        "Line 2 (“A//75/2”): “A//75/2” is not a valid UN document symbol: "
        "it has an empty part between slashes."
    ]
    assert not Document.objects.exists()


def test_the_purpose_of_a_row_is_set_and_cleared(secretariat_client, agenda):
    link = DocumentationLinkFactory(item=agenda.opening)
    decision = DocumentPurpose.objects.get(code="for-decision")
    url = reverse("drafting:purpose", args=[link.pk])
    secretariat_client.post(url, {"purpose": decision.pk}, **FRAGMENT)
    link.refresh_from_db()
    assert link.purpose == decision
    secretariat_client.post(url, {"purpose": ""}, **FRAGMENT)
    link.refresh_from_db()
    assert link.purpose is None


def test_pasting_citations_cites_and_reports_unread_lines(secretariat_client, agenda):
    url = reverse("drafting:citations", args=[agenda.opening.pk])
    response = secretariat_client.post(
        url,
        {
            "lines": "resolution 8/7, entitled “Prevention”\nsee above",
            "placement": "title",
            "body": agenda.session.body.pk,
        },
        **FRAGMENT,
    )
    assert messages_of(response) == [
        "Cited 1 resolutions and decisions.",
        "Line 2 names no resolution or decision: “see above”.",
    ]
    citation = Citation.objects.get(item=agenda.opening)
    assert (citation.resolution.session_number, citation.resolution.number) == (8, 7)


def test_a_footnote_is_added_and_removed(secretariat_client, agenda):
    url = reverse("drafting:footnotes", args=[agenda.opening.pk])
    response = secretariat_client.post(
        url,
        {"placement": "annotation", "paragraph": "2", "text_en": "<p>See the <em>report</em>.</p>"},
        **FRAGMENT,
    )
    assert messages_of(response) == ["The footnote was added."]
    footnote = Footnote.objects.get()
    assert (footnote.paragraph, footnote.text_en) == (2, "<p>See the <em>report</em>.</p>")
    response = secretariat_client.post(
        reverse("drafting:remove", args=["footnote", footnote.pk]), **FRAGMENT
    )
    assert messages_of(response) == ["Removed."]
    assert not Footnote.objects.exists()


# Who may ------------------------------------------------------------------------------


@pytest.fixture
def viewer_client(db):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(viewer)
    return client


def test_a_viewer_reads_the_page_but_every_change_is_refused(viewer_client, agenda):
    assert viewer_client.get(agenda_url(agenda)).status_code == 200
    before = titles(agenda)
    posts = [
        (
            reverse("drafting:outline", args=[agenda.pk]),
            {"action": "add", "title": "X", "kind": "item"},
        ),
        (reverse("drafting:item", args=[agenda.opening.pk]), {"kind": "item", "title_en": "X"}),
        (reverse("drafting:documents", args=[agenda.opening.pk]), {"lines": "A/75/1"}),
        (
            reverse("drafting:footnotes", args=[agenda.opening.pk]),
            {"placement": "annotation", "text_en": "X"},
        ),
        (reverse("drafting:timetable", args=[agenda.session_id]), {}),
        (reverse("drafting:new-agenda"), {}),
    ]
    assert [viewer_client.post(url, data).status_code for url, data in posts] == [403] * 6
    assert titles(agenda) == before
    assert not Document.objects.exists() and not Footnote.objects.exists()


# The timetable grid -------------------------------------------------------------------


def grid(session, rows, total=None):
    """POST data of the grid: ``rows`` of field values, the rest of the rows empty."""
    data = {
        "slots-TOTAL_FORMS": str(total or len(rows)),
        "slots-INITIAL_FORMS": str(sum(1 for row in rows if row.get("slot"))),
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"slots-{index}-{name}"] = value
    return data


def row(day="2020-08-31", start="10:00", end="13:00", kind="meeting", **fields):
    return {"date": day, "start_time": start, "end_time": end, "kind": kind, **fields}


def test_the_grid_saves_rows_and_shows_them_again(secretariat_client, agenda):
    session = agenda.session
    room = RoomFactory(venue=session.venue)
    url = reverse("drafting:timetable", args=[session.pk])
    response = secretariat_client.post(
        url,
        grid(
            session,
            [
                row(room=room.pk, items="1, 2(a)", introduced_by_en="The Chair"),
                row(start="13:00", end="15:00", kind="break"),
                row(start="15:00", end="18:00", room=room.pk, items="Closing"),
                # An extra row left as offered: its kind is the first choice, no more.
                {"kind": "meeting"},
            ],
        ),
    )
    assert response.status_code == 302
    slots = list(TimeSlot.objects.filter(session=session).order_by("start_time"))
    assert [
        (s.start_time.hour, s.kind, [si.item.title_en for si in s.slot_items.all()]) for s in slots
    ] == [
        (10, "meeting", ["Opening of the meeting", "Scope"]),
        (13, "break", []),
        (15, "meeting", ["Closing"]),
    ]
    assert slots[0].introduced_by_en == "The Chair"
    shown = page(secretariat_client.get(url))
    assert shown.xpath("//input[@name='slots-0-items']/@value") == ["1, 2(a)"]
    assert shown.xpath("//input[@name='slots-2-items']/@value") == ["Closing"]


def test_a_bad_row_keeps_the_grid_as_typed_and_writes_nothing(secretariat_client, agenda):
    session = agenda.session
    url = reverse("drafting:timetable", args=[session.pk])
    response = secretariat_client.post(
        url, grid(session, [row(items="1"), row(start="15:00", end="18:00", items="7")])
    )
    assert response.status_code == 200
    tree = page(response)
    errors = " ".join(tree.xpath("string(//ul[@class='errorlist nonform'])").split())
    assert errors == "Row 2: No agenda of the session has the item “7”."
    assert tree.xpath("//input[@name='slots-1-items']/@value") == ["7"]
    assert not TimeSlot.objects.exists()


def test_a_row_can_be_removed_from_the_grid(secretariat_client, agenda):
    session = agenda.session
    url = reverse("drafting:timetable", args=[session.pk])
    secretariat_client.post(url, grid(session, [row(items="1"), row(start="15:00", end="18:00")]))
    first, second = TimeSlot.objects.order_by("start_time")
    secretariat_client.post(
        url,
        grid(
            session,
            [
                row(slot=first.pk, items="1"),
                row(slot=second.pk, start="15:00", end="18:00", DELETE="on"),
            ],
        ),
    )
    assert list(TimeSlot.objects.values_list("pk", flat=True)) == [first.pk]


# A new agenda -------------------------------------------------------------------------


def test_a_new_agenda_from_the_last_one(secretariat_client, agenda):
    session = agenda.session
    response = secretariat_client.post(
        reverse("drafting:new-agenda"),
        {
            "body": session.body.pk,
            "number": session.number + 1,
            "start_date": "2021-09-06",
            "end_date": "2021-09-08",
            "venue": session.venue.pk,
            "symbol": f"{session.body.symbol_prefix}/2021/1",
            "kind": "annotated",
            "distribution": "general",
            "original_language": "en",
            "start_from_previous": "on",
        },
    )
    new = Agenda.objects.exclude(pk=agenda.pk).get()
    assert response.status_code == 302
    assert response["Location"] == agenda_url(new)
    assert outline_texts(secretariat_client.get(response["Location"])) == [
        "1 Opening of the meeting",
        "2 Review",
        "2(a) Scope",
        "Closing",
    ]
    assert new.session.start_date == datetime.date(2021, 9, 6)


def test_a_new_agenda_with_nothing_to_start_from_says_so(secretariat_client):
    body = AgendaFactory().session.body
    Agenda.objects.all().delete()
    venue = RoomFactory().venue
    response = secretariat_client.post(
        reverse("drafting:new-agenda"),
        {
            "body": body.pk,
            "number": 2,
            "start_date": "2021-09-06",
            "end_date": "2021-09-08",
            "venue": venue.pk,
            "kind": "annotated",
            "distribution": "general",
            "original_language": "en",
            "start_from_previous": "on",
        },
    )
    assert response.status_code == 200
    text = " ".join(page(response).xpath("string(//div[@id='content-main']//form)").split())
    assert f"{body} has no agenda of an earlier session to start from." in text
    assert not Agenda.objects.exists()
    assert not Session.objects.filter(number=2, body=body).exists()


# Language versions --------------------------------------------------------------------


def test_job_numbers_of_the_working_languages_are_saved(secretariat_client, agenda):
    secretariat_client.get(agenda_url(agenda, languages="zh-hans"))
    url = reverse("drafting:editions", args=[agenda.pk])
    response = secretariat_client.post(
        url,
        {"job_number_zh-hans": "V.20-04026 (C)", "reissued_on_zh-hans": "2020-08-27"},
        **FRAGMENT,
    )
    assert messages_of(response) == ["The language versions were saved."]
    edition = agenda.editions.get()
    assert (edition.language, edition.job_number, str(edition.reissued_on)) == (
        "zh-hans",
        "V.20-04026 (C)",
        "2020-08-27",
    )
    shown = page(secretariat_client.get(agenda_url(agenda)))
    assert shown.xpath("//input[@name='job_number_zh-hans']/@value") == ["V.20-04026 (C)"]


def test_a_wrong_job_number_is_refused_with_its_language(secretariat_client, agenda):
    secretariat_client.get(agenda_url(agenda, languages=["en", "zh-hans"]))
    url = reverse("drafting:editions", args=[agenda.pk])
    response = secretariat_client.post(
        url,
        {"job_number_en": "V.20-04020 (E)", "job_number_zh-hans": "V.20-04026 (E)"},
        **FRAGMENT,
    )
    assert messages_of(response) == ["中文: The Chinese version's job number ends in (C)."]
    assert not agenda.editions.exists()  # not even the English one
