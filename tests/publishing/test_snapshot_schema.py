"""The published record keeps its contract, and the contract its documentation.

``docs/snapshot.schema.json`` is the exact shape of ``PublishedVersion.content`` (schema
3); ``docs/snapshot.v2.schema.json`` keeps that of the schema 2 records still stored and
read. ``docs/snapshot.md`` explains them. Records the code publishes must validate,
broken records must not, and the two documents must name the same keys.
"""

import copy
import datetime
import io
import re
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from agendas import services
from agendas.models import DocumentPurpose, Footnote, Section
from publishing.models import PublishedVersion
from publishing.rendering import freeze
from publishing.services import publish_agenda
from publishing.snapshot import (
    READABLE_SCHEMAS,
    SCHEMA,
    UnreadableSnapshot,
    build_snapshot,
    check_schema,
)
from resolutions.models import Citation
from tests.factories import (
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    CitationFactory,
    DocumentEditionFactory,
    DocumentFactory,
    JointMeetingFactory,
    JointParticipantFactory,
    ResolutionFactory,
    RoomFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)
from tests.snapshot_contract import SCHEMA_PATHS, load_schema, record_errors, validate_record

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "snapshot.md"
TRIMMED = "^\\S(?:[\\s\\S]*\\S)?$"
CONTRACTS = sorted(SCHEMA_PATHS)


# The contract itself -------------------------------------------------------------------


def test_the_contract_is_a_valid_draft_2020_12_schema_for_the_current_schema_number():
    jsonschema.Draft202012Validator.check_schema(load_schema())
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # A bump of SCHEMA without the contract (or the other way round) is caught here.
    assert SCHEMA == 3
    assert load_schema()["properties"]["schema"]["const"] == SCHEMA
    assert f"schema {SCHEMA}" in DOC_PATH.read_text(encoding="utf-8").splitlines()[0]


def test_every_schema_the_code_reads_keeps_its_contract():
    # Old records are never rewritten: a schema stays readable, and its contract kept,
    # as long as stored records carry it.
    assert set(SCHEMA_PATHS) == set(READABLE_SCHEMAS) == {2, 3}
    for number in CONTRACTS:
        contract = load_schema(number)
        jsonschema.Draft202012Validator.check_schema(contract)
        assert contract["properties"]["schema"]["const"] == number
        assert contract["title"] == f"Published agenda record, schema {number}"
    assert SCHEMA_PATHS[2].name == "snapshot.v2.schema.json"
    assert "snapshot.v2.schema.json" in DOC_PATH.read_text(encoding="utf-8")


def _subschemas(node):
    """Every schema object nested in ``node``, ``node`` included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value)


def _fixed_objects(schema):
    """The schemas of the record's objects whose keys are fixed (closed objects).

    ``if``/``then`` fragments also carry ``properties`` (to add a constraint to a key
    declared elsewhere); they are not objects of their own and are left out.
    """
    return [
        node
        for node in _subschemas(schema)
        if "properties" in node and node.get("additionalProperties") is False
    ]


@pytest.mark.parametrize("number", CONTRACTS)
def test_every_object_is_closed_and_requires_all_its_keys(number):
    # build_snapshot and render_edition always write every key: an optional key, or an
    # open object, would let a record that lost a key (or grew a stray one) through.
    schema = load_schema(number)
    for node in _subschemas(schema):
        if node.get("type") != "object":
            continue
        if "properties" in node:
            assert node["additionalProperties"] is False, node.get("description")
            assert sorted(node["required"]) == sorted(node["properties"]), node.get("description")
        else:
            # Maps (by language, by slot): keys checked by name, values by a schema.
            assert "propertyNames" in node and "additionalProperties" in node, node


@pytest.mark.parametrize("number", CONTRACTS)
def test_every_key_has_a_title_for_the_reader(number):
    for node in _fixed_objects(load_schema(number)):
        for name, prop in node["properties"].items():
            assert prop.get("title"), name


# Records the code publishes validate -------------------------------------------------


@pytest.mark.django_db
def test_the_seed_agenda_as_published_keeps_the_contract():
    call_command("load_demo", stdout=io.StringIO())
    content = PublishedVersion.objects.get(agenda__symbol="CAC/COSP/WG.4/2020/1/Rev.1").content
    assert record_errors(content) == []
    # The seed is the fullest record there is: reissues, citations, a joint meeting.
    assert content["reissue"] == {"zh-hans": "2020-08-27"}
    assert content["footnotes"] and content["organization_of_work"]["footnotes"]
    # The Working Group under the Conference; the usual sections of an annotated agenda.
    assert [body["slug"] for body in content["chain"]] == ["cosp", "cosp-wg4"]
    assert content["chain"][-1] == content["body"]
    assert [(s["uid"], s["kind"], s["is_annex"]) for s in content["sections"]] == [
        (None, "list", False),
        (None, "annotations", False),
        (None, "timetable", True),
    ]


def _resolution_without_number(designation, **fields):
    return ResolutionFactory(
        kind="decision", session_number=None, number=None, designation=designation, **fields
    )


def _rich_agenda():
    """An agenda using every shape the record has, as few objects as that takes."""
    top = BodyFactory(name_en="General Assembly", gathering_term="session")
    parent = BodyFactory(parent=top, name_en="Conference", gathering_term="session")
    body = BodyFactory(parent=parent, short_name_en="")
    # The second part of a resumed session, interpreted in three languages.
    session = SessionFactory(
        body=body,
        is_resumed=True,
        part=2,
        opening_time=datetime.time(10),
        interpretation_languages=["en", "fr", "ru"],
    )
    session.room = RoomFactory(venue=session.venue)
    session.save()
    # Issued under item 2 of the session's provisional agenda.
    provisional = AgendaFactory(
        session=session, kind="provisional", slug="provisional-agenda", symbol="TEST/CO/2020/1"
    )
    AgendaItemFactory(agenda=provisional, position=1)
    adoption = AgendaItemFactory(
        agenda=provisional, position=2, title_en="Adoption of the agenda", title_fr="Adoption"
    )
    agenda = AgendaFactory(
        session=session,
        symbol="",
        issued_on=None,
        distribution="limited",
        title_en="Provisional agenda and annotations",
        issued_under_item=adoption,
        announces_venue=True,
        section_numbering="roman",
        documentation_style="table",
        timetable_layout="per_slot",
        time_notation="24h",
        is_sample=True,
    )
    AgendaEditionFactory(
        agenda=agenda,
        language="en",
        processed_on=datetime.date(2020, 8, 3),
        printed_on=datetime.date(2020, 8, 4),
    )
    AgendaEditionFactory(
        agenda=agenda,
        language="zh-hans",
        job_number="V.20-04026 (C)",
        reissued_on=datetime.date(2020, 8, 27),
    )
    # Left out of the list, taken up in the annotations.
    opening = AgendaItemFactory(
        agenda=agenda,
        position=1,
        kind="unnumbered",
        in_list=False,
        title_en="Opening statements",
        annotation_en="",
    )
    second = AgendaItemFactory(
        agenda=agenda,
        position=3,
        title_en="Implementation",
        heading_en="Implementation of the Convention",
    )
    # Sub-headings inside the annotation of item 2: A. lettered, then one without letter.
    # (Through the service, which checks them, before the tree below: the service refuses
    # it, counting the heading as a level where the numbering does not.)
    lettered = services.save_agenda_item(
        AgendaItemFactory.build(
            agenda=agenda,
            parent=second,
            position=1,
            kind="part",
            in_list=False,
            lettered=True,
            title_en="Background",
        )
    )
    services.save_agenda_item(
        AgendaItemFactory.build(
            agenda=agenda,
            parent=second,
            position=2,
            kind="part",
            in_list=False,
            title_en="Discussion",
            annotation_en="",
        )
    )
    heading = AgendaItemFactory(
        agenda=agenda, position=2, kind="heading", title_en="A. Organizational matters"
    )
    first = AgendaItemFactory(
        agenda=agenda, parent=heading, position=1, title_en="", title_fr="Ouverture"
    )
    sub = AgendaItemFactory(
        agenda=agenda,
        parent=first,
        position=1,
        annotation_en="<p>First paragraph.</p><p>Second paragraph.</p>",
    )
    AgendaItemFactory(agenda=agenda, parent=sub, position=1, title_en="Third level")
    # Citations on a title (one without a title of its own), on an annotation, inline.
    CitationFactory(
        item=second,
        resolution=ResolutionFactory(number=3, title_en="Crime & the <environment>"),
        placement=Citation.Placement.TITLE,
    )
    CitationFactory(
        item=second,
        resolution=_resolution_without_number("2019/210", title_en=""),
        placement=Citation.Placement.TITLE,
    )
    CitationFactory(
        item=sub,
        resolution=ResolutionFactory(number=12, title_en="Measurement"),
        placement=Citation.Placement.ANNOTATION,
    )
    CitationFactory(
        item=second,
        resolution=_resolution_without_number("XXXI/7", title_en=""),
        placement=Citation.Placement.INLINE,
    )
    # Footnotes of the secretariat: on the document's title, an item, a paragraph.
    for fields in [
        {"placement": "title", "text_en": "Issued <em>without</em> editing.<script>x</script>"},
        {"placement": "item", "item": second, "text_en": "See the report.", "text_fr": "Voir."},
        {"placement": "annotation", "item": sub, "paragraph": 1, "text_en": "As requested."},
    ]:
        services.save_footnote(Footnote(agenda=agenda, **fields))
    # Documents: one for a purpose; one by its link; one to be issued.
    purpose = services.save_document_purpose(
        DocumentPurpose(code="for-action", name_en="For action", name_fr="Pour suite à donner")
    )
    with_symbol = DocumentFactory(symbol="TEST/CO/2020/2", title_en="Report")
    DocumentEditionFactory(document=with_symbol, language="fr")
    DocumentEditionFactory(document=with_symbol, language="en")
    DocumentEditionFactory(document=with_symbol, language="ru", is_available=False)
    services.add_documentation(second, with_symbol, purpose)
    services.add_documentation(
        second, DocumentFactory(symbol="", url="https://example.org/paper", title_en="")
    )
    services.add_documentation(lettered, DocumentFactory(symbol="", title_en="Draft"))
    # The sections: a text, the list, the annotations; the timetable and a text as annexes.
    for kind, fields in [
        ("text", {"heading_en": "Introduction", "text_en": "<p>It <b>opens</b>.</p>"}),
        ("list", {"heading_en": "Provisional agenda"}),
        ("annotations", {}),
        ("timetable", {"is_annex": True}),
        ("text", {"heading_en": "Participants", "text_en": "<p>To follow.</p>", "is_annex": True}),
    ]:
        services.save_section(Section(agenda=agenda, kind=kind, **fields))
    # A joint meeting with a partner whose agenda is not in the system, taken up twice.
    partner = SessionFactory(body=BodyFactory(name_en="Review Group"), number=11)
    joint = JointMeetingFactory()
    JointParticipantFactory(joint_meeting=joint, session=session).items.add(second)
    JointParticipantFactory(joint_meeting=joint, session=partner, item_numbers="4, 5")
    room = RoomFactory(venue=session.venue)
    morning = TimeSlotFactory(
        session=session, joint_meeting=joint, room=room, introduced_by_en="The Chair"
    )
    SlotItemFactory(slot=morning, item=second, position=1)
    SlotItemFactory(slot=morning, item=opening, position=2)
    TimeSlotFactory(
        session=session,
        kind="break",
        start_time=datetime.time(13),
        end_time=datetime.time(15),
        note_en="Lunch",
    )
    afternoon = TimeSlotFactory(
        session=session, start_time=datetime.time(15), end_time=datetime.time(18)
    )
    SlotItemFactory(slot=afternoon, item=second)
    # A slot without items, only a note; and a joint meeting hosted by the partner.
    TimeSlotFactory(session=session, date=session.end_date, note_en="Informal consultations")
    hosted = JointMeetingFactory(note_en="Held with the Review Group.")
    JointParticipantFactory(joint_meeting=hosted, session=session)
    TimeSlotFactory(session=partner, joint_meeting=hosted, date=session.end_date)
    return agenda


@pytest.mark.django_db
def test_a_record_using_every_shape_keeps_the_contract():
    content = publish_agenda(_rich_agenda()).content
    assert record_errors(content) == []
    # The record really has the shapes this test is about, so it cannot pass vacuously.
    agenda = content["agenda"]
    assert agenda["symbol"] == "" and agenda["issued_on"] is None
    assert agenda["title"] == {"en": "Provisional agenda and annotations"}
    assert agenda["issued_under"] == {
        "symbol": "TEST/CO/2020/1",
        "path": [2],
        "title": {"en": "Adoption of the agenda", "fr": "Adoption"},
    }
    layout = ["announces_venue", "section_numbering", "documentation_style"]
    layout += ["timetable_layout", "time_notation", "is_sample"]
    assert {key: agenda[key] for key in layout} == {
        "announces_venue": True,
        "section_numbering": "roman",
        "documentation_style": "table",
        "timetable_layout": "per_slot",
        "time_notation": "24h",
        "is_sample": True,
    }
    assert content["editions"]["en"] == {
        "job_number": "V.20-04020 (E)",
        "barcode": "*2004020*",
        "reissued_on": None,
        "processed_on": "2020-08-03",
        "printed_on": "2020-08-04",
    }
    assert content["reissue"] == {"zh-hans": "2020-08-27"}
    assert content["body"]["short_name"] == {}
    assert [body["name"] for body in content["chain"]] == [
        {"en": "General Assembly"},
        {"en": "Conference"},
        content["body"]["name"],
    ]
    session = content["session"]
    assert (session["is_resumed"], session["part"], session["opening_time"]) == (True, 2, "10:00")
    assert session["interpretation"] == ["en", "fr", "ru"]

    sections = content["sections"]
    assert [(s["kind"], s["heading"], s["show_heading"], s["is_annex"]) for s in sections] == [
        ("text", {"en": "Introduction"}, True, False),
        ("list", {"en": "Provisional agenda"}, True, False),
        ("annotations", {}, True, False),
        ("timetable", {}, True, True),
        ("text", {"en": "Participants"}, True, True),
    ]
    assert sections[0]["text"] == {"en": "<p>It <b>opens</b>.</p>"}
    assert all(s["uid"] for s in sections) and sections[1]["text"] == {}

    items = content["items"]
    assert [(i["kind"], i["depth"], i["number"], i["letter"], i["in_list"]) for i in items] == [
        ("unnumbered", 0, "", 0, False),
        ("heading", 0, "", 0, True),
        ("item", 0, "1.", 0, True),
        ("item", 1, "(a)", 0, True),
        ("item", 2, "(i)", 0, True),
        ("item", 0, "2.", 0, True),
        ("part", 1, "", 1, False),
        ("part", 1, "", 0, False),
    ]
    opening, _heading, first, sub, _third, second, lettered, plain_part = items
    assert first["title"] == {"fr": "Ouverture"}
    assert (opening["annotation"], plain_part["annotation"]) == ({}, {})
    assert (second["title"], second["heading"]) == (
        {"en": "Implementation"},
        {"en": "Implementation of the Convention"},
    )
    assert lettered["parent"] == plain_part["parent"] == second["uid"]
    assert lettered["path"] == [] and lettered["in_annotations"] is True
    assert second["inline_citations"] == [{"kind": "decision", "label": "XXXI/7"}]

    # Footnotes in reading order: the document's title, the list, then the annotations.
    assert agenda["title_footnotes"] == ["1"]
    assert second["title_footnotes"] == ["2", "3"]
    assert sub["annotation_footnotes"] == [
        {"id": "4", "paragraph": 1},
        {"id": "5", "paragraph": None},
    ]
    assert [i["title_footnotes"] for i in items if i is not second] == [[]] * 7
    assert content["footnotes"] == [
        # The secretariat's HTML, sanitised; generated sentences, escaped.
        {"id": "1", "text": {"en": "Issued <em>without</em> editing."}},
        {"id": "2", "text": {"en": "See the report.", "fr": "Voir."}},
        {
            "id": "3",
            "text": {
                "en": "Resolution 8/3, entitled “Crime &amp; the &lt;environment&gt;”; "
                "and decision 2019/210."
            },
        },
        {"id": "4", "text": {"en": "As requested."}},
        {"id": "5", "text": {"en": "Resolution 8/12, entitled “Measurement”."}},
    ]

    documents = second["documents"]
    assert [(d["symbol"], d["url"], d["languages"]) for d in documents] == [
        ("TEST/CO/2020/2", "", ["en", "fr"]),
        ("", "https://example.org/paper", []),
    ]
    assert documents[0]["purpose"] == {
        "code": "for-action",
        "name": {"en": "For action", "fr": "Pour suite à donner"},
    }
    assert documents[1]["purpose"] is None and documents[1]["title"] == {}
    # To be issued: neither symbol nor link.
    [draft] = lettered["documents"]
    assert (draft["symbol"], draft["url"], draft["purpose"]) == ("", "", None)

    rows = content["organization_of_work"]["rows"]
    assert [
        (r["kind"], r["joint"], [(e["continued"], e["footnote"]) for e in r["entries"]])
        for r in rows
    ] == [
        ("meeting", "a", [(False, "a"), (False, None)]),
        ("break", None, []),
        ("meeting", None, [(True, None)]),
        ("meeting", None, []),
        ("meeting", "b", []),
    ]
    assert rows[0]["introduced_by"] == {"en": "The Chair"}
    assert [r["introduced_by"] for r in rows[1:]] == [{}] * 4
    assert rows[1]["note"] == {"en": "Lunch"}
    assert rows[3]["note"] == {"en": "Informal consultations"}
    assert rows[2]["room"] == {}


def _agenda_with_one_item(kind, with_slot):
    agenda = AgendaFactory(kind=kind)
    item = AgendaItemFactory(agenda=agenda)
    if with_slot:
        SlotItemFactory(slot=TimeSlotFactory(session=agenda.session), item=item)
    return agenda


@pytest.mark.parametrize(
    ("kind", "with_slot", "expected"),
    [
        ("provisional", False, [("list", False, False)]),
        ("provisional", True, [("list", False, False), ("timetable", True, True)]),
        ("annotated", False, [("list", True, False), ("annotations", True, False)]),
    ],
)
@pytest.mark.django_db
def test_an_agenda_without_sections_has_the_usual_ones_of_its_kind(kind, with_slot, expected):
    content = publish_agenda(_agenda_with_one_item(kind, with_slot)).content
    assert record_errors(content) == []
    sections = content["sections"]
    assert [(s["kind"], s["show_heading"], s["is_annex"]) for s in sections] == expected
    assert all((s["uid"], s["heading"], s["text"]) == (None, {}, {}) for s in sections)


@pytest.mark.django_db
def test_the_preview_record_keeps_the_contract_without_a_version_or_all_languages():
    agenda = AgendaFactory()
    AgendaItemFactory(agenda=agenda)
    content = freeze(build_snapshot(agenda), ["fr"])
    assert content["version"] is None and list(content["rendered"]) == ["fr"]
    assert record_errors(content) == []


@pytest.mark.django_db
def test_references_inside_a_record_resolve():
    # Beyond what JSON Schema can say: ids point at things the record holds.
    content = publish_agenda(_rich_agenda()).content
    assert content["chain"][-1] == content["body"]
    uids = [item["uid"] for item in content["items"]]
    assert all(
        item["parent"] in uids[:index]
        for index, item in enumerate(content["items"])
        if item["parent"]
    )
    # Parts are under an entry of the list, and have nothing under them.
    kinds = {item["uid"]: item["kind"] for item in content["items"]}
    parts = [item for item in content["items"] if item["kind"] == "part"]
    assert parts and all(kinds[part["parent"]] in ("item", "unnumbered") for part in parts)
    assert not {part["uid"] for part in parts} & {item["parent"] for item in content["items"]}
    # Footnotes are numbered 1, 2, 3 in order, and each has exactly one marker.
    numbers = [note["id"] for note in content["footnotes"]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    marks = content["agenda"]["title_footnotes"] + [
        mark
        for item in content["items"]
        for mark in item["title_footnotes"] + [note["id"] for note in item["annotation_footnotes"]]
    ]
    assert sorted(marks, key=int) == numbers
    work = content["organization_of_work"]
    letters = {note["id"] for note in work["footnotes"]}
    assert {row["joint"] for row in work["rows"]} - {None} == letters
    for row in work["rows"]:
        assert {entry["item"] for entry in row["entries"]} <= set(uids)
    for edition in content["rendered"].values():
        assert list(edition["programme"]) == [row["uid"] for row in work["rows"]]


# Broken records are refused ----------------------------------------------------------


@pytest.fixture
def record(db):
    """A small published record with an item and a part, a document, a footnote of the
    secretariat, an edition and a time slot: the shapes the breakages below break."""
    agenda = AgendaFactory()
    AgendaEditionFactory(agenda=agenda)
    item = AgendaItemFactory(agenda=agenda, title_en="Opening")
    services.save_agenda_item(
        AgendaItemFactory.build(
            agenda=agenda,
            parent=item,
            kind="part",
            in_list=False,
            lettered=True,
            title_en="Background",
        )
    )
    services.add_documentation(item, DocumentFactory())
    services.save_footnote(Footnote(agenda=agenda, placement="title", text_en="Late."))
    SlotItemFactory(slot=TimeSlotFactory(session=agenda.session), item=item)
    return validate_record(publish_agenda(agenda).content)


def _drop_agenda_slug(content):
    del content["agenda"]["slug"]


def _drop_agenda_title(content):
    del content["agenda"]["title"]


def _empty_translation(content):
    content["items"][0]["title"]["fr"] = ""


def _untrimmed_translation(content):
    content["items"][0]["title"]["en"] = "Opening "


def _not_a_language(content):
    content["body"]["name"]["English"] = "Working Group"


def _extra_key(content):
    content["session"]["room_name"] = {}


def _wrong_agenda_kind(content):
    content["agenda"]["kind"] = "final"


def _numbered_entry_called_unnumbered(content):
    content["items"][0]["kind"] = "unnumbered"


def _schema_2(content):
    content["schema"] = 2


def _version_0(content):
    content["version"] = 0


def _published_without_items(content):
    content["items"] = []


def _date_as_printed(content):
    content["session"]["start_date"] = "31 August 2020"


def _missing_rendering_key(content):
    del content["rendered"]["ar"]["programme"]


def _root_body_as_in_schema_2(content):
    content["root_body"] = content["chain"][0]


def _no_chain(content):
    content["chain"] = []


def _no_sections(content):
    content["sections"] = []


def _unknown_section_kind(content):
    content["sections"][0]["kind"] = "preface"


def _usual_section_with_a_heading(content):
    content["sections"][0]["heading"] = {"en": "Agenda"}


def _text_in_a_list_section(content):
    content["sections"][0]["uid"] = "00000000-0000-4000-8000-000000000000"
    content["sections"][0]["text"] = {"fr": "<p>Texte</p>"}


def _hidden_heading_of_a_section_the_secretariat_set(content):
    content["sections"][0]["uid"] = "00000000-0000-4000-8000-000000000000"
    content["sections"][0]["show_heading"] = False


def _no_footer_date(content):
    del content["editions"]["en"]["printed_on"]


def _opening_time_as_printed(content):
    content["session"]["opening_time"] = "10 a.m."


def _part_0(content):
    content["session"]["part"] = 0


def _interpretation_by_name(content):
    content["session"]["interpretation"] = ["English"]


def _interpretation_twice(content):
    content["session"]["interpretation"] = ["fr", "fr"]


def _part_in_the_list(content):
    content["items"][1]["in_list"] = True


def _numbered_entry_out_of_the_list(content):
    content["items"][0]["in_list"] = False


def _lettered_item(content):
    content["items"][0]["letter"] = 1


def _part_at_the_top(content):
    content["items"][1]["parent"] = None


def _annotation_footnotes_as_in_schema_2(content):
    content["items"][0]["annotation_footnotes"] = ["1"]


def _paragraph_0(content):
    content["items"][0]["annotation_footnotes"] = [{"id": "1", "paragraph": 0}]


def _title_footnote_twice(content):
    content["agenda"]["title_footnotes"] = ["1", "1"]


def _footnote_without_text(content):
    content["footnotes"][0]["text"] = {}


def _inline_citation_without_label(content):
    content["items"][0]["inline_citations"] = [{"kind": "decision", "label": ""}]


def _role_instead_of_purpose(content):
    document = content["items"][0]["documents"][0]
    del document["purpose"]
    document["role"] = "information"


def _purpose_by_code(content):
    content["items"][0]["documents"][0]["purpose"] = "for-decision"


def _unknown_slot_kind(content):
    content["organization_of_work"]["rows"][0]["kind"] = "lunch"


def _items_in_a_break(content):
    content["organization_of_work"]["rows"][0]["kind"] = "break"


def _entries_of_row_0(content):
    return repr(content["organization_of_work"]["rows"][0]["entries"])


ROW_0 = "$.organization_of_work.rows[0]"
BROKEN = [
    (_drop_agenda_slug, [("$.agenda", "'slug' is a required property")]),
    (_drop_agenda_title, [("$.agenda", "'title' is a required property")]),
    (
        _empty_translation,
        [
            ("$.items[0].title.fr", "'' does not match " + repr(TRIMMED)),
            ("$.items[0].title.fr", "'' should be non-empty"),
        ],
    ),
    (
        _untrimmed_translation,
        [("$.items[0].title.en", "'Opening ' does not match " + repr(TRIMMED))],
    ),
    (
        _not_a_language,
        [("$.body.name", "'English' does not match '^[a-z]{2,3}(-[a-z]+)?$'")],
    ),
    (
        _extra_key,
        [("$.session", "Additional properties are not allowed ('room_name' was unexpected)")],
    ),
    (_wrong_agenda_kind, [("$.agenda.kind", "'final' is not one of ['provisional', 'annotated']")]),
    (
        _numbered_entry_called_unnumbered,
        [
            ("$.items[0].anchor", "'' was expected"),
            ("$.items[0].number", "'' was expected"),
            ("$.items[0].path", "[1] is expected to be empty"),
            ("$.items[0].reference", "'' was expected"),
        ],
    ),
    (_schema_2, [("$.schema", "3 was expected")]),
    (_version_0, [("$.version", "0 is less than the minimum of 1")]),
    (_published_without_items, [("$.items", "[] should be non-empty")]),
    (
        _date_as_printed,
        [
            (
                "$.session.start_date",
                "'31 August 2020' does not match '^\\\\d{4}-\\\\d{2}-\\\\d{2}$'",
            )
        ],
    ),
    (_missing_rendering_key, [("$.rendered.ar", "'programme' is a required property")]),
    (
        _root_body_as_in_schema_2,
        [("$", "Additional properties are not allowed ('root_body' was unexpected)")],
    ),
    (_no_chain, [("$.chain", "[] should be non-empty")]),
    (_no_sections, [("$.sections", "[] should be non-empty")]),
    (
        _unknown_section_kind,
        [
            (
                "$.sections[0].kind",
                "'preface' is not one of ['list', 'annotations', 'timetable', 'text']",
            ),
            ("$.sections[0].kind", "'preface' is not one of ['list', 'annotations', 'timetable']"),
        ],
    ),
    (
        _usual_section_with_a_heading,
        [("$.sections[0].heading", "{'en': 'Agenda'} is expected to be empty")],
    ),
    (
        _text_in_a_list_section,
        [("$.sections[0].text", "{'fr': '<p>Texte</p>'} is expected to be empty")],
    ),
    (
        _hidden_heading_of_a_section_the_secretariat_set,
        [("$.sections[0].show_heading", "True was expected")],
    ),
    (_no_footer_date, [("$.editions.en", "'printed_on' is a required property")]),
    (
        _opening_time_as_printed,
        [("$.session.opening_time", "'10 a.m.' is not valid under any of the given schemas")],
    ),
    (_part_0, [("$.session.part", "0 is less than the minimum of 1")]),
    (
        _interpretation_by_name,
        [("$.session.interpretation[0]", "'English' does not match '^[a-z]{2,3}(-[a-z]+)?$'")],
    ),
    (_interpretation_twice, [("$.session.interpretation", "['fr', 'fr'] has non-unique elements")]),
    (_part_in_the_list, [("$.items[1].in_list", "False was expected")]),
    (_numbered_entry_out_of_the_list, [("$.items[0].in_list", "True was expected")]),
    (_lettered_item, [("$.items[0].letter", "0 was expected")]),
    (_part_at_the_top, [("$.items[1].parent", "None is not of type 'string'")]),
    (
        _annotation_footnotes_as_in_schema_2,
        [("$.items[0].annotation_footnotes[0]", "'1' is not of type 'object'")],
    ),
    (
        _paragraph_0,
        [("$.items[0].annotation_footnotes[0].paragraph", "0 is less than the minimum of 1")],
    ),
    (_title_footnote_twice, [("$.agenda.title_footnotes", "['1', '1'] has non-unique elements")]),
    (_footnote_without_text, [("$.footnotes[0].text", "{} should be non-empty")]),
    (
        _inline_citation_without_label,
        [("$.items[0].inline_citations[0].label", "'' should be non-empty")],
    ),
    (
        _role_instead_of_purpose,
        [
            ("$.items[0].documents[0]", "'purpose' is a required property"),
            (
                "$.items[0].documents[0]",
                "Additional properties are not allowed ('role' was unexpected)",
            ),
        ],
    ),
    (
        _purpose_by_code,
        [
            (
                "$.items[0].documents[0].purpose",
                "'for-decision' is not valid under any of the given schemas",
            )
        ],
    ),
    (_unknown_slot_kind, [(f"{ROW_0}.kind", "'lunch' is not one of ['meeting', 'break']")]),
    (
        _items_in_a_break,
        lambda content: [
            (f"{ROW_0}.entries", f"{_entries_of_row_0(content)} is expected to be empty")
        ],
    ),
]


@pytest.mark.parametrize(("breakage", "expected"), BROKEN, ids=[b.__name__[1:] for b, _ in BROKEN])
def test_a_broken_record_is_refused_with_the_breach_named(record, breakage, expected):
    broken = copy.deepcopy(record)
    breakage(broken)
    if callable(expected):
        expected = expected(broken)
    assert record_errors(broken) == expected
    with pytest.raises(AssertionError, match=re.escape(f"{expected[0][0]}: {expected[0][1]}")):
        validate_record(broken)


def test_the_breakages_break_what_the_record_has(record):
    # Each breakage above alters a shape the fixture's record really has.
    assert [(i["kind"], i["letter"], i["in_list"]) for i in record["items"]] == [
        ("item", 0, True),
        ("part", 1, False),
    ]
    assert record["items"][0]["documents"][0]["purpose"] is None
    assert record["agenda"]["title_footnotes"] == ["1"]
    assert record["footnotes"] == [{"id": "1", "text": {"en": "Late."}}]
    assert [s["uid"] for s in record["sections"]] == [None, None, None]
    assert record["organization_of_work"]["rows"][0]["kind"] == "meeting"
    assert record["organization_of_work"]["rows"][0]["entries"]
    assert list(record["editions"]) == ["en"]


def test_a_preview_of_an_agenda_without_items_is_not_a_breach(record):
    # Only a published record (with a version) must have items; the preview has none.
    preview = {**copy.deepcopy(record), "version": None, "items": []}
    assert record_errors(preview) == []


# Records of schema 2 keep theirs -------------------------------------------------------


def _as_schema_2(content):
    """``content`` (of an agenda without the shapes schema 3 added: no part, citation,
    footnote or document) as schema 2 wrote it."""
    old = copy.deepcopy(content)
    old["schema"] = 2
    old["root_body"] = old.pop("chain")[0]
    del old["sections"]
    for key in [
        "title",
        "title_footnotes",
        "issued_under",
        "announces_venue",
        "section_numbering",
        "documentation_style",
        "timetable_layout",
        "time_notation",
        "is_sample",
    ]:
        del old["agenda"][key]
    for key in ["is_resumed", "part", "opening_time", "interpretation"]:
        del old["session"][key]
    for edition in old["editions"].values():
        del edition["processed_on"], edition["printed_on"]
    for item in old["items"]:
        for key in ["letter", "in_list", "in_annotations", "heading", "inline_citations"]:
            del item[key]
    for row in old["organization_of_work"]["rows"]:
        del row["kind"], row["introduced_by"]
    return old


@pytest.mark.django_db
def test_a_schema_2_record_keeps_the_schema_2_contract_and_only_that():
    agenda = _agenda_with_one_item("annotated", with_slot=True)
    AgendaEditionFactory(agenda=agenda)
    content = publish_agenda(agenda).content
    old = _as_schema_2(content)
    assert check_schema(old["schema"]) == 2
    assert record_errors(old, schema=2) == []
    assert ("$.schema", "3 was expected") in record_errors(old)
    assert ("$.schema", "2 was expected") in record_errors(content, schema=2)
    with pytest.raises(AssertionError, match=re.escape("breaks docs/snapshot.v2.schema.json")):
        validate_record(content, schema=2)


# Readers refuse a schema they do not know --------------------------------------------


@pytest.mark.parametrize(("schema", "number"), [(2, 2), (3, 3), ("2", 2), ("3", 3)])
def test_check_schema_reads_schemas_2_and_3_as_a_number_or_as_text(schema, number):
    assert check_schema(schema) == number


@pytest.mark.parametrize(("schema", "shown"), [(1, "1"), (4, "4"), (None, "None"), ("x", "'x'")])
def test_check_schema_refuses_any_other(schema, shown):
    with pytest.raises(
        UnreadableSnapshot,
        match=re.escape(f"schema {shown} cannot be read; this code reads schema 2, 3."),
    ):
        check_schema(schema)


# The documentation names the same keys as the contract -------------------------------


def _record_section(text):
    """The lines of the doc's "## The record" section, up to the next section."""
    lines = text.splitlines()
    start = lines.index("## The record")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start + 1 : end]


KEY_CELL = re.compile(r"^`([a-z][a-z0-9_]*)`$")


def _key_tables(text):
    """Each table of the record section whose first column is "Key", as its keys.

    Every row's first cell must be one backticked key, nothing else: a strict format is
    what makes this comparison worth anything.
    """
    tables, table = [], None
    for line in [*_record_section(text), ""]:
        cells = (
            [cell.strip() for cell in line.strip().strip("|").split("|")]
            if line.startswith("|")
            else None
        )
        if cells is None:
            if table is not None:
                tables.append(table)
            table = None
        elif table is None:
            table = [] if cells[0] == "Key" else None
            if table is None:
                # A table under "The record" must list keys.
                raise AssertionError(
                    f"A table of the record section does not start with Key: {line}"
                )
        elif not set(cells[0]) <= {"-", " ", ":"}:
            match = KEY_CELL.match(cells[0])
            assert match, f"Not a key cell: {cells[0]!r}"
            table.append(match.group(1))
    return tables


def test_the_doc_documents_every_key_of_the_contract_and_no_other():
    doc_tables = _key_tables(DOC_PATH.read_text(encoding="utf-8"))
    schema_objects = _fixed_objects(load_schema())
    schema_names = {name for node in schema_objects for name in node["properties"]}
    doc_names = {name for table in doc_tables for name in table}
    assert sorted(schema_names - doc_names) == [], "keys of the schema the doc does not name"
    assert sorted(doc_names - schema_names) == [], "keys the doc names and the schema lacks"

    # Object by object: each object of the schema has a table listing exactly its keys,
    # and each table lists exactly the keys of an object of the schema.
    doc_sets = [frozenset(table) for table in doc_tables]
    for table in doc_tables:
        assert len(table) == len(set(table)), f"a key listed twice: {table}"
    schema_sets = [frozenset(node["properties"]) for node in schema_objects]
    assert [sorted(s) for s in schema_sets if s not in doc_sets] == []
    assert [sorted(s) for s in doc_sets if s not in schema_sets] == []


# What schema 3 added, object by object: (keys that tell the object, keys it gained).
ADDED_IN_3 = [
    ({"schema", "rendered"}, {"chain", "sections"}),
    (
        {"distribution"},
        {
            "title",
            "title_footnotes",
            "issued_under",
            "announces_venue",
            "section_numbering",
            "documentation_style",
            "timetable_layout",
            "time_notation",
            "is_sample",
        },
    ),
    ({"barcode"}, {"processed_on", "printed_on"}),
    ({"time_zone", "venue"}, {"is_resumed", "part", "opening_time", "interpretation"}),
    (
        {"anchor", "annotation"},
        {"letter", "in_list", "in_annotations", "heading", "inline_citations"},
    ),
    ({"url", "languages"}, {"purpose"}),
    ({"joint", "entries", "uid"}, {"kind", "introduced_by"}),
    # Objects new in schema 3.
    (set(), {"symbol", "path", "title"}),
    (set(), {"uid", "kind", "heading", "show_heading", "text", "is_annex"}),
    (set(), {"code", "name"}),
    (set(), {"kind", "label"}),
    (set(), {"id", "paragraph"}),
]


@pytest.mark.parametrize(("telling", "added"), ADDED_IN_3)
def test_the_doc_and_the_contract_have_what_schema_3_added(telling, added):
    doc_sets = {frozenset(table) for table in _key_tables(DOC_PATH.read_text(encoding="utf-8"))}
    schema_sets = {frozenset(node["properties"]) for node in _fixed_objects(load_schema())}
    old_sets = {frozenset(node["properties"]) for node in _fixed_objects(load_schema(2))}
    wanted = telling | added
    # One object holds them, in the doc and in the contract; schema 2 had none such.
    matching = [keys for keys in schema_sets if wanted <= keys]
    assert len(matching) == 1, matching
    assert matching[0] in doc_sets
    assert not [keys for keys in old_sets if wanted <= keys]


def test_what_schema_3_removed_is_gone_from_the_doc_tables_and_the_contract():
    doc_names = {n for t in _key_tables(DOC_PATH.read_text(encoding="utf-8")) for n in t}
    schema_names = {n for node in _fixed_objects(load_schema()) for n in node["properties"]}
    assert {"root_body", "role"} & (doc_names | schema_names) == set()


def test_the_drift_check_would_notice_a_new_key():
    # The check above is only worth having if it fails: a table missing a key, or with a
    # key too many, matches no object of the schema.
    text = DOC_PATH.read_text(encoding="utf-8")
    tables = _key_tables(text)
    schema_sets = [frozenset(node["properties"]) for node in _fixed_objects(load_schema())]
    for telling in ("distribution", "show_heading", "paragraph"):
        table = next(t for t in tables if telling in t)
        assert frozenset(table) in schema_sets
        assert frozenset(table[:-1]) not in schema_sets
        assert frozenset([*table, "language"]) not in schema_sets
    with pytest.raises(AssertionError, match="Not a key cell"):
        _key_tables(text.replace("| `slug` | slug |", "| slug | slug |", 1))
