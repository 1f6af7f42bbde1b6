from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "maillage.demo"
    label = "demo"
    verbose_name = "Demo"
