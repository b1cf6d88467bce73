"""sitemap.xml: every live agenda document in each language, with hreflang alternates.

Only published versions are listed, like every public page, at the addresses frozen
with them.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from publishing import queries


class LanguageSitemap(Sitemap):
    """Each location once per language, each naming the others as alternates."""

    i18n = True
    alternates = True
    x_default = True


class HomeSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["public:home"]

    def location(self, name):
        return reverse(name)


class AgendaSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return list(queries.live_versions())

    def location(self, version):
        return version.get_absolute_url()

    def lastmod(self, version):
        return version.published_at


SITEMAPS = {"home": HomeSitemap, "agendas": AgendaSitemap}
