"""Sitemaps: an index, and every live agenda document in each language in paged files.

``/sitemap.xml`` is a sitemap index naming ``/sitemap-home.xml`` and one
``/sitemap-agendas-<n>.xml`` per ``AGENDAS_PER_FILE`` live agendas, far under the
protocol's limits (50,000 addresses and 50 MB a file) although each agenda is listed in
six languages with seven alternates. Each file is one query on the live versions'
frozen columns in the order of an index; addresses are written from a pattern reversed
once per language, not reversed per entry. The files are public pages
(``pagecache.published_page``): stored until the next publish.

Only published versions are listed, like every public page, at the addresses frozen
with them.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from publishing import queries

from .pagecache import published_page

# Agendas per sitemap file: 6 addresses each, with 7 alternates (about 1 kB) apiece.
AGENDAS_PER_FILE = 500
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
# Parts of an address that reverse() accepts, replaced by the rows' values.
MARKS = {"body": "body-mark", "session": "9999", "document": "document-mark"}


def _xml(parts):
    return HttpResponse("".join(parts).encode(), content_type="application/xml; charset=utf-8")


def _root(request):
    return escape(f"{request.scheme}://{request.get_host()}")


def _patterns(name, **kwargs):
    """``{language: address}`` of one URL name, reversed once in each language."""
    patterns = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            patterns[code] = reverse(name, kwargs=kwargs)
    return patterns


def _url(root, locations, lastmod, changefreq, priority):
    """One <url> per language, each naming every language and x-default as alternates."""
    default = locations[settings.LANGUAGE_CODE].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{root}{location}"/>'
        for code, location in locations.items()
    )
    links += f'<xhtml:link rel="alternate" hreflang="x-default" href="{root}{default}"/>'
    extra = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    extra += f"<changefreq>{changefreq}</changefreq><priority>{priority}</priority>"
    return [
        f"<url><loc>{root}{location}</loc>{extra}{links}</url>\n" for location in locations.values()
    ]


@published_page
def sitemap_index(request):
    root = _root(request)
    files = [reverse("sitemap-home")]
    pages = -(-queries.live_version_count() // AGENDAS_PER_FILE)
    files += [reverse("sitemap-agendas", kwargs={"page": page}) for page in range(1, pages + 1)]
    return _xml(
        [
            XML,
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
            *(f"<sitemap><loc>{root}{path}</loc></sitemap>\n" for path in files),
            "</sitemapindex>\n",
        ]
    )


@published_page
def home_sitemap(request):
    locations = _patterns("public:home")
    return _xml([XML, URLSET, *_url(_root(request), locations, None, "daily", 0.6), "</urlset>\n"])


@published_page
def agenda_sitemap(request, page):
    start = (page - 1) * AGENDAS_PER_FILE
    rows = queries.live_addresses(start, start + AGENDAS_PER_FILE) if page >= 1 else []
    if not rows:
        raise Http404
    root = _root(request)
    patterns = {
        code: pattern.replace("/body-mark/", "/{body}/")
        .replace("/9999/", "/{session}/")
        .replace("/document-mark/", "/{document}/")
        for code, pattern in _patterns("public:agenda", **MARKS).items()
    }
    parts = [XML, URLSET]
    for body, session, document, published_at in rows:
        locations = {
            code: pattern.format(body=body, session=session, document=document)
            for code, pattern in patterns.items()
        }
        parts += _url(root, locations, published_at.date().isoformat(), "daily", 0.8)
    parts.append("</urlset>\n")
    return _xml(parts)
