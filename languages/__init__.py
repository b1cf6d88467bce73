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

from .base import Language, all_languages, choices, codes, get

__all__ = ["Language", "codes", "get", "choices", "all_languages"]
