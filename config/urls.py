from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from public import sitemaps

urlpatterns = [
    # The drafting pages live in the admin's space (and use its login).
    path("admin/drafting/", include("drafting.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-home.xml", sitemaps.home_sitemap, name="sitemap-home"),
    path("sitemap-agendas-<int:page>.xml", sitemaps.agenda_sitemap, name="sitemap-agendas"),
]

# A database that does not answer gives a 503 with Retry-After instead of a 500.
handler500 = "config.views.server_error"

# Every public page lives under a language prefix (/ar/, /zh-hans/, /en/ ...), so that a
# link names its language; "/" and unprefixed paths redirect by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("public.urls")),
    prefix_default_language=True,
)
