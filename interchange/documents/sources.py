"""Read an agenda document into numbered lines: a Word file (.docx) or plain text.

Everything after this module sees ``Line``s: the text of one line, its number in the
file (for the report of what was left over), how far it was indented, and whether it
is known to end a paragraph. A Word file says where its paragraphs end; plain text
extracted from a PDF does not (its lines break where the page did), so the parser
rejoins them.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Larger than any real agenda (the seed's text is 15 KB, a Word file of it some 60 KB).
MAX_SIZE = 10 * 1024 * 1024

SUFFIXES = (".docx", ".txt", ".text")


class DocumentImportError(Exception):
    """A document that cannot be imported; ``messages`` say why. Nothing was written."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))


@dataclass
class Line:
    number: int  # 1-based, in the file (for a Word file: the paragraph or table row)
    text: str  # stripped
    indent: int = 0  # leading spaces in the file
    ends_paragraph: bool = False  # known to end a paragraph (Word paragraphs, table rows)
    cells: tuple = ()  # a table row's cells, when the source has tables


# Characters that print as nothing or as a plain space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000"), " ")


def clean(text):
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    return text.replace("\t", " \t ") if "\t" in text else text


def _decode(data):
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentImportError(
            _(
                "The file is not UTF-8 text (byte %(position)d cannot be read); save it as "
                "“Plain text (UTF-8)” or upload the Word file."
            )
            % {"position": error.start}
        ) from None


def text_lines(text):
    """The lines of a plain-text document (PDF extractions, Word's “Plain text”)."""
    lines = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n|\f", text), start=1):
        raw = clean(raw).rstrip()
        stripped = raw.lstrip()
        lines.append(Line(number, stripped, indent=len(raw) - len(stripped)))
    return lines


def _docx_numbering(document):
    """``numId -> {ilvl: (format, text, start)}`` of the Word file's list numbering."""
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for level in node.findall(qn("w:lvl")):
            fmt = level.find(qn("w:numFmt"))
            text = level.find(qn("w:lvlText"))
            start = level.find(qn("w:start"))
            levels[int(level.get(qn("w:ilvl")))] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "",
                int(start.get(qn("w:val"))) if start is not None else 1,
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    numbers = {}
    for node in numbering.findall(qn("w:num")):
        ref = node.find(qn("w:abstractNumId"))
        if ref is not None:
            numbers[node.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})
    return numbers


def _format_number(fmt, n):
    from languages.base import latin_letters, roman_numeral

    if fmt == "lowerLetter":
        return latin_letters(n)
    if fmt == "upperLetter":
        return latin_letters(n).upper()
    if fmt == "lowerRoman":
        return roman_numeral(n)
    if fmt == "upperRoman":
        return roman_numeral(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _ListCounter:
    """The numbers Word prints before numbered paragraphs (``1.``, ``(a)``), which are
    not in their text: counted here from the file's numbering definitions."""

    def __init__(self, numbering):
        self.numbering = numbering
        self.counts = {}

    def label(self, paragraph):
        props = paragraph._p.pPr
        num_pr = props.numPr if props is not None else None
        if num_pr is None:
            # Numbered by its style ("List Number"), not by the paragraph itself.
            style = paragraph.style.element if paragraph.style is not None else None
            style_props = style.pPr if style is not None else None
            num_pr = style_props.numPr if style_props is not None else None
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        levels = self.numbering.get(num_id)
        if not levels or level not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][2] - 1) + 1
        for deeper in [key for key in counts if key > level]:
            del counts[deeper]
        fmt, text, _start = levels[level]
        if fmt == "bullet":
            return ""

        def value(match):
            at = int(match.group(1)) - 1
            at_fmt, _text, at_start = levels.get(at, ("decimal", "", 1))
            return _format_number(at_fmt, counts.get(at, at_start))

        return re.sub(r"%(\d)", value, text)


def docx_lines(data):
    """The paragraphs and table rows of a Word file, in reading order, with the numbers
    Word's automatic numbering prints before them, and its footnotes at the end."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise DocumentImportError(
            _("The Word file cannot be read (%(reason)s); open it in Word and save it again.")
            % {"reason": str(error) or type(error).__name__}
        ) from None
    counter = _ListCounter(_docx_numbering(document))
    footnotes = _docx_footnotes(document)
    lines = []

    def paragraph_text(paragraph):
        parts = []
        for node in paragraph._p.iter():
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif node.tag == qn("w:footnoteReference"):
                parts.append(footnotes.get(node.get(qn("w:id")), ("",))[0])
        return "".join(parts)

    def add(text, *, cells=()):
        for piece in clean(text).split("\n"):
            lines.append(Line(len(lines) + 1, piece.strip(), ends_paragraph=True, cells=cells))

    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            paragraph = Paragraph(block, document)
            label = counter.label(paragraph)
            text = paragraph_text(paragraph)
            if label and text.strip():
                text = f"{label}\t{text}" if not label.endswith(" ") else label + text
            add(text)
        elif block.tag == qn("w:tbl"):
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    value = "\n".join(paragraph_text(p) for p in cell.paragraphs).strip()
                    if not cells or value != cells[-1] or value == "":
                        cells.append(value)
                text = " \t ".join(cell.replace("\n", " ") for cell in cells)
                add(text, cells=tuple(clean(cell) for cell in cells))
    if footnotes:
        lines.append(Line(len(lines) + 1, "_" * 10, ends_paragraph=True))
        for mark, text in footnotes.values():
            lines.append(Line(len(lines) + 1, f"{mark} {text}", indent=1, ends_paragraph=True))
    return lines


def _docx_footnotes(document):
    """``id -> (mark, text)`` of the Word file's footnotes, numbered as Word prints them."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    part = None
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
    if part is None:
        return {}
    root = parse_xml(part.blob)
    custom = {}
    for reference in document.element.body.iter(qn("w:footnoteReference")):
        if reference.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
            run = reference.getparent()
            following = run.getnext()
            mark = ""
            if following is not None:
                mark = "".join(t.text or "" for t in following.iter(qn("w:t")))
                for t in following.iter(qn("w:t")):
                    t.text = ""
            custom[reference.get(qn("w:id"))] = mark.strip()
    notes, number = {}, 0
    for note in root.findall(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        note_id = note.get(qn("w:id"))
        text = " ".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in note.iter(qn("w:p"))
        ).strip()
        if note_id in custom:
            mark = custom[note_id]
        else:
            number += 1
            mark = str(number)
        notes[note_id] = (mark, clean(text))
    return notes


def read_document(data, name):
    """The lines of an uploaded or given file; DocumentImportError if it is not one
    this importer reads, is empty, or is damaged."""
    name = name or ""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if len(data) > MAX_SIZE:
        raise DocumentImportError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_SIZE // 1024 // 1024}
        )
    if not data.strip():
        raise DocumentImportError(_("The file is empty."))
    is_zip = data[:4] == b"PK\x03\x04"
    if suffix == ".docx" or (not suffix and is_zip):
        if not is_zip or not zipfile.is_zipfile(io.BytesIO(data)):
            raise DocumentImportError(
                _("The file is not a Word document (.docx): it is damaged or of another kind.")
            )
        return "docx", docx_lines(data)
    if suffix == ".doc":
        raise DocumentImportError(
            _("Word 97–2003 documents (.doc) cannot be read; save the file as .docx.")
        )
    if suffix in (".txt", ".text") or not suffix:
        if is_zip or b"\x00" in data[:1024] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DocumentImportError(_("The file is not text: it is binary."))
        return "text", text_lines(_decode(data))
    raise DocumentImportError(
        _("Only Word documents (.docx) and plain text (.txt) can be read, not “%(name)s”.")
        % {"name": name}
    )
