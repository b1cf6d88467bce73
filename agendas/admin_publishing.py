"""Preview and Publish in the agenda admin, and what is live on the change page.

The preview renders the draft through the public agenda template from a snapshot built
in memory and never saved, so staff see exactly what publishing would put online.
Publishing itself is ``agendas.publishing.publish_agenda``; the admin only asks for
confirmation and reports the result.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .languages import language_codes
from .models import PublishedVersion
from .publishing import build_snapshot, has_unpublished_changes, publish_agenda
from .views import render_agenda, session_url


class PublishingAdminMixin:
    """Adds ``<id>/preview/`` and ``<id>/publish/`` to an agenda ModelAdmin."""

    publish_confirmation_template = "admin/agendas/agenda/publish_confirmation.html"

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

    def _change_url(self, agenda):
        return self._admin_url("change", agenda)

    def preview_view(self, request, object_id):
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, agenda):
            raise PermissionDenied
        language = request.GET.get("language") or translation.get_language()
        if language not in language_codes():
            language = settings.LANGUAGE_CODE
        snapshot = build_snapshot(agenda)
        # The admin is not under a language prefix: the preview switches language with
        # a query parameter instead of the public site's prefixed links.
        links = [
            {"code": code, "name": name, "url": f"?language={code}", "current": code == language}
            for code, name in settings.LANGUAGES
        ]
        with translation.override(language):
            return render_agenda(
                request,
                snapshot,
                extra={"preview": True, "language_links": links, "x_default": None},
            )

    def publish_view(self, request, object_id):
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_change_permission(request, agenda):
            raise PermissionDenied
        if request.method == "POST":
            try:
                version = publish_agenda(agenda, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect(self._change_url(agenda))
            self.message_user(
                request,
                _("Published version %(number)s of %(agenda)s.")
                % {"number": version.number, "agenda": agenda},
                messages.SUCCESS,
            )
            return redirect(self._change_url(agenda))
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET", "POST"])
        live = self.live_version(agenda.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish %(agenda)s") % {"agenda": agenda},
            "opts": self.opts,
            "original": agenda,
            "agenda": agenda,
            "live": live,
            "live_url": self.public_url(live),
            "next_number": (live.number + 1) if live else self._next_number(agenda),
            "unchanged": live is not None and not has_unpublished_changes(agenda),
            "change_url": self._change_url(agenda),
            "preview_url": self._admin_url("preview", agenda),
        }
        return TemplateResponse(request, self.publish_confirmation_template, context)

    @staticmethod
    def _next_number(agenda):
        last = agenda.versions.order_by("-number").values_list("number", flat=True).first()
        return (last or 0) + 1

    @staticmethod
    def live_version(agenda_pk):
        """The version the public sees now, without its content, or None."""
        try:
            return (
                PublishedVersion.objects.filter(agenda_id=agenda_pk, is_current=True)
                .select_related("agenda__session__body")
                .defer("content")
                .first()
            )
        except (ValueError, ValidationError):
            return None

    @staticmethod
    def public_url(version):
        if version is None:
            return ""
        session = version.agenda.session
        try:
            return session_url(session.body.slug, session)
        except NoReverseMatch:
            return ""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        live = self.live_version(unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "live_version": live,
            "live_url": self.public_url(live),
        }
        return super().change_view(request, object_id, form_url, extra_context)
