from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodConfig(AppConfig):
    name = "maillage.method"
    label = "method"
    verbose_name = _("Method")

    def ready(self):
        from .notifying import register_kinds
        from .sections import register_sections

        register_sections()
        register_kinds()
