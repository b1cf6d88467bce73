"""Read a pasted list of resolutions and decisions: one a line, a reference and a title.

    resolution 8/7, entitled “Enhancing the effectiveness of anti-corruption bodies”
    decision 2019/210
    Decision XXXI/7 – Bali Declaration on transboundary movements
    résolution 74/270 intitulée « Solidarité mondiale »
    题为“对腐败的衡量”的第 8/10 号决议

Nothing here touches the database: ``resolutions.services.paste_citations`` finds or
creates each resolution and cites it.
"""

import re
from dataclasses import dataclass

# The words for "resolution" and "decision" in the languages secretariats paste in.
KINDS = {
    "resolution": "resolution",
    "résolution": "resolution",
    "resolución": "resolution",
    "резолюция": "resolution",
    "القرار": "resolution",
    "decision": "decision",
    "décision": "decision",
    "decisión": "decision",
    "решение": "decision",
    "المقرر": "decision",
}
_LATIN = re.compile(
    r"^(?:(?P<kind>" + "|".join(KINDS) + r")s?\s+)?"
    r"(?P<label>[\w.-]+(?:/[\w.-]+)*(?:\s*\([IVXLC\d]+\))?)"
    r"(?:\s*[,:;–—-]?\s*(?:entitled|intitulée?|titulad[oa]|озаглавленн\w+|المعنون)?\s*"
    r"[“\"«]?\s*(?P<title>.*?)\s*[”\"»]?\s*\.?)?$",
    re.IGNORECASE,
)
_CHINESE = re.compile(
    r"^(?:题为“(?P<title>.*)”的)?第\s*(?P<label>\S+)\s*号(?P<kind>决议|决定)[。；]?$"
)
_SESSION_NUMBER = re.compile(r"^(?P<session>\d+)/(?P<number>\d+)$")


@dataclass(frozen=True)
class PastedCitation:
    number: int
    text: str
    kind: str  # "resolution" or "decision"
    label: str  # as the body writes it: "8/7", "XXXI/7", "1472 (XIV)"
    title: str = ""

    @property
    def session_and_number(self):
        """(8, 7) for "8/7"; None for a designation."""
        match = _SESSION_NUMBER.match(self.label)
        return (int(match["session"]), int(match["number"])) if match else None


def read_line(number, text):
    """One line read, or None when it names no resolution or decision."""
    text = text.strip()
    if match := _CHINESE.match(text):
        kind = "resolution" if match["kind"] == "决议" else "decision"
        return PastedCitation(number, text, kind, match["label"], match["title"] or "")
    if (match := _LATIN.match(text)) and any(ch.isdigit() for ch in match["label"]):
        kind = KINDS.get((match["kind"] or "resolution").casefold(), "resolution")
        return PastedCitation(number, text, kind, match["label"], (match["title"] or "").strip())
    return None


def read_lines(text):
    """``(read, unread)``: the lines that name a resolution or decision, and the others."""
    read, unread = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        citation = read_line(number, line)
        if citation is None:
            unread.append((number, line.strip()))
        else:
            read.append(citation)
    return read, unread
