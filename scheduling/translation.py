from modeltranslation.translator import TranslationOptions, register

from .models import JointMeeting, Room, TimeSlot, Venue


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("name", "city")


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(TimeSlot)
class TimeSlotTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(JointMeeting)
class JointMeetingTranslationOptions(TranslationOptions):
    fields = ("note",)
