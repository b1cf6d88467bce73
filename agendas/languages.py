"""The six official languages and the facts about them the product relies on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh-hans", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


# Letter that marks a language version in a UN job number, e.g. "V.20-04026 (C)".
JOB_NUMBER_LETTER = {
    Language.ARABIC: "A",
    Language.CHINESE: "C",
    Language.ENGLISH: "E",
    Language.FRENCH: "F",
    Language.RUSSIAN: "R",
    Language.SPANISH: "S",
}

# undocs.org language path segments.
UNDOCS_LANGUAGE = {
    Language.ARABIC: "ar",
    Language.CHINESE: "zh",
    Language.ENGLISH: "en",
    Language.FRENCH: "fr",
    Language.RUSSIAN: "ru",
    Language.SPANISH: "es",
}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]
