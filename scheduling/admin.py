"""The admin for joint meetings and time slots.

Time slots are edited per session: the session page of ``agendas`` is extended here
with ``TimeSlotInline`` (the agenda app knows nothing of scheduling). The items taken
up in a slot are edited on the slot's own page, linked from its row.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from agendas.admin import SessionAdmin
from agendas.adminkit import (
    CachedChoicesInlineMixin,
    ServiceAdminMixin,
    TranslationTabsMedia,
    change_link,
    translated,
)
from agendas.models import Room, Session

from .models import JointMeeting, JointParticipant, SlotItem, TimeSlot


def rooms():
    return Room.objects.select_related("venue")


def joint_meetings():
    # JointMeeting.__str__ names the participating bodies.
    return JointMeeting.objects.prefetch_related("participants__session__body")


class JointParticipantInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = JointParticipant
    fields = ["session", "items", "item_numbers", "position"]
    autocomplete_fields = ["session", "items"]
    row_select_related = ["session__body"]
    related_querysets = {"session": lambda: Session.objects.select_related("body")}
    extra = 1


class JointMeetingAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["__str__", "note"]
    fields = ["note"]
    inlines = [JointParticipantInline]

    class Media(TranslationTabsMedia):
        pass

    def get_queryset(self, request):
        return joint_meetings()


class TimeSlotInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # Each slot is checked against the database by its own form; two rows of this
        # page that overlap each other are only visible here.
        slots = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form in self.deleted_forms:
                continue
            if data.get("date") and data.get("start_time") and data.get("end_time"):
                # The form's instance carries the cleaned values.
                slots.append(form.instance)
        for index, one in enumerate(slots):
            for other in slots[index + 1 :]:
                if one.overlaps(other):
                    raise ValidationError(
                        _("Two of these slots overlap in %(room)s on %(date)s.")
                        % {"room": one.room.name, "date": one.date.isoformat()},
                        code="slot_overlap",
                    )


class TimeSlotInline(CachedChoicesInlineMixin, TranslationTabularInline):
    model = TimeSlot
    formset = TimeSlotInlineFormSet
    fields = [
        "date",
        "start_time",
        "end_time",
        "kind",
        "room",
        "joint_meeting",
        "introduced_by",
        "note",
        "items_taken_up",
    ]
    readonly_fields = ["items_taken_up"]
    related_querysets = {"room": rooms, "joint_meeting": joint_meetings}
    extra = 1

    @admin.display(description=_("items taken up"))
    def items_taken_up(self, obj):
        return change_link(obj, _("Edit items taken up"), _("Save the slot first."))


class SlotItemInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = SlotItem
    fields = ["item", "position"]
    autocomplete_fields = ["item"]
    row_select_related = ["slot", "item"]
    extra = 1


class TimeSlotAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["__str__", "session", "room", "joint_meeting"]
    list_select_related = ["session__body", "room__venue", "joint_meeting"]
    list_filter = ["date"]
    date_hierarchy = "date"
    autocomplete_fields = ["session"]
    fields = [
        "session",
        "date",
        ("start_time", "end_time", "kind"),
        "room",
        "joint_meeting",
        "introduced_by",
        "note",
    ]
    related_querysets = {
        "room": rooms,
        "joint_meeting": joint_meetings,
        "session": lambda: Session.objects.select_related("body"),
    }
    inlines = [SlotItemInline]

    class Media(TranslationTabsMedia):
        pass

    search_fields = ["session__body__symbol_prefix", *translated("note")]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.prefetch_related("joint_meeting__participants__session__body")


admin.site.register(JointMeeting, JointMeetingAdmin)
admin.site.register(TimeSlot, TimeSlotAdmin)


class SessionWithSlotsAdmin(SessionAdmin):
    inlines = [*SessionAdmin.inlines, TimeSlotInline]


admin.site.unregister(Session)
admin.site.register(Session, SessionWithSlotsAdmin)
