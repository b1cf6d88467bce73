"""Count and compare agendas in the exchange format, in one language.

A draft read from a document is compared with an agenda file (the demo's, say) by
exporting it: both sides are then the same kind of data, so the comparison says, item
by item, what differs in the structure and in the language the document is written
in: kinds and nesting, titles, headings, annotation paragraphs, documentation symbols,
citations, footnotes and the rows of the organization of work.
"""

import re

from interchange.exporting import export_agenda

_PARAGRAPH = re.compile(r"<p[ >]")


def _walk(items, depth=0):
    for item in items:
        yield item, depth
        yield from _walk(item["children"], depth + 1)


def counts_of_agenda(data, code):
    """What an exchange file holds, counted as the importer's report counts."""
    agenda = data["agenda"]
    items = list(_walk(agenda["items"]))
    footnotes = len(agenda["footnotes"])
    for item, _depth in items:
        placements = {c["placement"] for c in item["citations"]} - {"inline"}
        footnotes += len(placements)
    footnotes += sum(1 for e in agenda["editions"] if e["language"] == code and e["reissued_on"])
    meetings = data["timetable"]["joint_meetings"]
    return {
        "items": sum(1 for item, depth in items if item["kind"] == "item" and depth == 0),
        "sub_items": sum(1 for item, depth in items if item["kind"] == "item" and depth > 0),
        "parts": sum(1 for item, _depth in items if item["kind"] == "part"),
        "paragraphs": sum(
            len(_PARAGRAPH.findall(item["annotation"].get(code, ""))) for item, _d in items
        ),
        "documents": sum(len(item["documentation"]) for item, _depth in items),
        "footnotes": footnotes + len(meetings),
        "slots": len(data["timetable"]["slots"]),
        "joint_meetings": len(meetings),
    }


def _symbols(data):
    return {d["uid"]: d["symbol"] or d["title"].get("en", "") for d in data["documents"]}


def _resolutions(data, code):
    return {
        r["uid"]: (r["kind"], f"{r['session_number']}/{r['number']}", r["title"].get(code, ""))
        for r in data["resolutions"]
    }


def outline(data, code):
    """The agenda in one language, as comparable rows: one per item, footnote and slot."""
    symbols, resolutions = _symbols(data), _resolutions(data, code)
    paths, rows = {}, []

    def visit(items, prefix):
        for index, item in enumerate(items, start=1):
            path = (*prefix, index)
            paths[item["uid"]] = path
            rows.append(
                (
                    "item",
                    path,
                    item["kind"],
                    item["title"].get(code, ""),
                    item["heading"].get(code, ""),
                    item["annotation"].get(code, ""),
                    tuple(symbols[link["document"]] for link in item["documentation"]),
                    tuple(
                        (c["placement"], *resolutions[c["resolution"]]) for c in item["citations"]
                    ),
                )
            )
            visit(item["children"], path)

    agenda = data["agenda"]
    rows.append(
        (
            "agenda",
            agenda["symbol"],
            agenda["kind"],
            agenda["title"].get(code, ""),
            agenda["distribution"],
            agenda["issued_on"],
            agenda["original_language"],
            agenda["announces_venue"],
            agenda["section_numbering"],
            agenda["timetable_layout"],
            agenda["time_notation"],
            tuple(
                (s["kind"], s["heading"].get(code, ""), s["is_annex"]) for s in agenda["sections"]
            ),
        )
    )
    visit(agenda["items"], ())
    for note in agenda["footnotes"]:
        rows.append(
            ("footnote", paths.get(note["item"]), note["placement"], note["text"].get(code, ""))
        )
    for edition in agenda["editions"]:
        if edition["language"] == code:
            rows.append(("edition", edition["job_number"], edition["reissued_on"]))
    meetings = {}
    for index, meeting in enumerate(data["timetable"]["joint_meetings"], start=1):
        meetings[meeting["uid"]] = index
        rows.append(
            (
                "joint meeting",
                index,
                meeting["note"].get(code, ""),
                tuple(
                    (
                        tuple(paths.get(uid) for uid in p["items"]),
                        p["item_numbers"],
                    )
                    for p in meeting["participants"]
                ),
            )
        )
    for slot in data["timetable"]["slots"]:
        rows.append(
            (
                "slot",
                slot["date"],
                slot["start"],
                slot["end"],
                tuple(paths.get(uid) for uid in slot["items"]),
                meetings.get(slot["joint_meeting"]),
                slot["note"].get(code, ""),
            )
        )
    return rows


def differences(actual, expected, code):
    """Rows of ``outline`` that differ, as readable lines (empty when the same)."""
    mine, theirs = outline(actual, code), outline(expected, code)
    out = []
    for index in range(max(len(mine), len(theirs))):
        left = mine[index] if index < len(mine) else None
        right = theirs[index] if index < len(theirs) else None
        if left != right:
            out.append(f"draft:    {left}\nexpected: {right}")
    return out


def compare_with_file(agenda, data, code):
    """``(draft counts, file counts, differences)`` of a draft and an agenda file."""
    exported = export_agenda(agenda)
    return (
        counts_of_agenda(exported, code),
        counts_of_agenda(data, code),
        differences(exported, data, code),
    )
