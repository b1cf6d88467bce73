"""``markup`` escapes as ``format_html`` does: the document's entries rely on it."""

import pytest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from publishing.templatetags.document import markup

ARGUMENTS = [
    "<script>alert(\"x\")</script> & 'quotes'",
    mark_safe("<bdi>2(a)</bdi>"),
    3,
    None,
    gettext_lazy("Footnote %(number)s"),
]


@pytest.mark.parametrize("value", ARGUMENTS)
def test_markup_escapes_what_format_html_escapes(value):
    made = markup('<a href="#{}">{}</a>', value, value)

    assert made == format_html('<a href="#{}">{}</a>', value, value)
    assert isinstance(made, SafeString)


def test_markup_escapes_text_and_keeps_markup():
    assert markup("<p>{} {}</p>", "a < b", mark_safe("<i>c</i>")) == "<p>a &lt; b <i>c</i></p>"
