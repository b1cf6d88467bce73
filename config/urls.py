from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Every public page lives under a language prefix (/ar/, /zh-hans/, /en/ ...), so that a
# link names its language; "/" and unprefixed paths redirect by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("agendas.urls")),
    prefix_default_language=True,
)
