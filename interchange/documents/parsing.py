"""Recognise the parts of an annotated provisional agenda in the lines of a document.

The document is read in the order a person reads it:

1. page furniture is set aside (the job number and barcode, running headers, page
   numbers, the undocs.org links a PDF keeps at its end) and footnotes are lifted out
   from wherever the page put them;
2. the masthead (symbol, distribution, date, language, original language) and the
   block under it (body, session, place and dates, title);
3. the provisional agenda: numbered items ``1.``, sub-items ``(a)`` / ``a)``, ``(i)``;
4. the annotations: each item's heading, its paragraphs, its documentation list;
5. the annex: the proposed organization of work, row by row, with its footnotes;
6. the footnotes, each attached where its mark is: a reissue note, the footnote that
   cites resolutions, the joint-meeting note, or a footnote of the secretariat's own.

Nothing here touches the database: the result is a ``Reading``, and every line that
was not understood is kept in ``Reading.leftovers`` with its line number.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

import interchange.documents.vocabulary as v
import languages
from agendas.symbols import symbol_key

from .sources import DocumentImportError, Line

_ITEM = re.compile(r"^(\d{1,2})\s*(?:\.|\s-|\s–)\s*(?=\S)(.*)$")
_SUB = re.compile(r"^(?:\((?P<a>[a-z]{1,2})\)|(?P<b>[a-z]{1,2})\))\s*(?P<rest>\S.*)$")
_ROMAN = re.compile(r"^(?:\((?P<a>[ivx]{1,5})\)|(?P<b>[ivx]{1,5})\))\s*(?P<rest>\S.*)$")
_ARABIC_SUB = re.compile(r"^\((?P<a>[\u0600-\u06ff]{1,3})\)\s*(?P<rest>\S.*)$")
_PART = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<rest>\S.{0,150})$")
_SECTION_NUMBER = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})\.|(?P<zh>[一二三四五六七八九十]+)[.、．]|"
    r"(?P<ar>(?:أولاً|ثانياً|ثالثاً|رابعاً|خامساً))\s*-)\s*(?P<rest>\S.*)$"
)
_FOOTNOTE_LINE = re.compile(r"^(?P<mark>\*{1,3}|\d{1,2}|[a-z])\s+(?P<text>\S.*)$")
_SEPARATOR = re.compile(r"^[_\-–—]{5,}$")
_JOB = re.compile(
    r"^(?P<job>(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\*{0,3}\s*\([A-Z]\))(?:\s+[A-Z]{1,2})?"
    r"(?:\s+(?P<first>\d{6}))?(?:\s+(?P<second>\d{6}))?\s*$"
)
_BARCODE = re.compile(r"^\*\d{7,8}\*$")
_PAGE = re.compile(r"^(?:\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|Page \d+(?: of \d+)?)$")
_LINK = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:ar|zh|en|fr|ru|es)/)?(?P<symbol>\S+)$")
_ORIGINAL = re.compile(r"^(?:original|оригинал|الأصل|原文)\s*[:：]\s*(?P<name>.+)$", re.IGNORECASE)
_DISTR = re.compile(r"^distr\.?\s*[:：]?\s*(?P<word>.+)$", re.IGNORECASE)
_ABBREVIATIONS = (
    "a.m.", "p.m.", "e.g.", "i.e.", "No.", "Nos.", "para.", "paras.", "art.", "arts.", "Mr.",
    "Ms.", "Dr.", "M.", "Mme.", "p.", "pp.", "vol.", "S.A.",
)  # fmt: skip


@dataclass
class Paragraph:
    text: str
    lines: list


@dataclass
class DocumentEntry:
    symbol: str  # "" for a document without one
    title: str
    line: int
    purpose: str = ""  # a DocumentPurpose code


@dataclass
class ItemReading:
    path: tuple  # (2, 1) for 2(a); () for an unnumbered entry or a sub-heading
    title: str
    line: int
    kind: str = "item"  # AgendaItem.Kind
    heading: str = ""
    lettered: bool = False
    in_list: bool = True
    in_annotations: bool = False
    paragraphs: list = field(default_factory=list)  # of Paragraph
    documents: list = field(default_factory=list)  # of DocumentEntry
    children: list = field(default_factory=list)
    title_marks: list = field(default_factory=list)
    paragraph_marks: dict = field(default_factory=dict)  # mark -> paragraph number (1-based)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Footnote:
    mark: str
    text: str
    line: int
    used: bool = False


@dataclass
class SlotEntry:
    path: tuple
    marks: list = field(default_factory=list)


@dataclass
class SlotReading:
    date: object
    start: object
    end: object
    line: int
    entries: list = field(default_factory=list)
    note: str = ""
    introduced_by: str = ""


@dataclass
class Reading:
    """What a document says, as far as it was understood."""

    language: str = "en"
    source_kind: str = "text"
    # Masthead.
    symbol: str = ""
    symbol_stars: int = 0
    distribution: str = ""
    issued_on: object = None
    version_language: str = ""
    original_language: str = ""
    job_number: str = ""
    processed_on: object = None
    printed_on: object = None
    reissued_on: object = None
    # The block under the masthead.
    parent_body_name: str = ""
    body_name: str = ""
    session: tuple | None = None  # (number, term, special, resumed)
    city: str = ""
    start_date: object = None
    end_date: object = None
    title: str = ""
    kind: str = "provisional"
    announces_venue: bool = False
    venue_name: str = ""
    room_name: str = ""
    opening_time: object = None
    interpretation: list = field(default_factory=list)
    section_numbering: str = "none"
    sections: list = field(default_factory=list)  # (kind, heading, is_annex)
    # The agenda.
    items: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)
    title_footnotes: list = field(default_factory=list)  # Footnote on the document title
    links: list = field(default_factory=list)  # symbols of undocs.org links
    # The organization of work.
    slots: list = field(default_factory=list)
    timetable_layout: str = "per_item"
    time_notation: str = "12h"
    annex_footnotes: list = field(default_factory=list)
    # What was not understood: (line number, text), and remarks for the report.
    leftovers: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def all_items(self):
        for item in self.items:
            yield from item.walk()

    def item_at(self, path):
        for item in self.all_items():
            if item.path == path and item.kind == "item":
                return item
        return None


def _strip_marks(text):
    return text.rstrip(" " + v.FINAL_MARKS + "\u00a0")


def join(first, second, code):
    """Two pieces of one paragraph broken across lines, joined as the language spaces
    them: Chinese joins characters directly and spaces Western words and numbers."""
    if not first:
        return second
    if not second:
        return first
    a, b = first[-1], second[0]
    # A symbol broken after its slash, a word broken after its hyphen.
    if a == "/" or (a == "-" and code != "zh-hans" and b.isalpha() and b.islower()):
        return first + second
    if code == "zh-hans":
        ascii_a = a.isascii() and a.isalnum()
        ascii_b = b.isascii() and b.isalnum()
        if (ascii_a and (v.is_cjk(b) or ascii_b)) or (ascii_b and v.is_cjk(a)):
            return first + " " + second
        if ascii_a and b in "(（“" or a in ")）”" and ascii_b:
            return first + " " + second
        return first + second
    return first + " " + second


def _ends_with_abbreviation(text):
    return text.endswith(_ABBREVIATIONS) or bool(re.search(r"(?:^|\s)[A-Z]\.$", text))


class _Parser:
    def __init__(self, lines, source_kind):
        self.reading = Reading(source_kind=source_kind)
        self.raw = lines
        nonblank = [line for line in lines if line.text]
        if not nonblank:
            raise DocumentImportError(_("The file has no text."))
        self.code = v.detect_language("\n".join(line.text for line in nonblank))
        self.reading.language = self.code
        self.language = languages.get(self.code)
        self.next_number_mark = 1
        self._mark_blank_lines(lines)
        self.lines = nonblank

    # Paragraph ends -------------------------------------------------------------------

    @staticmethod
    def _mark_blank_lines(lines):
        """Blank lines end paragraphs, unless the file has one after nearly every line
        (PDF extractions do), when they mean nothing."""
        followed = [
            index
            for index, line in enumerate(lines[:-1])
            if line.text and not lines[index + 1].text
        ]
        nonblank = sum(1 for line in lines if line.text)
        if nonblank and len(followed) / nonblank > 0.6:
            return
        for index in followed:
            lines[index].ends_paragraph = True

    def ends(self, line):
        text = line.text
        if line.ends_paragraph:
            return True
        if text.endswith(tuple(v.FINAL_MARKS)) and not _ends_with_abbreviation(text):
            return True
        # A documentation entry: "Title (A/75/1)".
        return bool(text.endswith((")", "）")) and v.find_symbols(text[-60:], self.code))

    def paragraphs(self, lines, starts=lambda index: False):
        """Lines joined into paragraphs; ``starts(index)`` says a line begins a new one."""
        out, current, numbers = [], "", []
        for index, line in enumerate(lines):
            if current and starts(index):
                out.append(Paragraph(current, numbers))
                current, numbers = "", []
            current = join(current, line.text, self.code)
            numbers.append(line.number)
            if self.ends(line):
                out.append(Paragraph(current, numbers))
                current, numbers = "", []
        if current:
            out.append(Paragraph(current, numbers))
        return out

    # 1. Page furniture and footnotes --------------------------------------------------

    def lift_furniture(self):
        kept, index, lines = [], 0, self.lines
        reading = self.reading
        while index < len(lines):
            line = lines[index]
            text = line.text
            job = _JOB.match(text)
            if job:
                if not reading.job_number:
                    reading.job_number = job["job"].replace("  ", " ")
                    reading.processed_on = _ddmmyy(job["first"])
                    reading.printed_on = _ddmmyy(job["second"])
                index += 1
                continue
            if _BARCODE.match(text) or _PAGE.match(text):
                index += 1
                continue
            link = _LINK.match(text)
            if link:
                reading.links.append((link["symbol"], line.number))
                index += 1
                continue
            if _SEPARATOR.match(text):
                index = self._footnote_block(index + 1)
                continue
            kept.append(line)
            index += 1
        # A running header repeats the symbol alone on a line, after the first page.
        first_symbol = next(
            (
                (position, v.find_symbols(line.text)[0][0])
                for position, line in enumerate(kept[:12])
                if v.find_symbols(line.text)
            ),
            None,
        )
        if first_symbol:
            position, symbol = first_symbol
            bare = symbol.rstrip("*")
            kept = [
                line
                for at, line in enumerate(kept)
                if at <= position or line.text.rstrip("*") != bare
            ]
        self.lines = kept

    def _footnote_block(self, index):
        """Read the footnotes after a separator line; return where the text goes on."""
        lines = self.lines
        current = None
        while index < len(lines):
            line = lines[index]
            match = _FOOTNOTE_LINE.match(line.text)
            closed = current is None or current.text.endswith(tuple("。.!?！？"))
            if match and (closed or self._next_mark(current, match["mark"])):
                current = Footnote(match["mark"], match["text"], line.number)
                self.reading.footnotes.append(current)
            elif current is not None and not closed:
                current.text = join(current.text, line.text, self.code)
            else:
                break
            index += 1
        return index

    @staticmethod
    def _next_mark(current, mark):
        if current is None:
            return True
        if current.mark.isdigit() and mark.isdigit():
            return int(mark) == int(current.mark) + 1
        if current.mark.startswith("*") and mark.isdigit():
            return mark == "1"
        return False

    # 2. The masthead and the block under it -------------------------------------------

    def list_start(self):
        for index, line in enumerate(self.lines):
            match = _ITEM.match(line.text)
            if match and match.group(1) == "1":
                return index
        raise DocumentImportError(
            _(
                "No provisional agenda was found: the file has no numbered list of items "
                "(a line beginning “1.”)."
            )
        )

    def masthead(self, lines):
        reading, code = self.reading, self.code
        un_names = [v.key(name) for names in v.UNITED_NATIONS.values() for name in names]
        top, block, stage = [], [], "top"
        for line in lines:
            text = line.text
            compact = v.key(text)
            symbols = v.find_symbols(text, code)
            for name in un_names:
                if compact.startswith(name):
                    text = _without_prefix_key(text, name)
                    compact = v.key(text)
                    break
            if not reading.symbol and symbols and stage == "top":
                printed = symbols[0][0]
                reading.symbol = printed.rstrip("*")
                reading.symbol_stars = len(printed) - len(reading.symbol)
                text = text.replace(symbols[0][0], "").strip()
                text = _strip_marks(text)
                if not v.key(text):
                    continue
            if not compact:
                continue
            if distr := _DISTR.match(text):
                word = v.key(distr["word"])
                for value, words in v.DISTRIBUTIONS.items():
                    if any(word.startswith(v.key(w)) for w in words):
                        reading.distribution = value
                stage = "masthead"
                continue
            if original := _ORIGINAL.match(text):
                reading.original_language = v.language_named(original["name"]) or ""
                if not reading.original_language:
                    reading.leftovers.append((line.number, line.text))
                stage = "block"
                continue
            if stage in ("top", "masthead") and v.is_date_line(text):
                reading.issued_on = v.read_date(text)
                stage = "masthead"
                continue
            if stage in ("top", "masthead") and v.language_named(text):
                reading.version_language = v.language_named(text)
                stage = "masthead"
                continue
            if stage == "top":
                top.append(line)
            else:
                block.append(line)
        if not reading.distribution and not reading.original_language:
            # No masthead lines: the lines above the list are the block under it.
            block, top = top + block, []
        if top:
            reading.parent_body_name = self._one_text(top)
        self.session_block(block)

    def _one_text(self, lines):
        text = ""
        for line in lines:
            text = join(text, line.text, self.code)
        return text.strip()

    def session_block(self, lines):
        reading, code = self.reading, self.code
        body_lines, after_place = [], False
        titles = {v.key(t) for t in v.phrases(v.ANNOTATED_TITLES, code)}
        kinds = v.kind_titles(code)
        titles.add(v.key(kinds["annotated"]))
        list_headings = {v.key(t) for t in v.phrases(v.LIST_HEADINGS, code)}
        list_headings.add(v.key(kinds["provisional"]))
        pending_title = []
        for index, line in enumerate(lines):
            text = line.text
            compact = v.key(_section_text(text)[1])
            if compact in titles:
                reading.kind = "annotated"
                reading.title = "" if compact == v.key(kinds["annotated"]) else text
                continue
            if compact in list_headings:
                numbered, _rest = _section_text(text)
                if numbered:
                    reading.section_numbering = "roman"
                    reading.sections.append(("list", "", False))
                elif not reading.title and reading.kind == "provisional" and index < len(lines) - 1:
                    reading.title = ""
                continue
            session = v.find_session(text, code)
            if session and len(v.key(text)) <= len(v.key(text[session[4] : session[5]])) + 2:
                reading.session = session[:4]
                continue
            dates = v.read_dates(text)
            if dates and not text.endswith(".") and len(text) < 120:
                reading.start_date, reading.end_date = dates[0], dates[-1]
                reading.city = _city(text, code)
                after_place = True
                continue
            if self.venue_sentence(text, announced=True):
                continue
            if self.interpretation_sentence(text):
                continue
            if self.issued_under(text, line):
                continue
            if after_place:
                pending_title.append(line)
            else:
                body_lines.append(line)
        if body_lines:
            reading.body_name = self._one_text(body_lines)
        if pending_title:
            reading.title = self._one_text(pending_title)
            reading.kind = "annotated" if reading.kind == "annotated" else reading.kind
        if not reading.body_name and reading.parent_body_name:
            reading.body_name, reading.parent_body_name = reading.parent_body_name, ""

    def issued_under(self, text, line):
        template = self.language.item_of_agenda
        pattern = v.template_pattern(template, {"number": r"\d+(?:\s*\([a-z]\))?"})
        match = re.fullmatch(pattern + r"\**", text.strip(), re.IGNORECASE)
        if not match:
            return False
        self.reading.notes.append(
            _("The document says it is issued under item %(number)s of another agenda; "
              "link it in the admin.")
            % {"number": match["number"]}
        )  # fmt: skip
        return True

    def venue_sentence(self, text, *, announced=False):
        """The sentence saying where and when the session opens: the product's own
        wording in each language, and the seed's ("... 将于 ... 在 ... 开幕")."""
        reading, code = self.reading, self.code
        match = None
        for pattern in _venue_patterns(code):
            match = pattern.search(text)
            if match:
                break
        if not match:
            return False
        groups = match.groupdict()
        session = v.find_session(groups.get("session") or text, code)
        if session:
            reading.session = reading.session or session[:4]
        venue, room = (groups.get("venue") or "").strip(), (groups.get("room") or "").strip()
        if code == "zh-hans" and groups.get("place"):
            venue, _space, room = groups["place"].strip().partition(" ")
        reading.venue_name = reading.venue_name or _strip_marks(venue).strip()
        reading.room_name = reading.room_name or _strip_marks(room).strip()
        if groups.get("city") and not reading.city:
            reading.city = groups["city"].strip()
        when = groups.get("time") or groups.get("when") or ""
        time = v.read_single_time(when, code) if when else None
        reading.opening_time = reading.opening_time or time
        if announced:
            reading.announces_venue = True
        return True

    def interpretation_sentence(self, text):
        template = self.language.interpretation
        if not template:
            return False
        match = re.fullmatch(
            v.template_pattern(template, {"languages": r".+?"}), text.strip(), re.IGNORECASE
        )
        if not match:
            return False
        names = re.split(r"\s*(?:,|، |、|和|\band\b|\bet\b|\by\b|\bи\b| و)\s*", match["languages"])
        codes = [v.language_named(name) for name in names if name.strip()]
        if codes and all(codes):
            self.reading.interpretation = codes
            return True
        return False

    # 3. The provisional agenda --------------------------------------------------------

    def agenda_list(self, lines):
        items, stack = [], []  # stack: the current item at each depth
        current, is_open = None, False
        for line in lines:
            text = line.text
            entry = self._list_entry(text, stack)
            if entry is None:
                if current is None or not is_open:
                    self.reading.leftovers.append((line.number, text))
                else:
                    current.title = join(current.title, text, self.code)
                    is_open = not self.ends(line)
                continue
            is_open = not self.ends(line)
            depth, label, title = entry
            path = (*[item.path[-1] for item in stack[:depth]], label)
            current = ItemReading(path=path, title=title, line=line.number)
            if depth == 0:
                items.append(current)
            else:
                stack[depth - 1].children.append(current)
            del stack[depth:]
            stack.append(current)
        for item in (i for top in items for i in top.walk()):
            item.title, item.title_marks = self.take_marks(_strip_marks(item.title))
            item.title = _strip_marks(item.title)
        return items

    def _list_entry(self, text, stack):
        """``(depth, number, title)`` when a line begins an entry of the list."""
        if match := _ITEM.match(text):
            number = int(match.group(1))
            expected = stack[0].path[0] + 1 if stack else 1
            if number == expected:
                return 0, number, match.group(2)
            return None
        if not stack:
            return None
        roman = _ROMAN.match(text)
        sub = _SUB.match(text) or _ARABIC_SUB.match(text)
        letters = _letters(self.code)
        if sub:
            label = sub.group("a") or sub.groupdict().get("b")
            expected_letter = letters(len(stack[0].children) + 1)
            if label == expected_letter:
                return 1, len(stack[0].children) + 1, sub.group("rest")
        if roman and len(stack) >= 2:
            label = roman.group("a") or roman.group("b")
            position = len(stack[1].children) + 1
            if label == languages.base.roman_numeral(position):
                return 2, position, roman.group("rest")
        return None

    def take_marks(self, text, *, stars=True):
        """Footnote marks in ``text`` (the next numbers in order, and asterisks), removed."""
        marks = []
        while True:
            number = str(self.next_number_mark)
            if not any(f.mark == number for f in self.reading.footnotes):
                break
            pattern = re.compile(
                r"(?<=[^\s\d/.,(（\-])" + number + r"(?=[\s:;.,，：；。)）”\"'»]|$|[^\x00-\x7f])"
                # After the punctuation that closes a sentence or a quotation (English
                # sets the mark there), unless the dot belongs to a suffix: "Rev.1".
                r"|(?<=[^\s][.,;:”’\")])(?<!Rev\.)(?<!Add\.)(?<!Corr\.)(?<!para\.)(?<!No\.)"
                + number
                + r"(?=\s|$)"
            )
            match = pattern.search(text)
            if not match:
                break
            text = text[: match.start()] + text[match.end() :]
            marks.append(number)
            self.next_number_mark += 1
        if stars and re.search(r"(?<=\S)\*+$", text.rstrip()):
            star = re.search(r"\*+$", text.rstrip()).group(0)
            if any(f.mark == star for f in self.reading.footnotes):
                marks.append(star)
                text = text.rstrip()[: -len(star)]
        return text, marks

    # 4. The annotations ---------------------------------------------------------------

    def annotations(self, lines, items):
        flat = [item for top in items for item in top.walk()]
        current, mode = None, "text"
        parts = {}
        index = 0
        documentation = {v.key(t) for t in v.phrases(v.DOCUMENTATION_HEADINGS, self.code)}

        def heading_at(at):
            """``(item, lines used, heading text)`` when the line at ``at`` heads an item."""
            line = lines[at]
            text = line.text
            if match := _ITEM.match(text):
                number = int(match.group(1))
                candidates = [i for i in items if i.path == (number,)]
                if candidates and not candidates[0].in_annotations:
                    return self._heading(lines, at, candidates[0], match.group(2), strict=False)
            sub = _SUB.match(text) or _ARABIC_SUB.match(text) or _ROMAN.match(text)
            if sub and current is not None and current.path:
                family = [i for i in flat if i.path[:1] == current.path[:1] and len(i.path) > 1]
                for candidate in family:
                    if candidate.in_annotations:
                        continue
                    label = _label_of(candidate.path, self.code)
                    given = sub.group("a") or sub.groupdict().get("b")
                    if given == label:
                        found = self._heading(lines, at, candidate, sub.group("rest"), strict=True)
                        if found:
                            return found
            return None

        def part_at(at):
            match = _PART.match(lines[at].text)
            if not match or current is None or match["rest"].endswith((".", "。")):
                return None
            owner = current if current.kind == "item" else parts.get("owner")
            if owner is None:
                return None
            expected = chr(ord("A") + sum(1 for c in owner.children if c.kind == "part"))
            if match["letter"] != expected:
                return None
            return owner, match["rest"]

        def starts(at):
            text = lines[at].text
            return bool(
                heading_at(at)
                or part_at(at)
                or v.key(text) in documentation
                or _SUB.match(text)
                or _ROMAN.match(text)
                or _ARABIC_SUB.match(text)
                or text.startswith(("•", "– ", "- "))
            )

        while index < len(lines):
            found = heading_at(index)
            if found:
                current, used, heading = found
                current.in_annotations = True
                if heading is not None:
                    current.heading = heading
                mode = "text"
                parts.clear()
                index += used
                continue
            line = lines[index]
            if v.key(line.text) in documentation and current is not None:
                mode = "documents"
                index += 1
                continue
            part = part_at(index)
            if part:
                owner, title = part
                child = ItemReading(
                    path=(),
                    title=title.strip(),
                    line=line.number,
                    kind="part",
                    lettered=True,
                    in_list=False,
                    in_annotations=True,
                )
                owner.children.append(child)
                parts["owner"] = owner
                current = child
                mode = "text"
                index += 1
                continue
            # A paragraph: this line and those that continue it.
            chunk = [line]
            while not self.ends(chunk[-1]) and index + 1 < len(lines) and not starts(index + 1):
                index += 1
                chunk.append(lines[index])
            index += 1
            paragraph = self.paragraphs(chunk)[0] if chunk else None
            for extra in self.paragraphs(chunk)[1:]:
                self.reading.leftovers.extend((n, extra.text) for n in extra.lines[:1])
            if current is None:
                self.reading.leftovers.append((chunk[0].number, paragraph.text))
                continue
            if mode == "documents":
                self.documents(current, paragraph)
            else:
                text, marks = self.take_marks(paragraph.text, stars=False)
                current.paragraphs.append(Paragraph(text.strip(), paragraph.lines))
                for mark in marks:
                    current.paragraph_marks[mark] = len(current.paragraphs)

    def _heading(self, lines, at, item, text, *, strict):
        """Match an annotation heading (which may run over several lines) to ``item``."""
        wanted = v.key(item.title)
        raw, given = text, _strip_marks(text)
        used = 1
        while (
            v.key(given) != wanted
            and wanted.startswith(v.key(given))
            and at + used < len(lines)
            and v.key(given)
        ):
            longer = join(given, lines[at + used].text, self.code)
            if not wanted.startswith(v.key(_strip_marks(longer))):
                break
            raw, given = longer, _strip_marks(longer)
            used += 1
        given, _marks = self.take_marks(given, stars=False)
        if v.key(given) == wanted:
            # The title as the list has it, unless the annotations print it with closing
            # punctuation of its own ("…第六条）；" in the seed): that is its heading.
            closing = raw.strip()[len(given.strip()) :].strip()
            if given.strip() == item.title.strip() and closing in ("；", "。"):
                return item, used, given.strip() + closing
            return item, used, None
        if strict:
            return None
        # A heading of its own, when it reads as one (no sentence, not too long).
        if len(given) > 200 or given.endswith((".", "。")):
            return None
        return item, used, given.strip()

    def documents(self, item, paragraph):
        text = paragraph.text
        symbols = v.find_symbols(text, self.code)
        purpose = ""
        for code, names in _purpose_names(self.code).items():
            for name in names:
                found = re.search(r"[\s–—-]*\(?" + re.escape(name) + r"\)?\s*$", text, re.I)
                if found:
                    purpose = code
                    text = text[: found.start()]
                    break
        if not symbols:
            title = text
            for phrase in v.phrases(v.TO_BE_ISSUED, self.code):
                title = re.sub(r"\s*[(（]" + re.escape(phrase) + r"[)）]", "", title, flags=re.I)
            item.documents.append(
                DocumentEntry("", _clean_title(title), paragraph.lines[0], purpose)
            )
            return
        first = symbols[0][1]
        title = text[:first]
        title = re.sub(r"[\s(（:：,–—-]+$", "", title)
        title = _clean_title(title)
        if not title and item.documents and not item.documents[-1].symbol:
            # "(A/75/1)" on a paragraph of its own, under the title it belongs to.
            title = item.documents.pop().title
        for symbol, _start, _end in symbols:
            item.documents.append(DocumentEntry(symbol, title, paragraph.lines[0], purpose))

    # 5. The annex: organization of work ----------------------------------------------

    def annex(self, lines, items):
        reading = self.reading
        header = {v.key(word) for word in v.phrases(v.TABLE_WORDS, self.code)}
        per_slot = {v.key(word) for word in v.phrases(v.PER_SLOT_WORDS, self.code)}
        rows = []
        index = 0
        # Footnotes with letters belong to the annex, wherever the file put them.
        for note in [n for n in reading.footnotes if n.mark.isalpha()]:
            reading.footnotes.remove(note)
            reading.annex_footnotes.append(note)
        while index < len(lines):
            line = lines[index]
            match = _FOOTNOTE_LINE.match(line.text)
            if (
                match
                and len(match["mark"]) == 1
                and match["mark"] in "abcdefgh"
                and not line.cells
                and (line.indent or not match["text"][:1].islower())
            ):
                note = Footnote(match["mark"], match["text"], line.number)
                while not note.text.endswith(tuple("。.")) and index + 1 < len(lines):
                    index += 1
                    note.text = join(note.text, lines[index].text, self.code)
                reading.annex_footnotes.append(note)
                index += 1
                continue
            words = [cell for cell in (line.cells or re.split(r"\s{2,}|\t| ", line.text)) if cell]
            if words and sum(v.key(word) in header for word in words) >= 2:
                if any(v.key(word) in per_slot for word in words):
                    reading.timetable_layout = "per_slot"
                index += 1
                continue
            rows.append(line)
            index += 1
        self.timetable(rows, items)

    def timetable(self, rows, items):
        reading, code = self.reading, self.code
        if not rows:
            return
        text, starts = "", []
        for line in rows:
            starts.append((len(text), line.number))
            text += line.text.replace("\t", " ") + " "
        marks = {note.mark for note in reading.annex_footnotes}
        continued = [re.escape(c) for c in v.phrases(v.CONTINUED, code)]
        flat = {i.path: i for top in items for i in top.walk() if i.kind == "item"}
        year = reading.start_date.year if reading.start_date else None
        date, slot, position = None, None, 0
        unknown = []
        ref = re.compile(
            r"(\d{1,2})((?:\s?\(?[a-z]{1,2}\))?(?:\s?\(?[ivx]{1,4}\))?)(?=[\s\u4e00-\u9fff])"
        )
        twelve_hour = False

        def line_at(offset):
            number = starts[0][1]
            for start, line_number in starts:
                if start > offset:
                    break
                number = line_number
            return number

        while position < len(text):
            if text[position].isspace():
                position += 1
                continue
            found_date = _table_date(text, position, code, year)
            if found_date:
                date, position = found_date
                continue
            time = v.time_range_pattern(code).match(text, position)
            if time:
                parsed = v.read_time_ranges(time.group(0), code)
                if parsed:
                    start, end, _s, _e, periods = parsed[0]
                    twelve_hour |= periods
                    slot = SlotReading(date, start, end, line_at(position))
                    if date is None:
                        reading.leftovers.append((slot.line, time.group(0)))
                    else:
                        reading.slots.append(slot)
                    position = time.end()
                    continue
            match = ref.match(text, position)
            if match and slot is not None:
                path = _path_of(match.group(1), match.group(2), code)
                item = flat.get(path)
                if item is not None:
                    position = _skip_title(text, match.end(), item.title)
                    closing = re.match(r"[)）\]」』.,;:。，；：]+", text[position:])
                    if closing:
                        position += closing.end()
                    entry = SlotEntry(path)
                    mark = re.match(r"\s*([a-z])(?![a-z])", text[position:])
                    if mark and mark.group(1) in marks:
                        entry.marks.append(mark.group(1))
                        position += mark.end()
                    if continued:
                        more = re.match(
                            r"\s*(?:" + "|".join(continued) + ")", text[position:], re.I
                        )
                        if more:
                            position += more.end()
                    slot.entries.append(entry)
                    continue
            end = position
            while end < len(text) and not text[end].isspace():
                end += 1
            unknown.append((position, text[position:end]))
            position = end
        # Words the table has that are no date, time or item: notes or who introduces.
        for offset, word in _group_words(unknown):
            owner = _slot_before(reading.slots, line_at(offset))
            if owner is not None and reading.timetable_layout == "per_slot" and owner.entries:
                owner.introduced_by = (owner.introduced_by + " " + word).strip()
            elif owner is not None and not owner.entries:
                owner.note = (owner.note + " " + word).strip()
            else:
                reading.leftovers.append((line_at(offset), word))
        if reading.slots and not twelve_hour and self.language.twenty_four_hour:
            reading.time_notation = "24h"

    # 6. Footnotes --------------------------------------------------------------------

    def attach_footnotes(self):
        reading = self.reading
        by_mark = {note.mark: note for note in reading.footnotes}
        star = "*" * reading.symbol_stars
        if star and star in by_mark:
            note = by_mark[star]
            date = v.reissue_date(note.text, self.code)
            if date:
                reading.reissued_on = date
            else:
                reading.title_footnotes.append(note)
            note.used = True
        for item in reading.all_items():
            for mark in item.title_marks + list(item.paragraph_marks):
                if mark in by_mark:
                    by_mark[mark].used = True
        for note in reading.footnotes:
            if not note.used:
                if note.mark.startswith("*") and not reading.title_footnotes:
                    reading.title_footnotes.append(note)
                    note.used = True
                else:
                    reading.leftovers.append((note.line, f"{note.mark} {note.text}"))

    # The whole document ---------------------------------------------------------------

    def parse(self):
        self.lift_furniture()
        start = self.list_start()
        self.masthead(self.lines[:start])
        regions = self.regions(self.lines[start:])
        items = self.agenda_list(regions["list"])
        if not items:
            raise DocumentImportError(_("The provisional agenda lists no items."))
        self.reading.items = items
        if regions["annotations"]:
            self.reading.kind = "annotated"
            self.annotations(regions["annotations"], items)
        self.annex(regions["annex"], items)
        self.attach_footnotes()
        self.opening_in_annotations()
        listed = {
            symbol_key(d.symbol) for i in self.reading.all_items() for d in i.documents if d.symbol
        }
        for symbol, number in self.reading.links:
            if symbol_key(symbol) not in listed:
                self.reading.leftovers.append((number, symbol))
        for item in self.reading.all_items():
            if item.kind == "item" and self.reading.kind == "annotated" and not item.in_annotations:
                self.reading.notes.append(
                    _("Item %(number)s has no heading in the annotations.")
                    % {"number": _reference(item.path)}
                )
        self.reading.leftovers.sort()
        return self.reading

    def opening_in_annotations(self):
        """The session, venue, room and opening time, from the sentence in the
        annotations that says where and when the session opens (the seed's 1(a))."""
        reading = self.reading
        for item in reading.all_items():
            for paragraph in item.paragraphs:
                if self.venue_sentence(paragraph.text):
                    return
        if reading.session is None:
            for item in reading.all_items():
                for paragraph in item.paragraphs:
                    found = v.find_session(paragraph.text, self.code)
                    if found:
                        reading.session = found[:4]
                        return

    def regions(self, lines):
        """The list, the annotations and the annex, by their headings."""
        code = self.code
        annotation_words = {v.key(t) for t in v.phrases(v.ANNOTATION_HEADINGS, code)}
        annex_words = {v.key(t) for t in v.phrases(v.ANNEX_HEADINGS, code)}
        timetable_words = {v.key(t) for t in v.phrases(v.TIMETABLE_HEADINGS, code)}
        regions = {"list": [], "annotations": [], "annex": []}
        where = "list"
        reading = self.reading
        for line in lines:
            numbered, rest = _section_text(line.text)
            compact = v.key(rest)
            annex_name = re.sub(r"(?i)\b[IVX]+$", "", rest).strip()
            if compact in annotation_words and where == "list":
                where = "annotations"
                if numbered:
                    reading.section_numbering = "roman"
                    reading.sections.append(("annotations", "", False))
                continue
            if v.key(annex_name) in annex_words and where != "annex":
                where = "annex"
                reading.sections.append(("timetable", "", True))
                continue
            if compact in timetable_words:
                if where != "annex":
                    where = "annex"
                    reading.sections.append(("timetable", "", False))
                continue
            regions[where].append(line)
        if reading.section_numbering == "none":
            reading.sections = []
        return regions


def _ddmmyy(text):
    import datetime

    if not text:
        return None
    try:
        return datetime.date(2000 + int(text[4:6]), int(text[2:4]), int(text[0:2]))
    except ValueError:
        return None


def _without_prefix_key(text, compact_prefix):
    """``text`` without its leading characters that make up ``compact_prefix``."""
    taken = ""
    for index, ch in enumerate(text):
        if v.key(taken) == compact_prefix:
            return text[index:].strip()
        taken += ch
    return "" if v.key(taken) == compact_prefix else text


def _section_text(text):
    """ "II. Annotations" -> (True, "Annotations")."""
    match = _SECTION_NUMBER.match(text.strip())
    if match:
        return True, match["rest"]
    return False, text


def _city(text, code):
    rest = text
    for start, end, *_rest in sorted(v.date_tokens(text), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = v.strip_weekdays(rest)
    rest = re.sub(r"(?i)(?<!\w)(?:to|au|à|a|al|до|по|from|du|del|de|с)(?!\w)", " ", rest)
    rest = re.sub(r"[,，、،–—\-至]", " ", rest)
    return re.sub(r"\s+", " ", rest).strip(" .")


def _letters(code):
    """How sub-items are lettered in ``code``: as the language module letters them
    (Arabic abjad letters, Latin elsewhere), so that what we print we also read."""
    return languages.get(code).sub_item_letters


def _label_of(path, code):
    if len(path) == 2:
        return _letters(code)(path[1])
    return languages.base.roman_numeral(path[-1])


def _reference(path):
    return languages.get("en").item_reference(path)


def _path_of(number, rest, code):
    path = [int(number)]
    for label in re.findall(r"\(?([a-z]+)\)", rest or ""):
        if len(path) == 1:
            path.append(ord(label) - ord("a") + 1 if len(label) == 1 else 0)
        else:
            roman = [languages.base.roman_numeral(n) for n in range(1, 40)]
            path.append(roman.index(label) + 1 if label in roman else 0)
    return tuple(path)


def _skip_title(text, position, title):
    """Past the item's title in the table, when the text gives it (wrapped or not)."""
    wanted = v.key(title)
    taken, index, best = "", position, position
    while index < len(text) and len(taken) < len(wanted):
        ch = text[index]
        piece = v.key(ch)
        if piece:
            if not wanted.startswith(taken + piece):
                break
            taken += piece
            best = index + 1
        index += 1
    return best if taken == wanted or len(taken) > len(wanted) // 2 else position


def _table_date(text, position, code, year):
    if code == "zh-hans":
        pattern = re.compile(
            r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[，,、]?\s*星期[一二三四五六日天])?"
        )
        match = pattern.match(text, position)
        if not match:
            return None
        import datetime

        try:
            found = datetime.date(int(match[1] or year or 0), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return found, match.end()
    weekday = v._weekday_pattern().pattern
    months = v._alternation(v._latin_months())
    pattern = re.compile(
        r"(?:"
        + weekday
        + r"[,،]?\s+)?(?:(?:le|el)\s+)?(1er|\d{1,2})\s+(?:de\s+)?("
        + months
        + r")(?:\s+(?:de\s+)?(\d{4}))?(?:\s+года)?(?:[,،]?\s+"
        + weekday
        + r")?(?!\w)",
        re.IGNORECASE,
    )
    match = pattern.match(text, position)
    if not match:
        return None
    found = v.read_date(match.group(0), default_year=year)
    return (found, match.end()) if found else None


def _group_words(unknown):
    groups, current, start, last_end = [], [], None, None
    for offset, word in unknown:
        if current and offset - last_end > 2:
            groups.append((start, " ".join(current)))
            current = []
        if not current:
            start = offset
        current.append(word)
        last_end = offset + len(word)
    if current:
        groups.append((start, " ".join(current)))
    return groups


def _slot_before(slots, line):
    owner = None
    for slot in slots:
        if slot.line <= line:
            owner = slot
    return owner


def _clean_title(text):
    return re.sub(r"\s+", " ", text).strip(" \t,;:：；，。")


def _purpose_names(code):
    from agendas.models import DocumentPurpose

    names = {}
    for purpose in DocumentPurpose.objects.all():
        values = [getattr(purpose, f"name_{c.replace('-', '_')}", "") for c in (code, "en")]
        names[purpose.code] = [value for value in values if value]
    return names


def _venue_patterns(code):
    language = languages.get(code)
    patterns = []
    any_text = r"[^.。]+?"
    if language.venue_sentence:
        room = (
            v.template_pattern(language.venue_room, {"room": any_text})
            if language.venue_room
            else ""
        )
        starting = (
            v.template_pattern(language.venue_starting_time, {"time": r"[^,;]+?", "date": any_text})
            if language.venue_starting_time
            else ""
        ).replace("(?P<date>", "(?:")
        starting_date = (
            v.template_pattern(language.venue_starting_date, {"date": any_text})
            if language.venue_starting_date
            else ""
        ).replace("(?P<date>", "(?:")
        sentence = v.template_pattern(
            language.venue_sentence.replace("{Session}", "{session}"),
            {
                "session": r"[^,.。]+?",
                "body": any_text,
                "body_of": any_text,
                "session_of": any_text,
                "venue": r"[^,，、.。]+?",
                "city": r"[^,，、.。;]+?",
                "starting": f"(?:{starting}|{starting_date})?" if starting else "",
                "room": f"(?:{room})?" if room else "",
            },
            unnamed=("starting", "room"),
        )
        patterns.append(re.compile(sentence, re.IGNORECASE))
    if code == "zh-hans":
        patterns.append(
            re.compile(
                r"(?P<session>第[一二三四五六七八九十百千零]+(?:次|届)(?:特别)?会议)将于"
                r"(?P<when>[^。]*?)在(?P<place>[^。]+?)(?:开幕|举行)"
            )
        )
    if code == "en":
        patterns.append(
            re.compile(
                r"The (?P<session>[\w-]+(?: special)? (?:meeting|session)) of the .+? will be "
                r"(?:opened|held)(?: on (?P<when>[^,]+, \d{1,2} \w+ \d{4}),?)?"
                r"(?: at (?P<time>[\d.:]+ [ap]\.m\.|noon),?)?"
                r"(?: in (?P<room>[^.]+?),)? at the (?P<venue>[^,.]+)",
            )
        )
    return patterns


def parse_document(lines, source_kind="text"):
    """A ``Reading`` of the document's lines; DocumentImportError when the lines hold
    no provisional agenda at all."""
    if not any(isinstance(line, Line) and line.text for line in lines):
        raise DocumentImportError(_("The file has no text."))
    return _Parser(lines, source_kind).parse()
