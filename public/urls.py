from django.urls import path, register_converter

from . import views
from .converters import IsoDateConverter, SessionKeyConverter

register_converter(IsoDateConverter, "isodate")
register_converter(SessionKeyConverter, "session")

app_name = "public"

SESSION = "bodies/<slug:body>/sessions/<session:session>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("years/<int:year>/", views.year, name="year"),
    path("bodies/<slug:body>/", views.body, name="body"),
    path("bodies/<slug:body>/years/<int:year>/", views.body_year, name="body-year"),
    path(SESSION, views.session, name="session"),
    path(SESSION + "<slug:document>/", views.agenda, name="agenda"),
    path(
        SESSION + "<slug:document>/versions/<int:version>/",
        views.agenda_version,
        name="agenda-version",
    ),
    path("programme/", views.programme_today, name="programme-today"),
    path("programme/<isodate:date>/", views.programme, name="programme"),
    path("search/", views.search, name="search"),
]
