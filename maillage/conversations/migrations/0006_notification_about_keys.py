"""The exchanges' existing notifications get the key of what they show
(``notifying.about_thread`` / ``about_reply``), read from their link, so that
hiding a thread or changing a reply still finds them (``withdraw`` and
``quote_again`` no longer compare links)."""

import re

from django.db import migrations

# What reverse("conversations:thread_detail") and Reply.get_absolute_url() gave.
_LINK = re.compile(r"^/echanges/(?P<thread>\d+)/(?:#reponse-(?P<reply>\d+))?$")
_KINDS = (
    "mention",
    "reply",
    "solution",
    "new_reply",
    "new_thread",
    "help_request",
)


def about_key(url: str) -> str:
    match = _LINK.match(url)
    if match is None:
        return ""
    key = f"thread:{match['thread']}"
    if match["reply"]:
        key += f"/reply:{match['reply']}"
    return key


def fill_about_keys(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    # Read first, then write: no cursor stays open on the table being changed.
    links = list(
        Notification.objects.filter(kind__in=_KINDS, about_key="").values_list(
            "pk", "url"
        )
    )
    changed = [
        Notification(pk=pk, about_key=about_key(url))
        for pk, url in links
        if about_key(url)
    ]
    Notification.objects.bulk_update(changed, ["about_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0005_reply_community_required"),
        ("notifications", "0003_kinds_by_registration_and_about_key"),
    ]

    operations = [
        migrations.RunPython(fill_about_keys, migrations.RunPython.noop, elidable=True),
    ]
