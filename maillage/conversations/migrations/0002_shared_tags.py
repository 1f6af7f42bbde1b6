"""The shared vocabulary of tags, offered to every community (members add more)."""

from django.db import migrations
from django.utils.text import slugify

SHARED_TAGS = [
    "Achats locaux",
    "Appels d'offres",
    "Budget",
    "Collations",
    "CPE",
    "Gaspillage alimentaire",
    "Menus",
    "Petits producteurs",
    "Saisonnalité",
    "Transformation",
    "Distribution",
    "Écoles",
    "Santé et CHSLD",
    "Formation du personnel",
    "Recettes",
    "Aliments du Québec",
]


def add_tags(apps, schema_editor):
    Tag = apps.get_model("conversations", "Tag")
    for name in SHARED_TAGS:
        Tag.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "is_shared": True}
        )


def remove_tags(apps, schema_editor):
    Tag = apps.get_model("conversations", "Tag")
    Tag.objects.filter(
        slug__in=[slugify(name) for name in SHARED_TAGS], threads__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]

    operations = [migrations.RunPython(add_tags, remove_tags)]
