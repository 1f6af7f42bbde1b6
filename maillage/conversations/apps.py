from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "maillage.conversations"
    label = "conversations"
    verbose_name = _("Exchanges")

    def ready(self):
        from .notifying import register_kinds
        from .sections import register_sections

        register_sections()
        register_kinds()
