from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Body, Document


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "annotation")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
