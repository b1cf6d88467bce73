"""Template helpers of the site around the documents: dates of the site's own lines.

Documents are shown as frozen when published; what is drawn here is only the site's
own text (the programme's day headings, the dates in the versions box), in the page
language.
"""

from django import template
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
