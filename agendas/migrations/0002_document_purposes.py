"""The purposes documents are usually listed for, in the six languages.

The secretariat adds others and edits these in the admin; this migration only gives a
new installation the usual vocabulary.
"""

from django.db import migrations

PURPOSES = [
    (
        "for-decision",
        {
            "en": "For decision",
            "fr": "Pour décision",
            "es": "Para decisión",
            "ru": "Для принятия решения",
            "ar": "لاتخاذ قرار",
            "zh_hans": "供决定",
        },
    ),
    (
        "for-consideration",
        {
            "en": "For consideration",
            "fr": "Pour examen",
            "es": "Para examen",
            "ru": "Для рассмотрения",
            "ar": "للنظر فيه",
            "zh_hans": "供审议",
        },
    ),
    (
        "for-endorsement",
        {
            "en": "For endorsement",
            "fr": "Pour approbation",
            "es": "Para aprobación",
            "ru": "Для одобрения",
            "ar": "للإقرار",
            "zh_hans": "供核可",
        },
    ),
    (
        "for-information",
        {
            "en": "For information",
            "fr": "Pour information",
            "es": "Para información",
            "ru": "Для информации",
            "ar": "للعلم",
            "zh_hans": "供参考",
        },
    ),
    (
        "for-noting",
        {
            "en": "For noting",
            "fr": "Pour prise de note",
            "es": "Para que se tome nota",
            "ru": "Для сведения",
            "ar": "للإحاطة علماً",
            "zh_hans": "供注意",
        },
    ),
    (
        "background",
        {
            "en": "Background",
            "fr": "Document de référence",
            "es": "Antecedentes",
            "ru": "Справочная информация",
            "ar": "معلومات أساسية",
            "zh_hans": "背景资料",
        },
    ),
]


def add_purposes(apps, schema_editor):
    DocumentPurpose = apps.get_model("agendas", "DocumentPurpose")
    for position, (code, names) in enumerate(PURPOSES, start=1):
        fields = {f"name_{language}": name for language, name in names.items()}
        DocumentPurpose.objects.update_or_create(
            code=code, defaults={"name": names["en"], "position": position * 10, **fields}
        )


def remove_purposes(apps, schema_editor):
    DocumentPurpose = apps.get_model("agendas", "DocumentPurpose")
    DocumentPurpose.objects.filter(code__in=[code for code, _names in PURPOSES]).delete()


class Migration(migrations.Migration):
    dependencies = [("agendas", "0001_initial")]

    operations = [migrations.RunPython(add_purposes, remove_purposes)]
