"""Download an agenda as a file, and create or update one from a file, in the admin.

The agenda admin of ``agendas`` is extended here (the draft knows nothing of files):
each agenda's page offers its file, and the list of agendas an upload form. Both call
``exporting.export_agenda`` and ``importing.import_agenda``, as the commands do. A
second upload drafts an agenda from the secretariat's own document (Word or text)
with ``documents.import_agenda_document``, as ``import_agenda_document`` does, and
shows what was recognised. Each agenda also offers its text for translators as XLIFF
2.0 (``xliff.export_xliff``, a page to choose the language) and takes the translated
file back (``xliff.import_xliff``), as the commands ``export_xliff`` and
``import_xliff`` do.
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

import languages
from agendas import admin as agendas_admin
from agendas import permissions
from agendas.models import Agenda

from . import translation_status, xliff
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


def _upload_too_large(upload):
    if upload.size > MAX_FILE_SIZE:
        raise forms.ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // 1024 // 1024}
        )
    return upload


def _target_languages(agenda):
    return [(code, name) for code, name in languages.choices() if code != agenda.original_language]


class XliffExportForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Translate into"),
        help_text=gettext_lazy(
            "The file holds every text of the agenda in its original language, with the "
            "translation into this language where there is one."
        ),
    )

    def __init__(self, *args, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _target_languages(agenda)


class XliffImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Translation file (XLIFF)"),
        help_text=gettext_lazy(
            "An .xlf file downloaded for translation from this agenda, with its targets filled."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the translation"),
        required=False,
        help_text=gettext_lazy("The file is refused if it translates into another language."),
    )

    def __init__(self, *args, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", gettext_lazy("As the file says")),
            *_target_languages(agenda),
        ]

    def clean_file(self):
        return _upload_too_large(self.cleaned_data["file"])


class AgendaAdmin(agendas_admin.AgendaAdmin):
    """The agenda admin, with its file to download and an upload on the list."""

    change_form_template = "admin/interchange/agenda_change_form.html"
    change_list_template = "admin/interchange/agenda_change_list.html"
    import_template = "admin/interchange/import.html"
    document_import_template = "admin/interchange/import_document.html"
    xliff_export_template = "admin/interchange/xliff_export.html"
    xliff_import_template = "admin/interchange/xliff_import.html"
    translations_template = "admin/interchange/translations.html"

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
            path(
                "<path:object_id>/xliff/", wrap(self.xliff_view), name="{}_{}_xliff".format(*info)
            ),
            path(
                "<path:object_id>/xliff/upload/",
                wrap(self.xliff_import_view),
                name="{}_{}_xliff_import".format(*info),
            ),
            path(
                "<path:object_id>/translations/",
                wrap(self.translations_view),
                name="{}_{}_translations".format(*info),
            ),
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

    def _agenda_or_404(self, request, object_id):
        agenda = self.get_object(request, unquote(object_id))
        if agenda is None:
            raise Http404(_("No agenda with this ID exists."))
        return agenda

    def _xliff_context(self, request, agenda, title, form, **extra):
        info = self.opts.app_label, self.opts.model_name
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "original": agenda,
            "form": form,
            "source_language": xliff.language_name(agenda.original_language),
            "export_url": reverse("admin:{}_{}_xliff".format(*info), args=[agenda.pk]),
            "import_url": reverse("admin:{}_{}_xliff_import".format(*info), args=[agenda.pk]),
            "change_url": reverse("admin:{}_{}_change".format(*info), args=[agenda.pk]),
            **extra,
        }

    def xliff_view(self, request, object_id):
        """Choose a language; with one chosen (?language=fr), the file to download."""
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, agenda):
            raise PermissionDenied
        form = XliffExportForm(request.GET or None, agenda=agenda)
        if form.is_bound and form.is_valid():
            language = form.cleaned_data["language"]
            try:
                data = xliff.export_xliff(agenda, language)
            except ValueError as error:
                form.add_error("language", str(error))
            else:
                response = HttpResponse(data, content_type=f"{xliff.CONTENT_TYPE}; charset=utf-8")
                name = slugify(agenda.symbol.replace("/", "-")) or str(agenda.uid)
                response["Content-Disposition"] = f'attachment; filename="{name}.{language}.xlf"'
                return response
        context = self._xliff_context(
            request,
            agenda,
            _("Download %(agenda)s for translation") % {"agenda": agenda},
            form,
            can_upload=self.has_change_permission(request, agenda),
        )
        return TemplateResponse(request, self.xliff_export_template, context)

    def xliff_import_view(self, request, object_id):
        """Upload a translated file of this agenda; report what it changed."""
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_change_permission(request, agenda):
            raise PermissionDenied
        errors = []
        form = XliffImportForm(request.POST or None, request.FILES or None, agenda=agenda)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = xliff.import_xliff(
                    upload.read(),
                    agenda=agenda,
                    language=form.cleaned_data["language"] or None,
                    by=request.user,
                )
            except xliff.XliffFileError as error:
                errors = error.messages
            else:
                self.message_user(
                    request,
                    _("Imported the %(language)s translation of %(agenda)s from %(file)s.")
                    % {
                        "language": xliff.language_name(report.language),
                        "agenda": agenda,
                        "file": upload.name,
                    }
                    + " "
                    + report.lines()[0],
                    messages.SUCCESS,
                )
                for line in report.lines()[1:]:
                    self.message_user(request, line, messages.WARNING)
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[agenda.pk],
                    )
                )
        context = self._xliff_context(
            request,
            agenda,
            _("Upload a translation of %(agenda)s") % {"agenda": agenda},
            form,
            errors=errors,
        )
        return TemplateResponse(request, self.xliff_import_template, context)

    def translations_view(self, request, object_id):
        """Each language's counts (missing, outdated, up to date) and the to-do list of
        one (``?language=fr``; the person's own first language by default)."""
        agenda = self._agenda_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, agenda):
            raise PermissionDenied
        codes = translation_status.ordered_languages(agenda, request.user)
        progress = translation_status.agenda_progress(agenda, codes)
        wanted = request.GET.get("language")
        chosen = next((found for found in progress if found.code == wanted), None)
        if chosen is None and progress:
            # A translator's own language; staff the first with something to do.
            own = permissions.is_translator(request.user)
            chosen = (
                progress[0]
                if own
                else next((found for found in progress if not found.complete), progress[0])
            )
        info = self.opts.app_label, self.opts.model_name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translations of %(agenda)s") % {"agenda": agenda},
            "opts": self.opts,
            "original": agenda,
            "progress": progress,
            "chosen": chosen,
            "source_code": agenda.original_language,
            "source_language": permissions.language_name(agenda.original_language),
            "source_direction": languages.get(agenda.original_language).direction,
            "change_url": reverse("admin:{}_{}_change".format(*info), args=[agenda.pk]),
            "xliff_url": reverse("admin:{}_{}_xliff".format(*info), args=[agenda.pk]),
        }
        return TemplateResponse(request, self.translations_template, context)

    def import_view(self, request):
        # Importing creates and changes bodies, sessions, documents and agendas.
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        errors = []
        form = AgendaFileForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = import_agenda(form.cleaned_data["file"].read(), by=request.user)
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
# The admin's home page begins with the translations to do (templatetags/translation_status).
admin.site.index_template = "admin/interchange/index.html"
