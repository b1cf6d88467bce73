"""sitemap.xml: every live agenda in each of the six languages, with hreflang alternates.

Only published versions are listed, like every public page.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import queries
from .views import session_url


class LanguageSitemap(Sitemap):
    """Each location once per language, each naming the others as alternates."""

    i18n = True
    alternates = True
    x_default = True


class HomeSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["agendas:home"]

    def location(self, name):
        return reverse(name)


class SessionAgendaSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return list(queries.current_versions())

    def location(self, version):
        session = version.agenda.session
        return session_url(session.body.slug, session)

    def lastmod(self, version):
        return version.published_at


SITEMAPS = {"home": HomeSitemap, "agendas": SessionAgendaSitemap}
