from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Body, Document, Room, Venue


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "annotation")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("name", "city")


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)
