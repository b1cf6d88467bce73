"""The roles of the product, as groups: the secretariat, and translators per language.

- **Secretariat**: every permission on the draft (``agendas``, ``resolutions``,
  ``scheduling``: view, add, change, delete), ``agendas.edit_structure`` (the structure
  and every language's texts), ``agendas.publish_agenda``, and viewing the published
  versions.
- **Translators (<language>)**, one per language of the settings: view everything,
  change the models that have translated fields, and ``agendas.translate_<code>``.
  The services let them change that language's texts only (``agendas.permissions``):
  the change permissions open the admin's forms, the services decide what is saved.

Groups are created here because only this app sees every model the roles grant; the
draft's apps know nothing of them. ``ensure_roles`` is idempotent: it adds what is
missing (groups, permissions, a new language's group) and takes nothing away, so a
group an administrator extended keeps its extra permissions. The migration
``publishing/0002_roles`` runs it once; ``manage.py ensure_roles`` again after a
language is added to the settings.
"""

from babel import Locale
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from modeltranslation.translator import translator

import languages
from agendas.permissions import translate_codename

SECRETARIAT = "Secretariat"
DRAFT_APPS = ("agendas", "resolutions", "scheduling")
PUBLISHED_APPS = ("publishing",)


def language_name(code):
    """The language's English name (group names, like permission names, are English)."""
    cldr = getattr(languages.get(code), "cldr_code", code)
    return Locale("en").languages.get(cldr, languages.get(code).name)


def translators_group_name(code):
    return f"Translators ({language_name(code)})"


def _make_default_permissions(apps):
    """Django creates the models' permissions after the last migration; a migration
    that grants them makes them first (``create_permissions`` skips existing ones)."""
    for app_config in apps.get_app_configs():
        # A migration's app configurations are stubs, which create_permissions would
        # take for apps without models.
        stub = apps is not global_apps and getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            if stub:
                app_config.models_module = None


def ensure_roles(apps=global_apps):
    """Create the groups and permissions of the roles that are missing; return the
    names of the groups created."""
    _make_default_permissions(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    created = []

    def group(name):
        found, new = Group.objects.get_or_create(name=name)
        if new:
            created.append(name)
        return found

    draft = Permission.objects.filter(content_type__app_label__in=DRAFT_APPS).exclude(
        codename__startswith="translate_"
    )
    viewing = Permission.objects.filter(
        content_type__app_label__in=DRAFT_APPS + PUBLISHED_APPS, codename__startswith="view_"
    )
    group(SECRETARIAT).permissions.add(*draft, *viewing)

    translated = [
        (model._meta.app_label, f"change_{model._meta.model_name}")
        for model in translator.get_registered_models(abstract=False)
        if model._meta.app_label in DRAFT_APPS
    ]
    changing = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=DRAFT_APPS, codename__startswith="change_"
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in translated
    ]
    records, _new = ContentType.objects.get_or_create(
        app_label="agendas", model="translationrecord"
    )
    for code in languages.codes():
        translating, _new = Permission.objects.get_or_create(
            content_type=records,
            codename=translate_codename(code),
            defaults={"name": f"Can translate into {language_name(code)}"},
        )
        group(translators_group_name(code)).permissions.add(*viewing, *changing, translating)
    return created
