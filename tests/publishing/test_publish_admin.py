"""Preview and Publish in the agenda admin."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from agendas import services
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from tests.factories import AgendaFactory, AgendaItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    agenda = AgendaFactory()
    AgendaItemFactory(agenda=agenda, title_en="Opening of the meeting")
    return agenda


def preview_url(agenda):
    return reverse("admin:agendas_agenda_preview", args=[agenda.pk])


# The agendas here are in English only: every other language is published as it is,
# the original standing in for the missing translations.
OTHER_LANGUAGES = ["ar", "zh-hans", "fr", "ru", "es"]


def publish_url(agenda):
    return reverse("admin:agendas_agenda_publish", args=[agenda.pk])


def test_preview_renders_the_draft_through_the_document_template(secretariat_client, agenda):
    response = secretariat_client.get(preview_url(agenda), {"language": "en"})

    html = response.content.decode()
    assert response.status_code == 200
    assert {t.name for t in response.templates} == {
        "publishing/document.html",
        "publishing/section.html",
        "publishing/preview.html",
    }
    assert "Preview – not published" in html
    assert "Opening of the meeting" in html
    assert PublishedVersion.objects.count() == 0


def test_preview_switches_language_with_a_parameter(secretariat_client, agenda):
    html = secretariat_client.get(preview_url(agenda), {"language": "ar"}).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert '<a href="?language=zh-hans" lang="zh-hans" hreflang="zh-hans">中文</a>' in html


def test_preview_sends_anonymous_visitors_to_the_login(outsider, agenda):
    response = outsider.get(preview_url(agenda))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_preview_sends_non_staff_users_to_the_login(delegate, agenda):
    client = Client()
    client.force_login(delegate)

    response = client.get(preview_url(agenda))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_agenda_permissions_cannot_preview_or_publish(staff, agenda):
    client = Client()
    client.force_login(staff)

    assert client.get(preview_url(agenda)).status_code == 403
    assert client.post(publish_url(agenda)).status_code == 403
    assert PublishedVersion.objects.count() == 0


def test_a_translator_previews_but_cannot_publish(translator_zh, agenda):
    client = Client()
    client.force_login(translator_zh)

    assert client.get(preview_url(agenda)).status_code == 200
    assert client.get(publish_url(agenda)).status_code == 403
    assert client.post(publish_url(agenda), {"fallback": ["zh-hans"]}).status_code == 403
    change = client.get(reverse("admin:agendas_agenda_change", args=[agenda.pk]))
    assert publish_url(agenda) not in change.content.decode()
    assert PublishedVersion.objects.count() == 0


def test_staff_with_view_permission_can_preview_but_not_publish(agenda):
    user = UserFactory(username="reader", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_agenda"))
    client = Client()
    client.force_login(user)

    assert client.get(preview_url(agenda)).status_code == 200
    assert client.get(publish_url(agenda)).status_code == 403


def test_publish_asks_for_confirmation_first(secretariat_client, agenda):
    response = secretariat_client.get(publish_url(agenda))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Yes, publish version 1"' in html
    assert "Nothing is published yet: the public does not see this agenda." in html
    assert PublishedVersion.objects.count() == 0


def reviewed_on(client, url):
    """The fingerprint the confirmation page (or the preview's link) carries."""
    html = client.get(url).content.decode()
    return re.search(r'reviewed(?:=|" value=")([0-9a-f]+)', html)[1]


def rename_first_item(agenda, title):
    item = agenda.items.get()
    item.title_en = title
    services.save_agenda_item(item)


def test_publish_creates_the_next_version_and_reports_it(secretariat_client, secretariat, agenda):
    publish_agenda(agenda)
    rename_first_item(agenda, "Opening of the session")
    reviewed = reviewed_on(secretariat_client, publish_url(agenda))

    response = secretariat_client.post(
        publish_url(agenda), {"reviewed": reviewed, "fallback": OTHER_LANGUAGES}, follow=True
    )

    version = PublishedVersion.objects.get(agenda=agenda, is_current=True)
    assert version.number == 2
    assert version.published_by == secretariat
    assert [str(m) for m in response.context["messages"]] == [
        f"Published version 2 of {agenda.symbol}."
    ]
    assert response.redirect_chain == [
        (reverse("admin:agendas_agenda_change", args=[agenda.pk]), 302)
    ]


def test_publish_refusal_is_reported_and_changes_nothing(secretariat_client):
    empty = AgendaFactory()
    reviewed = reviewed_on(secretariat_client, publish_url(empty))

    response = secretariat_client.post(
        publish_url(empty), {"reviewed": reviewed, "fallback": OTHER_LANGUAGES}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == [
        "An agenda without items cannot be published."
    ]
    assert PublishedVersion.objects.count() == 0


def test_two_clicks_on_publish_make_one_version(secretariat_client, agenda):
    reviewed = reviewed_on(secretariat_client, publish_url(agenda))

    first = secretariat_client.post(
        publish_url(agenda), {"reviewed": reviewed, "fallback": OTHER_LANGUAGES}, follow=True
    )
    second = secretariat_client.post(
        publish_url(agenda), {"reviewed": reviewed, "fallback": OTHER_LANGUAGES}, follow=True
    )

    assert list(PublishedVersion.objects.values_list("number", flat=True)) == [1]
    assert [str(m) for m in first.context["messages"]] == [
        f"Published version 1 of {agenda.symbol}."
    ]
    assert [str(m) for m in second.context["messages"]] == [
        f"Version 1 of {agenda.symbol}, the draft you reviewed, is live."
    ]


def test_an_edit_saved_after_the_review_is_not_published_unseen(secretariat_client, agenda):
    """One person reviews; another saves an edit; the first confirms: refused, with the
    change named, and nothing goes live."""
    reviewed = reviewed_on(secretariat_client, preview_url(agenda) + "?language=en")
    rename_first_item(agenda, "Unreviewed title")

    response = secretariat_client.post(
        publish_url(agenda), {"reviewed": reviewed, "fallback": OTHER_LANGUAGES}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == [
        "The draft changed after you reviewed it, so nothing was published. Review it again, "
        "then publish. Changed since: 1 Unreviewed title: title changed in English."
    ]
    assert PublishedVersion.objects.count() == 0
    # The confirmation page, reached from that preview, lists the change; confirming on
    # it publishes the draft it shows.
    page = secretariat_client.get(publish_url(agenda) + f"?reviewed={reviewed}")
    html = page.content.decode()
    assert "The draft changed after you reviewed it." in html
    assert "<li>1 Unreviewed title: title changed in English.</li>" in html
    now = reviewed_on(secretariat_client, publish_url(agenda))
    assert now != reviewed
    secretariat_client.post(publish_url(agenda), {"reviewed": now, "fallback": OTHER_LANGUAGES})
    assert PublishedVersion.objects.get().content["items"][0]["title"]["en"] == "Unreviewed title"


def test_a_publish_without_a_review_is_refused(secretariat_client, agenda):
    response = secretariat_client.post(publish_url(agenda), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Review the draft on the confirmation page first."
    ]
    assert PublishedVersion.objects.count() == 0


def test_change_page_shows_what_is_live(secretariat_client, agenda):
    change = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    before = secretariat_client.get(change).content.decode()
    publish_agenda(agenda)
    session = agenda.session

    after = secretariat_client.get(change).content.decode()

    assert "Nothing is published yet: the public does not see this agenda." in before
    assert f'href="{preview_url(agenda)}"' in before
    assert f'href="{publish_url(agenda)}"' in before
    assert "Version 1, published on" in after
    assert (
        f'href="/en/bodies/{session.body.slug}/sessions/{session.number}/annotated-agenda/"'
        in after
    )
