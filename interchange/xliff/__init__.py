"""An agenda's text for translators, as XLIFF 2.0, and their translations back.

``export_xliff(agenda, language)`` writes every translated field the agenda prints
(``fields``), from its original language into ``language``, with the translation
there is; ``import_xliff(data)`` writes the translations of a filled file back, all
or nothing, through the services. Rich text travels as inline codes (``inline``).
The commands ``export_xliff`` and ``import_xliff`` and the agenda admin
(``interchange.admin``) call these two.

The format is XLIFF 2.0 core with its metadata module; the schemas are in
``docs/schemas/xliff2.0`` (``schema.validate`` checks a file against them).
"""

from django.utils.translation import gettext as _

import languages

from .reading import ImportReport, XliffFileError, import_xliff
from .writing import build, dumps, language_name

CONTENT_TYPE = "application/xliff+xml"

__all__ = [
    "CONTENT_TYPE",
    "ImportReport",
    "XliffFileError",
    "check_target_language",
    "export_xliff",
    "import_xliff",
    "language_name",
]


def check_target_language(agenda, language):
    """Raise ValueError, saying why, unless ``language`` is one to translate into."""
    if language not in languages.codes():
        raise ValueError(
            _("“%(language)s” is not one of the product's languages (%(codes)s).")
            % {"language": language, "codes": ", ".join(languages.codes())}
        )
    if language == agenda.original_language:
        raise ValueError(
            _("%(language)s is the agenda's original language: choose another to translate into.")
            % {"language": language_name(language)}
        )


def export_xliff(agenda, language):
    """The XLIFF 2.0 file (bytes) translating ``agenda`` into ``language``.

    Raises ValueError for a language the product lacks or the agenda's own.
    """
    check_target_language(agenda, language)
    return dumps(build(agenda, language))
