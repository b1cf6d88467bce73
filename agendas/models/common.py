"""What the models of this app share: distributions, mastheads, language editions."""

import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

import languages

from .versioning import Versioned


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone; use an IANA name such as Europe/Vienna."),
            code="invalid_time_zone",
            params={"value": value},
        )


class Distribution(models.TextChoices):
    GENERAL = "general", _("General")
    LIMITED = "limited", _("Limited")
    RESTRICTED = "restricted", _("Restricted")


class MastheadMixin(Versioned):
    """What the masthead of a UN document shows besides its symbol: distribution, date
    of issue, original language."""

    distribution = models.CharField(
        _("distribution"),
        max_length=12,
        choices=Distribution.choices,
        default=Distribution.GENERAL,
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    original_language = models.CharField(
        _("original language"),
        max_length=7,
        choices=languages.choices,
        default="en",
    )

    class Meta:
        abstract = True


def translated_values(instance, field):
    """The values of a translated field in every language, empty ones included."""
    return [
        getattr(instance, build_localized_fieldname(field, code), "") or ""
        for code in languages.codes()
    ]


def clean_unique_symbol(instance, others, symbol):
    """Refuse, beside the symbol field, a symbol that ``others`` already use.

    The database refuses it too (a unique constraint); this check says so in words.
    """
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    if instance.symbol and others.exists():
        message = _("The symbol %(symbol)s is already in use.") % {"symbol": symbol}
        raise ValidationError({"symbol": message}, code="duplicate_symbol")


JOB_NUMBER_RE = re.compile(r"^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\*{0,3} ?\(([A-Z])\)$")


class EditionMixin(Versioned):
    """One language version of a document: its job number and whether it is out."""

    language = models.CharField(_("language"), max_length=7, choices=languages.choices)
    job_number = models.CharField(
        _("job number"),
        max_length=30,
        blank=True,
        help_text=_("As printed in the footer, e.g. V.20-04026 (C)."),
    )
    reissued_on = models.DateField(_("reissued for technical reasons on"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        if not self.job_number:
            return
        match = JOB_NUMBER_RE.match(self.job_number.strip())
        if not match:
            raise ValidationError(
                {"job_number": _("Write the job number as printed, e.g. V.20-04026 (C).")},
                code="invalid_job_number",
            )
        expected = languages.get(self.language).job_letter if self.language else ""
        if expected and match.group(1) != expected:
            raise ValidationError(
                {
                    "job_number": _("The %(language)s version's job number ends in (%(letter)s).")
                    % {"language": self.get_language_display(), "letter": expected}
                },
                code="job_number_language",
            )

    @property
    def barcode(self):
        """The barcode text under the job number: V.20-04026 (C) -> *2004026*."""
        digits = re.sub(r"\D", "", self.job_number.split("(")[0])
        return f"*{digits}*" if digits else ""
