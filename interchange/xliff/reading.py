"""Read a translated XLIFF 2.0 file back into the agenda's fields, all or nothing.

The file must be one ``writing`` made (or a CAT tool filled): for an agenda of this
database, from the agenda's original language into another of the product's. Every
unit's id must name a translated field of the agenda (``fields``), and every unit that
carries a translation is checked further, before anything is written:

- its source text must be the one the file was made from (the SHA-256 in its
  ``<mda:metadata>``): a unit whose source changed since is refused, for its
  translation may translate something the agenda no longer says;
- every segment must be translated, and the translation's inline codes must rebuild
  allowed HTML (``inline.to_text``).

Units without a translation are left alone, and so are drafts (``state="initial"``
with a target, as left by machine translation): they are counted in the report.
Faults are reported with the unit's id, all of them at once; then, if there are none,
the translations are written through each model's service (``saver_for``), in one
transaction, on behalf of ``by``. A service's refusal is reported with the unit ids
of the object it refused, and leaves the database as it was.
"""

import contextlib
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

import languages
from agendas import history
from agendas.html import sanitize_html
from agendas.models import Agenda
from agendas.savers import saver_for

from .fields import collect, fields_by_unit_id, source_hash
from .inline import XLIFF_NS, MarkupError, q, to_text
from .writing import FILE_ID_PREFIX, language_name, m

XLIFF_1_NS = "urn:oasis:names:tc:xliff:document:1.2"
_FILE_ID = re.compile(
    re.escape(FILE_ID_PREFIX) + r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)


class XliffFileError(Exception):
    """A file that cannot be imported; ``messages`` say where and why, one each."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


@dataclass
class ImportReport:
    """What an import did: the units written, and those it left alone."""

    agenda: Agenda
    language: str
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    untranslated: list = field(default_factory=list)
    drafts: list = field(default_factory=list)

    def lines(self):
        lines = [
            _(
                "%(updated)d texts translated or changed, %(unchanged)d unchanged, "
                "%(untranslated)d without a translation, %(drafts)d drafts left out."
            )
            % {
                "updated": len(self.updated),
                "unchanged": len(self.unchanged),
                "untranslated": len(self.untranslated),
                "drafts": len(self.drafts),
            }
        ]
        if self.drafts:
            lines.append(
                _("Drafts (state “initial”), not imported: %(units)s")
                % {"units": ", ".join(self.drafts)}
            )
        return lines


def _unit_error(unit_id, message):
    return _("Unit %(unit)s: %(message)s") % {"unit": unit_id, "message": message}


def _language(tag):
    """The product's code for a BCP 47 tag (zh-Hans -> zh-hans), or None."""
    wanted = (tag or "").strip().lower().replace("_", "-")
    return next((code for code in languages.codes() if code.lower() == wanted), None)


def parse(data):
    """The file's root element, or XliffFileError saying where the XML breaks."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno, 0)
        raise XliffFileError(
            [
                _("The file is not well-formed XML: %(reason)s (line %(line)d, column %(column)d).")
                % {"reason": error.msg, "line": line or 0, "column": column or 0}
            ]
        ) from None
    if root.getroottree().docinfo.doctype:
        raise XliffFileError([_("The file declares a document type; XLIFF files have none.")])
    return root


def _header(root):
    """(agenda uid, source language, target language) from the file, or errors."""
    name = etree.QName(root)
    if name.localname == "xliff" and name.namespace == XLIFF_1_NS:
        raise XliffFileError(
            [_("This is an XLIFF 1.2 file; export the agenda again, as XLIFF 2.0.")]
        )
    if name.localname != "xliff" or name.namespace != XLIFF_NS:
        raise XliffFileError([_("This is not an XLIFF 2.0 file.")])
    if not (root.get("version") or "").startswith("2."):
        message = _("This file says it is XLIFF %(version)s, not 2.0.")
        raise XliffFileError([message % {"version": root.get("version")}])
    files = root.findall(q("file"))
    if len(files) != 1:
        message = _("The file holds %(count)d <file> elements; an agenda's file holds one.")
        raise XliffFileError([message % {"count": len(files)}])
    match = _FILE_ID.match(files[0].get("id", ""))
    if match is None:
        raise XliffFileError(
            [
                _("The <file> is “%(id)s”, not an agenda exported from this product.")
                % {"id": files[0].get("id", "")}
            ]
        )
    source, target = root.get("srcLang"), root.get("trgLang")
    errors = []
    if _language(source) is None:
        errors.append(
            _("The source language “%(language)s” is not one of the product's languages.")
            % {"language": source}
        )
    if not target:
        errors.append(_("The file names no target language (trgLang)."))
    elif _language(target) is None:
        errors.append(
            _("The target language “%(language)s” is not one of the product's languages.")
            % {"language": target}
        )
    if errors:
        raise XliffFileError(errors)
    return files[0], match.group(1), _language(source), _language(target)


def _fingerprint(unit):
    path = f"{m('metadata')}/{m('metaGroup')}[@category='source']/{m('meta')}[@type='sha256']"
    meta = unit.find(path)
    return (meta.text or "").strip() if meta is not None else None


def _original_data(unit):
    data = {}
    original = unit.find(q("originalData"))
    if original is not None:
        for item in original.findall(q("data")):
            text = item.text or ""
            for child in item:
                if etree.QName(child).localname == "cp":
                    with contextlib.suppress(ValueError):
                        text += chr(int(child.get("hex", ""), 16))
                text += child.tail or ""
            data[item.get("id")] = text
    return data


class _Units:
    """Checks the units of a file against the agenda; plans what to write."""

    def __init__(self, known, source, target):
        self.known = known
        self.source = source
        self.target = target
        self.errors = []
        self.planned = []  # (Field, value)

    def read(self, file, report):
        seen = set()
        for unit in file.iter(q("unit")):
            unit_id = unit.get("id", "")
            if unit_id in seen:
                self.errors.append(_unit_error(unit_id, _("the file holds this unit twice.")))
                continue
            seen.add(unit_id)
            translated = self.known.get(unit_id)
            if translated is None:
                self.errors.append(
                    _unit_error(
                        unit_id,
                        _(
                            "no text of this agenda has this id (an unknown unit): it was "
                            "removed, or the file was made for another agenda."
                        ),
                    )
                )
                continue
            self.unit(unit, unit_id, translated, report)

    def unit(self, unit, unit_id, translated, report):
        parts = [
            child
            for child in unit
            if isinstance(child.tag, str) and child.tag in (q("segment"), q("ignorable"))
        ]
        segments = [part for part in parts if part.tag == q("segment")]
        targets = [segment.find(q("target")) for segment in segments]
        if not segments:
            self.errors.append(_unit_error(unit_id, _("the unit has no segment.")))
            return
        if all(target is None for target in targets):
            report.untranslated.append(unit_id)
            return
        if any(segment.get("state", "initial") == "initial" for segment in segments):
            report.drafts.append(unit_id)
            return
        # The source must be the one the translation was made from.
        fingerprint = _fingerprint(unit)
        if fingerprint is None:
            self.errors.append(
                _unit_error(
                    unit_id,
                    _(
                        "the fingerprint of its source text (mda:metadata) is missing; "
                        "export the agenda again."
                    ),
                )
            )
            return
        if fingerprint != source_hash(translated.text(self.source)):
            self.errors.append(
                _unit_error(
                    unit_id,
                    _(
                        "its %(language)s source text has changed since the file was made; "
                        "export the agenda again and translate the new text."
                    )
                    % {"language": language_name(self.source)},
                )
            )
            return
        missing = [index for index, target in enumerate(targets, start=1) if target is None]
        if missing:
            self.errors.append(
                _unit_error(
                    unit_id,
                    _("segment %(numbers)s of the unit has no translation; translate all or none.")
                    % {"numbers": ", ".join(map(str, missing))},
                )
            )
            return
        content = []
        for part in parts:
            target = part.find(q("target"))
            content.append(target if target is not None else part.find(q("source")))
        try:
            value = to_text(
                [element for element in content if element is not None],
                _original_data(unit),
                rich=translated.rich,
            )
        except MarkupError as error:
            self.errors.append(_unit_error(unit_id, str(error)))
            return
        if not value.strip():
            report.untranslated.append(unit_id)
            return
        self.planned.append((translated, value))


def _same(translated, current, value):
    if translated.rich:
        return sanitize_html(current) == value
    return current == value


def _write(planned, language, report, by):
    """Set the planned values, object by object, through the services; errors."""
    errors = []
    by_object = {}
    for translated, value in planned:
        by_object.setdefault(id(translated.obj), []).append((translated, value))
    for changes in by_object.values():
        obj = changes[0][0].obj
        changed = []
        for translated, value in changes:
            if _same(translated, translated.text(language), value):
                report.unchanged.append(translated.unit_id)
            else:
                translated.set_text(language, value)
                changed.append(translated.unit_id)
        if not changed:
            continue
        try:
            saver_for(type(obj))(obj, by=by)
        except ValidationError as error:
            for message in error.messages:
                errors.append(_unit_error(", ".join(changed), message))
        except PermissionDenied as error:
            message = str(error) or _("you may not change this text.")
            errors.append(_unit_error(", ".join(changed), message))
        else:
            report.updated.extend(changed)
    return errors


IMPORTED = history.message(
    "imported_translation",
    gettext_lazy("Imported the %(language)s translation of “%(object)s” from an XLIFF file."),
)


def import_xliff(data, *, agenda=None, language=None, by=None):
    """Import a translated XLIFF file (bytes or text); return an ``ImportReport``.

    ``agenda`` and ``language``, when given, are what the file must be for (the admin
    uploads on an agenda's page); otherwise the file says. ``by`` is the user the
    services write for. Raises XliffFileError, having written nothing, when the file
    cannot be imported.
    """
    root = parse(data)
    file, uid, source, target = _header(root)
    found = Agenda.objects.filter(uid=uid).select_related("session").first()
    if agenda is not None and str(agenda.uid) != uid:
        raise XliffFileError(
            [
                _("This file is for the agenda %(file)s, not %(agenda)s.")
                % {"file": found or uid, "agenda": agenda}
            ]
        )
    if found is None:
        raise XliffFileError(
            [_("The file is for an agenda (%(uid)s) that is not in this database.") % {"uid": uid}]
        )
    agenda = found
    errors = []
    if source != agenda.original_language:
        errors.append(
            _(
                "The file translates from %(file)s, but the agenda's original language is "
                "%(original)s; export the agenda again."
            )
            % {"file": language_name(source), "original": language_name(agenda.original_language)}
        )
    if target == source:
        errors.append(
            _("The file translates %(language)s into itself; nothing can be imported from it.")
            % {"language": language_name(source)}
        )
    if language is not None and target != language:
        errors.append(
            _("This file is a translation into %(file)s, not %(language)s.")
            % {"file": language_name(target), "language": language_name(language)}
        )
    if errors:
        raise XliffFileError(errors)
    report = ImportReport(agenda=agenda, language=target)
    with transaction.atomic(), history.recording(by=by) as revision:
        revision.describe(IMPORTED, object=agenda, language=target)
        units = _Units(fields_by_unit_id(collect(agenda)), source, target)
        units.read(file, report)
        if units.errors:
            raise XliffFileError(units.errors)
        errors = _write(units.planned, target, report, by)
        if errors:
            # Leaving the block by an exception rolls back what was written.
            raise XliffFileError(errors)
    return report
