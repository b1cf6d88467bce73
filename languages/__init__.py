"""The language layer: one module per language, all behind ``languages.base.Language``.

The product's languages are those of ``settings.LANGUAGES``. Each is written by a
module that builds a ``Language`` named ``LANGUAGE``: ``languages/<code>.py`` (with
"-" spelt "_": ``languages/zh_hans.py``), or the module that
``settings.LANGUAGE_MODULES`` names for the code. Adding a language is one such
module, one gettext catalogue under ``locale/`` and one line in ``settings.LANGUAGES``;
nothing else in the product lists languages.

    from languages import get
    get("fr").format_date(date(2020, 8, 31))        # "31 août 2020"
"""

import functools
import importlib

from django.conf import settings

from .base import Language

__all__ = ["Language", "codes", "get", "choices", "all_languages"]


def codes():
    """The codes of the product's languages, in the order of ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def _module_path(code):
    custom = getattr(settings, "LANGUAGE_MODULES", {}) or {}
    return custom.get(code) or f"{__name__}.{code.replace('-', '_')}"


@functools.cache
def _load(module_path):
    return importlib.import_module(module_path).LANGUAGE


def get(code):
    """The ``Language`` of ``code``; ValueError for a language the product does not have."""
    if not isinstance(code, str) or code not in codes():
        raise ValueError(f"Unknown language {code!r}; expected one of {', '.join(codes())}.")
    return _load(_module_path(code))


def all_languages():
    return [get(code) for code in codes()]


def _name_in_interface_language(code):
    from django.utils.translation import get_language

    from .base import capitalize

    interface = get_language()
    writer = get(interface) if interface in codes() else get(settings.LANGUAGE_CODE)
    return capitalize(writer.language_name(code))


def choices():
    """``(code, name)`` pairs for model and form fields, each name in the interface
    language at the time it is shown ("Chinese", "chinois", "中文")."""
    from django.utils.functional import lazy

    name = lazy(_name_in_interface_language, str)
    return [(code, name(code)) for code in codes()]
