"""Download an agenda as a file, and create or update one from a file, in the admin.

The agenda admin of ``agendas`` is extended here (the draft knows nothing of files):
each agenda's page offers its file, and the list of agendas an upload form. Both call
``exporting.export_agenda`` and ``importing.import_agenda``, as the commands do. A
second upload drafts an agenda from the secretariat's own document (Word or text)
with ``documents.import_agenda_document``, as ``import_agenda_document`` does, and
shows what was recognised.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas import admin as agendas_admin
from agendas.models import Agenda

from .documents import DocumentImportError, import_agenda_document
from .documents.sources import MAX_SIZE as MAX_DOCUMENT_SIZE
from .exporting import dumps, export_agenda
from .importing import AgendaFileError, import_agenda

# Larger than any real agenda file (the seed's is 60 KB), small enough to read at once.
MAX_FILE_SIZE = 5 * 1024 * 1024


class AgendaFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Agenda file"),
        help_text=gettext_lazy("A .json file exported from this product or written to its format."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // 1024 // 1024}
            )
        return upload


class AgendaDocumentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Agenda document"),
        help_text=gettext_lazy(
            "The annotated provisional agenda as the secretariat wrote it: a Word file "
            "(.docx) or plain text (.txt), in any of the six languages."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT_SIZE:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.")
                % {"size": MAX_DOCUMENT_SIZE // 1024 // 1024}
            )
        return upload


class AgendaAdmin(agendas_admin.AgendaAdmin):
    """The agenda admin, with its file to download and an upload on the list."""

    change_form_template = "admin/interchange/agenda_change_form.html"
    change_list_template = "admin/interchange/agenda_change_list.html"
    import_template = "admin/interchange/import.html"
    document_import_template = "admin/interchange/import_document.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name="{}_{}_import".format(*info)),
            path(
                "import-document/",
                wrap(self.import_document_view),
                name="{}_{}_import_document".format(*info),
            ),
            path("<path:object_id>/file/", wrap(self.file_view), name="{}_{}_file".format(*info)),
            *super().get_urls(),
        ]

    def file_view(self, request, object_id):
        agenda = self.get_object(request, unquote(object_id))
        if agenda is None:
            raise Http404(_("No agenda with this ID exists."))
        if not self.has_view_or_change_permission(request, agenda):
            raise PermissionDenied
        response = HttpResponse(
            dumps(export_agenda(agenda)), content_type="application/json; charset=utf-8"
        )
        name = slugify(agenda.symbol.replace("/", "-")) or str(agenda.uid)
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response

    def import_view(self, request):
        # Importing creates and changes bodies, sessions, documents and agendas.
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        errors = []
        form = AgendaFileForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = import_agenda(form.cleaned_data["file"].read())
            except AgendaFileError as error:
                errors = error.messages
            else:
                self.message_user(
                    request,
                    _("Imported %(agenda)s from %(file)s.")
                    % {"agenda": report.agenda, "file": form.cleaned_data["file"].name},
                    messages.SUCCESS,
                )
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[report.agenda.pk],
                    )
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import an agenda file"),
            "opts": self.opts,
            "form": form,
            "errors": errors,
        }
        return TemplateResponse(request, self.import_template, context)

    def import_document_view(self, request):
        """Draft an agenda from a document; show the report, with a link to the draft."""
        # As for agenda files: the import creates bodies, sessions, documents, agendas.
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        errors, report = [], None
        form = AgendaDocumentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = import_agenda_document(upload.read(), upload.name, by=request.user)
            except DocumentImportError as error:
                errors = error.messages
            else:
                self.message_user(
                    request,
                    _("Drafted %(agenda)s from %(file)s; it is not published.")
                    % {"agenda": report.agenda, "file": upload.name},
                    messages.SUCCESS,
                )
                form = AgendaDocumentForm()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Draft an agenda from a document"),
            "opts": self.opts,
            "form": form,
            "errors": errors,
            "report": report,
            "agenda_url": (
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[report.agenda.pk],
                )
                if report
                else ""
            ),
        }
        return TemplateResponse(request, self.document_import_template, context)


admin.site.unregister(Agenda)
admin.site.register(Agenda, AgendaAdmin)
