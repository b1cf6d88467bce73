"""UN document symbols: validation, parsing, and symbols read as printed.

A symbol such as ``CAC/COSP/WG.4/2020/1/Rev.1*`` reads, left to right: the body prefix
(``CAC/COSP/WG.4``), a year or session (``2020``), an optional series (``L.``, ``CRP.``,
``INF.`` ...), a sequential number (``1``), modification suffixes (``Rev.1``, ``Corr.2``,
``Add.1``, ``Amend.1``) and trailing asterisks for reissues.

Agendas the product issues get symbols that follow those rules (``parse_symbol``).
Documents listed in them may be older and carry symbols that break them (a suffix
without its dot, ``Add1``; a series the parser does not know): ``read_symbol`` accepts
them as printed, names the irregular part, and gives the normalised form under which
search and duplicate checks find them.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SERIES = ("L", "CRP", "INF", "R", "WP", "PV", "SR", "NGO", "RES", "PRST", "PET", "MISC")

_PART = re.compile(r"^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*(?:\([A-Za-z0-9.]+\))?$")
_BODY_HEAD = re.compile(r"^[A-Z][A-Z0-9]*$")
SUFFIX_KINDS = ("Rev", "Corr", "Add", "Amend")
_SUFFIX = re.compile(r"^(" + "|".join(SUFFIX_KINDS) + r")\.(\d+)$", re.IGNORECASE)
# "Add1" for "Add.1": read as a number it would be blamed on the part before it.
_SUFFIX_WITHOUT_DOT = re.compile(r"^(" + "|".join(SUFFIX_KINDS) + r")(\d+)$", re.IGNORECASE)
_SERIES = re.compile(r"^(" + "|".join(SERIES) + r")(?:\.(\d+[A-Za-z]?))?$")
_NUMBER = re.compile(r"^\d+[A-Za-z]?(?:\([A-Za-z0-9.]+\))?$")
_YEAR = re.compile(r"^(19[4-9]\d|2\d\d\d)$")
# "Misc.3" after the number: a series, but none of SERIES.
_SERIES_LIKE = re.compile(r"^[A-Za-z]+\.\d+[A-Za-z]?$")


@dataclass(frozen=True)
class ParsedSymbol:
    body_prefix: str
    year: int | None = None
    session: str = ""
    series: str = ""
    number: str = ""
    suffixes: tuple[str, ...] = field(default_factory=tuple)
    reissue: int = 0


def _invalid(symbol, reason):
    return ValidationError(
        _("“%(symbol)s” is not a valid UN document symbol: %(reason)s"),
        code="invalid_symbol",
        params={"symbol": symbol, "reason": reason},
    )


def parse_symbol(symbol):
    """Parse a symbol into its components or raise ValidationError saying what is wrong."""
    text = (symbol or "").strip()
    if not text:
        raise _invalid(symbol, _("it is empty."))
    if any(ch.isspace() for ch in text):
        raise _invalid(symbol, _("symbols contain no spaces."))
    stripped = text.rstrip("*")
    reissue = len(text) - len(stripped)
    parts = stripped.split("/")
    if any(part == "" for part in parts):
        raise _invalid(symbol, _("it has an empty part between slashes."))
    for part in parts:
        if not _PART.match(part):
            reason = _("the part “%(part)s” has characters a symbol cannot have.")
            raise _invalid(symbol, reason % {"part": part})
    if not _BODY_HEAD.match(parts[0]):
        reason = _("it must begin with an organ or series in capitals, such as A, E or CAC.")
        raise _invalid(symbol, reason)

    suffixes = []
    while len(parts) > 1:
        if suffix := _SUFFIX.match(parts[-1]):
            parts.pop()
            kind, number = suffix.groups()
            suffixes.insert(0, f"{kind.capitalize()}.{number}")
        elif suffix := _SUFFIX_WITHOUT_DOT.match(parts[-1]):
            kind, number = suffix.groups()
            reason = _("the suffix “%(part)s” needs a dot: write it %(suffix)s.")
            written = f"{kind.capitalize()}.{number}"
            raise _invalid(symbol, reason % {"part": parts[-1], "suffix": written})
        else:
            break

    body = [parts[0]]
    rest = parts[1:]
    while rest and not (_NUMBER.match(rest[0]) or _SERIES.match(rest[0])):
        body.append(rest.pop(0))
    year, session, series, number = None, "", "", ""
    for index, part in enumerate(rest):
        is_last = index == len(rest) - 1
        if series_match := _SERIES.match(part):
            if series:
                raise _invalid(symbol, _("it names two series."))
            series = series_match.group(1)
            number = series_match.group(2) or number
        elif _NUMBER.match(part):
            if not is_last and year is None and not session and _YEAR.match(part):
                year = int(part)
            elif not is_last and year is None and not session and not series:
                session = part
            elif is_last:
                number = part
            else:
                raise _invalid(symbol, _("the part “%(part)s” is out of place.") % {"part": part})
        elif _SERIES_LIKE.match(part):
            reason = _("“%(part)s” is not a series the parser knows (%(series)s).")
            raise _invalid(symbol, reason % {"part": part, "series": ", ".join(SERIES)})
        else:
            raise _invalid(symbol, _("the part “%(part)s” is out of place.") % {"part": part})
    if not number and not series:
        raise _invalid(symbol, _("it has no document number, as in CAC/COSP/WG.4/2020/4."))
    return ParsedSymbol(
        body_prefix="/".join(body),
        year=year,
        session=session,
        series=series,
        number=number,
        suffixes=tuple(suffixes),
        reissue=reissue,
    )


def validate_symbol(value):
    parse_symbol(value)


def validate_body_prefix(value):
    """A body prefix is the leading part of a symbol: 'CAC/COSP/WG.4', 'A/C.3', 'E'."""
    parts = (value or "").split("/")
    if (
        not value
        or not _BODY_HEAD.match(parts[0])
        or any(not _PART.match(part) for part in parts)
        or any(_NUMBER.match(part) for part in parts)
    ):
        raise ValidationError(
            _("“%(prefix)s” is not a symbol prefix; write it as in CAC/COSP/WG.4 or A/C.3."),
            code="invalid_prefix",
            params={"prefix": value},
        )


# Symbols as printed -------------------------------------------------------------------

# What any printed symbol is made of; beyond this it is not a symbol at all.
_PRINTED = re.compile(r"^[A-Za-z][A-Za-z0-9./()\-]*\**$")


@dataclass(frozen=True)
class SymbolReading:
    """A symbol as printed, what could be read from it, and what is irregular in it."""

    printed: str
    key: str  # normalised: capitals, suffix dots, no reissue stars; for search and duplicates
    parsed: ParsedSymbol  # best effort when irregular: at least the body prefix
    irregularity: str = ""  # why it breaks the rules, naming the part; "" when regular


def symbol_key(symbol):
    """The form under which two printings of one symbol compare equal.

    ``a/ac.105/C.1/l.400`` and ``A/AC.105/C.1/L.400*`` are one document, and so are a
    suffix printed without its dot and with it (``Add1``, ``Add.1``).
    """
    parts = symbol.strip().rstrip("*").upper().split("/")
    for index, part in enumerate(parts):
        if index and (match := _SUFFIX_WITHOUT_DOT.match(part)):
            parts[index] = f"{match[1].upper()}.{match[2]}"
    return "/".join(parts)


def read_symbol(symbol):
    """Read a symbol as printed; ValidationError only for what cannot be a symbol at all.

    A symbol that breaks the rules is accepted with ``irregularity`` saying which part
    is irregular and why; its parts are read as far as they go (the leading capitals
    as the body prefix).
    """
    text = (symbol or "").strip()
    if not text:
        raise _invalid(symbol, _("it is empty."))
    if any(ch.isspace() for ch in text):
        raise _invalid(symbol, _("symbols contain no spaces."))
    if not _PRINTED.match(text):
        raise _invalid(symbol, _("it has characters a symbol cannot have."))
    # A slip of the keyboard, not an older way of writing symbols.
    if "" in text.rstrip("*").split("/"):
        raise _invalid(symbol, _("it has an empty part between slashes."))
    if not any(ch.isdigit() for ch in text):
        raise _invalid(symbol, _("it has no document number, as in CAC/COSP/WG.4/2020/4."))
    try:
        parsed = parse_symbol(text)
        irregularity = ""
    except ValidationError as error:
        irregularity = error.params["reason"]
        stripped = text.rstrip("*")
        parts = stripped.split("/")
        head = []
        for part in parts:
            if not _BODY_HEAD.match(part.split(".")[0]):
                break
            head.append(part)
        if len(head) == len(parts):
            # Only the prefix of a body (CAC/COSP/WG.4): no document at all.
            raise error from None
        parsed = ParsedSymbol(body_prefix="/".join(head), reissue=len(text) - len(stripped))
    return SymbolReading(
        printed=text, key=symbol_key(text), parsed=parsed, irregularity=str(irregularity)
    )


def validate_printed_symbol(value):
    read_symbol(value)
