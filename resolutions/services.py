"""Writes to resolutions and decisions, and citations of them from agenda items.

As in ``agendas.services``: each function validates before it writes, runs in one
transaction, and raises ``ValidationError`` with a clear message on bad input.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy
from modeltranslation.utils import build_localized_fieldname

from agendas import history, permissions
from agendas.models import Body
from agendas.pasting import refused_line
from agendas.services import next_position, validate_and_save

from .models import Citation, Resolution
from .pasting import read_lines

# "resolution 8/7", "decision 7/1", "Resolution 8/7", or a bare "8/7".
_REFERENCE = re.compile(
    r"^\s*(?:(?P<kind>resolution|decision)\s+)?(?P<session>\d+)\s*/\s*(?P<number>\d+)\s*$",
    re.IGNORECASE,
)


def parse_resolution_reference(text):
    """Read "resolution 8/7" as ``("resolution", 8, 7)``; a bare "8/7" has kind None.

    Returns None when ``text`` is not a reference of that form.
    """
    match = _REFERENCE.match(text or "")
    if match is None:
        return None
    kind = match["kind"].lower() if match["kind"] else None
    return kind, int(match["session"]), int(match["number"])


def _body_for(body):
    if isinstance(body, Body):
        return body
    found = Body.objects.filter(symbol_prefix__iexact=str(body).strip()).first()
    if found is None:
        raise ValidationError(
            _("There is no body with the symbol prefix %(prefix)s.") % {"prefix": body},
            code="unknown_body",
        )
    return found


def find_resolution(body, reference):
    """The resolution or decision of ``body`` that ``reference`` names, or ValidationError.

    ``body`` is a Body or its symbol prefix (``CAC/COSP``); ``reference`` reads as
    "resolution 8/9", "decision 7/1", "8/9" or a designation such as "2231 (2015)".
    """
    body = _body_for(body)
    parsed = parse_resolution_reference(reference)
    if parsed is None:
        candidates = Resolution.objects.filter(body=body, designation__iexact=reference.strip())
    else:
        kind, session_number, number = parsed
        candidates = Resolution.objects.filter(
            body=body, session_number=session_number, number=number
        )
        if kind:
            candidates = candidates.filter(kind=kind)
    found = list(candidates[:2])
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ValidationError(
            _("Both a resolution and a decision %(reference)s of %(body)s exist; say which.")
            % {"reference": reference.strip(), "body": body},
            code="ambiguous_resolution",
        )
    if parsed is not None and parsed[0]:
        label = f"{Resolution.Kind(parsed[0]).label} {parsed[1]}/{parsed[2]}"
    elif parsed is not None:
        label = _("resolution or decision %(number)s") % {"number": f"{parsed[1]}/{parsed[2]}"}
    else:
        label = reference.strip()
    raise ValidationError(
        _("There is no %(reference)s of %(body)s.") % {"reference": label, "body": body},
        code="unknown_resolution",
    )


def save_resolution(resolution, *, by=None):
    """Create or update a resolution or decision; its number is unique for its body."""
    with transaction.atomic():
        return validate_and_save(resolution, by=by)


def cite_resolution(item, resolution, placement=Citation.Placement.TITLE, *, body=None, by=None):
    """Cite a resolution from an agenda item, after the item's other citations there.

    ``resolution`` is a Resolution, or a reference such as "resolution 8/9" read against
    ``body`` (a Body or its symbol prefix); a reference to nothing raises
    ValidationError "There is no resolution 8/9 of <body>." Citing the same resolution
    twice at the same placement is refused.
    """
    with transaction.atomic():
        if not isinstance(resolution, Resolution):
            if body is None:
                raise ValueError("A reference needs the body that adopted it.")
            resolution = find_resolution(body, str(resolution))
        citation = Citation(
            item=item,
            resolution=resolution,
            placement=placement,
            position=next_position(Citation.objects.filter(item=item, placement=placement)),
        )
        return validate_and_save(citation, by=by)


PASTED_CITATIONS = history.message(
    "pasted_citations",
    ngettext_lazy(
        "Cited %(count)d pasted resolution or decision from “%(object)s”.",
        "Cited %(count)d pasted resolutions and decisions from “%(object)s”.",
        "count",
    ),
)


@history.records(
    PASTED_CITATIONS,
    about=lambda result, item, *args, **kwargs: {"object": item, "count": len(result[0])},
)
def paste_citations(item, text, *, body, placement, language, by=None):
    """Cite from ``item``, after its other citations at ``placement``, every resolution
    or decision of a pasted list (``resolutions.pasting``), adopted by ``body``.

    Those that exist are found by number or designation; the others are created as the
    line writes them, with the title in ``language`` when the line gives one. Returns
    ``(cited, unread)``: the citations made (an already cited one is left as it was and
    not repeated) and the lines that name no resolution. All or nothing.
    """
    permissions.require_structure(by)
    read, unread = read_lines(text)
    title_field = build_localized_fieldname("title", language)
    cited = []
    with transaction.atomic():
        for line in read:
            try:
                with translation.override(language):  # a title in that language is complete
                    found = _pasted_or_new_resolution(body, line, title_field, by)
            except ValidationError as error:
                raise refused_line(line, error) from error
            if not Citation.objects.filter(
                item=item, resolution=found, placement=placement
            ).exists():
                cited.append(cite_resolution(item, found, placement, by=by))
    return cited, unread


def _pasted_or_new_resolution(body, line, title_field, by):
    """The resolution a pasted line names, created when it does not exist yet; a title
    the line gives fills a missing one, never replaces one."""
    found = _pasted_resolution(body, line)
    if found is None:
        numbers = line.session_and_number
        fields = (
            {"session_number": numbers[0], "number": numbers[1]}
            if numbers
            else {"designation": line.label}
        )
        if line.title:
            fields[title_field] = line.title
        return save_resolution(Resolution(body=body, kind=line.kind, **fields), by=by)
    if line.title and not getattr(found, title_field):
        setattr(found, title_field, line.title)
        save_resolution(found, by=by)
    return found


def _pasted_resolution(body, line):
    numbers = line.session_and_number
    candidates = Resolution.objects.filter(body=body, kind=line.kind)
    if numbers:
        return candidates.filter(session_number=numbers[0], number=numbers[1]).first()
    return candidates.filter(designation__iexact=line.label).first()


def save_citation(citation, *, by=None):
    """Create or update a citation (resolution, placement, position)."""
    with transaction.atomic():
        return validate_and_save(citation, by=by)


SAVERS = {Resolution: save_resolution, Citation: save_citation}
