from modeltranslation.translator import TranslationOptions, register

from .models import JointMeeting, TimeSlot


@register(TimeSlot)
class TimeSlotTranslationOptions(TranslationOptions):
    fields = ("introduced_by", "note")


@register(JointMeeting)
class JointMeetingTranslationOptions(TranslationOptions):
    fields = ("note",)
