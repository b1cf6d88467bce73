"""Publishing with incomplete translations: each language's completeness is shown, and a
language with texts missing or outdated is published only when staff choose to publish
it as it is (the original's text, marked, standing in for a missing translation). Only
those who may publish do."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from lxml import html

from agendas import services
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from tests.factories import AgendaFactory

pytestmark = pytest.mark.django_db

TARGETS = {"ar": "ar", "zh-hans": "zh_hans", "fr": "fr", "ru": "ru", "es": "es"}


def every_language(field, text):
    return {f"{field}_{suffix}": f"{text} ({code})" for code, suffix in TARGETS.items()}


@pytest.fixture
def agenda():
    """Translated throughout but for Arabic (the opening's title missing) and French
    (the opening's title outdated)."""
    agenda = AgendaFactory(
        original_language="en",
        session__body__name_en="Working Group",
        session__body__short_name_en="",
        session__venue__name_en="Vienna International Centre",
        session__venue__city_en="Vienna",
        **{f"session__body__{k}": v for k, v in every_language("name", "Groupe").items()},
        **{f"session__venue__{k}": v for k, v in every_language("name", "Centre").items()},
        **{f"session__venue__{k}": v for k, v in every_language("city", "Vienne").items()},
    )
    opening = services.add_agenda_item(
        agenda, title_en="Opening", **every_language("title", "Ouverture")
    )
    opening.title_ar = ""
    opening.title_en = "Opening of the meeting"
    services.save_agenda_item(opening)
    # Brought up to date but for French.
    for suffix in ("zh_hans", "ru", "es"):
        setattr(opening, f"title_{suffix}", f"Ouverture de la réunion ({suffix})")
    services.save_agenda_item(opening)
    return agenda


REFUSAL = (
    "Nothing was published: texts are missing or outdated in {details}. Complete the "
    "translations, or choose to publish these languages as they are, with the original "
    "text where a translation is missing."
)


def test_publishing_is_refused_while_a_language_is_incomplete(agenda, secretariat_member):
    with pytest.raises(ValidationError) as refused:
        publish_agenda(agenda, by=secretariat_member)

    assert refused.value.messages == [
        REFUSAL.format(details="Arabic: 1 missing, 0 outdated; French: 0 missing, 1 outdated")
    ]
    assert refused.value.code == "incomplete_translations"
    assert PublishedVersion.objects.count() == 0


def test_each_incomplete_language_needs_its_own_choice(agenda, secretariat_member):
    with pytest.raises(ValidationError) as refused:
        publish_agenda(agenda, by=secretariat_member, fallback=["fr", "zh-hans"])

    assert refused.value.messages == [REFUSAL.format(details="Arabic: 1 missing, 0 outdated")]
    assert PublishedVersion.objects.count() == 0


def test_with_the_choice_made_the_languages_are_published_as_they_are(agenda, secretariat_member):
    version = publish_agenda(agenda, by=secretariat_member, fallback=["ar", "fr"])

    assert (version.number, version.published_by) == (1, secretariat_member)
    (item,) = version.content["items"]
    # No Arabic title: the page shows the original, marked; French as translated.
    assert item["title"] == {
        "zh-hans": "Ouverture de la réunion (zh_hans)",
        "en": "Opening of the meeting",
        "fr": "Ouverture (fr)",
        "ru": "Ouverture de la réunion (ru)",
        "es": "Ouverture de la réunion (es)",
    }
    arabic = version.content["rendered"]["ar"]["document"]
    assert (
        '<span lang="en" dir="ltr">Opening of the meeting</span> <span class="untranslated">'
        in (arabic)
    )


def test_only_those_who_may_publish_do(agenda, make_translator):
    with pytest.raises(ValidationError) as refused:
        publish_agenda(agenda, by=make_translator("fr"), fallback=["ar", "fr"])
    assert refused.value.messages == ["Only the secretariat may publish agendas."]
    assert PublishedVersion.objects.count() == 0


def test_a_script_publishes_every_language_as_it_is(agenda):
    assert publish_agenda(agenda).number == 1


# The confirmation page -------------------------------------------------------------------


def publish_url(agenda):
    return reverse("admin:agendas_agenda_publish", args=[agenda.pk])


@pytest.fixture
def officer(secretariat_member):
    client = Client()
    client.force_login(secretariat_member)
    return client


def test_the_confirmation_shows_each_languages_completeness(agenda, officer):
    tree = html.fromstring(officer.get(publish_url(agenda)).content.decode())

    rows = [
        [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
        for row in tree.xpath("//div[contains(@class,'publish-translations')]//tbody/tr")
    ]
    assert rows == [
        [
            "Arabic",
            "1",
            "0",
            "3",
            "as it is, with the original text where a translation is missing",
        ],
        ["Chinese", "0", "0", "4", "Complete"],
        [
            "French",
            "0",
            "1",
            "3",
            "as it is, with the original text where a translation is missing",
        ],
        ["Russian", "0", "0", "4", "Complete"],
        ["Spanish", "0", "0", "4", "Complete"],
    ]
    assert tree.xpath("//input[@name='fallback']/@value") == ["ar", "fr"]
    assert tree.xpath("//input[@name='fallback']/@checked") == []


def reviewed(client, agenda):
    """The fingerprint of the draft the confirmation page shows."""
    tree = html.fromstring(client.get(publish_url(agenda)).content.decode())
    (value,) = tree.xpath("//input[@name='reviewed']/@value")
    return value


def test_publishing_without_the_choice_says_why_and_publishes_nothing(agenda, officer):
    response = officer.post(
        publish_url(agenda),
        {"reviewed": reviewed(officer, agenda), "fallback": ["fr"]},
        follow=True,
    )

    assert response.redirect_chain == [(publish_url(agenda), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        REFUSAL.format(details="Arabic: 1 missing, 0 outdated")
    ]
    assert PublishedVersion.objects.count() == 0


def test_publishing_with_the_choice_publishes(agenda, officer, secretariat_member):
    response = officer.post(
        publish_url(agenda),
        {"reviewed": reviewed(officer, agenda), "fallback": ["ar", "fr"]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        f"Published version 1 of {agenda.symbol}."
    ]
    assert PublishedVersion.objects.get().published_by == secretariat_member
