"""Template helpers of the site around the documents: dates of the site's own lines.

Documents are shown as frozen when published; what is drawn here is only the site's
own text (the programme's day headings, the dates in the versions box), in the page
language.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

import languages

register = template.Library()


def _page():
    language = get_language()
    return languages.get(language if language in languages.codes() else "en")


@register.filter
def long_date(value):
    """ "31 August 2020", "2020 年 8 月 31 日"."""
    return _page().format_date(value) if value else ""


@register.filter
def day_heading(value):
    """ "Monday, 31 August 2020", "2020 年 8 月 31 日星期一"."""
    return _page().format_day_heading(value) if value else ""


@register.filter
def direction(code):
    """ "rtl" for a right-to-left language, "ltr" for the others."""
    return languages.get(code).direction


@register.simple_tag
def not_yet_translated():
    """The marker of text shown in another language than the page's, in the page's:
    "(not yet available in English)", "（尚无中文本）"."""
    return _page().not_yet_translated


_ISOLATED = re.compile("\u2068(.*?)\u2069")


@register.filter
def isolated_numbers(label):
    """A search label with its item number set apart as <bdi> (the label marks it with
    the isolate characters U+2068 ... U+2069), so that "2(أ)" and "1." keep their order
    on a right-to-left page."""
    return mark_safe(_ISOLATED.sub(r"<bdi>\1</bdi>", escape(label)))  # noqa: S308 - escaped
