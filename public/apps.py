from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        from publishing.signals import version_published

        from .pagecache import invalidate_published

        version_published.connect(invalidate_published, dispatch_uid="public.pagecache")
