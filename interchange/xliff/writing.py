"""Write an agenda's translatable text as one XLIFF 2.0 file for one target language.

The file (``docs/schemas/xliff2.0``, core and metadata module) holds one ``<file>``
for the agenda, ``id="agenda-<uid>"``, ``original`` its symbol. Inside, a group per
part (``items``, ``footnotes`` …) and in it a group per object (``item:<uid>``, named
by its current number), each with a unit per translated field that has source text
(``item:<uid>:title``; ``fields`` says how ids are made). A unit has:

- ``<mda:metadata>`` with the SHA-256 of the source text as stored, so that an import
  can refuse a unit whose source changed after the file was made;
- a note saying where the text is printed (``Item 2(a) – title``);
- ``<originalData>`` for rich text (``inline``);
- one ``<segment>``: the source; the existing translation, if any, as the target,
  with ``state="translated"``; otherwise no target and ``state="initial"``.

The same agenda always gives the same bytes: nothing in the file depends on the time.
"""

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from lxml import etree

import languages
from agendas.html import html_to_text, sanitize_html

from .fields import collect, source_hash
from .inline import XLIFF_NS, Codes, append_text, q, to_inline

MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
FORMAT = "agendas-platform-xliff"
VERSION = "1"
FILE_ID_PREFIX = "agenda-"


def language_name(code):
    """The language's name in the interface language: "French", "français"."""
    return str(dict(languages.choices()).get(code, code))


def m(name):
    return f"{{{MDA_NS}}}{name}"


def bcp47(code):
    """A language code of settings.LANGUAGES as BCP 47 writes it: zh-hans -> zh-Hans."""
    head, *rest = code.split("-")
    tags = [head.lower()]
    for tag in rest:
        tags.append(tag.title() if len(tag) == 4 else tag.upper() if len(tag) == 2 else tag)
    return "-".join(tags)


def _metadata(category, values):
    metadata = etree.Element(m("metadata"))
    group = etree.SubElement(metadata, m("metaGroup"), category=category)
    for kind, value in values:
        etree.SubElement(group, m("meta"), type=kind).text = value
    return metadata


def _unit(translated, note_text, source_language, target_language):
    source_text = translated.text(source_language)
    target_text = translated.text(target_language)
    unit = etree.Element(q("unit"), id=translated.unit_id, name=translated.path)
    unit.append(_metadata("source", [("sha256", source_hash(source_text))]))
    notes = etree.SubElement(unit, q("notes"))
    note = etree.SubElement(notes, q("note"), category="location")
    note.text = note_text
    codes = Codes()
    segment = etree.Element(q("segment"))
    source = etree.SubElement(segment, q("source"))
    target = etree.Element(q("target")) if target_text.strip() else None
    if translated.rich:
        to_inline(source, sanitize_html(source_text), codes)
        if target is not None:
            to_inline(target, sanitize_html(target_text), codes, in_target=True)
    else:
        append_text(source, source_text)
        if target is not None:
            append_text(target, target_text)
    original = codes.original_data()
    if original is not None:
        unit.append(original)
    if target is not None:
        segment.append(target)
        segment.set("state", "translated")
    else:
        segment.set("state", "initial")
    unit.append(segment)
    return unit


# Elements whose content is text (and inline codes): never indented inside.
_LEAVES = {q("source"), q("target"), q("data"), q("note"), m("meta")}


def _indent(element, level=0):
    """Pretty-print the structure, leaving text content exactly as it is."""
    if element.tag in _LEAVES or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def build(agenda, language):
    """The XLIFF document (an lxml element tree) of ``agenda`` for ``language``."""
    source_language = agenda.original_language
    root = etree.Element(
        q("xliff"),
        nsmap={None: XLIFF_NS, "mda": MDA_NS},
        version="2.0",
        srcLang=bcp47(source_language),
        trgLang=bcp47(language),
    )
    file = etree.SubElement(root, q("file"), id=f"{FILE_ID_PREFIX}{agenda.uid}")
    if agenda.symbol:
        file.set("original", agenda.symbol)
    # Whitespace in the text is the text's: tools must keep it.
    file.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if get_language_info(source_language).get("bidi"):
        file.set("srcDir", "rtl")
    if get_language_info(language).get("bidi"):
        file.set("trgDir", "rtl")
    file.append(
        _metadata(
            "agenda",
            [
                ("format", f"{FORMAT} {VERSION}"),
                ("uid", str(agenda.uid)),
                ("symbol", agenda.symbol),
            ],
        )
    )
    for part in collect(agenda):
        part_group = etree.Element(q("group"), id=part.id, name=part.label)
        for entry in part.entries:
            group = etree.Element(q("group"), id=entry.group_id, name=entry.label)
            for translated in entry.fields:
                if not translated.text(source_language).strip():
                    continue  # nothing to translate
                if translated.rich and not html_to_text(
                    sanitize_html(translated.text(source_language))
                ):
                    continue  # markup alone: no words to translate
                note = _("%(place)s – %(field)s") % {
                    "place": entry.label,
                    "field": translated.label,
                }
                group.append(_unit(translated, note, source_language, language))
            if len(group):
                part_group.append(group)
        if len(part_group):
            file.append(part_group)
    if file.find(q("group")) is None:
        raise ValueError(
            _("The agenda has no text in %(language)s to translate.")
            % {"language": language_name(source_language)}
        )
    _indent(root)
    return etree.ElementTree(root)


def dumps(tree):
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
