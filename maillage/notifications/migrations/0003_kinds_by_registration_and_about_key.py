"""Kinds are declared by the apps (``kinds.py``): the column loses its choices
and grows to 40 characters, existing rows keep their values. ``about_key``
names what a notification shows, for ``withdraw`` and ``quote_again``; the
exchanges fill it for their existing rows (conversations 0006)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0007_guest_expert_until"),
        ("notifications", "0002_proposal_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="about_key",
            field=models.CharField(
                blank=True, max_length=120, verbose_name="what it is about"
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(max_length=40, verbose_name="kind"),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                fields=["community", "about_key"], name="notification_about"
            ),
        ),
    ]
