"""XLIFF 2.0 for translators: export valid files with stable ids and intact markup, take
back what a CAT tool filled in, and refuse whole, by unit, every file that is wrong.

The seed agenda (CAC/COSP/WG.4/2020/1/Rev.1, English original, Chinese translation)
comes from its demo file; rich text with a link, emphasis, a list and a line break is
added to one of its annotations. translate-toolkit's XLIFF 2 storage
(``translate.storage.xliff2.Xliff2File``) stands in for a CAT tool.
"""

import copy
import functools
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree
from translate.storage.xliff2 import Xliff2File

from agendas.html import sanitize_html
from agendas.models import Agenda, AgendaItem, Body
from agendas.savers import saver_for
from interchange.exporting import dumps, export_agenda
from interchange.importing import import_agenda
from interchange.xliff import XliffFileError, export_xliff, import_xliff
from interchange.xliff.fields import decode_key, encode_key, source_hash
from interchange.xliff.inline import XLIFF_NS
from interchange.xliff.schema import validate
from interchange.xliff.writing import MDA_NS
from tests.rows import row_counts
from tests.shapes import build_sample_agenda

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "publishing" / "demo"
SEED = DEMO / "cosp-wg4-2020-1-rev1.json"
OTHER = DEMO / "copuos-stsc-2027-1-provisional.json"
NS = {"x": XLIFF_NS, "mda": MDA_NS}

# Item 1(b), "Adoption of the agenda and organization of work".
ADOPTION = "cfc6125b-df44-5df6-9824-3baff7df3905"
# The first entry, "Opening of the meeting".
OPENING = "890d4d44-7756-506d-919a-f330136b833e"
# Item 2, whose annotation gets rich text below.
ITEM_2 = "0ae7078b-51aa-515a-88ea-3b2e716cb8e8"

RICH_EN = (
    '<p>See <a href="https://undocs.org/CAC/COSP/2019/17" title="The report">the report '
    "of the Conference</a>, <em>in particular</em> its <strong>resolution 8/8</strong>"
    "<sup>1</sup>.</p>\n"
    '<ol type="a"><li>prevention &amp; education;</li><li>integrity<br>in the '
    '<span lang="fr">secteur public</span>.</li></ol>'
)
RICH_FR = (
    '<p>Voir <a href="https://undocs.org/fr/CAC/COSP/2019/17">le rapport</a>, '
    "<em>notamment</em> sa résolution 8/8.</p>"
)

# The rows of the product's own tables.
product_rows = functools.partial(row_counts, "agendas", "resolutions", "scheduling")


def state(agenda):
    """Everything the agenda and what it refers to say, in every language, and how many
    rows there are: equal before and after an import that wrote nothing."""
    return dumps(export_agenda(agenda)), product_rows()


@pytest.fixture
def seed():
    agenda = import_agenda(SEED.read_bytes()).agenda
    item = AgendaItem.objects.get(uid=ITEM_2)
    item.annotation_en = RICH_EN
    item.annotation_fr = RICH_FR
    saver_for(AgendaItem)(item, by=None)
    return Agenda.objects.get(pk=agenda.pk)


def tree(data):
    return etree.fromstring(data)


def unit(root, unit_id):
    (found,) = root.xpath("//x:unit[@id=$id]", namespaces=NS, id=unit_id)
    return found


def unit_ids(data):
    return tree(data).xpath("//x:unit/@id", namespaces=NS)


def fill(data, translate, state_value="translated"):
    """The file with each unit's target set by ``translate(unit_id, source)`` (an element
    to copy, or None to leave the unit alone), as a CAT tool would."""
    root = tree(data)
    for element in root.iter(f"{{{XLIFF_NS}}}unit"):
        segment = element.find("x:segment", NS)
        source = segment.find("x:source", NS)
        target = translate(element.get("id"), copy.deepcopy(source))
        if target is None:
            continue
        old = segment.find("x:target", NS)
        if old is not None:
            segment.remove(old)
        target.tag = f"{{{XLIFF_NS}}}target"
        segment.append(target)
        segment.set("state", state_value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def prefixed(prefix):
    """Translate by writing ``prefix`` before the first text of the source."""

    def translate(unit_id, source):
        if len(source) and not (source.text or "").strip():
            source[0].text = prefix + (source[0].text or "")
        else:
            source.text = prefix + (source.text or "")
        return source

    return translate


# --- Export -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh-hans", "fr"])
def test_the_seed_exports_to_a_valid_xliff_2_file(seed, language):
    data = export_xliff(seed, language)
    root = tree(data)

    assert validate(data) == []
    assert root.get("version") == "2.0"
    assert root.get("srcLang") == "en"
    assert root.get("trgLang") == {"zh-hans": "zh-Hans", "fr": "fr"}[language]
    (file,) = root.findall("x:file", NS)
    assert file.get("id") == f"agenda-{seed.uid}"
    assert file.get("original") == "CAC/COSP/WG.4/2020/1/Rev.1"
    # Every translated field with English text is there, grouped by what it belongs to.
    ids = unit_ids(data)
    assert len(ids) == len(set(ids))
    assert f"item:{ADOPTION}:title" in ids
    assert f"item:{ADOPTION}:annotation" in ids
    assert "body:CAC_2FCOSP_2FWG.4:name" in ids
    assert "resolution:eebbc59e-db78-5759-9e9a-fec0785025cb:title" in ids
    assert "document:507e7dba-de47-519a-9d53-40397b7321bf:title" in ids
    assert "room:20a5eb67-eef0-45d4-9866-8f7ef195744f:name" in ids
    parts = [group.get("id") for group in file.findall("x:group", NS)]
    assert parts == ["items", "documents", "resolutions", "bodies", "places"]
    # No unit for a field without English text (the items' headings are all empty).
    assert not [i for i in ids if i.endswith(":heading")]


def test_a_unit_holds_the_source_its_fingerprint_and_any_translation(seed):
    zh = unit(tree(export_xliff(seed, "zh-hans")), f"item:{ADOPTION}:title")
    fr = unit(tree(export_xliff(seed, "fr")), f"item:{ADOPTION}:title")
    item = AgendaItem.objects.get(uid=ADOPTION)

    assert zh.get("name") == f"item/{ADOPTION}/title"
    fingerprint = "mda:metadata/mda:metaGroup[@category='source']/mda:meta[@type='sha256']"
    assert zh.findtext(fingerprint, namespaces=NS) == source_hash(item.title_en)
    assert zh.findtext("x:notes/x:note", namespaces=NS) == "Item 1(b) – title"
    assert zh.find("x:segment", NS).get("state") == "translated"
    assert zh.findtext("x:segment/x:source", namespaces=NS) == item.title_en
    assert zh.findtext("x:segment/x:target", namespaces=NS) == item.title_zh_hans
    assert fr.find("x:segment", NS).get("state") == "initial"
    assert fr.find("x:segment/x:target", NS) is None


def test_every_shape_of_agenda_exports_valid_with_every_part(db):
    agenda = build_sample_agenda()["agenda"]

    data = export_xliff(agenda, "es")

    assert validate(data) == []
    root = tree(data)
    parts = [group.get("id") for group in root.xpath("/x:xliff/x:file/x:group", namespaces=NS)]
    # Its sections have the usual headings, and no text: nothing to translate there.
    assert parts == [
        "agenda",
        "items",
        "footnotes",
        "documents",
        "purposes",
        "resolutions",
        "timetable",
        "bodies",
        "places",
    ]
    ids = unit_ids(data)
    assert f"agenda:{agenda.uid}:title" in ids
    assert any(i.startswith("slot:") and i.endswith(":introduced_by") for i in ids)
    assert any(i.startswith("purpose:") for i in ids)


def test_an_arabic_target_is_written_right_to_left(seed):
    file = tree(export_xliff(seed, "ar")).find("x:file", NS)
    assert file.get("trgDir") == "rtl"
    assert file.get("srcDir") is None


def test_ids_stay_the_same_between_exports(seed):
    first = export_xliff(seed, "fr")
    assert export_xliff(seed, "fr") == first  # the same agenda gives the same bytes

    # Translating, editing the source and reordering items changes no id.
    item = AgendaItem.objects.get(uid=ADOPTION)
    item.title_fr = "Adoption de l’ordre du jour"
    item.title_en = "Adoption of the agenda"
    item.position = 1
    saver_for(AgendaItem)(item, by=None)
    second = export_xliff(seed, "fr")

    assert sorted(unit_ids(second)) == sorted(unit_ids(first))
    assert unit_ids(second) != unit_ids(first)  # in the new reading order


def test_unit_ids_are_nmtokens_that_name_their_field():
    assert encode_key("CAC/COSP/WG.4") == "CAC_2FCOSP_2FWG.4"
    assert encode_key("for_decision") == "for_5Fdecision"
    for key in ["CAC/COSP/WG.4", "for_decision", "E/CN.7", "A_5F", "ÉÀ/中"]:
        assert decode_key(encode_key(key)) == key
    with pytest.raises(ValueError):
        decode_key("CAC/COSP")


def test_the_target_language_cannot_be_the_source(seed):
    with pytest.raises(ValueError, match="English is the agenda's original language"):
        export_xliff(seed, "en")
    with pytest.raises(ValueError, match="not one of the product's languages"):
        export_xliff(seed, "de")


# --- Rich text ----------------------------------------------------------------------------


def test_rich_text_keeps_its_markup_as_inline_codes(seed):
    element = unit(tree(export_xliff(seed, "fr")), f"item:{ITEM_2}:annotation")
    data = {d.get("id"): d.text for d in element.findall("x:originalData/x:data", NS)}
    source = element.find("x:segment/x:source", NS)

    link = source.find(".//x:pc[@type='link']", NS)
    assert data[link.get("dataRefStart")] == (
        '<a href="https://undocs.org/CAC/COSP/2019/17" title="The report" '
        'rel="noopener noreferrer">'
    )
    assert data[link.get("dataRefEnd")] == "</a>"
    assert link.text == "the report of the Conference"
    emphasis = source.find(".//x:pc[@subType='xlf:i']", NS)
    assert (data[emphasis.get("dataRefStart")], emphasis.text) == ("<em>", "in particular")
    items = source.findall(".//x:pc[@subType='html:li']", NS)
    assert [data[i.get("dataRefStart")] for i in items] == ["<li>", "<li>"]
    ordered_list = source.find(".//x:pc[@subType='html:ol']", NS)
    assert data[ordered_list.get("dataRefStart")] == '<ol type="a">'
    line_break = source.find(".//x:ph", NS)
    assert (data[line_break.get("dataRef")], line_break.get("subType")) == ("<br>", "xlf:lb")
    assert source.xpath("string(.)") == (
        "See the report of the Conference, in particular its resolution 8/81.\n"
        "prevention & education;integrityin the secteur public."
    )
    # The French translation's codes take the ids of the same codes in the source.
    target = element.find("x:segment/x:target", NS)
    assert target.find(".//x:pc[@subType='xlf:i']", NS).get("id") == emphasis.get("id")
    assert target.find(".//x:pc[@type='link']", NS).get("id") not in {
        code.get("id") for code in source.iter()
    }


def test_an_unchanged_target_rebuilds_the_same_html(seed):
    """Export with the translations there are, import: no field changes."""
    before = state(seed)
    data = export_xliff(seed, "zh-hans")

    report = import_xliff(data)

    assert report.updated == []
    assert len(report.unchanged) == len(unit_ids(data))
    assert state(seed) == before


def test_a_copied_source_becomes_the_same_sanitised_html(seed):
    data = fill(export_xliff(seed, "ru"), lambda unit_id, source: source)

    report = import_xliff(data, by=None)

    item = AgendaItem.objects.get(uid=ITEM_2)
    assert item.annotation_ru == sanitize_html(RICH_EN)
    assert f"item:{ITEM_2}:annotation" in report.updated
    assert Body.objects.get(symbol_prefix="CAC/COSP/WG.4").short_name_ru == "Working Group"


def test_a_cat_tool_may_split_paired_codes_to_segment_inside_them(seed):
    """A tool that segments by sentence turns <pc> into <sc>/<ec> across segments."""
    data = export_xliff(seed, "es")
    root = tree(data)
    element = unit(root, f"item:{ADOPTION}:annotation")
    data_ids = {d.text: d.get("id") for d in element.findall("x:originalData/x:data", NS)}
    segment = element.find("x:segment", NS)
    element.remove(segment)
    body = "{urn:oasis:names:tc:xliff:document:2.0}"
    texts = ["Primero.", " Segundo.", "Tercero."]
    for index, text in enumerate(texts, start=1):
        new = etree.SubElement(element, f"{body}segment", id=f"s{index}", state="translated")
        etree.SubElement(new, f"{body}source").text = "…"
        target = etree.SubElement(new, f"{body}target")
        if index in (1, 3):
            etree.SubElement(target, f"{body}sc", id=f"c{index}", dataRef=data_ids["<p>"])
            target[-1].tail = text
        else:
            target.text = text
        if index in (2, 3):
            etree.SubElement(
                target, f"{body}ec", startRef=f"c{index - 1 if index == 2 else index}",
                dataRef=data_ids["</p>"],
            )  # fmt: skip
        if index == 2:
            ignorable = etree.SubElement(element, f"{body}ignorable")
            etree.SubElement(ignorable, f"{body}source").text = "\n"

    import_xliff(etree.tostring(root))

    item = AgendaItem.objects.get(uid=ADOPTION)
    assert item.annotation_es == "<p>Primero. Segundo.</p>\n<p>Tercero.</p>"


def test_drafts_and_untranslated_units_are_left_alone(seed):
    def translate(unit_id, source):
        return source if unit_id == f"item:{ADOPTION}:title" else None

    data = fill(export_xliff(seed, "fr"), translate, state_value="initial")

    report = import_xliff(data)

    assert report.drafts == [f"item:{ADOPTION}:title"]
    assert report.updated == []
    assert not AgendaItem.objects.get(uid=ADOPTION).title_fr
    assert "Drafts (state “initial”), not imported: item:" in report.lines()[1]


# --- translate-toolkit --------------------------------------------------------------------


def test_the_file_round_trips_through_translate_toolkit(seed):
    """Read with translate-toolkit's XLIFF 2 storage, fill every target as a CAT tool
    would (plain text typed, rich text copied from the source with its codes), write,
    and import here."""
    store = Xliff2File.parsestring(export_xliff(seed, "fr"))
    assert store.getsourcelanguage() == "en"
    assert store.gettargetlanguage() == "fr"
    by_id = {u.getid(): u for u in store.units}
    assert f"item:{ADOPTION}:title" in by_id
    title = by_id[f"item:{ADOPTION}:title"]
    assert title.source == "Adoption of the agenda and organization of work"
    for tool_unit in store.units:
        if tool_unit.target:
            continue  # translated already: a body's name, item 2's annotation
        if "<pc" in etree.tostring(tool_unit.source_dom).decode():
            tool_unit.rich_target = tool_unit.rich_source
        else:
            tool_unit.target = f"[fr] {tool_unit.source}"
        tool_unit.marktranslated()
    written = bytes(store)

    report = import_xliff(written, agenda=seed, language="fr")

    item = AgendaItem.objects.get(uid=ADOPTION)
    assert item.title_fr == "[fr] Adoption of the agenda and organization of work"
    assert item.annotation_fr == sanitize_html(item.annotation_en)
    assert AgendaItem.objects.get(uid=ITEM_2).annotation_fr == RICH_FR  # left alone
    assert Body.objects.get(symbol_prefix="CAC/COSP").name_fr == (
        "Conférence des États parties à la Convention des Nations Unies contre la corruption"
    )  # already translated in the seed: the tool's target is the same text
    assert "body:CAC_2FCOSP:name" in report.unchanged
    assert len(report.updated) > 20


def test_translate_toolkit_keeps_the_codes_and_metadata(seed):
    exported = export_xliff(seed, "fr")
    # Read and written untouched, the file is still valid XLIFF 2.0. (Once a rich target
    # is set, translate-toolkit 3.20 adds xml:space="preserve" to <segment>, which the
    # core schema does not allow there; the import does not validate, and reads it.)
    assert validate(bytes(Xliff2File.parsestring(exported))) == []
    store = Xliff2File.parsestring(exported)
    (tool_unit,) = [u for u in store.units if u.getid() == f"item:{ITEM_2}:annotation"]
    tool_unit.rich_target = tool_unit.rich_source
    root = tree(bytes(store))

    element = unit(root, f"item:{ITEM_2}:annotation")
    target = element.find("x:segment/x:target", NS)
    assert target.find(".//x:pc[@type='link']", NS) is not None
    assert target.find(".//x:ph", NS) is not None
    assert element.find("mda:metadata", NS) is not None
    assert element.find("x:originalData", NS) is not None


# --- Files refused ------------------------------------------------------------------------


def _refused(data, *, expect, unit_id=None, **kwargs):
    with pytest.raises(XliffFileError) as error:
        import_xliff(data, **kwargs)
    text = "\n".join(error.value.messages)
    assert expect in text
    if unit_id:
        assert f"Unit {unit_id}:" in text
    return error.value.messages


def _translated(seed, language="fr"):
    """A file with every unit translated: importing it would change many fields."""
    return fill(export_xliff(seed, language), prefixed("[x] "))


def test_a_file_for_another_agenda_writes_nothing(seed):
    other = import_agenda(OTHER.read_bytes()).agenda
    data = _translated(seed)
    before = state(seed)

    _refused(
        data,
        agenda=other,
        expect="This file is for the agenda CAC/COSP/WG.4/2020/1/Rev.1, not A/AC.105/C.1/L.412.",
    )
    unknown = data.replace(str(seed.uid).encode(), b"00000000-0000-4000-8000-000000000000")
    _refused(unknown, expect="is for an agenda (00000000-0000-4000-8000-000000000000) that is not")

    assert state(seed) == before


def test_a_file_in_another_language_writes_nothing(seed):
    data = _translated(seed, "fr")
    before = state(seed)

    _refused(data, language="es", expect="This file is a translation into French, not Spanish.")

    assert state(seed) == before


def test_a_file_into_the_source_language_writes_nothing(seed):
    data = _translated(seed).replace(b'trgLang="fr"', b'trgLang="en"')
    before = state(seed)

    _refused(data, expect="The file translates English into itself")

    assert state(seed) == before


def test_an_unknown_unit_writes_nothing(seed):
    stranger = "item:00000000-0000-4000-8000-000000000000:title"
    data = _translated(seed).replace(f"item:{ADOPTION}:title".encode(), stranger.encode())
    before = state(seed)

    _refused(data, unit_id=stranger, expect="no text of this agenda has this id")

    assert state(seed) == before


def test_malformed_xml_writes_nothing(seed):
    data = _translated(seed)
    before = state(seed)

    messages = _refused(data[:-40], expect="The file is not well-formed XML")
    _refused(b"<xliff", expect="not well-formed XML")
    _refused(b'<?xml version="1.0"?><html/>', expect="This is not an XLIFF 2.0 file.")

    assert "line" in messages[0]
    assert state(seed) == before


def test_a_unit_whose_source_changed_since_the_export_writes_nothing(seed):
    data = _translated(seed)
    item = AgendaItem.objects.get(uid=ADOPTION)
    item.title_en = "Adoption of the agenda"
    saver_for(AgendaItem)(item, by=None)
    before = state(seed)

    messages = _refused(
        data,
        unit_id=f"item:{ADOPTION}:title",
        expect="its English source text has changed since the file was made",
    )

    assert len(messages) == 1  # only that unit; the others are fine
    assert state(seed) == before


@pytest.mark.parametrize(
    ("breakage", "expect"),
    [
        # An end code moved before its start: </a> … <a>.
        (
            lambda target: _swap_link_codes(target),
            "the translation's markup is broken",
        ),
        # A code pointing at data the unit does not have.
        (
            lambda target: target.find(".//x:pc", NS).set("dataRefStart", "d99"),
            "points at no original data",
        ),
        # Original data a tool (or a person) changed to something not allowed.
        (None, "the translation's markup is broken"),
    ],
    ids=["codes-out-of-order", "dangling-code", "unsafe-original-data"],
)
def test_markup_broken_by_a_cat_tool_writes_nothing(seed, breakage, expect):
    unit_id = f"item:{ITEM_2}:annotation"
    root = tree(_translated(seed))
    element = unit(root, unit_id)
    if breakage is None:
        data = element.find("x:originalData/x:data", NS)
        data.text = '<p onclick="steal()">'
    else:
        breakage(element.find("x:segment/x:target", NS))
    before = state(seed)

    _refused(etree.tostring(root), unit_id=unit_id, expect=expect)

    assert state(seed) == before


def _swap_link_codes(target):
    """Turn the link's <pc> into <ec/>text<sc/>: its end before its start."""
    link = target.find(".//x:pc[@type='link']", NS)
    parent = link.getparent()
    index = parent.index(link)
    end = etree.Element(f"{{{XLIFF_NS}}}ec", dataRef=link.get("dataRefEnd"))
    start = etree.Element(f"{{{XLIFF_NS}}}sc", id="9", dataRef=link.get("dataRefStart"))
    end.tail = link.text
    start.tail = link.tail
    parent.remove(link)
    parent.insert(index, end)
    parent.insert(index + 1, start)


def test_a_code_in_a_plain_text_field_writes_nothing(seed):
    unit_id = f"item:{ADOPTION}:title"
    root = tree(_translated(seed))
    target = unit(root, unit_id).find("x:segment/x:target", NS)
    etree.SubElement(target, f"{{{XLIFF_NS}}}ph", id="1", dataRef="d1")
    before = state(seed)

    _refused(etree.tostring(root), unit_id=unit_id, expect="this text takes no markup")

    assert state(seed) == before


def test_every_fault_is_reported_at_once(seed):
    stranger = "slot:00000000-0000-4000-8000-000000000000:note"
    data = _translated(seed).replace(b"body:CAC_2FCOSP:name", stranger.encode())
    item = AgendaItem.objects.get(uid=ADOPTION)
    item.title_en = "Adoption of the agenda"
    saver_for(AgendaItem)(item, by=None)

    messages = _refused(data, expect="Unit")

    assert len(messages) == 2
    assert messages[0].startswith(f"Unit item:{ADOPTION}:title: its English source text")
    assert messages[1].startswith(f"Unit {stranger}: no text of this agenda has this id")


def test_a_service_refusal_names_the_units_and_writes_nothing(seed, monkeypatch):
    from agendas import savers

    def refuse(obj, *, by=None):
        from django.core.exceptions import ValidationError

        raise ValidationError("You may not translate into French.")

    real = savers.saver_for
    monkeypatch.setattr(
        "interchange.xliff.reading.saver_for",
        lambda model: refuse if model is Body else real(model),
    )
    data = _translated(seed)
    before = state(seed)

    messages = _refused(data, expect="You may not translate into French.")

    assert "Unit body:CAC_2FCOSP:name, body:CAC_2FCOSP:short_name:" in messages[0]
    assert state(seed) == before


def test_the_import_passes_the_user_to_the_services(seed, monkeypatch, secretariat):
    from agendas import savers

    seen = []
    real = savers.saver_for

    def spy(model):
        def save(obj, *, by=None):
            seen.append(by)
            return real(model)(obj, by=by)

        return save

    monkeypatch.setattr("interchange.xliff.reading.saver_for", spy)

    import_xliff(_translated(seed), by=secretariat)

    assert seen and set(seen) == {secretariat}


# --- Commands -----------------------------------------------------------------------------


def test_the_commands_export_and_import(seed, tmp_path):
    path = tmp_path / "seed.fr.xlf"
    out = io.StringIO()
    call_command("export_xliff", "cac/cosp/wg.4/2020/1/rev.1", "fr", str(path), stdout=out)
    assert "Wrote CAC/COSP/WG.4/2020/1/Rev.1 for translation into fr" in out.getvalue()
    assert path.read_bytes() == export_xliff(seed, "fr")
    stdout = io.StringIO()
    call_command("export_xliff", "CAC/COSP/WG.4/2020/1/Rev.1", "fr", "-", stdout=stdout)
    assert stdout.getvalue().encode() == export_xliff(seed, "fr")

    path.write_bytes(_translated(seed))
    out = io.StringIO()
    call_command("import_xliff", str(path), "--language", "fr", stdout=out)

    assert "Imported the fr translation of CAC/COSP/WG.4/2020/1/Rev.1." in out.getvalue()
    assert AgendaItem.objects.get(uid=ADOPTION).title_fr.startswith("[x] ")


def test_the_commands_say_what_is_wrong(seed, tmp_path):
    with pytest.raises(CommandError, match="There is no agenda X/1"):
        call_command("export_xliff", "X/1", "fr", str(tmp_path / "x.xlf"))
    with pytest.raises(CommandError, match="English is the agenda's original language"):
        call_command("export_xliff", "CAC/COSP/WG.4/2020/1/Rev.1", "en", "-")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_xliff", str(tmp_path / "missing.xlf"))
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(_translated(seed))
    with pytest.raises(CommandError) as error:
        call_command("import_xliff", str(bad), "--language", "es")
    assert str(error.value) == (
        f"{bad} was not imported; nothing was written.\n"
        "This file is a translation into French, not Spanish."
    )


# --- Admin --------------------------------------------------------------------------------


def test_the_admin_offers_a_language_and_downloads_the_file(seed, secretariat_client):
    url = reverse("admin:agendas_agenda_xliff", args=[seed.pk])

    page = secretariat_client.get(url)
    download = secretariat_client.get(url, {"language": "zh-hans"})
    refused = secretariat_client.get(url, {"language": "en"})

    assert page.status_code == 200
    codes = [code for code, _name in page.context["form"].fields["language"].choices]
    assert codes == ["ar", "zh-hans", "fr", "ru", "es"]  # not English, the original
    assert download.status_code == 200
    assert download["Content-Type"] == "application/xliff+xml; charset=utf-8"
    assert download["Content-Disposition"] == (
        'attachment; filename="cac-cosp-wg4-2020-1-rev1.zh-hans.xlf"'
    )
    assert download.content == export_xliff(seed, "zh-hans")
    assert refused.status_code == 200
    assert refused.context["form"].errors["language"]


def test_the_admin_imports_a_translation_and_shows_what_is_wrong(seed, secretariat_client):
    url = reverse("admin:agendas_agenda_xliff_import", args=[seed.pk])
    good = _translated(seed)
    bad = good.replace(f"item:{ADOPTION}:title".encode(), b"item:nope:title")
    before = state(seed)

    refused = secretariat_client.post(url, {"file": _upload(bad), "language": "fr"})
    assert state(seed) == before
    wrong_language = secretariat_client.post(url, {"file": _upload(good), "language": "es"})
    accepted = secretariat_client.post(url, {"file": _upload(good), "language": "fr"}, follow=True)

    assert refused.status_code == 200
    assert refused.context["errors"] == [
        "Unit item:nope:title: no text of this agenda has this id (an unknown unit): it was "
        "removed, or the file was made for another agenda."
    ]
    assert "The file was not imported; nothing was written." in refused.content.decode()
    assert wrong_language.context["errors"] == [
        "This file is a translation into French, not Spanish."
    ]
    change = reverse("admin:agendas_agenda_change", args=[seed.pk])
    assert accepted.redirect_chain == [(change, 302)]
    messages = [str(m) for m in accepted.context["messages"]]
    assert messages[0].startswith(
        "Imported the French translation of CAC/COSP/WG.4/2020/1/Rev.1 from seed.fr.xlf."
    )
    assert AgendaItem.objects.get(uid=ADOPTION).title_fr.startswith("[x] ")


def test_the_object_tools_link_both_pages(seed):
    from django.template.loader import render_to_string

    html = render_to_string(
        "admin/interchange/xliff_object_tools.html", {"opts": Agenda._meta, "original": seed}
    )

    assert reverse("admin:agendas_agenda_xliff", args=[seed.pk]) in html
    assert reverse("admin:agendas_agenda_xliff_import", args=[seed.pk]) in html
    assert "Download for translation (XLIFF)" in html


def test_translation_files_need_the_right_to_see_and_to_change_the_agenda(seed, client, delegate):
    client.force_login(delegate)
    assert client.get(reverse("admin:agendas_agenda_xliff", args=[seed.pk])).status_code == 302
    staff = type(delegate).objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    for name in ("admin:agendas_agenda_xliff", "admin:agendas_agenda_xliff_import"):
        assert client.get(reverse(name, args=[seed.pk])).status_code == 403


def _upload(data):
    return SimpleUploadedFile("seed.fr.xlf", data, content_type="application/xliff+xml")


# --- Translators --------------------------------------------------------------------------


def test_a_translator_imports_a_translation_into_their_language(seed, make_translator):
    report = import_xliff(_translated(seed), by=make_translator("fr"))

    assert report.language == "fr"
    assert AgendaItem.objects.get(uid=ADOPTION).title_fr.startswith("[x] ")


def test_a_translation_into_another_language_than_the_translators_writes_nothing(
    seed, make_translator
):
    data = _translated(seed)
    before = state(seed)

    with pytest.raises(XliffFileError) as refused:
        import_xliff(data, by=make_translator("zh-hans"))

    assert state(seed) == before
    messages = refused.value.messages
    assert messages[0] == (
        f"Unit item:{OPENING}:title: You may change the texts in Chinese only, "
        "not the title in French."
    )
    assert all("You may change the texts in Chinese only, not the " in m for m in messages)
    assert len(messages) == len({m.split(":")[1] for m in messages})


def test_the_admin_upload_refuses_a_translators_other_language(seed, client, make_translator):
    url = reverse("admin:agendas_agenda_xliff_import", args=[seed.pk])
    data = _translated(seed)
    before = state(seed)
    client.force_login(make_translator("zh-hans"))

    refused = client.post(url, {"file": _upload(data), "language": "fr"})

    assert refused.status_code == 200
    assert refused.context["errors"][0] == (
        f"Unit item:{OPENING}:title: You may change the texts in Chinese only, "
        "not the title in French."
    )
    assert "The file was not imported; nothing was written." in refused.content.decode()
    assert state(seed) == before
    client.force_login(make_translator("fr"))
    accepted = client.post(url, {"file": _upload(data), "language": "fr"})
    assert accepted.status_code == 302
    assert AgendaItem.objects.get(uid=ADOPTION).title_fr.startswith("[x] ")
