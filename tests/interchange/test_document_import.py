"""Drafting an agenda from the secretariat's document: the seed, English and French
documents of other shapes (as text and as Word files), and files that are refused.

The seed is imported three ways. Into an empty database (``load_demo`` not run), so
that everything comes from the text: the draft then matches the demo agenda in
structure and Chinese text, except the joint meeting, whose partner (the
Implementation Review Group) the text names but cannot give a symbol prefix for.
Into a database holding what the demo agenda refers to (bodies, sessions, documents,
resolutions) but not the agenda itself: the draft then matches the demo exactly, joint
meeting included. And after ``load_demo``: the draft is created beside the demo
agenda, which is left exactly as it was.
"""

import datetime
import functools
import io
import json
import re
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from agendas import services
from agendas.models import Agenda, AgendaEdition, Body, Document, Session, Venue
from interchange.documents import (
    DocumentImportError,
    counts_of_agenda,
    import_agenda_document,
    read_agenda_document,
)
from interchange.documents import vocabulary as v
from interchange.documents.comparing import differences, outline
from interchange.exporting import dumps, export_agenda
from interchange.importing import import_agenda
from publishing.models import PublishedVersion
from resolutions.models import Resolution
from scheduling.models import JointMeeting, TimeSlot
from tests.rows import row_counts

# The rows of the product's own tables.
product_rows = functools.partial(row_counts, "agendas", "resolutions", "scheduling", "publishing")

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = DATA / "seed_zh.txt"
ENGLISH = DATA / "agenda_en.txt"
FRENCH = DATA / "agenda_fr.txt"
DEMO = ROOT / "publishing" / "demo" / "cosp-wg4-2020-1-rev1.json"
ZH = "zh-hans"


def demo():
    return json.loads(DEMO.read_text(encoding="utf-8"))


def import_file(path, name=None, **kwargs):
    return import_agenda_document(path.read_bytes(), name or path.name, **kwargs)


def demo_references_only():
    """What the demo agenda refers to, without the agenda and its timetable."""
    report = import_agenda(DEMO.read_bytes())
    TimeSlot.objects.all().delete()
    JointMeeting.objects.all().delete()
    report.agenda.delete()


# The seed ----------------------------------------------------------------------------

SEED_COUNTS = {
    "items": 4,
    "sub_items": 4,
    "parts": 0,
    "paragraphs": 19,
    "documents": 3,
    "footnotes": 3,
    "slots": 5,
    "joint_meetings": 1,
}
JOINT_NOTE = (
    "议程项目 2 将与实施情况审议组第十一届会议议程项目 4 和 5 一起，在预防腐败问题不限成员"
    "名额政府间工作组和实施情况审议组联席会议上讨论。"
)


def test_the_seed_counts_match_the_demo_agenda():
    assert counts_of_agenda(demo(), ZH) == SEED_COUNTS
    report = import_file(SEED)

    assert report.counts == SEED_COUNTS
    assert "4 items, 4 sub-items, 0 sub-headings, 19 annotation paragraphs, 3 documents " in (
        "\n".join(report.lines())
    )
    assert report.leftovers == []


def test_the_seed_in_an_empty_database_gives_the_demo_agenda_in_chinese():
    assert Body.objects.count() == 0
    report = import_file(SEED)
    agenda = report.agenda
    data = export_agenda(agenda)

    # Everything but the joint meeting is the demo's, row for row, in Chinese.
    found = differences(data, demo(), ZH)
    assert len(found) == 1 and found[0].startswith("draft:    ('joint meeting'")
    assert outline(data, ZH)[:-6] == outline(demo(), ZH)[:-6]
    assert outline(data, ZH)[-5:] == outline(demo(), ZH)[-5:]  # the five slots
    # The joint meeting keeps its footnote as printed: its partner is not here.
    meeting = JointMeeting.objects.get()
    assert meeting.note_zh_hans == JOINT_NOTE
    assert [p.session for p in meeting.participants.all()] == [agenda.session]
    assert any("实施情况审议组" in note for note in report.notes)

    # The masthead, as the text gives it.
    assert agenda.symbol == "CAC/COSP/WG.4/2020/1/Rev.1"
    assert (agenda.kind, agenda.distribution, agenda.original_language) == (
        "annotated",
        "general",
        "en",
    )
    assert agenda.issued_on == datetime.date(2020, 7, 24)
    edition = AgendaEdition.objects.get(agenda=agenda)
    assert (edition.language, edition.job_number) == (ZH, "V.20-04026 (C)")
    assert edition.reissued_on == datetime.date(2020, 8, 27)
    assert (edition.processed_on, edition.printed_on) == (
        datetime.date(2020, 8, 3),
        datetime.date(2020, 8, 27),
    )
    # The bodies, session and venue, created from what the text says.
    body = agenda.session.body
    assert (body.symbol_prefix, body.name_zh_hans, body.gathering_term) == (
        "CAC/COSP/WG.4",
        "预防腐败问题不限成员名额政府间工作组",
        "meeting",
    )
    assert (body.parent.symbol_prefix, body.parent.name_zh_hans) == (
        "CAC/COSP",
        "联合国反腐败公约缔约国会议",
    )
    session = agenda.session
    assert (session.number, session.start_date, session.end_date, session.opening_time) == (
        11,
        datetime.date(2020, 8, 31),
        datetime.date(2020, 9, 2),
        datetime.time(11),
    )
    assert (session.venue.name_zh_hans, session.venue.city_zh_hans) == ("维也纳国际中心", "维也纳")
    assert session.venue.time_zone == "Europe/Vienna"
    assert session.room.name_zh_hans == "M 楼 M 全体会议厅"
    # Resolutions and documents, with the demo's Chinese titles.
    expected = {(r["session_number"], r["number"]): r["title"][ZH] for r in demo()["resolutions"]}
    assert {
        (r.session_number, r.number): r.title_zh_hans for r in Resolution.objects.all()
    } == expected
    assert {d.symbol: d.title_zh_hans for d in Document.objects.all()} == {
        d["symbol"]: d["title"][ZH] for d in demo()["documents"]
    }
    # Created, never published; the report says what was created.
    assert PublishedVersion.objects.count() == 0
    assert any(line.startswith("session:") for line in report.created)


def test_the_seed_with_the_demo_references_is_the_demo_agenda_exactly():
    demo_references_only()
    bodies, documents = Body.objects.count(), Document.objects.count()

    report = import_file(SEED)

    assert differences(export_agenda(report.agenda), demo(), ZH) == []
    assert (Body.objects.count(), Document.objects.count()) == (bodies, documents)
    assert report.created == []
    meeting = JointMeeting.objects.get()
    assert meeting.note_zh_hans in ("", None)  # generated, as the demo's
    assert [p.item_numbers for p in meeting.participants.all()] == ["", "4, 5"]


def test_the_seed_beside_the_loaded_demo_leaves_the_demo_agenda_alone():
    call_command("load_demo", stdout=io.StringIO())
    live = Agenda.objects.get(symbol="CAC/COSP/WG.4/2020/1/Rev.1")
    before = dumps(export_agenda(live))

    report = import_file(SEED)

    assert dumps(export_agenda(live)) == before
    assert report.agenda.pk != live.pk and report.agenda.symbol == ""
    assert report.agenda.session == live.session
    assert any("already used" in note for note in report.notes)
    assert any("organization of work" in note for note in report.notes)
    assert report.counts["slots"] == 0
    exported = export_agenda(report.agenda)
    assert [row for row in outline(exported, ZH) if row[0] == "item"] == [
        row for row in outline(demo(), ZH) if row[0] == "item"
    ]


# English and French documents of other shapes ----------------------------------------

ENGLISH_OUTLINE = [
    ((1,), "item", "Election of officers", 1, ()),
    ((2,), "item", "Adoption of the agenda and other organizational matters", 1,
     ("E/CN.15/2022/2", "E/CN.15/2022/2/Corr.1", "E/CN.15/2022/3")),
    ((3,), "item", "Thematic discussion on the use of digital evidence in criminal justice", 1,
     ()),
    ((3, 1), "item", "Challenges and good practices", 1,
     ("E/CN.15/2022/4", "E/CN.15/2022/5", "E/CN.15/2022/5/Add.1")),
    ((3, 2), "item", "Technical assistance", 1, ("Conference room paper on technical assistance",)),
    ((4,), "item",
     "Integration and coordination of efforts by the United Nations Office on Drugs and Crime",
     0, ()),
    ((4, 1), "part", "Strategic management", 1, ("E/CN.15/2022/6",)),
    ((5,), "item", "Adoption of the report of the Commission on its thirty-first session", 1, ()),
]  # fmt: skip
ENGLISH_SLOTS = [
    ("2022-05-16", "10:00", "13:00", ((1,), (2,)), ""),
    ("2022-05-16", "15:00", "18:00", ((3,),), ""),
    ("2022-05-17", "10:00", "13:00", ((3, 1),), ""),
    ("2022-05-17", "15:00", "18:00", ((3, 2),), ""),
    ("2022-05-18", "10:00", "13:00", ((4,),), ""),
    ("2022-05-18", "15:00", "18:00", (), "Informal consultations"),
    ("2022-05-20", "15:00", "18:00", ((5,),), ""),
]


def summary(agenda, code):
    """The draft as compact rows: items (path, kind, title, paragraphs, documents) and
    slots (date, start, end, items, note)."""
    rows = outline(export_agenda(agenda), code)
    items = [
        (row[1], row[2], row[3], len(re.findall("<p>", row[5])), row[6])
        for row in rows
        if row[0] == "item"
    ]
    slots = [(row[1], row[2], row[3], row[4], row[6]) for row in rows if row[0] == "slot"]
    return items, slots


def check_english(report):
    agenda = report.agenda
    assert report.language == "en" and report.leftovers == []
    assert summary(agenda, "en") == (ENGLISH_OUTLINE, ENGLISH_SLOTS)
    assert (agenda.symbol, agenda.title_en, agenda.kind) == (
        "E/CN.15/2022/1",
        "Provisional agenda and annotations",
        "annotated",
    )
    assert agenda.section_numbering == "roman"
    assert [(s.kind, s.is_annex) for s in agenda.sections.all()] == [
        ("list", False),
        ("annotations", False),
        ("timetable", False),
    ]
    assert agenda.announces_venue
    session = agenda.session
    assert (session.body.symbol_prefix, session.body.parent.symbol_prefix) == ("E/CN.15", "E")
    assert (session.number, session.body.gathering_term) == (31, "session")
    assert session.opening_time == datetime.time(10)
    assert session.interpretation_languages == ["en", "fr", "es"]
    assert (session.venue.name_en, session.room.name_en) == (
        "Vienna International Centre",
        "Plenary Hall M",
    )
    item3 = agenda.items.get(title_en__startswith="Thematic")
    assert [str(c.resolution) for c in item3.citations.all()] == [
        "resolution 2021/20",
        "resolution 2021/21",
    ]
    item2 = agenda.items.get(title_en__startswith="Adoption of the agenda")
    footnote = agenda.footnotes.get()
    assert (footnote.item, footnote.placement, footnote.paragraph) == (item2, "annotation", None)
    assert footnote.text_en.startswith("See the report of the Commission")
    assert item2.annotation_en.endswith("held on 10 December 2021.</p>")
    assert report.counts == {
        "items": 5,
        "sub_items": 2,
        "parts": 1,
        "paragraphs": 7,
        "documents": 8,
        "footnotes": 2,
        "slots": 7,
        "joint_meetings": 0,
    }


def docx_bytes(paragraphs):
    """A Word file: each entry a paragraph, or a list of rows (a table)."""
    document = docx.Document()
    for entry in paragraphs:
        if isinstance(entry, list):
            table = document.add_table(rows=0, cols=max(len(row) for row in entry))
            for row in entry:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=False):
                    cell.text = value
        else:
            document.add_paragraph(entry)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_paragraphs(text):
    """The paragraphs a Word author types for a text: wrapped lines rejoined, tab lines
    made a table, page furniture dropped and footnotes moved to the end."""
    paragraphs, table, notes = [], [], []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            paragraphs.append(table)
            table = []
        stripped = line.strip()
        if not stripped or re.fullmatch(r"\d/\d|CAC/COSP/WG\.4/2021/1|\*\d+\*", stripped):
            continue
        if stripped.startswith("V.21-"):
            continue
        if stripped.startswith("____"):
            while index < len(lines) and lines[index].strip():
                note = lines[index].strip()
                if re.match(r"\d+ ", note) or not notes:
                    notes.append(note)
                else:
                    notes[-1] += " " + note
                index += 1
            continue
        previous = paragraphs[-1] if paragraphs and isinstance(paragraphs[-1], str) else None
        starts_entry = re.match(r"\(?[a-z]\) |[a-z] [A-Z]", stripped)
        if previous and not starts_entry and (stripped[0].islower() or previous.endswith("/")):
            joiner = "" if previous.endswith("/") else " "
            paragraphs[-1] = previous + joiner + stripped
        else:
            paragraphs.append(stripped)
    if table:
        paragraphs.append(table)
    if notes:
        paragraphs.append("__________________")
        paragraphs.extend(notes)
    return paragraphs


def test_an_english_text_document_with_numbered_sections():
    check_english(import_file(ENGLISH))


def test_the_same_english_document_as_a_word_file():
    data = docx_bytes(word_paragraphs(ENGLISH.read_text(encoding="utf-8")))
    report = import_agenda_document(data, "agenda_en.docx")
    assert report.source_kind == "docx"
    check_english(report)


FRENCH_OUTLINE = [
    ((1,), "item", "Questions d'organisation", 0, ()),
    ((1, 1), "item", "Ouverture de la réunion", 1, ()),
    ((1, 2), "item", "Adoption de l'ordre du jour et organisation des travaux", 1, ()),
    ((2,), "item", "Application des résolutions pertinentes de la Conférence", 2, ()),
    ((2, 1), "item", "Bonnes pratiques et initiatives en matière de prévention de la corruption"
     " : la prévention de la corruption dans le sport", 1,
     ("CAC/COSP/WG.4/2021/2", "CAC/COSP/WG.4/2021/3", "CAC/COSP/WG.4/2021/3/Corr.1")),
    ((2, 2), "item", "Autres recommandations", 1, ()),
    ((3,), "item", "Adoption du rapport", 1, ()),
]  # fmt: skip
FRENCH_SLOTS = [
    ("2021-06-07", "10:00", "13:00", ((1, 1), (1, 2)), ""),
    ("2021-06-07", "15:00", "18:00", ((2,),), ""),
    ("2021-06-08", "10:00", "13:00", ((2, 1),), ""),
    ("2021-06-08", "15:00", "18:00", ((2,),), ""),
    ("2021-06-09", "15:00", "18:00", ((2, 2), (3,)), ""),
]


def french_world():
    """The demo's bodies and documents, and the twelfth session of the Implementation
    Review Group, with which the Working Group's twelfth meeting meets jointly."""
    demo_references_only()
    irg = Session.objects.get(body__symbol_prefix="CAC/COSP/IRG")
    return services.save_session(
        Session(
            body=irg.body,
            number=12,
            start_date=datetime.date(2021, 6, 7),
            end_date=datetime.date(2021, 6, 11),
            venue=irg.venue,
        )
    )


def check_french(report, partner):
    agenda = report.agenda
    assert report.language == "fr" and report.leftovers == []
    assert summary(agenda, "fr") == (FRENCH_OUTLINE, FRENCH_SLOTS)
    assert (agenda.symbol, agenda.title_fr, agenda.original_language) == (
        "CAC/COSP/WG.4/2021/1",
        None,
        "en",
    )
    session = agenda.session
    assert session.body.symbol_prefix == "CAC/COSP/WG.4"  # found, not created
    assert (session.number, session.start_date, session.end_date) == (
        12,
        datetime.date(2021, 6, 7),
        datetime.date(2021, 6, 9),
    )
    assert session.venue.name_en == "Vienna International Centre"  # found by its French name
    assert (session.room.name_fr, session.opening_time) == ("salle plénière M", datetime.time(10))
    item2 = agenda.items.get(title_fr__startswith="Application")
    assert [str(c.resolution) for c in item2.citations.all()] == [
        "resolution 8/8",
        "resolution 9/6",
    ]
    assert Resolution.objects.get(number=6, session_number=9).title_fr == (
        "Renforcer la prévention de la corruption dans le sport"
    )
    meeting = JointMeeting.objects.get()
    assert meeting.note_fr in ("", None)  # the product writes the same note
    participants = list(meeting.participants.all())
    assert [p.session for p in participants] == [session, partner]
    assert [list(p.items.all()) for p in participants] == [[item2], []]
    assert participants[1].item_numbers == "4, 5"
    assert TimeSlot.objects.filter(joint_meeting=meeting).count() == 2


def test_a_french_text_extracted_from_a_pdf():
    partner = french_world()
    report = import_file(FRENCH)
    check_french(report, partner)
    edition = report.agenda.editions.get()
    assert (edition.language, edition.job_number) == ("fr", "V.21-01234 (F)")


def test_the_same_french_document_as_a_word_file():
    partner = french_world()
    data = docx_bytes(word_paragraphs(FRENCH.read_text(encoding="utf-8")))
    report = import_agenda_document(data, "ordre-du-jour.docx")
    check_french(report, partner)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_FOOTNOTES = f"""<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>
</w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Reissued for technical reasons on 3 January 2030.</w:t>
</w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>Resolution 1/1, entitled “Examples”.</w:t></w:r></w:p>
</w:footnote>
</w:footnotes>"""


def add_word_footnotes(document):
    """Give a python-docx document a footnotes part, as Word writes one."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        WORD_FOOTNOTES.encode(),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def footnote_reference(paragraph, note_id, custom_mark=""):
    from docx.oxml import parse_xml

    run = paragraph.add_run()
    custom = ' w:customMarkFollows="1"' if custom_mark else ""
    run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W}"{custom} w:id="{note_id}"/>'))
    if custom_mark:
        paragraph.add_run(custom_mark)


def test_word_numbering_and_footnotes_are_read():
    """Items numbered by Word's own list numbering, and footnotes made by Word: a
    starred reissue note on the symbol and a numbered one citing a resolution."""
    document = docx.Document()
    add_word_footnotes(document)
    document.add_paragraph("United Nations")
    footnote_reference(document.add_paragraph("A/AC.999/2030/1"), 1, "*")
    for text in ["Distr.: General", "2 January 2030", "Original: English",
                 "Ad Hoc Committee on Examples", "First session",
                 "New York, 5–9 August 2030", "Provisional agenda"]:  # fmt: skip
        document.add_paragraph(text)
    document.add_paragraph("Opening of the session.", style="List Number")
    footnote_reference(document.add_paragraph("Examples.", style="List Number"), 2)
    document.add_paragraph("Other matters.", style="List Number")
    out = io.BytesIO()
    document.save(out)

    report = import_agenda_document(out.getvalue(), "agenda.docx")

    agenda = report.agenda
    assert report.leftovers == []
    assert [i.title_en for i in agenda.items.all()] == [
        "Opening of the session",
        "Examples",
        "Other matters",
    ]
    assert agenda.kind == "provisional"
    assert agenda.session.venue.time_zone == "America/New_York"
    assert agenda.session.body.symbol_prefix == "A/AC.999"
    assert agenda.editions.get().reissued_on == datetime.date(2030, 1, 3)
    cited = agenda.items.get(title_en="Examples").citations.get().resolution
    assert (str(cited), cited.title_en, cited.body.symbol_prefix) == (
        "resolution 1/1",
        "Examples",
        "A/AC.999",
    )


# Files that are refused, whole --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "agenda.txt", "The file is empty."),
        (b"   \n\n ", "agenda.txt", "The file is empty."),
        (b"%PDF-1.7 binary", "agenda.pdf", "Only Word documents (.docx) and plain text"),
        (b"\xd0\xcf\x11\xe0 old word", "agenda.doc", "Word 97–2003 documents (.doc)"),
        (b"PK\x03\x04 not really a zip", "agenda.docx", "The file is not a Word document"),
        (b"just some text", "agenda.docx", "The file is not a Word document"),
        (b"caf\xe9 au lait, no agenda", "agenda.txt", "is not UTF-8 text"),
        (b"PK\x03\x04" + b"\x00" * 40, "agenda.txt", "binary"),
        (
            b"Provisional agenda\nThe Group will meet.\n",
            "agenda.txt",
            "No provisional agenda was found",
        ),
    ],
)
def test_a_file_that_is_not_an_agenda_writes_nothing_and_says_why(data, name, message):
    before = product_rows()
    with pytest.raises(DocumentImportError) as raised:
        import_agenda_document(data, name)
    assert message in str(raised.value)
    assert product_rows() == before


def test_a_zip_that_is_no_word_file_is_refused():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    before = product_rows()
    with pytest.raises(DocumentImportError, match="The Word file cannot be read"):
        import_agenda_document(out.getvalue(), "agenda.docx")
    assert product_rows() == before


def test_an_agenda_whose_body_cannot_be_made_is_refused_whole():
    text = "Some Committee\nFirst session\nGeneva, 1–2 June 2030\nProvisional agenda\n1. Opening.\n"
    before = product_rows()
    with pytest.raises(DocumentImportError, match="no symbol to take its symbol prefix"):
        import_agenda_document(text.encode(), "agenda.txt")
    assert product_rows() == before


def test_an_agenda_without_its_session_number_or_dates_is_refused():
    no_number = "A/AC.1/2030/1\nSome Committee\nGeneva, 1–2 June 2030\nProvisional agenda\n1. X.\n"
    no_dates = "A/AC.1/2030/1\nSome Committee\nFirst session\nProvisional agenda\n1. X.\n"
    before = product_rows()
    with pytest.raises(DocumentImportError, match="which session"):
        import_agenda_document(no_number.encode(), "a.txt")
    with pytest.raises(DocumentImportError, match="dates"):
        import_agenda_document(no_dates.encode(), "a.txt")
    assert product_rows() == before


def test_a_dry_run_reports_and_writes_nothing():
    before = product_rows()
    report = import_file(SEED, dry_run=True)
    assert product_rows() == before
    assert report.agenda is None and not report.written
    assert report.counts == SEED_COUNTS


def test_lines_not_understood_are_reported_with_their_numbers():
    text = ENGLISH.read_text(encoding="utf-8").replace(
        "II. Annotations", "A stray remark nobody expected\nII. Annotations"
    )
    report = import_agenda_document(text.encode(), "agenda.txt")
    assert report.leftovers == [(24, "A stray remark nobody expected")]
    assert "  line 24: A stray remark nobody expected" in report.lines()


# The command and the admin ------------------------------------------------------------


def test_the_command_prints_the_counts_against_the_demo():
    out = io.StringIO()
    call_command("import_agenda_document", str(SEED), compare=str(DEMO), stdout=out)
    text = out.getvalue()
    for line in [
        "items: 4 recognised, 4 expected",
        "sub-items: 4 recognised, 4 expected",
        "annotation paragraphs: 19 recognised, 19 expected",
        "documents: 3 recognised, 3 expected",
        "footnotes: 3 recognised, 3 expected",
        "timetable slots: 5 recognised, 5 expected",
        "Not recognised: nothing.",
        "(not published)",
    ]:
        assert line in text
    assert "1 differences:" in text  # the joint meeting, in an empty database


def test_the_command_dry_run_and_bad_files(tmp_path):
    out = io.StringIO()
    before = product_rows()
    call_command("import_agenda_document", str(ENGLISH), dry_run=True, stdout=out)
    assert "Dry run: nothing was written." in out.getvalue()
    assert product_rows() == before
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match="nothing was written.\nThe file is empty."):
        call_command("import_agenda_document", str(empty))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_agenda_document", str(tmp_path / "missing.docx"))
    with pytest.raises(CommandError, match="Cannot read the agenda file"):
        call_command("import_agenda_document", str(SEED), compare=str(empty))
    with pytest.raises(CommandError, match="--compare needs"):
        call_command("import_agenda_document", str(SEED), compare=str(DEMO), dry_run=True)
    assert product_rows() == before


def test_the_admin_drafts_from_an_upload_and_shows_the_report(secretariat_client):
    url = reverse("admin:agendas_agenda_import_document")
    listing = secretariat_client.get(reverse("admin:agendas_agenda_changelist"))
    assert url in listing.content.decode()
    assert secretariat_client.get(url).status_code == 200

    upload = SimpleUploadedFile("seed_zh.txt", SEED.read_bytes(), content_type="text/plain")
    response = secretariat_client.post(url, {"file": upload})

    assert response.status_code == 200
    agenda = Agenda.objects.get()
    page = response.content.decode()
    assert reverse("admin:agendas_agenda_change", args=[agenda.pk]) in page
    assert "19 annotation paragraphs" in page
    assert "Every line of the document was recognised." in page
    assert PublishedVersion.objects.count() == 0


def test_the_admin_refuses_a_bad_upload_and_writes_nothing(secretariat_client):
    before = product_rows()
    upload = SimpleUploadedFile("agenda.docx", b"PK\x03\x04broken", content_type="text/plain")
    response = secretariat_client.post(
        reverse("admin:agendas_agenda_import_document"), {"file": upload}
    )
    assert response.status_code == 200
    assert "nothing was written" in response.content.decode()
    assert product_rows() == before


def test_the_admin_upload_needs_the_import_permissions(translator_zh):
    from django.test import Client

    client = Client()
    client.force_login(translator_zh)
    response = client.get(reverse("admin:agendas_agenda_import_document"))
    assert response.status_code == 403


# Reading the six languages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2020 年 8 月 31 日至 9 月 2 日，维也纳", ["2020-08-31", "2020-09-02"]),
        ("Vienna, 31 August–2 September 2020", ["2020-08-31", "2020-09-02"]),
        ("Vienne, 1er-5 juin 2015", ["2015-06-01", "2015-06-05"]),
        ("Viena, 1 a 5 de junio de 2015", ["2015-06-01", "2015-06-05"]),
        ("Вена, 1-5 июня 2015 года", ["2015-06-01", "2015-06-05"]),
        ("نيويورك، 19-23 آب/أغسطس 2013", ["2013-08-19", "2013-08-23"]),
    ],
)
def test_dates_are_read_in_the_six_languages(text, dates):
    assert [d.isoformat() for d in v.read_dates(text)] == dates


@pytest.mark.parametrize(
    ("code", "text", "times"),
    [
        ("zh-hans", "上午 11 时至下午 1 时", ("11:00", "13:00")),
        ("zh-hans", "下午 3 时至 5 时", ("15:00", "17:00")),
        ("en", "3–6 p.m.", ("15:00", "18:00")),
        ("en", "10.00–13.00", ("10:00", "13:00")),
        ("fr", "15 h 30-18 heures", ("15:30", "18:00")),
        ("es", "10.00 a 13.00 horas", ("10:00", "13:00")),
        ("ru", "10 ч. 00 м. – 13 ч. 00 м.", ("10:00", "13:00")),
        ("ar", "من الساعة 00/10 إلى الساعة 00/13", ("10:00", "13:00")),
    ],
)
def test_meeting_times_are_read_in_the_six_languages(code, text, times):
    (start, end, *_rest), *_ = v.read_time_ranges(text, code)
    assert (start.strftime("%H:%M"), end.strftime("%H:%M")) == times


def test_sessions_citations_and_symbols_are_read():
    assert v.find_session("第十一次会议将于", "zh-hans")[:4] == (11, "meeting", False, False)
    assert v.find_session("Trigésimo primer período de sesiones", "es")[:2] == (31, "session")
    assert v.find_session("Тридцать первая сессия", "ru")[:2] == (31, "session")
    assert v.read_citations("Resolution 8/3, entitled “A”; and decision 7/1.", "en") == [
        ("resolution", "8/3", "A"),
        ("decision", "7/1", ""),
    ]
    assert [s for s, *_ in v.find_symbols("(A/75/1 and Corr.1; CAC/COSP/WG.4/ 2020/3)")] == [
        "A/75/1",
        "A/75/1/Corr.1",
        "CAC/COSP/WG.4/2020/3",
    ]
    assert v.detect_language("Трудовая группа и конференция") == "ru"
    assert v.detect_language("El Grupo de Trabajo y los Estados") == "es"


def test_the_reading_of_the_seed_without_writing():
    reading = read_agenda_document(SEED.read_bytes(), "seed_zh.txt")
    assert (reading.symbol, reading.symbol_stars, reading.reissued_on) == (
        "CAC/COSP/WG.4/2020/1/Rev.1",
        1,
        datetime.date(2020, 8, 27),
    )
    assert [symbol for symbol, _line in reading.links] == [
        "CAC/COSP/WG.4/2020/4",
        "CAC/COSP/WG.4/2020/3",
        "CAC/COSP/WG.4/2020/3",
        "CAC/COSP/WG.4/2020/2",
    ]
    assert Venue.objects.count() == 0


def test_a_translator_drafts_no_agenda_from_a_document(make_translator):
    before = product_rows()
    with pytest.raises(DocumentImportError) as refused:
        import_file(SEED, by=make_translator("zh-hans"))
    assert refused.value.messages[0] == "The draft could not be written; nothing was saved."
    assert refused.value.messages[1].startswith("Only the secretariat may add ")
    assert product_rows() == before
