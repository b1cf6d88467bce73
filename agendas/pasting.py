"""Read a pasted list of documents: one a line, a symbol with an optional title and purpose.

Secretariat officers keep documentation lists in Word and e-mails and paste them; the
lines come in the shapes those lists take:

    CAC/COSP/WG.4/2020/4	Background paper prepared by the Secretariat	For decision
    CAC/COSP/WG.4/2020/3 – Background paper on the implementation – For information
    Background paper prepared by the Secretariat (CAC/COSP/WG.4/2020/2)
    秘书处编写的关于提高反腐败机构效力的背景文件（CAC/COSP/WG.4/2020/4）
    Note by the Secretariat on the venue

A line without a symbol is a document to be issued. Nothing here touches the database:
``agendas.services.paste_documentation`` turns the lines into documents and links.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .symbols import read_symbol

# Between the parts of a line: a tab, or a dash or bar with spaces around it.
_SEPARATOR = re.compile(r"\t+|\s+[–—|-]\s+|\s{2,}")
# A symbol in brackets at the end, as printed after a title: "Title (A/1)", "标题（A/1）".
_TRAILING_SYMBOL = re.compile(r"^(?P<title>.*?)\s*[(（](?P<symbol>[^()（）\s]+)[)）]\s*$")


@dataclass(frozen=True)
class PastedLine:
    """One line of a pasted list, read: its number in the paste, symbol, title, purpose."""

    number: int
    text: str
    symbol: str = ""
    title: str = ""
    purpose: str = ""  # as typed; matched against the vocabulary by the service
    problem: str = ""  # why the line cannot be read, when it cannot


def _symbol_or_none(text):
    """``text`` when it reads as a document symbol (regular or not), else None."""
    if "/" not in text:
        return None
    try:
        read_symbol(text)
    except ValidationError:
        return None
    return text


def read_line(number, text, purposes=()):
    """Read one line. ``purposes`` are the names (in any language) and codes a last
    part may be, compared without regard to case.

    A line that begins with something slashed that cannot be a symbol ("A//B/1") is
    kept with its ``problem`` rather than guessed at: a mistyped symbol must not turn
    quietly into a document to be issued.
    """
    text = text.strip()
    parts = [part.strip() for part in _SEPARATOR.split(text) if part.strip()]
    known = {purpose.casefold() for purpose in purposes}
    purpose = ""
    if len(parts) > 1 and parts[-1].casefold() in known:
        purpose = parts.pop()
    joined = " ".join(parts)
    if (match := _TRAILING_SYMBOL.match(joined)) and _symbol_or_none(match["symbol"]):
        title = match["title"].strip()
        return PastedLine(number, text, symbol=match["symbol"], title=title, purpose=purpose)
    first = parts[0].split()[0] if parts else ""
    if "/" in first:
        try:
            read_symbol(first)
        except ValidationError as error:
            return PastedLine(number=number, text=text, problem=" ".join(error.messages))
        rest = " ".join([parts[0][len(first) :].strip(), *parts[1:]]).strip()
        title = rest.lstrip("–—|-: ").strip()
        return PastedLine(number=number, text=text, symbol=first, title=title, purpose=purpose)
    return PastedLine(number=number, text=text, title=joined, purpose=purpose)


def read_lines(text, purposes=()):
    """Every non-empty line of a paste, read, in order."""
    return [
        read_line(number, line, purposes)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def refused_line(line, error):
    """The refusal of a whole paste because of one of its lines: it names the line.
    ``line`` is any pasted line with ``number`` and ``text`` (documents, citations)."""
    return ValidationError(
        _("Line %(number)d (“%(text)s”): %(reason)s")
        % {"number": line.number, "text": line.text, "reason": " ".join(error.messages)},
        code="bad_pasted_line",
    )
