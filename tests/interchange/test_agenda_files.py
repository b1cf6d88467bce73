"""Agenda files: lossless round trips, and bad files refused whole with their places."""

import functools
import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Revision

from agendas import history
from agendas.models import Agenda, AgendaItem, Document
from interchange.exporting import dumps, export_agenda
from interchange.importing import AgendaFileError, import_agenda
from tests.rows import row_counts
from tests.shapes import build_sample_agenda

# The rows of the product's own tables.
product_rows = functools.partial(row_counts, "agendas", "resolutions", "scheduling")

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "publishing" / "demo"
DEMO_FILES = sorted(DEMO.glob("*.json"))


def wipe():
    """An empty database, as a new installation has (its purposes kept)."""
    AgendaItem.objects.all().delete()
    for label in ("scheduling", "resolutions"):
        for model in apps.get_app_config(label).get_models():
            model.objects.all().delete()
    Agenda.objects.all().delete()
    for model in ("DocumentEdition", "Document", "Session", "Room", "Venue"):
        apps.get_model("agendas", model).objects.all().delete()
    for body in apps.get_model("agendas", "Body").objects.order_by("-symbol_prefix"):
        body.delete()


def item_uids(items):
    for item in items:
        yield item["uid"]
        yield from item_uids(item["children"])


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.name)
def test_every_demo_file_comes_back_to_the_byte(path):
    text = path.read_text(encoding="utf-8")
    # An agenda issued under an item of another agenda (annotations issued under the
    # provisional agenda's "Adoption of the agenda") needs that agenda there first.
    under = json.loads(text)["agenda"]["issued_under_item"]
    if under:
        (holder,) = [
            other
            for other in DEMO_FILES
            if under in item_uids(json.loads(other.read_text(encoding="utf-8"))["agenda"]["items"])
        ]
        import_agenda(holder.read_bytes())
    report = import_agenda(text)

    assert dumps(export_agenda(report.agenda)) == text


def test_every_shape_survives_export_import_into_an_empty_database_and_export():
    agenda = build_sample_agenda()["agenda"]
    first = dumps(export_agenda(agenda))
    wipe()
    assert product_rows()["agendas.Agenda"] == 0

    report = import_agenda(first)

    assert dumps(export_agenda(report.agenda)) == first
    assert report.agenda.items.count() == 4


def test_importing_again_changes_nothing():
    agenda = build_sample_agenda()["agenda"]
    text = dumps(export_agenda(agenda))
    before = product_rows()

    report = import_agenda(text)

    assert not report.changed_anything
    assert product_rows() == before


def test_an_import_makes_the_agenda_what_the_file_says():
    world = build_sample_agenda()
    data = export_agenda(world["agenda"])
    # The file drops the sub-heading and renames an item.
    data["agenda"]["items"][1]["children"] = []
    data["agenda"]["items"][2]["title"]["en"] = "Programme"

    report = import_agenda(data)

    assert report.removed["agendas.AgendaItem"] == 1
    titles = list(world["agenda"].items.order_by("position").values_list("title_en", flat=True))
    assert titles == ["Opening of the session", "Adoption of the agenda", "Programme"]


def test_an_import_is_one_revision_by_whoever_imported_it(secretariat):
    world = build_sample_agenda()
    agenda = world["agenda"]
    data = export_agenda(agenda)
    data["agenda"]["items"][2]["title"]["en"] = "Programme"
    renamed = agenda.items.filter(parent=None).order_by("position")[2]
    Revision.objects.all().delete()

    import_agenda(data, by=secretariat)
    import_agenda(data, by=secretariat)  # nothing to change: nothing recorded

    revision = Revision.objects.get()
    assert revision.user == secretariat
    assert history.comment_text(revision.comment) == (
        f"Imported “{agenda.symbol}” from an agenda file."
    )
    versions = {(v.content_type.model, int(v.object_id)) for v in revision.version_set.all()}
    assert {("agenda", agenda.pk), ("agendaitem", renamed.pk)} <= versions


def test_a_file_that_is_not_json_is_refused_with_its_line_and_column():
    before = product_rows()
    with pytest.raises(AgendaFileError) as error:
        import_agenda('{"format": "agenda-exchange",\n  "version": 1,,}')
    assert error.value.messages == [
        "The file is not JSON: Expecting property name enclosed in double quotes at line 2, "
        "column 16."
    ]
    assert product_rows() == before


def test_a_file_that_is_not_utf8_is_refused():
    with pytest.raises(AgendaFileError) as error:
        import_agenda(b'{"format": "\xff"}')
    assert error.value.messages == ["The file is not UTF-8 text (byte 12)."]


def test_departures_from_the_schema_are_each_named_at_their_place():
    agenda = build_sample_agenda()["agenda"]
    data = export_agenda(agenda)
    data["agenda"]["items"][1]["kind"] = "chapter"
    data["agenda"]["items"][2]["title"]["fr"] = ""
    del data["timetable"]["slots"][0]["start"]
    data["sessions"][0]["number"] = 0
    before = product_rows()

    with pytest.raises(AgendaFileError) as error:
        import_agenda(data)

    assert error.value.messages == [
        "At /agenda/items/1/kind: 'chapter' is not one of ['item', 'unnumbered', 'heading', "
        "'part']",
        "At /agenda/items/2/title/fr: '' should be non-empty",
        "At /sessions/0/number: 0 is less than the minimum of 1",
        "At /timetable/slots/0: 'start' is a required property",
    ]
    assert product_rows() == before


def test_references_that_lead_nowhere_are_each_named_at_their_place():
    agenda = build_sample_agenda()["agenda"]
    data = export_agenda(agenda)
    missing = "00000000-0000-0000-0000-000000000000"
    data["agenda"]["items"][1]["documentation"][0]["document"] = missing
    data["agenda"]["items"][1]["documentation"][0]["purpose"] = "for-ratification"
    data["timetable"]["slots"][0]["items"].append(missing)
    data["documents"].append(dict(data["documents"][0]))
    before = product_rows()

    with pytest.raises(AgendaFileError) as error:
        import_agenda(data)

    assert error.value.messages == [
        f"At /documents/3/uid: “{data['documents'][0]['uid']}” appears twice.",
        f"At /agenda/items/1/documentation/0/document: there is no document “{missing}” in the "
        "file.",
        "At /agenda/items/1/documentation/0/purpose: there is no purpose “for-ratification” in "
        "the file.",
        f"At /timetable/slots/0/items/2: there is no item “{missing}” in the file.",
    ]
    assert product_rows() == before


def test_a_refusal_by_the_services_is_named_at_its_place_and_writes_nothing():
    world = build_sample_agenda()
    data = export_agenda(world["agenda"])
    wipe()
    # Another document already has the symbol the file gives its first document.
    Document.objects.create(symbol="E/CN.7/2027/16", symbol_key="E/CN.7/2027/16", title_en="Other")
    before = product_rows()

    with pytest.raises(AgendaFileError) as error:
        import_agenda(data)

    assert error.value.messages == ["At /documents/0: The symbol E/CN.7/2027/16 is already in use."]
    assert product_rows() == before


def test_the_commands_write_and_read_a_file(tmp_path):
    world = build_sample_agenda()
    path = tmp_path / "agenda.json"
    out = io.StringIO()

    call_command("export_agenda", "e/cn.7/2027/15", str(path), stdout=out)
    call_command("import_agenda", str(path), stdout=out)

    assert json.loads(path.read_text(encoding="utf-8"))["agenda"]["symbol"] == "E/CN.7/2027/15"
    assert out.getvalue().splitlines()[0] == f"Wrote {world['agenda']} to {path}."
    assert out.getvalue().splitlines()[-1] == "Imported E/CN.7/2027/15."


def test_the_commands_refuse_what_they_cannot_do(tmp_path):
    with pytest.raises(CommandError, match="There is no agenda X/1."):
        call_command("export_agenda", "X/1", str(tmp_path / "out.json"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_agenda", str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_agenda", str(bad))
    assert str(error.value) == (
        f"{bad} was not imported; nothing was written.\nAt /: [] is not of type 'object'"
    )


def test_the_admin_downloads_an_agendas_file(secretariat_client):
    agenda = build_sample_agenda()["agenda"]

    response = secretariat_client.get(reverse("admin:agendas_agenda_file", args=[agenda.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="e-cn7-2027-15.json"'
    assert response.content.decode() == dumps(export_agenda(agenda))


def test_the_admin_imports_a_file_and_shows_what_is_wrong_with_a_bad_one(secretariat_client):
    agenda = build_sample_agenda()["agenda"]
    text = dumps(export_agenda(agenda))
    url = reverse("admin:agendas_agenda_import")
    bad = text.replace('"kind": "part"', '"kind": "chapter"')

    refused = secretariat_client.post(url, {"file": _upload(bad)})
    accepted = secretariat_client.post(url, {"file": _upload(text)})

    assert refused.status_code == 200
    assert refused.context["errors"] == [
        "At /agenda/items/1/children/0/kind: 'chapter' is not one of ['item', 'unnumbered', "
        "'heading', 'part']"
    ]
    assert "The file was not imported; nothing was written." in refused.content.decode()
    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("admin:agendas_agenda_change", args=[agenda.pk])


def test_importing_needs_the_right_to_add_and_change_agendas(client, translator_zh):
    client.force_login(translator_zh)
    response = client.get(reverse("admin:agendas_agenda_import"))
    assert response.status_code == 403


def _upload(text):
    return SimpleUploadedFile("agenda.json", text.encode(), content_type="application/json")


def test_an_agenda_file_imported_for_a_translator_writes_nothing(make_translator):
    agenda = build_sample_agenda()["agenda"]
    data = json.loads(dumps(export_agenda(agenda)))
    data["agenda"]["items"][0]["title"]["fr"] = "Ouverture de la session"
    data["agenda"]["kind"] = "provisional"
    before = product_rows()

    with pytest.raises(AgendaFileError) as refused:
        import_agenda(data, by=make_translator("fr"))

    assert refused.value.messages == [
        "At /agenda: Only the secretariat may change the kind of agendas."
    ]
    assert product_rows() == before
    assert Agenda.objects.get(pk=agenda.pk).kind == "annotated"


def test_an_agenda_file_changing_only_a_translators_texts_is_imported(make_translator):
    agenda = build_sample_agenda()["agenda"]
    data = json.loads(dumps(export_agenda(agenda)))
    data["agenda"]["items"][0]["title"]["fr"] = "Ouverture de la session"

    report = import_agenda(data, by=make_translator("fr"))

    first = report.agenda.items.order_by("position").first()
    assert first.title_fr == "Ouverture de la session"
