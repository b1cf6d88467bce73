"""The rows written beside each published version for the pages that list many versions.

The daily programme reads ``PublishedSlot`` rows and search reads ``SearchEntry`` rows;
both are derived from the frozen record once, when the version is published, and
carry what those pages show, rendered in every language.
"""

import datetime

import languages
from agendas.html import html_to_text

from .models import PublishedSlot, SearchEntry
from .snapshot import link_anchor

# Around the number of an item in a label: FIRST STRONG ISOLATE ... POP DIRECTIONAL
# ISOLATE, what <bdi> is in markup, so that a right-to-left page keeps "1." and "2(أ)"
# whole; the search page turns them into <bdi>.
ISOLATE, END_ISOLATE = "\u2068", "\u2069"


def item_label(language, path):
    """How a search result names an item: "2." for an item, and for a sub-item its full
    reference, "2(a)", "2 a)", "2(أ)", since a result stands alone: "(a)" names nothing."""
    if len(path) > 1:
        return language.item_reference(path)
    return language.item_number(path)


def published_slots(version):
    """One ``PublishedSlot`` per row of the version's organization of work."""
    content = version.content
    rendered = content["rendered"]
    slots = []
    for row in content["organization_of_work"]["rows"]:
        slots.append(
            PublishedSlot(
                version=version,
                date=datetime.date.fromisoformat(row["date"]),
                start_time=datetime.time.fromisoformat(row["start"]),
                end_time=datetime.time.fromisoformat(row["end"]),
                row={
                    "uid": row["uid"],
                    "rendered": {
                        code: edition["programme"][row["uid"]] for code, edition in rendered.items()
                    },
                },
            )
        )
    return slots


def search_entries(content, version_id):
    """The searchable texts of a version (its record ``content``, its id ``version_id``):
    its session, items and documents per language, as the columns of ``SearchEntry``
    rows (``search.insert_entries`` writes them)."""
    session = content["session"]
    symbol = content["agenda"]["symbol"]
    original = content["agenda"]["original_language"]
    entries = []
    for language in languages.all_languages():
        code = language.code
        names = [
            content["body"]["name"].get(code, ""),
            content["body"]["short_name"].get(code, ""),
            session["city"].get(code, ""),
            session["venue"].get(code, ""),
        ]
        if any(names):
            entries.append(
                {
                    "version_id": version_id,
                    "kind": SearchEntry.Kind.SESSION,
                    "language": code,
                    "anchor": "",
                    "symbol": symbol,
                    "label": content["body"]["name"].get(code) or symbol,
                    "text": " ".join([symbol, *names]).casefold(),
                }
            )
        for item in content["items"]:
            title = item["title"].get(code, "")
            annotation = html_to_text(item["annotation"].get(code, ""))
            if title or annotation:
                number = item_label(language, item["path"])
                if number:
                    number = f"{ISOLATE}{number}{END_ISOLATE}"
                entries.append(
                    {
                        "version_id": version_id,
                        "kind": SearchEntry.Kind.ITEM,
                        "language": code,
                        "anchor": link_anchor(item),
                        "symbol": "",
                        "label": " ".join(part for part in (number, title) if part),
                        "text": f"{title} {annotation}".casefold(),
                    }
                )
            for document in item["documents"]:
                doc_title = document["title"].get(code, "")
                # A symbol is the same in every language: index it once without a title.
                if doc_title or (document["symbol"] and code == original):
                    entries.append(
                        {
                            "version_id": version_id,
                            "kind": SearchEntry.Kind.DOCUMENT,
                            "language": code,
                            "anchor": link_anchor(item),
                            "symbol": document["symbol"],
                            "label": doc_title or document["symbol"],
                            "text": f"{document['symbol']} {doc_title}".casefold(),
                        }
                    )
    return entries
