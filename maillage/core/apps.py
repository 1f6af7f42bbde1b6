from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maillage.core"
    label = "core"

    def ready(self):
        from . import converters

        # Before any urls.py is imported, so that they may use <id:...>.
        converters.register()
