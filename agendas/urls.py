from django.urls import path, register_converter

from . import views
from .converters import IsoDateConverter, SessionNumberConverter

register_converter(IsoDateConverter, "isodate")
register_converter(SessionNumberConverter, "session")

app_name = "agendas"

urlpatterns = [
    path("", views.home, name="home"),
    path("bodies/<slug:body>/", views.body, name="body"),
    path("bodies/<slug:body>/sessions/<session:number>/", views.session_agenda, name="session"),
    path(
        "bodies/<slug:body>/sessions/<session:number>/versions/<int:version>/",
        views.session_agenda_version,
        name="session-version",
    ),
    path("programme/", views.programme_today, name="programme-today"),
    path("programme/<isodate:date>/", views.programme, name="programme"),
    path("search/", views.search, name="search"),
]
