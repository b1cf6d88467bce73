from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendasConfig(AppConfig):
    name = "agendas"
    verbose_name = _("Agendas")

    def ready(self):
        from django.db.models.signals import post_delete
        from modeltranslation.translator import translator

        from . import history, savers, services, translating

        savers.register(services.SAVERS)
        for model, follow in history.FOLLOWS.items():
            history.register(model, follow)
        # Every translated model, whichever app registered it, forgets the records of a
        # removed row (cascades included).
        for model in translator.get_registered_models(abstract=False):
            post_delete.connect(
                translating.forget, sender=model, dispatch_uid=f"forget-{model._meta.label}"
            )
