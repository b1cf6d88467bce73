"""Who may write what: the secretariat everything, a translator their languages' texts.

The services ask here before they write (``agendas.translating.check_change`` from
``services.validate_and_save``, ``require_structure`` from the services that move,
add or remove rows), so a rule holds for the admin, the drafting pages, the imports
and any script alike. ``by`` is the user a change is made for; ``None`` stands for a
script (load_demo, a management command run by an operator), which may do everything.

- ``agendas.edit_structure``: add, remove and move rows, change fields that are not
  translated (kinds, positions, symbols, dates) and the texts of every language.
- ``agendas.translate_<code>`` (``translate_zh_hans``): change the texts of that
  language, nothing else. Made for each language of the settings by
  ``publishing.roles`` (languages come and go with the settings, not with the model).
- ``agendas.publish_agenda``: publish.

Superusers hold every permission. A refusal is a ValidationError with the code
``not_permitted``, like any other refusal of a service, so every page and import
already shows it as a message and saves nothing.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

import languages

STRUCTURE = "agendas.edit_structure"
PUBLISH = "agendas.publish_agenda"
NOT_PERMITTED = "not_permitted"


def translate_codename(code):
    """The codename of the permission to translate into ``code``: translate_zh_hans."""
    return "translate_" + code.replace("-", "_")


def may_edit_structure(user):
    return user is None or user.has_perm(STRUCTURE)


def may_publish(user):
    return user is None or user.has_perm(PUBLISH)


def languages_of(user):
    """The codes of the languages whose texts ``user`` may change, in settings order."""
    if may_edit_structure(user):
        return list(languages.codes())
    return [
        code for code in languages.codes() if user.has_perm(f"agendas.{translate_codename(code)}")
    ]


def is_translator(user):
    """Someone who may change some languages' texts but not the structure."""
    return not may_edit_structure(user) and bool(languages_of(user))


def language_name(code):
    """The language's name in the interface language when shown: "Chinese", "chinois"."""
    return dict(languages.choices())[code]


def _names(codes):
    return ", ".join(str(language_name(code)) for code in codes)


# Lazy, as the messages are: a refusal raised while a service writes in another
# language (a paste in French) is read in the person's.
language_names = lazy(_names, str)


def require_structure(by, what=None):
    """Refuse ``by`` a change to the structure (adding, moving, removing rows)."""
    if may_edit_structure(by):
        return
    raise ValidationError(
        what or _("Only the secretariat may add, move or remove entries and rows of an agenda."),
        code=NOT_PERMITTED,
    )


def refuse_new(model):
    return ValidationError(
        _("Only the secretariat may add %(things)s."),
        code=NOT_PERMITTED,
        params={"things": model._meta.verbose_name_plural},
    )


def refuse_removal(model):
    return ValidationError(
        _("Only the secretariat may remove %(things)s."),
        code=NOT_PERMITTED,
        params={"things": model._meta.verbose_name_plural},
    )


def refuse_field(model, field):
    """A change to a field that is not a translation."""
    refusal = ValidationError(
        _("Only the secretariat may change the %(field)s of %(things)s."),
        code=NOT_PERMITTED,
        params={"field": field.verbose_name, "things": model._meta.verbose_name_plural},
    )
    return ValidationError({field.name: refusal})


def refuse_language(field_name, field, code, allowed):
    """A change to the text of a language ``by`` does not translate into."""
    params = {"field": field.verbose_name, "language": language_name(code)}
    if allowed:
        message = _(
            "You may change the texts in %(allowed)s only, not the %(field)s in %(language)s."
        )
        params["allowed"] = language_names(tuple(allowed))
    else:
        message = _("You may not change the %(field)s in %(language)s.")
    return ValidationError({field_name: ValidationError(message, NOT_PERMITTED, params)})
