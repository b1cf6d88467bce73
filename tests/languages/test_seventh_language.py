"""A seventh language is one module plus one catalogue: Portuguese, added by the test.

``tests/languages/pt.py`` writes dates, ordinals and set phrases the Portuguese way and
``tests/languages/locale/pt`` translates the interface strings of the document. With
them named in the settings, an agenda publishes and reads in Portuguese without a line
of the product changing.
"""

import datetime
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import override_settings

import languages
from publishing.services import publish_agenda
from tests.factories import AgendaFactory, AgendaItemFactory, SessionFactory

CATALOGUE = Path(__file__).parent / "locale" / "pt" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def portuguese(tmp_path):
    """The product's settings with Portuguese added, its catalogue compiled."""
    compiled = tmp_path / "locale" / "pt" / "LC_MESSAGES"
    compiled.mkdir(parents=True)
    with CATALOGUE.open("rb") as po, (compiled / "django.mo").open("wb") as mo:
        write_mo(mo, read_po(po))
    with override_settings(
        LANGUAGES=[*settings.LANGUAGES, ("pt", "Português")],
        LANGUAGE_MODULES={"pt": "tests.languages.pt"},
        LOCALE_PATHS=[*settings.LOCALE_PATHS, tmp_path / "locale"],
    ):
        yield languages.get("pt")


def test_the_module_writes_portuguese(portuguese):
    assert portuguese.format_date(datetime.date(2020, 8, 31)) == "31 de agosto de 2020"
    assert (
        portuguese.format_date_range(datetime.date(2020, 8, 31), datetime.date(2020, 9, 2))
        == "31 de agosto a 2 de setembro de 2020"
    )
    assert (
        portuguese.session_ordinal(11, "session", capitalize_first=True) == "Décima primeira sessão"
    )
    assert portuguese.format_time_range(datetime.time(15), datetime.time(17, 30)) == "15h–17h30"
    assert portuguese.masthead_lines("general", datetime.date(2020, 7, 24), "en") == [
        "Distr.: Geral",
        "24 de julho de 2020",
        "Português",
        "Original: inglês",
    ]
    # The six languages name the new one too, through CLDR.
    assert languages.get("en").masthead_lines("general", None, "pt") == [
        "Distr.: General",
        "Original: Portuguese",
    ]


@pytest.mark.django_db
def test_an_agenda_publishes_and_reads_in_portuguese(portuguese, client):
    session = SessionFactory(
        number=11, start_date=datetime.date(2020, 8, 31), end_date=datetime.date(2020, 9, 2)
    )
    agenda = AgendaFactory(session=session)
    AgendaItemFactory(agenda=agenda, title_en="Organizational matters")

    version = publish_agenda(agenda)

    edition = version.content["rendered"]["pt"]
    assert edition["summary"]["session"] == "Décima primeira reunião"
    assert edition["summary"]["place_and_dates"] == "Vienna, 31 de agosto a 2 de setembro de 2020"
    assert edition["summary"]["title"] == "Ordem do dia provisória anotada"
    page = client.get(version.get_absolute_url().replace("/en/", "/pt/", 1))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="pt" dir="ltr">' in html
    assert "Ordem do dia provisória anotada" in html
    assert "<li>Distr.: Geral</li><li>24 de julho de 2020</li><li>Português</li>" in html
    # Item texts exist only in English: shown, marked in Portuguese.
    assert (
        '<span lang="en" dir="ltr">Organizational matters</span> '
        '<span class="untranslated">(ainda não disponível em português)</span>'
    ) in html
