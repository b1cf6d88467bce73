"""How far each language of an agenda is translated: counts and a to-do list.

The texts counted are those a translator of the agenda translates, as the XLIFF file
holds them (``xliff.fields.collect``: the agenda's title, sections, items, footnotes,
the documents, purposes and resolutions it lists, the timetable's notes, the bodies,
venue and rooms it names), each against the agenda's original language
(``agendas.translating``: missing, outdated or up to date). A text whose original is
empty has nothing to translate and is not counted.

The cost is that of ``collect`` and one query for the records, whatever the number of
items and languages.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode

import languages
from agendas import permissions
from agendas.models import TranslationStatus
from agendas.queries import field_statuses

from .xliff.fields import collect

# Where each kind of text is edited when it is not on an own admin page.
_ON_AGENDA_PAGE = {"agenda", "section", "footnote"}


@dataclass
class Todo:
    """A text to translate or to bring up to date, and where to do it."""

    place: str
    status: object  # agendas.translating.FieldStatus
    url: str


@dataclass
class LanguageProgress:
    code: str
    name: str
    missing: int = 0
    outdated: int = 0
    up_to_date: int = 0
    todo: list = field(default_factory=list)

    @property
    def total(self):
        return self.missing + self.outdated + self.up_to_date

    @property
    def complete(self):
        return self.missing == 0 and self.outdated == 0


def _url(agenda, entry, status):
    code = status.language
    if entry.kind == "item":
        query = urlencode({"item": entry.obj.pk, "languages": code})
        anchor = f"item_{status.localized_name}"
        return f"{reverse('drafting:agenda', args=[agenda.pk])}?{query}#{anchor}"
    if entry.kind == "slot":
        query = urlencode({"languages": code})
        return f"{reverse('drafting:timetable', args=[agenda.session_id])}?{query}"
    if entry.kind in _ON_AGENDA_PAGE:
        return reverse("admin:agendas_agenda_change", args=[agenda.pk])
    opts = entry.obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.obj.pk])
    return f"{url}#id_{status.localized_name}"


def ordered_languages(agenda, user):
    """The agenda's target languages, the user's own first (a translator's)."""
    targets = [code for code in languages.codes() if code != agenda.original_language]
    if not permissions.is_translator(user):
        return targets
    own = permissions.languages_of(user)
    return [code for code in targets if code in own] + [code for code in targets if code not in own]


def agenda_progress(agenda, codes=None):
    """``[LanguageProgress]`` of ``agenda`` in ``codes`` (every language but the
    original by default), in that order; each with its to-do list in reading order."""
    source = agenda.original_language
    codes = [code for code in (codes or languages.codes()) if code != source]
    entries = [entry for part in collect(agenda) for entry in part.entries]
    places = {}
    pairs = []
    for entry in entries:
        for translated in entry.fields:
            pairs.append((entry.obj, translated.name))
            places[(entry.obj._meta.label_lower, entry.obj.pk)] = entry
    progress = {code: LanguageProgress(code, permissions.language_name(code)) for code in codes}
    for status in field_statuses(pairs, source, codes):
        found = progress[status.language]
        if status.status == TranslationStatus.UP_TO_DATE:
            found.up_to_date += 1
            continue
        if status.status == TranslationStatus.MISSING:
            found.missing += 1
        else:
            found.outdated += 1
        entry = places[(status.obj._meta.label_lower, status.obj.pk)]
        found.todo.append(Todo(entry.label, status, _url(agenda, entry, status)))
    return [progress[code] for code in codes]


def incomplete_languages(agenda):
    """``{code: LanguageProgress}`` of the languages with texts missing or outdated."""
    return {found.code: found for found in agenda_progress(agenda) if not found.complete}
