"""The published record keeps its contract, and the contract its documentation.

``docs/snapshot.schema.json`` is the exact shape of ``PublishedVersion.content``;
``docs/snapshot.md`` explains it. Records the code publishes must validate, broken
records must not, and the two documents must name the same keys.
"""

import copy
import datetime
import io
import re
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from publishing.models import PublishedVersion
from publishing.rendering import freeze
from publishing.services import publish_agenda
from publishing.snapshot import SCHEMA, UnreadableSnapshot, build_snapshot, check_schema
from resolutions.models import Citation
from tests.factories import (
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    CitationFactory,
    DocumentationLinkFactory,
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
from tests.snapshot_contract import load_schema, record_errors, validate_record

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "snapshot.md"
TRIMMED = "^\\S(?:[\\s\\S]*\\S)?$"


# The contract itself -------------------------------------------------------------------


def test_the_contract_is_a_valid_draft_2020_12_schema_for_the_current_schema_number():
    jsonschema.Draft202012Validator.check_schema(load_schema())
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # A bump of SCHEMA without the contract (or the other way round) is caught here.
    assert load_schema()["properties"]["schema"]["const"] == SCHEMA
    assert f"schema {SCHEMA}" in DOC_PATH.read_text(encoding="utf-8").splitlines()[0]


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


def test_every_object_is_closed_and_requires_all_its_keys():
    # build_snapshot and render_edition always write every key: an optional key, or an
    # open object, would let a record that lost a key (or grew a stray one) through.
    schema = load_schema()
    for node in _subschemas(schema):
        if node.get("type") != "object":
            continue
        if "properties" in node:
            assert node["additionalProperties"] is False, node.get("description")
            assert sorted(node["required"]) == sorted(node["properties"]), node.get("description")
        else:
            # Maps (by language, by slot): keys checked by name, values by a schema.
            assert "propertyNames" in node and "additionalProperties" in node, node


def test_every_key_has_a_title_for_the_reader():
    for node in _fixed_objects(load_schema()):
        for name, prop in node["properties"].items():
            assert prop.get("title"), name


# Records the code publishes validate -------------------------------------------------


@pytest.mark.django_db
def test_the_seed_agenda_as_published_keeps_the_contract():
    call_command("load_demo", stdout=io.StringIO())
    content = PublishedVersion.objects.get().content
    assert record_errors(content) == []
    # The seed is the fullest record there is: reissues, citations, a joint meeting.
    assert content["reissue"] == {"zh-hans": "2020-08-27"}
    assert content["footnotes"] and content["organization_of_work"]["footnotes"]


def _rich_agenda():
    """An agenda using every shape the record has, as few objects as that takes."""
    parent = BodyFactory(name_en="Conference", gathering_term="session")
    body = BodyFactory(parent=parent, short_name_en="")
    session = SessionFactory(body=body, is_special=True)
    session.room = RoomFactory(venue=session.venue)
    session.save()
    agenda = AgendaFactory(
        session=session, symbol="", issued_on=None, kind="provisional", distribution="limited"
    )
    AgendaEditionFactory(agenda=agenda, language="en")
    AgendaEditionFactory(
        agenda=agenda,
        language="zh-hans",
        job_number="V.20-04026 (C)",
        reissued_on=datetime.date(2020, 8, 27),
    )
    opening = AgendaItemFactory(
        agenda=agenda, position=1, kind="unnumbered", title_en="Opening statements"
    )
    heading = AgendaItemFactory(
        agenda=agenda, position=2, kind="heading", title_en="A. Organizational matters"
    )
    first = AgendaItemFactory(
        agenda=agenda, parent=heading, position=1, title_en="", title_fr="Ouverture"
    )
    sub = AgendaItemFactory(agenda=agenda, parent=first, position=1, annotation_en="")
    AgendaItemFactory(agenda=agenda, parent=sub, position=1, title_en="Third level")
    second = AgendaItemFactory(agenda=agenda, position=3, title_en="Implementation")
    # Citations on a title and on an annotation: two footnotes, title first.
    CitationFactory(item=second, resolution=ResolutionFactory(), placement="title")
    CitationFactory(item=second, resolution=ResolutionFactory(), placement="title")
    CitationFactory(
        item=sub, resolution=ResolutionFactory(), placement=Citation.Placement.ANNOTATION
    )
    with_symbol = DocumentFactory(title_en="Report")
    DocumentEditionFactory(document=with_symbol, language="fr")
    DocumentEditionFactory(document=with_symbol, language="en")
    DocumentEditionFactory(document=with_symbol, language="ru", is_available=False)
    DocumentationLinkFactory(item=second, document=with_symbol, role="information")
    DocumentationLinkFactory(
        item=second,
        document=DocumentFactory(symbol="", url="https://example.org/paper", title_en=""),
        role="background",
    )
    # A joint meeting with a partner whose agenda is not in the system, taken up twice.
    partner = SessionFactory(body=BodyFactory(name_en="Review Group"), number=11)
    joint = JointMeetingFactory()
    JointParticipantFactory(joint_meeting=joint, session=session).items.add(second)
    JointParticipantFactory(joint_meeting=joint, session=partner, item_numbers="4, 5")
    room = RoomFactory(venue=session.venue)
    morning = TimeSlotFactory(session=session, joint_meeting=joint, room=room)
    SlotItemFactory(slot=morning, item=second, position=1)
    SlotItemFactory(slot=morning, item=opening, position=2)
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
    items = content["items"]
    assert [(i["kind"], i["depth"], i["number"]) for i in items] == [
        ("unnumbered", 0, ""),
        ("heading", 0, ""),
        ("item", 0, "1."),
        ("item", 1, "(a)"),
        ("item", 2, "(i)"),
        ("item", 0, "2."),
    ]
    assert items[2]["title"] == {"fr": "Ouverture"}
    assert items[3]["annotation"] == {}
    assert (items[5]["title_footnotes"], items[3]["annotation_footnotes"]) == (["1"], ["2"])
    documents = items[5]["documents"]
    assert [(d["symbol"] != "", d["url"], d["languages"]) for d in documents] == [
        (True, "", ["en", "fr"]),
        (False, "https://example.org/paper", []),
    ]
    assert documents[1]["title"] == {}
    assert content["agenda"]["symbol"] == "" and content["agenda"]["issued_on"] is None
    assert content["body"]["short_name"] == {}
    assert content["root_body"]["name"] == {"en": "Conference"}
    assert content["reissue"] == {"zh-hans": "2020-08-27"}
    assert content["editions"]["en"] == {
        "job_number": "V.20-04020 (E)",
        "barcode": "*2004020*",
        "reissued_on": None,
    }
    rows = content["organization_of_work"]["rows"]
    assert [
        (r["joint"], [(e["continued"], e["footnote"]) for e in r["entries"]]) for r in rows
    ] == [
        ("a", [(False, "a"), (False, None)]),
        (None, [(True, None)]),
        (None, []),
        ("b", []),
    ]
    assert rows[2]["note"] == {"en": "Informal consultations"}
    assert rows[1]["room"] == {}


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
    uids = [item["uid"] for item in content["items"]]
    assert all(
        item["parent"] in uids[:index]
        for index, item in enumerate(content["items"])
        if item["parent"]
    )
    numbers = {note["id"] for note in content["footnotes"]}
    marks = [n for i in content["items"] for n in i["title_footnotes"] + i["annotation_footnotes"]]
    assert sorted(marks) == sorted(numbers)
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
    agenda = AgendaFactory()
    AgendaItemFactory(agenda=agenda, title_en="Opening")
    return validate_record(publish_agenda(agenda).content)


def _drop_agenda_slug(content):
    del content["agenda"]["slug"]


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


def _schema_1(content):
    content["schema"] = 1


def _version_0(content):
    content["version"] = 0


def _published_without_items(content):
    content["items"] = []


def _date_as_printed(content):
    content["session"]["start_date"] = "31 August 2020"


def _missing_rendering_key(content):
    del content["rendered"]["ar"]["programme"]


BROKEN = [
    (_drop_agenda_slug, [("$.agenda", "'slug' is a required property")]),
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
    (_schema_1, [("$.schema", "2 was expected")]),
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
]


@pytest.mark.parametrize(("breakage", "expected"), BROKEN, ids=[b.__name__[1:] for b, _ in BROKEN])
def test_a_broken_record_is_refused_with_the_breach_named(record, breakage, expected):
    broken = copy.deepcopy(record)
    breakage(broken)
    assert record_errors(broken) == expected
    with pytest.raises(AssertionError, match=re.escape(f"{expected[0][0]}: {expected[0][1]}")):
        validate_record(broken)


def test_a_preview_of_an_agenda_without_items_is_not_a_breach(record):
    # Only a published record (with a version) must have items; the preview has none.
    preview = {**copy.deepcopy(record), "version": None, "items": []}
    assert record_errors(preview) == []


# Readers refuse a schema they do not know --------------------------------------------


@pytest.mark.parametrize("schema", [2, "2"])
def test_check_schema_reads_schema_2_as_a_number_or_as_text(schema):
    assert check_schema(schema) == 2


@pytest.mark.parametrize(("schema", "shown"), [(1, "1"), (3, "3"), (None, "None"), ("x", "'x'")])
def test_check_schema_refuses_any_other(schema, shown):
    with pytest.raises(
        UnreadableSnapshot,
        match=re.escape(f"schema {shown} cannot be read; this code reads schema 2."),
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


def test_the_drift_check_would_notice_a_new_key():
    # The check above is only worth having if it fails: a table missing a key, or with a
    # key too many, matches no object of the schema.
    text = DOC_PATH.read_text(encoding="utf-8")
    tables = _key_tables(text)
    schema_sets = [frozenset(node["properties"]) for node in _fixed_objects(load_schema())]
    agenda_table = next(t for t in tables if "distribution" in t)
    assert frozenset(agenda_table) in schema_sets
    assert frozenset(agenda_table[:-1]) not in schema_sets
    assert frozenset([*agenda_table, "language"]) not in schema_sets
    with pytest.raises(AssertionError, match="Not a key cell"):
        _key_tables(text.replace("| `slug` | slug |", "| slug | slug |", 1))
