"""The admin's History page and Restore button, and one revision per admin page saved."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone
from lxml import html
from reversion.models import Revision, Version

from agendas import history, savers, services
from agendas.models import AgendaItem, DocumentationLink, DocumentPurpose
from publishing.roles import SECRETARIAT
from tests.admin_helpers import form_data
from tests.factories import (
    AgendaItemFactory,
    DocumentationLinkFactory,
    DocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def restore_url(obj, version):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_restore",
        kwargs={"object_id": obj.pk, "version_id": version.pk},
    )


def text(node, path="."):
    return " ".join(node.xpath(f"string({path})").split())


def rows(response):
    """Each revision of the page: when, who, what happened, what changed, restorable."""
    page = html.fromstring(response.content.decode())
    return [
        {
            "who": text(row, "td[@class='revision__user']"),
            "what": text(row, "td[@class='revision__comment']"),
            "fields": [
                (text(dt), text(dd))
                for dt, dd in zip(
                    row.xpath("td[@class='revision__changes']/dl/dt"),
                    row.xpath("td[@class='revision__changes']/dl/dd"),
                    strict=True,
                )
            ],
            "rows": [text(li) for li in row.xpath(".//ul[@class='revision__rows']/li")],
            "restore": bool(row.xpath(".//td[@class='revision__restore']//button")),
        }
        for row in page.xpath("//tr[@class='revision']")
    ]


def messages_of(response):
    page = html.fromstring(response.content.decode())
    return [text(li) for li in page.xpath("//ul[@class='messagelist']/li")]


def when(version):
    moment = timezone.localtime(version.revision.date_created)
    return formats.date_format(moment, "DATETIME_FORMAT")


@pytest.fixture
def officer(roles):
    """Secretariat staff (the services refuse others the changes made here)."""
    user = UserFactory(username="officer", first_name="Ana", last_name="Ruiz", is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.fixture
def viewer_client(db):
    """Staff who may view everything and change nothing."""
    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(user)
    return client


def edited_item(officer):
    """An item saved twice through the services, its documentation changed between."""
    item = AgendaItemFactory(
        title_en="Prevention of corruption",
        title_fr="Prévention",
        annotation_en="<p>The Working Group will meet.</p>",
    )
    services.save_agenda_item(item, by=officer)
    DocumentationLinkFactory(item=item, document__symbol="TEST/WG.9/2020/2")
    link = item.documentation.get()
    services.save_documentation_link(link, by=officer)
    item.title_fr = "Prévention de la corruption"
    item.annotation_en = "<p>The Working Group will meet twice.</p>"
    services.save_agenda_item(item, by=officer)
    return item


def test_the_history_lists_who_did_what_with_the_old_and_new_texts(secretariat_client, officer):
    item = edited_item(officer)

    response = secretariat_client.get(history_url(item))

    assert response.status_code == 200
    assert rows(response) == [
        {
            "who": "Ana Ruiz",
            "what": "Changed agenda item “Prevention of corruption”.",
            "fields": [
                (
                    "Title [fr]",
                    "Prévention de la corruption Before and after "
                    "Before: Prévention After: Prévention de la corruption",
                ),
                (
                    "Annotation [en]",
                    "<p>The Working Group will meet twice.</p> Before and after "
                    "Before: <p>The Working Group will meet.</p> "
                    "After: <p>The Working Group will meet twice.</p>",
                ),
            ],
            "rows": [],
            "restore": False,
        },
        {
            "who": "Ana Ruiz",
            "what": "Changed documentation “Prevention of corruption – TEST/WG.9/2020/2”.",
            "fields": [],
            "rows": ["Documentation: added “Prevention of corruption – TEST/WG.9/2020/2”."],
            "restore": True,
        },
        {
            "who": "Ana Ruiz",
            "what": "Changed agenda item “Prevention of corruption”.",
            "fields": [
                ("Agenda", f"— → {item.agenda}"),
                ("Position", f"— → {item.position}"),
                ("Kind", "— → Numbered item"),
                ("Title [en]", "— → Prevention of corruption"),
                ("Title [fr]", "— → Prévention"),
                ("Annotation [en]", "— → <p>The Working Group will meet.</p>"),
                ("In the agenda list", "— → yes"),
                ("In the annotations", "— → yes"),
                ("Lettered", "— → no"),
            ],
            "rows": [],
            "restore": True,
        },
    ]
    page = html.fromstring(response.content.decode())
    diff = page.xpath("//dd/div[@class='revision__diff']")[1]
    assert [(node.tag, node.text) for node in diff] == [("ins", " twice")]


def test_the_history_shows_rows_changed_and_removed_and_what_changed_in_them(
    secretariat_client, officer
):
    item = AgendaItemFactory(title_en="Good practices")
    changed = DocumentationLinkFactory(item=item, document__symbol="TEST/WG.9/2020/6")
    removed = DocumentationLinkFactory(item=item, document__symbol="TEST/WG.9/2020/7")
    services.save_agenda_item(item, by=officer)
    changed.purpose = DocumentPurpose.objects.get(code="for-decision")
    services.save_documentation_link(changed, by=officer)
    services.remove_row(removed, by=officer)

    newest, middle, _first = rows(secretariat_client.get(history_url(item)))

    assert (newest["what"], newest["rows"]) == (
        "Removed documentation “Good practices – TEST/WG.9/2020/7”.",
        ["Documentation: removed “Good practices – TEST/WG.9/2020/7”."],
    )
    assert middle["rows"] == [
        "Documentation: changed “Good practices – TEST/WG.9/2020/6”. Purpose — → For decision"
    ]
    assert (newest["fields"], middle["fields"]) == ([], [])


def test_a_removed_row_a_field_pointed_at_is_named_as_it_was(secretariat_client, officer):
    item = AgendaItemFactory(title_en="Adoption of the agenda")
    parent = services.add_agenda_item(item.agenda, title_en="Organizational matters")
    item.parent = parent
    services.save_agenda_item(item, by=officer)
    services.outdent_item(item, by=officer)
    services.remove_agenda_item(parent, by=officer)

    removal, outdent = rows(secretariat_client.get(history_url(item)))[:2]

    # Taken out of its parent, then moved up into its removed parent's place.
    assert outdent["what"] == "Took “Adoption of the agenda” out of the entry it was under."
    assert outdent["fields"][0] == ("Parent item", "Organizational matters (removed) → —")
    assert removal["what"] == "Removed “Organizational matters” with everything under it."
    assert removal["fields"] == [("Position", "20 → 10")]


def test_the_history_page_takes_the_same_queries_for_1_and_3_revisions(
    secretariat_client, officer, django_assert_num_queries
):
    one = AgendaItemFactory()
    services.save_agenda_item(one, by=officer)
    DocumentationLinkFactory(item=one)
    three = edited_item(officer)
    secretariat_client.get(history_url(one))  # the session and the caches warm

    # The person's session and user, the item, its versions with their users, the
    # versions of its rows in those revisions, the agenda named by the first one, and
    # (the cache emptied, for an exact count) the content types of the item and its rows.
    for item, count in ((one, 1), (three, 3)):
        ContentType.objects.clear_cache()
        with django_assert_num_queries(8):
            response = secretariat_client.get(history_url(item))
        assert len(rows(response)) == count


def test_older_changes_are_a_page_away(secretariat_client, officer, monkeypatch):
    monkeypatch.setattr("agendas.admin_history.PAGE_SIZE", 2)
    item = edited_item(officer)

    response = secretariat_client.get(history_url(item))
    page = html.fromstring(response.content.decode())
    (older,) = page.xpath("//p[@class='paginator']/a/@href")
    response = secretariat_client.get(history_url(item) + older)

    assert [row["what"] for row in rows(response)] == [
        "Changed agenda item “Prevention of corruption”."
    ]
    assert rows(response)[0]["fields"][0] == ("Agenda", f"— → {item.agenda}")


def test_the_restore_button_restores_through_the_service(secretariat_client, officer):
    item = edited_item(officer)
    first = Version.objects.get_for_object(item).last()
    latest = Version.objects.get_for_object(item).first()

    response = secretariat_client.post(restore_url(item, first), {"latest": latest.pk})

    assert response.status_code == 302
    assert response["Location"] == history_url(item)
    item.refresh_from_db()
    assert (item.title_fr, item.annotation_en) == (
        "Prévention",
        "<p>The Working Group will meet.</p>",
    )
    response = secretariat_client.get(history_url(item))
    assert messages_of(response) == [
        f"The version of {when(first)} was restored; the restore is the newest change."
    ]
    newest = rows(response)[0]
    assert newest["who"] == "secretariat"
    assert newest["what"] == f"Restored the version of {when(first)} by Ana Ruiz."
    assert [label for label, _change in newest["fields"]] == ["Title [fr]", "Annotation [en]"]
    assert Revision.objects.count() == 4


def test_a_refused_restore_says_why_and_changes_nothing(secretariat_client, officer):
    document = services.create_document(symbol="TEST/WG.9/2020/1", title_en="Report", by=officer)
    first = Version.objects.get_for_object(document).first()
    document.symbol = "TEST/WG.9/2020/1/Corr.1"
    services.save_document(document, by=officer)
    DocumentFactory(symbol="TEST/WG.9/2020/1")

    response = secretariat_client.post(restore_url(document, first), follow=True)

    assert messages_of(response) == [
        "The version was not restored: Symbol: The symbol TEST/WG.9/2020/1 is already in use."
    ]
    document.refresh_from_db()
    assert document.symbol == "TEST/WG.9/2020/1/Corr.1"
    assert Revision.objects.count() == 2


def test_a_restore_the_service_refuses_this_person_says_why_and_changes_nothing(
    secretariat_client, officer, monkeypatch
):
    item = edited_item(officer)
    first = Version.objects.get_for_object(item).last()

    def refuse(instance, *, by=None):
        raise PermissionDenied("You translate French only.")

    monkeypatch.setitem(savers._SAVERS, AgendaItem, refuse)
    response = secretariat_client.post(restore_url(item, first), follow=True)

    assert messages_of(response) == ["The version was not restored: You translate French only."]
    item.refresh_from_db()
    assert item.title_fr == "Prévention de la corruption"
    assert Revision.objects.count() == 3


def test_a_viewer_sees_the_history_but_may_not_restore(viewer_client, officer):
    item = edited_item(officer)
    first = Version.objects.get_for_object(item).last()

    response = viewer_client.get(history_url(item))
    assert response.status_code == 200
    assert [row["restore"] for row in rows(response)] == [False, False, False]
    assert viewer_client.post(restore_url(item, first)).status_code == 403
    item.refresh_from_db()
    assert item.title_fr == "Prévention de la corruption"
    assert Revision.objects.count() == 3


def test_staff_without_permissions_see_no_history(staff, officer):
    item = edited_item(officer)
    client = Client()
    client.force_login(staff)

    assert client.get(history_url(item)).status_code == 403


def test_a_version_of_another_object_is_not_found(secretariat_client, officer):
    item, other = edited_item(officer), AgendaItemFactory()
    services.save_agenda_item(other, by=officer)

    response = secretariat_client.post(
        restore_url(item, Version.objects.get_for_object(other).get())
    )

    assert response.status_code == 404


def test_saving_an_admin_page_is_one_revision_with_its_change_message(
    secretariat_client, secretariat
):
    item = AgendaItemFactory(title_en="Prevention of corruption")
    document = DocumentFactory(symbol="TEST/WG.9/2020/3")
    url = reverse("admin:agendas_agendaitem_change", args=[item.pk])
    data = form_data(secretariat_client.get(url))
    data.update(
        {
            "title_fr": "Prévention de la corruption",
            "documentation-TOTAL_FORMS": 1,
            "documentation-0-document": document.pk,
            "documentation-0-position": 10,
        }
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.user == secretariat
    assert history.comment_text(revision.comment) == (
        "Changed Title [fr]. Added documentation “Prevention of corruption – TEST/WG.9/2020/3”."
    )
    link = DocumentationLink.objects.get()
    assert {
        (v.content_type.model_class(), int(v.object_id)) for v in revision.version_set.all()
    } == {
        (AgendaItem, item.pk),
        (DocumentationLink, link.pk),
    }


def test_the_agenda_page_links_each_item_to_its_history(secretariat_client):
    item = AgendaItemFactory()

    response = secretariat_client.get(reverse("admin:agendas_agenda_change", args=[item.agenda_id]))

    assert f'<a href="{history_url(item)}">History</a>' in response.content.decode()


def test_removing_an_inline_row_on_an_admin_page_is_a_revision_of_the_page_object(
    secretariat_client,
):
    item = AgendaItemFactory(title_en="Prevention of corruption")
    removed = DocumentationLinkFactory(item=item, document__symbol="TEST/WG.9/2020/4")
    kept = DocumentationLinkFactory(item=item)
    url = reverse("admin:agendas_agendaitem_change", args=[item.pk])
    data = form_data(secretariat_client.get(url))
    (prefix,) = [
        name.removesuffix("-id")
        for name, value in data.items()
        if name.startswith("documentation-") and name.endswith("-id") and value == removed.pk
    ]
    data[f"{prefix}-DELETE"] = "on"

    assert secretariat_client.post(url, data).status_code == 302

    revision = Revision.objects.get()
    assert history.comment_text(revision.comment) == (
        "Deleted documentation “Prevention of corruption – TEST/WG.9/2020/4”."
    )
    assert {
        (v.content_type.model_class(), int(v.object_id)) for v in revision.version_set.all()
    } == {
        (AgendaItem, item.pk),
        (DocumentationLink, kept.pk),
    }


def test_saving_the_agenda_page_with_its_items_is_one_revision(secretariat_client, secretariat):
    item = AgendaItemFactory(title_en="Opening of the session", position=15)
    agenda = item.agenda
    url = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    data = form_data(secretariat_client.get(url))
    prefix = next(key for key in data if key.endswith("-0-title_en")).removesuffix("-0-title_en")
    data[f"{prefix}-0-title_en"] = "Opening of the meeting"
    # The agenda's title is in tabs, one field per language.
    data["title_en"] = "Provisional agenda and annotations"

    assert secretariat_client.post(url, data).status_code == 302

    # The masthead, the item and its place respaced from 15 to 10 by the services.
    revision = Revision.objects.get()
    assert revision.user == secretariat
    assert history.comment_text(revision.comment) == (
        "Changed Title [en]. Changed Title [en] for agenda item “Opening of the meeting”."
    )
    stored = revision.version_set.get(content_type__model="agendaitem").field_dict
    assert (stored["title_en"], stored["position"]) == ("Opening of the meeting", 10)
    stored = revision.version_set.get(content_type__model="agenda").field_dict
    assert stored["title_en"] == "Provisional agenda and annotations"


def test_a_translator_restores_no_other_language_and_nothing_changes(officer, make_translator):
    item = edited_item(officer)
    first = Version.objects.get_for_object(item).last()
    client = Client()
    client.force_login(make_translator("es"))

    response = client.post(restore_url(item, first), follow=True)

    assert messages_of(response) == [
        "The version was not restored: Title [fr]: You may change the texts in Spanish only, "
        "not the title in French."
    ]
    item.refresh_from_db()
    assert (item.title_fr, item.annotation_en) == (
        "Prévention de la corruption",
        "<p>The Working Group will meet twice.</p>",
    )
    assert Revision.objects.count() == 3
