from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = _("Resolutions and decisions")

    def ready(self):
        from agendas import history, savers
        from agendas.models import AgendaItem

        from . import services
        from .models import Citation, Resolution

        savers.register(services.SAVERS)
        # A citation is seen in its item's history, and each version of an item lists
        # its citations; a resolution's history is its own.
        history.register(Resolution)
        history.register(Citation, follow=("item",))
        history.register(AgendaItem, follow=("citations",))
