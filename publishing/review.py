"""What was reviewed before publishing: a fingerprint of the draft, and the changes
between two states of it.

The publish confirmation carries the fingerprint of the draft the person reviewed;
``publishing.services.publish_agenda`` publishes only if the draft it reads still has
that fingerprint, so an edit saved by someone else between the review and the click is
never published unseen. The reviewed draft itself is kept for a day in the cache, to
say what changed when the fingerprints differ.
"""

import hashlib
import json

from django.core.cache import cache
from django.utils.translation import gettext as _

import languages

# Parts of a record that are not the draft's: added when it is published.
NOT_THE_DRAFT = {"version", "rendered"}
KEPT_FOR = 24 * 60 * 60


def draft_part(content):
    return {key: value for key, value in content.items() if key not in NOT_THE_DRAFT}


def fingerprint(content):
    """A digest of a draft (a snapshot) or of the draft part of a published record."""
    text = json.dumps(draft_part(content), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _cache_key(agenda_id, print_):
    return f"publishing:reviewed:{agenda_id}:{print_}"


def remember(agenda_id, content):
    """Keep the reviewed draft for a day; returns its fingerprint."""
    print_ = fingerprint(content)
    cache.set(_cache_key(agenda_id, print_), draft_part(content), KEPT_FOR)
    return print_


def reviewed(agenda_id, print_):
    """The draft reviewed under ``print_``, or None when it is no longer kept."""
    return cache.get(_cache_key(agenda_id, print_))


def _texts(value):
    return value if isinstance(value, dict) else {}


def _language_names(codes):
    return ", ".join(
        languages.get(code).name for code in sorted(codes) if code in languages.codes()
    )


def _item_name(row):
    title = _texts(row.get("title"))
    name = next((title[code] for code in languages.codes() if title.get(code)), "")
    number = row.get("reference") or ""
    return f"{number} {name}".strip()


def _field_name(key):
    """The name of a part of an item, as the admin calls it."""
    names = {
        "title": _("title"),
        "heading": _("heading"),
        "annotation": _("annotation"),
        "documents": _("documentation"),
        "inline_citations": _("citations"),
        "title_footnotes": _("footnotes"),
        "annotation_footnotes": _("footnotes"),
    }
    return names.get(key, _("place in the agenda"))


def _rows_by_uid(rows):
    return {row.get("uid"): row for row in rows or [] if isinstance(row, dict)}


def changes(before, after, limit=20):
    """What differs between two drafts, in words, at most ``limit`` lines."""
    lines = []
    before_items, after_items = _rows_by_uid(before.get("items")), _rows_by_uid(after.get("items"))
    for uid, row in after_items.items():
        old = before_items.get(uid)
        if old is None:
            lines.append(_("Added: %(item)s.") % {"item": _item_name(row)})
            continue
        for key in sorted(set(row) | set(old)):
            if row.get(key) == old.get(key):
                continue
            if isinstance(row.get(key), dict) and isinstance(old.get(key), dict):
                codes = {
                    code
                    for code in set(row[key]) | set(old[key])
                    if row[key].get(code) != old[key].get(code)
                }
                lines.append(
                    _("%(item)s: %(field)s changed in %(languages)s.")
                    % {
                        "item": _item_name(row),
                        "field": _field_name(key),
                        "languages": _language_names(codes),
                    }
                )
            else:
                lines.append(
                    _("%(item)s: %(field)s changed.")
                    % {"item": _item_name(row), "field": _field_name(key)}
                )
    for uid, row in before_items.items():
        if uid not in after_items:
            lines.append(_("Removed: %(item)s.") % {"item": _item_name(row)})
    for key in sorted(set(before) | set(after)):
        if key != "items" and before.get(key) != after.get(key):
            lines.append(_("Changed: %(part)s.") % {"part": key})
    lines = list(dict.fromkeys(lines))  # a move changes several parts of one item
    if len(lines) > limit:
        lines = [*lines[:limit], _("… and %(count)d more.") % {"count": len(lines) - limit}]
    return lines
