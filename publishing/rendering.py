"""Render a snapshot in each language, once, when it is published.

A UN document reads the same forever once issued. Everything the reader sees of it
(masthead lines, dates, ordinals, numbers, "(continued)", headings, footnotes) is
rendered here, at publish time, and stored in the record under ``rendered``; pages,
lists, the daily programme and search show those renderings and never run this code
again for a published version. A code or catalogue change therefore alters only what
is published after it.
"""

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, connections
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

import languages

from .templatetags import document as tags

DOCUMENT_TEMPLATE = "publishing/document.html"


def _summary(content):
    """What lists of sessions and search results show of the version."""
    original = content["agenda"]["original_language"]
    session = content["session"]
    return {
        "body": str(tags.tr(content["body"]["name"], original)),
        "body_text": tags.tr_plain(content["body"]["name"], original),
        "session": tags.session_name(session, content["body"]["term"]),
        "place_and_dates": tags.place_and_dates(session, original),
        "title": tags.document_title_text(content),
    }


def _programme_rows(content):
    """The rows of the daily programme, rendered: one per slot, keyed by the slot's uid."""
    original = content["agenda"]["original_language"]
    language = tags.page()
    footnotes = {note["id"]: note for note in content["organization_of_work"]["footnotes"]}
    session = content["session"]
    # "(local time, Vienna)": the venue's city as this language writes it, or the place
    # CLDR names the zone by in this language, never the zone's identifier.
    city, city_language = tags.pick(session.get("city"), language.code)
    time_zone = language.time_zone_place(
        session["time_zone"], city if city_language == language.code else ""
    )
    rows = {}
    for row in content["organization_of_work"]["rows"]:
        joint = footnotes.get(row["joint"])
        rows[row["uid"]] = {
            "time": tags.time_range(row["start"], row["end"], tags.time_notation(content)),
            "time_zone": time_zone,
            "room": str(tags.tr(row["room"], original)),
            "note": str(tags.tr(row["note"], original)),
            "joint": str(tags.tr(joint["text"], original)) if joint else "",
            "entries": [
                {
                    "item": entry["item"],
                    "reference": language.item_reference(entry["path"]),
                    "title": str(tags.tr(entry["title"], original)),
                    "continued": tags.continued_text() if entry["continued"] else "",
                }
                for entry in row["entries"]
            ],
        }
    return rows


def render_edition(content, language):
    """The record rendered in one language: the page title, the document body (HTML),
    the texts lists show, and the daily programme's rows."""
    with translation.override(language), tags.rendering(language):
        original = content["agenda"]["original_language"]
        document = render_to_string(DOCUMENT_TEMPLATE, {"snapshot": content, "original": original})
        summary = _summary(content)
        symbol = content["agenda"]["symbol"]
        title = " – ".join(part for part in (symbol, summary["body_text"]) if part)
        return {
            "title": strip_tags(title),
            "document": document,
            "summary": summary,
            "programme": _programme_rows(content),
        }


def renderings(content, codes=None):
    """The renderings of ``content`` in ``codes`` (all the product's languages)."""
    return {code: render_edition(content, code) for code in (codes or languages.codes())}


def freeze(content, codes=None):
    """Add the renderings of ``content`` in ``codes`` (all the product's languages)."""
    content["rendered"] = renderings(content, codes)
    return content


def _no_database(execute, sql, params, many, context):
    raise RuntimeError("Rendering a record reads the record only, never the database.")


def _render_apart(content):
    try:
        with connection.execute_wrapper(_no_database):
            return renderings(content)
    finally:
        connections.close_all()  # this thread's own, had anything opened one


@contextmanager
def rendering_alongside(content):
    """Render ``content`` in every language in a second thread while the block runs,
    then add the renderings to it (``freeze``, in parallel).

    Rendering is Python's work and the block's writes are the database's, on another
    core: publishing overlaps them. Rendering reads only ``content``, which the block
    must not change; the database is out of its reach (it would be another connection,
    outside the block's transaction), and a query from it fails."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rendering") as pool:
        rendered = pool.submit(_render_apart, content)
        yield  # an error here is raised once the thread is done (the pool waits for it)
        content["rendered"] = rendered.result()
