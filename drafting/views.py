"""The drafting pages: a whole agenda edited on one page, and its session's timetable.

The outline (sections' entries, numbered as they will print) stands beside the editor
of the entry chosen in it: its texts in the languages the person works in, its
documentation, citations and footnotes. Every change goes through the services with
their validation and messages; the page works with plain forms, and a small script
(``drafting/outline.js``) makes the same requests without leaving the page and adds
drag and drop and keyboard moves.

Views parse input and call services; they hold no rules.
"""

from functools import wraps

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

import languages
from agendas import permissions, services
from agendas.models import Agenda, AgendaItem, DocumentationLink, Footnote, Room, Session
from agendas.numbering import flatten, number_items
from resolutions import services as resolution_services
from resolutions.models import Citation
from scheduling import services as scheduling_services
from scheduling.models import SlotItem, TimeSlot

from . import forms

SESSION_LANGUAGES = "drafting_languages"
# Asked by outline.js: answer with the workspace's HTML instead of a redirect.
FRAGMENT_HEADER = "HTTP_X_DRAFTING_FRAGMENT"


def working_languages(request, agenda):
    """The languages the person edits in: chosen on the page and kept in the session,
    else the agenda's original language and the interface's; a translator's are
    among their own languages (all of them by default)."""
    permitted = permissions.languages_of(request.user)
    chosen = request.GET.getlist("languages") or request.session.get(SESSION_LANGUAGES)
    codes = [code for code in (chosen or []) if code in permitted]
    if request.GET.getlist("languages") and codes:
        request.session[SESSION_LANGUAGES] = codes
    if not codes and permissions.is_translator(request.user):
        codes = permitted
    if not codes:
        codes = [agenda.original_language]
        if get_language() in languages.codes() and get_language() not in codes:
            codes.append(get_language())
    return codes


def staff_view(permission):
    """An admin view (logged-in staff only) that needs ``agendas.<permission>_agenda``."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(f"agendas.{permission}_agenda"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return admin.site.admin_view(checked)

    return decorate


def outline_nodes(agenda):
    """The agenda's entries in reading order, numbered, with the depth they print at."""
    items = list(AgendaItem.objects.filter(agenda=agenda))
    return list(flatten(number_items(items)))


def _selected(agenda, item_id):
    if not item_id:
        return None
    try:
        return (
            AgendaItem.objects.filter(agenda=agenda, pk=int(item_id))
            .prefetch_related(
                Prefetch(
                    "documentation",
                    queryset=DocumentationLink.objects.select_related("document", "purpose"),
                ),
                Prefetch("citations", queryset=Citation.objects.select_related("resolution")),
                "footnotes",
            )
            .first()
        )
    except ValueError:
        return None


def _item_initial(item, codes):
    """The entry's values for its form (a translator's disabled fields keep them)."""
    initial = {
        "kind": item.kind,
        "in_list": item.in_list,
        "in_annotations": item.in_annotations,
        "lettered": item.lettered,
    }
    for field in ("title", "heading", "annotation"):
        for code in codes:
            name = build_localized_fieldname(field, code)
            initial[name] = getattr(item, name) or ""
    return initial


def name_in(item, codes):
    """An entry's title in the first working language that has one, else any title."""
    for code in codes:
        title = getattr(item, build_localized_fieldname("title", code))
        if title:
            return title
    return str(item)


def workspace_context(request, agenda, item=None, *, item_form=None):
    codes = working_languages(request, agenda)
    nodes = outline_nodes(agenda)
    for node in nodes:
        node.name = name_in(node.item, codes)
    add_form = forms.AddItemForm()
    add_form.fields["under"].queryset = AgendaItem.objects.filter(agenda=agenda)
    add_form.fields["under"].choices = [("", _("— the top level —"))] + [
        (node.item.pk, f"{node.reference} {node.name}".strip()) for node in nodes
    ]
    editions = {edition.language: edition for edition in agenda.editions.all()}
    editions_form = forms.EditionsForm(
        codes=codes,
        initial={
            f"{name}_{code}": getattr(editions[code], name)
            for code in codes
            if code in editions
            for name in services.EDITION_FIELDS
        },
    )
    structure = permissions.may_edit_structure(request.user)
    context = {
        **admin.site.each_context(request),
        "agenda": agenda,
        "nodes": nodes,
        "editions_form": editions_form,
        "codes": codes,
        "all_languages": [
            (code, languages.get(code).name) for code in permissions.languages_of(request.user)
        ],
        "item": item,
        "add_form": add_form,
        "can_edit_structure": structure,
        "can_publish": permissions.may_publish(request.user),
        "title": _("Draft %(agenda)s") % {"agenda": agenda},
        "opts": Agenda._meta,
    }
    if item is not None:
        number = next((n.reference for n in nodes if n.item.pk == item.pk), "")
        item_form = item_form or forms.ItemForm(
            initial=_item_initial(item, codes), codes=codes, structure=structure
        )
        item_form.show_sources(item, agenda.original_language)
        context.update(
            number=number,
            name=name_in(item, codes),
            item_form=item_form,
            documents_form=forms.PasteDocumentsForm(),
            citations_form=forms.PasteCitationsForm(
                initial={"body": agenda.session.body.root().pk}
            ),
            footnote_form=forms.FootnoteForm(codes=codes, initial={"placement": "annotation"}),
            purposes=forms.PurposeForm().fields["purpose"].queryset,
        )
    return context


def _respond(request, agenda, item=None, *, item_form=None):
    """The workspace's HTML for the page's script, or a redirect back to the page."""
    if request.META.get(FRAGMENT_HEADER):
        context = workspace_context(request, agenda, item, item_form=item_form)
        return TemplateResponse(request, "drafting/_workspace.html", context)
    return redirect(_page_url(agenda, item))


def _page_url(agenda, item=None):
    url = reverse("drafting:agenda", args=[agenda.pk])
    return f"{url}?{urlencode({'item': item.pk})}" if item is not None else url


def _refuse(request, error):
    messages.error(request, " ".join(error.messages))


@staff_view("view")
def agenda_page(request, pk):
    agenda = get_object_or_404(Agenda.objects.select_related("session__body"), pk=pk)
    item = _selected(agenda, request.GET.get("item"))
    fragment = request.META.get(FRAGMENT_HEADER)
    template = "drafting/_workspace.html" if fragment else "drafting/agenda.html"
    return TemplateResponse(request, template, workspace_context(request, agenda, item))


@staff_view("change")
def outline_action(request, pk):
    """Add, move, indent, outdent or remove an entry of the outline."""
    agenda = get_object_or_404(Agenda.objects.select_related("session__body"), pk=pk)
    if request.method != "POST":
        return redirect(_page_url(agenda))
    action = request.POST.get("action")
    item = _selected(agenda, request.POST.get("item"))
    try:
        if action == "add":
            item = _add(request, agenda)
        elif item is None:
            raise Http404
        elif action in ("up", "down"):
            services.move_item(item, direction=action, by=request.user)
        elif action == "indent":
            services.indent_item(item, by=request.user)
        elif action == "outdent":
            services.outdent_item(item, by=request.user)
        elif action == "place":
            parent = _selected(agenda, request.POST.get("parent"))
            if request.POST.get("parent") and parent is None:
                raise ValidationError(
                    _("The entry it was dropped under is no longer in this agenda.")
                )
            index = request.POST.get("index", "0")
            if not index.isdigit():
                raise ValidationError(_("The place the entry was dropped at was not understood."))
            index = int(index)
            services.place_item(item, parent=parent, index=index, by=request.user)
        elif action == "remove":
            services.remove_agenda_item(item, by=request.user)
            messages.success(request, _("The entry was removed, with what was under it."))
            item = None
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        _refuse(request, error)
    return _respond(request, agenda, item)


def _add(request, agenda):
    form = forms.AddItemForm(request.POST)
    form.fields["under"].queryset = AgendaItem.objects.filter(agenda=agenda)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    kind = form.cleaned_data["kind"]
    codes = working_languages(request, agenda)
    fields = {build_localized_fieldname("title", codes[0]): form.cleaned_data["title"]}
    if kind in (AgendaItem.Kind.PART,):
        fields["in_list"] = False
    with translation.override(codes[0]):  # a title in the working language is complete
        return services.add_agenda_item(
            agenda, parent=form.cleaned_data["under"], kind=kind, by=request.user, **fields
        )


@staff_view("change")
def item_save(request, pk):
    """Save what the person changed of an entry: its kind, places and texts in the
    working languages. Fields they did not change are not written (someone else may
    have saved them meanwhile); a field both changed is refused, showing theirs."""
    item = get_object_or_404(AgendaItem.objects.select_related("agenda__session__body"), pk=pk)
    agenda = item.agenda
    if request.method != "POST":
        return redirect(_page_url(agenda, item))
    codes = working_languages(request, agenda)
    initial = _item_initial(item, codes)
    form = forms.ItemForm(
        request.POST,
        codes=codes,
        initial=initial,
        structure=permissions.may_edit_structure(request.user),
    )
    if form.is_valid() and not form.refuse_changed_since(initial, lambda name, value: value):
        for name in form.touched():
            setattr(item, name, form.cleaned_data[name])
        try:
            with translation.override(codes[0]):
                services.save_agenda_item(item, by=request.user)
        except ValidationError as error:
            for field, field_errors in getattr(
                error, "message_dict", {None: error.messages}
            ).items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _("Saved."))
            return _respond(request, agenda, item)
    if not request.META.get(FRAGMENT_HEADER):
        # Keep what was typed: show the page again with the form as submitted.
        context = workspace_context(request, agenda, _selected(agenda, item.pk), item_form=form)
        return TemplateResponse(request, "drafting/agenda.html", context, status=200)
    return _respond(request, agenda, _selected(agenda, item.pk), item_form=form)


@staff_view("change")
def editions(request, pk):
    """Save the job numbers and footer dates of the working languages' versions."""
    agenda = get_object_or_404(Agenda.objects.select_related("session__body"), pk=pk)
    codes = working_languages(request, agenda)
    form = forms.EditionsForm(request.POST or None, codes=codes)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_agenda_editions(agenda, form.values(), by=request.user)
            except ValidationError as error:
                _refuse(request, error)
            else:
                messages.success(request, _("The language versions were saved."))
        else:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(
                    request, f"{label}: {' '.join(errors)}" if label else " ".join(errors)
                )
    item = _selected(agenda, request.POST.get("item"))
    return _respond(request, agenda, item)


@staff_view("change")
def paste_documents(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("agenda"), pk=pk)
    form = forms.PasteDocumentsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = working_languages(request, item.agenda)
        try:
            report = services.paste_documentation(
                item, form.cleaned_data["lines"], language=codes[0], by=request.user
            )
        except ValidationError as error:
            _refuse(request, error)
        else:
            _report_paste(request, report)
    return _respond(request, item.agenda, item)


def _report_paste(request, report):
    counts = {
        "linked": report.count("linked"),
        "created": report.count("created"),
        "issued": report.count("to be issued"),
        "repeated": report.count("already listed"),
    }
    messages.success(
        request,
        _(
            "Listed %(linked)d existing documents and %(created)d new ones, and "
            "%(issued)d to be issued; %(repeated)d were listed already."
        )
        % counts,
    )
    for line, _outcome, document, note in report.entries:
        if note:
            messages.warning(
                request,
                _("Line %(number)d: %(symbol)s is kept as printed, but it is irregular: %(why)s")
                % {"number": line.number, "symbol": document.symbol, "why": note},
            )


@staff_view("change")
def paste_citations(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("agenda"), pk=pk)
    form = forms.PasteCitationsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = working_languages(request, item.agenda)
        try:
            cited, unread = resolution_services.paste_citations(
                item,
                form.cleaned_data["lines"],
                body=form.cleaned_data["body"],
                placement=form.cleaned_data["placement"],
                language=codes[0],
                by=request.user,
            )
        except ValidationError as error:
            _refuse(request, error)
        else:
            messages.success(
                request, _("Cited %(count)d resolutions and decisions.") % {"count": len(cited)}
            )
            for number, line in unread:
                messages.warning(
                    request,
                    _("Line %(number)d names no resolution or decision: “%(line)s”.")
                    % {"number": number, "line": line},
                )
    return _respond(request, item.agenda, item)


@staff_view("change")
def add_footnote(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("agenda"), pk=pk)
    codes = working_languages(request, item.agenda)
    form = forms.FootnoteForm(request.POST or None, codes=codes)
    if request.method == "POST" and form.is_valid():
        footnote = Footnote(agenda=item.agenda, item=item, **form.cleaned_data)
        try:
            with translation.override(codes[0]):
                services.save_footnote(footnote, by=request.user)
        except ValidationError as error:
            _refuse(request, error)
        else:
            messages.success(request, _("The footnote was added."))
    return _respond(request, item.agenda, item)


@staff_view("change")
def remove_row(request, kind, pk):
    """Remove a documentation row, a citation or a footnote of the entry."""
    model = {"documentation": DocumentationLink, "citation": Citation, "footnote": Footnote}[kind]
    row = get_object_or_404(model.objects.select_related("item__agenda"), pk=pk)
    item = row.item
    if request.method == "POST":
        try:
            services.remove_row(row, by=request.user)
        except ValidationError as error:
            _refuse(request, error)
        else:
            messages.success(request, _("Removed."))
    return _respond(request, item.agenda, item)


@staff_view("change")
def set_purpose(request, pk):
    link = get_object_or_404(DocumentationLink.objects.select_related("item__agenda"), pk=pk)
    form = forms.PurposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link.purpose = form.cleaned_data["purpose"]
        try:
            services.save_documentation_link(link, by=request.user)
        except ValidationError as error:
            _refuse(request, error)
    return _respond(request, link.item.agenda, link.item)


# The timetable ------------------------------------------------------------------------


@staff_view("change")
def timetable(request, pk):
    """Every slot of a session on one grid: days, times, rooms, items, who introduces
    them, notes and breaks; a row left empty adds nothing, a ticked row is removed."""
    session = get_object_or_404(Session.objects.select_related("body", "venue"), pk=pk)
    agendas = list(session.agendas.all())
    codes = working_languages(request, agendas[0]) if agendas else [get_language()]
    structure = permissions.may_edit_structure(request.user)
    formset = timetable_formset(session, codes, data=request.POST or None, structure=structure)
    if request.method == "POST" and formset.is_valid():
        try:
            save_timetable(session, formset, by=request.user)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(
                error.messages, error_class="nonform", renderer=formset.renderer
            )
        else:
            messages.success(request, _("The timetable was saved."))
            return redirect(reverse("drafting:timetable", args=[session.pk]))
    context = {
        **admin.site.each_context(request),
        "session": session,
        "agendas": agendas,
        "formset": formset,
        "codes": codes,
        "can_edit_structure": structure,
        "title": _("Timetable of %(session)s") % {"session": session},
        "opts": Session._meta,
    }
    return TemplateResponse(request, "drafting/timetable.html", context)


def timetable_formset(session, codes, data=None, structure=True):
    slots = list(
        session.time_slots.order_by("date", "start_time", "pk").prefetch_related(
            Prefetch("slot_items", queryset=SlotItem.objects.select_related("item"))
        )
    )
    names = {}
    for agenda in session.agendas.all():
        for node in outline_nodes(agenda):
            names[node.item.pk] = node.reference or str(node.item)
    initial = []
    for slot in slots:
        row = {
            "slot": slot.pk,
            "date": slot.date,
            "start_time": slot.start_time,
            "end_time": slot.end_time,
            "kind": slot.kind,
            "room": slot.room_id,
            "items": ", ".join(names.get(si.item_id, "") for si in slot.slot_items.all()),
        }
        for field in ("introduced_by", "note"):
            for code in codes:
                name = build_localized_fieldname(field, code)
                row[name] = getattr(slot, name) or ""
        initial.append(row)
    rooms = Room.objects.filter(venue=session.venue)
    return forms.SlotFormSet(
        data, initial=initial, codes=codes, rooms=rooms, prefix="slots", structure=structure
    )


def save_timetable(session, formset, *, by):
    """The grid's rows as the service wants them: slots with the values typed."""
    existing = {slot.pk: slot for slot in session.time_slots.all()}
    rows = []
    for form in formset.forms:
        if not form.has_changed() and not form.cleaned_data.get("slot"):
            continue
        data = form.cleaned_data
        slot = existing.get(data.get("slot")) or TimeSlot(session=session)
        for name in ("date", "start_time", "end_time", "kind", "room"):
            setattr(slot, name, data[name])
        for name, value in data.items():
            if name.startswith(("introduced_by_", "note_")):
                setattr(slot, name, value)
        rows.append((slot, data.get("items", ""), data.get("DELETE", False)))
    scheduling_services.save_timetable(session, rows, by=by)


# Starting an agenda -------------------------------------------------------------------


@staff_view("add")
def new_agenda(request):
    """A new draft agenda, its session included, on one form; from the body's last
    agenda if asked."""
    form = forms.NewAgendaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agenda = services.draft_agenda(
                body=data["body"],
                number=data["number"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                venue=data["venue"],
                agenda_fields={
                    name: data[name]
                    for name in (
                        "symbol",
                        "kind",
                        "distribution",
                        "issued_on",
                        "original_language",
                    )
                },
                from_previous=data["start_from_previous"],
                by=request.user,
            )
        except ValidationError as error:
            for field, field_errors in getattr(
                error, "message_dict", {None: error.messages}
            ).items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(
                request, _("The draft agenda %(agenda)s was created.") % {"agenda": agenda}
            )
            return redirect(_page_url(agenda))
    context = {
        **admin.site.each_context(request),
        "form": form,
        "title": _("A new agenda"),
        "opts": Agenda._meta,
    }
    return TemplateResponse(request, "drafting/new_agenda.html", context)
