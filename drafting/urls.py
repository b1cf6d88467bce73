from django.urls import path, re_path

from . import views

app_name = "drafting"

urlpatterns = [
    path("agendas/new/", views.new_agenda, name="new-agenda"),
    path("agendas/<int:pk>/", views.agenda_page, name="agenda"),
    path("agendas/<int:pk>/outline/", views.outline_action, name="outline"),
    path("agendas/<int:pk>/editions/", views.editions, name="editions"),
    path("items/<int:pk>/", views.item_save, name="item"),
    path("items/<int:pk>/documents/", views.paste_documents, name="documents"),
    path("items/<int:pk>/citations/", views.paste_citations, name="citations"),
    path("items/<int:pk>/footnotes/", views.add_footnote, name="footnotes"),
    path("documentation/<int:pk>/purpose/", views.set_purpose, name="purpose"),
    re_path(
        r"^(?P<kind>documentation|citation|footnote)/(?P<pk>[0-9]+)/remove/$",
        views.remove_row,
        name="remove",
    ),
    path("sessions/<int:pk>/timetable/", views.timetable, name="timetable"),
]
