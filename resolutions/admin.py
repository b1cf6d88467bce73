"""The admin for resolutions and decisions, and citations on each agenda item's page.

The agenda item page of ``agendas`` is extended here with the citations inline (the
agenda app knows nothing of resolutions).
"""

import re

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from agendas.admin import AgendaItemAdmin
from agendas.adminkit import (
    CachedChoicesInlineMixin,
    ServiceAdminMixin,
    TranslationTabsMedia,
    translated,
)
from agendas.models import AgendaItem

from .models import Citation, Resolution

# A number as cited, "8/7", optionally preceded by "resolution" or "decision".
_CITED_NUMBER = re.compile(
    r"(?:\b(?P<kind>resolution|decision)\s+)?\b(?P<session>\d+)\s*/\s*(?P<number>\d+)\b",
    re.IGNORECASE,
)


class ResolutionAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["__str__", "body", "short_title", "adopted_on"]
    list_select_related = ["body"]
    list_filter = ["kind", "body", "session_number"]
    fields = [
        "body",
        ("kind", "session_number", "number", "designation"),
        "title",
        ("adopted_on", "symbol"),
        "url",
    ]

    class Media(TranslationTabsMedia):
        pass

    search_fields = [*translated("title"), "designation", "symbol", "body__symbol_prefix"]

    def get_search_results(self, request, queryset, search_term):
        """Find "8/7" (or "resolution 8/7") by session and number, the rest by title.

        The default search would look for the text "8/7" in titles, where it never is.
        """
        match = _CITED_NUMBER.search(search_term)
        if match is None:
            return super().get_search_results(request, queryset, search_term)
        queryset = queryset.filter(
            session_number=int(match["session"]), number=int(match["number"])
        )
        if match["kind"]:
            queryset = queryset.filter(kind=match["kind"].lower())
        rest = (search_term[: match.start()] + " " + search_term[match.end() :]).strip()
        if rest:
            return super().get_search_results(request, queryset, rest)
        return queryset, False

    @admin.display(description=_("title"))
    def short_title(self, obj):
        title = str(obj.title or "")
        return title if len(title) <= 90 else title[:89] + "…"


class CitationInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = Citation

    fields = ["resolution", "placement", "position"]
    autocomplete_fields = ["resolution"]
    row_select_related = ["item", "resolution"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "resolution":
            formfield.error_messages["invalid_choice"] = _(
                "There is no such resolution or decision; add it under "
                "“Resolutions and decisions” first."
            )
        return formfield


class CitingAgendaItemAdmin(AgendaItemAdmin):
    inlines = [*AgendaItemAdmin.inlines, CitationInline]


admin.site.register(Resolution, ResolutionAdmin)
admin.site.unregister(AgendaItem)
admin.site.register(AgendaItem, CitingAgendaItemAdmin)
