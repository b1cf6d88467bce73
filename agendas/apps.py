from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendasConfig(AppConfig):
    name = "agendas"
    verbose_name = _("Agendas")

    def ready(self):
        from . import history, savers, services

        savers.register(services.SAVERS)
        for model, follow in history.FOLLOWS.items():
            history.register(model, follow)
