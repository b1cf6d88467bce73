"""Rich text of annotations: a small, safe subset of HTML."""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "ol", "ul", "li", "em", "strong", "i", "b", "sup", "sub", "a", "span"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "ol": {"type", "start"},
    "span": {"lang"},
    "p": {"lang"},
}


# One cleaner for the process: building one per call (as ``nh3.clean`` does) took as
# long as the cleaning itself, and a publish cleans every annotation in six languages.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
)


def sanitize_html(html):
    """Drop every tag, attribute and URL scheme outside the annotation subset."""
    if not html:
        return ""
    return _CLEANER.clean(html).strip()


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def html_to_text(html):
    """Plain text of an annotation, for search and plain-text exports."""
    text = _TAG.sub(" ", html or "")
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
    text = text.replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    return _SPACE.sub(" ", text).strip()
