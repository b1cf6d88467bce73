"""Rich text as XLIFF 2.0 inline content, and back.

An annotation's HTML (``agendas.html.sanitize_html``'s subset) becomes the content of
one ``<source>`` or ``<target>``: its text stays text, each element becomes an inline
code that a CAT tool shows as a tag it can move but not edit:

- an element with content (``p``, ``ol``, ``ul``, ``li``, ``em``, ``strong``, ``i``,
  ``b``, ``sup``, ``sub``, ``a``, ``span``) becomes ``<pc>``, a paired code around the
  same content;
- a line break (``br``) becomes ``<ph>``, a placeholder.

The markup itself is kept in the unit's ``<originalData>``: each code points at a
``<data>`` holding the start tag exactly as sanitised (``<a href="…" rel="…">``) and
one holding the end tag, so attributes (links, ``lang``, a list's ``start``) travel
untouched and untranslatable. Codes with the same markup share one ``<data>``.

Going back, ``to_html`` concatenates the text and the markup the codes point at. CAT
tools may have split a ``<pc>`` into ``<sc>``/``<ec>`` (to segment inside it) or
wrapped text in ``<mrk>`` (terms, comments): both are read. The result must be HTML
that ``sanitize_html`` leaves as it is; markup a tool broke (an end code before its
start, a code pointing at nothing, a code in a plain-text field) is refused by name.

For sanitised HTML, ``to_html(to_inline(html))`` is ``html`` again, to the byte.
"""

import html
import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from lxml import etree

from agendas.html import sanitize_html

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"


def q(name):
    """The qualified name of an XLIFF core element: q("pc") -> {urn:…}pc."""
    return f"{{{XLIFF_NS}}}{name}"


# Elements with content, as paired codes; with the type (and subType) XLIFF gives a
# CAT tool to show them by.
PAIRED = {
    "p": ("other", "html:p"),
    "ol": ("other", "html:ol"),
    "ul": ("other", "html:ul"),
    "li": ("other", "html:li"),
    "em": ("fmt", "xlf:i"),
    "i": ("fmt", "xlf:i"),
    "strong": ("fmt", "xlf:b"),
    "b": ("fmt", "xlf:b"),
    "sup": ("fmt", "html:sup"),
    "sub": ("fmt", "html:sub"),
    "a": ("link", None),
    "span": ("other", "html:span"),
}
# Elements without content, as placeholders.
STANDALONE = {"br": ("fmt", "xlf:lb")}

# Characters XML 1.0 cannot hold; XLIFF writes them as <cp hex="…"/>.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class MarkupError(ValueError):
    """Inline content that cannot become the field's text; the message says why."""


class Codes:
    """The inline codes of one unit: the ``<data>`` entries and the code ids.

    Source codes are numbered first; a target code with the same markup as a source
    code takes its id (the first unused one, in order), so that a CAT tool pairs them.
    """

    def __init__(self):
        self.data = {}  # markup -> data id, in order of first use
        self.next_id = 1
        self.source_codes = {}  # key -> [code id, ...] in source order

    def data_id(self, markup):
        if markup not in self.data:
            self.data[markup] = f"d{len(self.data) + 1}"
        return self.data[markup]

    def code_id(self, key, in_target, taken):
        if in_target:
            for code_id in self.source_codes.get(key, ()):
                if code_id not in taken:
                    taken.add(code_id)
                    return code_id
        code_id = str(self.next_id)
        self.next_id += 1
        if not in_target:
            self.source_codes.setdefault(key, []).append(code_id)
        taken.add(code_id)
        return code_id

    def original_data(self):
        """The unit's <originalData>, or None when it has no codes."""
        if not self.data:
            return None
        element = etree.Element(q("originalData"))
        for markup, data_id in self.data.items():
            data = etree.SubElement(element, q("data"), id=data_id)
            append_text(data, markup)
        return element


def append_text(parent, text):
    """Append ``text`` at the end of ``parent``'s content; characters XML cannot hold
    become <cp/> elements."""
    pieces = _NOT_XML.split(text)
    specials = _NOT_XML.findall(text)
    for index, piece in enumerate(pieces):
        if piece:
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + piece
            else:
                parent.text = (parent.text or "") + piece
        if index < len(specials):
            etree.SubElement(parent, q("cp"), hex=f"{ord(specials[index]):04X}")


class _Tokens(HTMLParser):
    """Sanitised HTML as a flat list of (kind, tag, markup-or-text) events."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        kind = "void" if tag in STANDALONE else "start"
        self.events.append((kind, tag, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("void", tag, self.get_starttag_text()))

    def handle_endtag(self, tag):
        if tag not in STANDALONE:
            self.events.append(("end", tag, f"</{tag}>"))

    def handle_data(self, data):
        self.events.append(("text", None, data))

    def handle_comment(self, data):  # nh3 drops comments; nothing to keep
        pass


def to_inline(parent, markup, codes, *, in_target=False):
    """Fill ``parent`` (a <source> or <target>) from sanitised HTML, registering its
    markup in ``codes``."""
    tokens = _Tokens()
    tokens.feed(markup)
    tokens.close()
    stack = [(parent, None)]
    taken = set()
    for kind, tag, value in tokens.events:
        current = stack[-1][0]
        if kind == "text":
            append_text(current, value)
        elif kind == "void":
            code_type, sub_type = STANDALONE[tag]
            data_id = codes.data_id(value)
            code = etree.SubElement(
                current,
                q("ph"),
                id=codes.code_id(("ph", value), in_target, taken),
                dataRef=data_id,
                type=code_type,
            )
            if sub_type:
                code.set("subType", sub_type)
        elif kind == "start":
            if tag not in PAIRED:
                raise MarkupError(f"<{tag}> is not in the allowed HTML")
            code_type, sub_type = PAIRED[tag]
            end = f"</{tag}>"
            code = etree.SubElement(
                current,
                q("pc"),
                id=codes.code_id(("pc", value, end), in_target, taken),
                dataRefStart=codes.data_id(value),
                dataRefEnd=codes.data_id(end),
                type=code_type,
            )
            if sub_type:
                code.set("subType", sub_type)
            stack.append((code, tag))
        else:  # end
            if stack[-1][1] != tag:
                raise MarkupError(f"</{tag}> closes nothing open")
            stack.pop()
    if len(stack) != 1:
        raise MarkupError(f"<{stack[-1][1]}> is not closed")
    return parent


def escape_text(text):
    """Text as ``sanitize_html`` writes it: &, <, > and the no-break space escaped."""
    return html.escape(text, quote=False).replace("\xa0", "&nbsp;")


class _Reader:
    """Inline content back to a string: HTML for rich fields, plain text otherwise."""

    def __init__(self, data, rich):
        self.data = data  # data id -> markup
        self.rich = rich
        self.out = []

    def text(self, value):
        if value:
            self.out.append(escape_text(value) if self.rich else value)

    def markup(self, data_id, element):
        name = etree.QName(element).localname
        if not self.rich:
            raise MarkupError(
                _("this text takes no markup, but the translation has a <%(code)s> code.")
                % {"code": name}
            )
        if data_id is None or data_id not in self.data:
            raise MarkupError(
                _("the <%(code)s> code with id “%(id)s” points at no original data.")
                % {"code": name, "id": element.get("id", "")}
            )
        self.out.append(self.data[data_id])

    def content(self, element):
        self.text(element.text)
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                self.text(child.tail)
                continue
            name = etree.QName(child)
            if name.namespace != XLIFF_NS:
                raise MarkupError(
                    _("the translation holds an element of another vocabulary, <%(tag)s>.")
                    % {"tag": name.localname}
                )
            local = name.localname
            if local == "pc":
                self.markup(child.get("dataRefStart"), child)
                self.content(child)
                self.markup(child.get("dataRefEnd"), child)
            elif local in ("ph", "sc", "ec"):
                # A placeholder, or the start or end of a pair a tool split to segment.
                self.markup(child.get("dataRef"), child)
            elif local == "mrk":
                # An annotation (a term, a comment) around text: keep the text.
                self.content(child)
            elif local == "cp":
                try:
                    self.text(chr(int(child.get("hex", ""), 16)))
                except ValueError:
                    raise MarkupError(
                        _("a <cp> code has no valid hex value “%(hex)s”.")
                        % {"hex": child.get("hex", "")}
                    ) from None
            elif local in ("sm", "em"):
                pass  # annotation markers hold no text
            else:
                raise MarkupError(_("<%(tag)s> cannot stand in a translation.") % {"tag": local})
            self.text(child.tail)


def to_text(elements, data, *, rich):
    """The string the inline content of ``elements`` (in order) stands for.

    ``data`` maps the unit's data ids to markup. For rich text the result is checked:
    it must be HTML that ``sanitize_html`` keeps as it is (save the ends' spaces, which
    it strips), so a broken or unsafe tag is refused rather than silently mended.
    """
    reader = _Reader(data, rich)
    for element in elements:
        reader.content(element)
    text = "".join(reader.out)
    if not rich:
        return text
    clean = sanitize_html(text)
    if clean != text.strip():
        raise MarkupError(
            _(
                "the translation's markup is broken: codes are missing, out of order or "
                "not allowed (it would read “%(html)s”)."
            )
            % {"html": _shorten(text)}
        )
    return clean


def _shorten(text, limit=160):
    return text if len(text) <= limit else text[: limit - 1] + "…"
