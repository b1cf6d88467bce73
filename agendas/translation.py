from modeltranslation.translator import TranslationOptions, register

from .models import (
    Agenda,
    AgendaItem,
    Body,
    Document,
    DocumentPurpose,
    Footnote,
    Room,
    Section,
    Venue,
)


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")


@register(Agenda)
class AgendaTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "heading", "annotation")


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "text")


@register(Footnote)
class FootnoteTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(DocumentPurpose)
class DocumentPurposeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("name", "city")


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)
