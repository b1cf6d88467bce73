from modeltranslation.translator import TranslationOptions, register

from .models import Resolution


@register(Resolution)
class ResolutionTranslationOptions(TranslationOptions):
    fields = ("title",)
