from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    # The app's own config, though this module defines another one.
    default = True
    name = "maillage.core"
    label = "core"

    def ready(self):
        from . import converters

        # Before any urls.py is imported, so that they may use <id:...>.
        converters.register()


class TaskResultsConfig(TasksAppConfig):
    """django-tasks-db's app under a French name in the admin (it has none)."""

    verbose_name = _("Background tasks")
