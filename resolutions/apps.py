from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = _("Resolutions and decisions")

    def ready(self):
        from agendas import savers

        from . import services

        savers.register(services.SAVERS)
