from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "maillage.communities"
    label = "communities"
    verbose_name = _("Communities")

    def ready(self):
        from .community_sections import register_sections

        register_sections()
