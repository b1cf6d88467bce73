"""Preview and Publish in the agenda admin, what is live, and the published versions.

The agenda admin of ``agendas`` is extended here (its draft knows nothing of
publishing): the preview renders the draft through the document template from a
snapshot built in memory and never saved, so staff see exactly what publishing would
put online. Publishing itself is ``publishing.services.publish_agenda``; the admin only
asks for confirmation and reports the result.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import languages
from agendas import permissions
from agendas.admin_filters import SafeDateFiltersMixin
from agendas.models import Agenda
from interchange.admin import AgendaAdmin
from interchange.translation_status import agenda_progress

from . import queries, review
from .models import PublishedVersion
from .rendering import freeze
from .services import publish_agenda
from .snapshot import build_snapshot


class PublishingAdminMixin:
    """Adds ``<id>/preview/`` and ``<id>/publish/`` to an agenda ModelAdmin."""

    change_form_template = "admin/publishing/agenda_change_form.html"
    change_list_template = "admin/publishing/agenda_change_list.html"
    publish_confirmation_template = "admin/publishing/publish_confirmation.html"
    preview_template = "publishing/preview.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        # Before the default URLs: "<path:object_id>/" would otherwise swallow them.
        return [
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<path:object_id>/publish/",
                wrap(self.publish_view),
                name="{}_{}_publish".format(*info),
            ),
            *super().get_urls(),
        ]

    def _agenda_or_404(self, request, object_id):
        agenda = self.get_object(request, unquote(object_id))
        if agenda is None:
            raise Http404(_("No agenda with this ID exists."))
        return agenda

    def _admin_url(self, action, agenda):
        opts = self.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[agenda.pk])

    def preview_view(self, request, object_id):
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, agenda):
            raise PermissionDenied
        language = request.GET.get("language") or translation.get_language()
        if language not in languages.codes():
            language = settings.LANGUAGE_CODE
        # Only the language shown is rendered: the preview is never stored.
        snapshot = build_snapshot(agenda)
        reviewed = review.remember(agenda.pk, snapshot)
        edition = freeze(snapshot, [language])["rendered"][language]
        # The admin is not under a language prefix: the preview switches language with
        # a query parameter.
        links = [
            {"code": code, "name": languages.get(code).name, "current": code == language}
            for code in languages.codes()
        ]
        with translation.override(language):
            context = {
                "edition": edition,
                "language": languages.get(language),
                "language_links": links,
                "change_url": self._admin_url("change", agenda),
                "publish_url": self._admin_url("publish", agenda) + "?reviewed=" + reviewed,
            }
            return TemplateResponse(request, self.preview_template, context).render()

    def publish_view(self, request, object_id):
        agenda = self._agenda_or_404(request, object_id)
        if not permissions.may_publish(request.user):
            raise PermissionDenied
        if request.method == "POST":
            return self._publish(request, agenda)
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET", "POST"])
        live = queries.live_version(agenda.pk)
        snapshot = build_snapshot(agenda)
        current = review.remember(agenda.pk, snapshot)
        # Come from the preview: say what changed since it was drawn, if anything. The
        # form then carries the draft as this page shows it, changes listed.
        previewed = request.GET.get("reviewed") or current
        before = review.reviewed(agenda.pk, previewed) if previewed != current else None
        context = {
            "reviewed": current,
            "changed_since_review": previewed != current,
            "changes": review.changes(before, snapshot) if before else [],
            **self.admin_site.each_context(request),
            "title": _("Publish %(agenda)s") % {"agenda": agenda},
            "opts": self.opts,
            "original": agenda,
            "agenda": agenda,
            "live": live,
            "next_number": queries.next_version_number(agenda),
            "unchanged": live is not None and not queries.has_unpublished_changes(agenda),
            "change_url": self._admin_url("change", agenda),
            "preview_url": self._admin_url("preview", agenda),
            "translations": agenda_progress(agenda),
            "translations_url": self._admin_url("translations", agenda),
            "original_language": permissions.language_name(agenda.original_language),
        }
        return TemplateResponse(request, self.publish_confirmation_template, context)

    def _publish(self, request, agenda):
        reviewed = request.POST.get("reviewed", "")
        live = queries.live_version(agenda.pk)
        try:
            if not reviewed:
                raise ValidationError(_("Review the draft on the confirmation page first."))
            # The languages staff chose to publish as they are (the original standing in
            # for a missing translation): one box per incomplete language.
            fallback = [
                code for code in request.POST.getlist("fallback") if code in languages.codes()
            ]
            version = publish_agenda(agenda, by=request.user, reviewed=reviewed, fallback=fallback)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect(self._admin_url("publish", agenda))
        if live is not None and version.pk == live.pk:
            message = _("Version %(number)s of %(agenda)s, the draft you reviewed, is live.")
        else:
            message = _("Published version %(number)s of %(agenda)s.")
        self.message_user(
            request, message % {"number": version.number, "agenda": agenda}, messages.SUCCESS
        )
        return redirect(self._admin_url("change", agenda))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            live = queries.live_version(int(unquote(object_id)))
        except ValueError:
            live = None
        extra_context = {
            **(extra_context or {}),
            "live_version": live,
            "can_publish": permissions.may_publish(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)


class PublishingAgendaAdmin(PublishingAdminMixin, AgendaAdmin):
    pass


admin.site.unregister(Agenda)
admin.site.register(Agenda, PublishingAgendaAdmin)


@admin.register(PublishedVersion)
class PublishedVersionAdmin(SafeDateFiltersMixin, admin.ModelAdmin):
    """Published versions, read-only: a document once issued never changes."""

    list_display = ["__str__", "symbol", "number", "published_at", "published_by", "is_current"]
    list_select_related = ["published_by"]
    list_filter = ["is_current"]
    search_fields = ["symbol", "body_slug"]
    date_hierarchy = "published_at"
    fields = [
        "agenda",
        "number",
        "symbol",
        "published_at",
        "published_by",
        "is_current",
        "public_address",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content", "summary")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("public address"))
    def public_address(self, obj):
        return obj.get_absolute_url()
