"""The exchanges' notifications carry the key of what they show: hiding a thread
withdraws exactly its own, and the rows written before keys existed get theirs."""

import importlib

from django.apps import apps
from django.utils import timezone

from maillage.conversations import notifying, services
from maillage.notifications.models import Notification
from maillage.notifications.tests.factories import NotificationFactory

from .factories import ThreadFactory

fill = importlib.import_module(
    "maillage.conversations.migrations.0006_notification_about_keys"
)


def test_hiding_a_thread_withdraws_exactly_its_notifications(
    community, member, facilitator
):
    """Hiding thread 1 withdraws what is about it and its replies, and nothing
    about thread 12, whose address starts the same."""
    first = ThreadFactory(pk=1, community=community, author=facilitator)
    twelfth = ThreadFactory(pk=12, community=community, author=facilitator)
    assert twelfth.get_absolute_url().startswith(first.get_absolute_url()[:-1])
    for thread in (first, twelfth):
        services.create_reply(author=member, thread=thread, body="Merci!")
        services.ask_for_help(actor=facilitator, thread=thread, people=[member])
    assert Notification.objects.count() == 4

    services.set_thread_hidden(actor=facilitator, thread=first, hidden=True)

    kept = Notification.objects.order_by("about_key")
    assert [n.about_key for n in kept] == [
        notifying.about_thread(12),
        notifying.about_reply(12, twelfth.replies.get().pk),
    ]
    assert {n.url.split("#")[0] for n in kept} == {twelfth.get_absolute_url()}


def test_editing_a_reply_quotes_it_again_only_where_it_is_shown(
    community, member, facilitator
):
    """Editing a reply changes the excerpt of what is about it, not of what is
    about another reply of the thread nor about the thread itself."""
    thread = ThreadFactory(community=community, author=facilitator)
    services.ask_for_help(actor=facilitator, thread=thread, people=[member])
    edited = services.create_reply(author=member, thread=thread, body="Réponse 1")
    Notification.objects.update(read_at=timezone.now())  # the next one is told too
    other = services.create_reply(author=member, thread=thread, body="Réponse 2")

    services.edit_reply(actor=member, reply=edited, body="Nouveau texte")

    excerpts = dict(Notification.objects.values_list("about_key", "excerpt"))
    assert excerpts == {
        notifying.about_thread(thread.pk): thread.excerpt(),
        notifying.about_reply(thread.pk, edited.pk): "Nouveau texte",
        notifying.about_reply(thread.pk, other.pk): "Réponse 2",
    }


def test_rows_written_before_keys_existed_get_theirs(member, community):
    """The data migration reads each exchange notification's link: a thread, or
    a reply in it; other links (the moderation queue, proposals) get none."""
    links = {
        ("mention", "/echanges/1/"): "thread:1",
        ("reply", "/echanges/1/#reponse-2"): "thread:1/reply:2",
        ("new_reply", "/echanges/12/#reponse-3"): "thread:12/reply:3",
        ("help_request", "/echanges/12/"): "thread:12",
        ("flag", "/c/monteregie/echanges/moderation/"): "",
        ("proposal", "/lancer-une-communaute/propositions/4/"): "",
        ("mention", "/echanges/1/modifier/"): "",
    }
    rows = {
        pk: NotificationFactory(
            recipient=member, community=community, kind=kind, url=url, about_key=""
        ).pk
        for pk, (kind, url) in enumerate(links)
    }

    fill.fill_about_keys(apps, None)

    stored = dict(Notification.objects.values_list("pk", "about_key"))
    assert [stored[rows[n]] for n in range(len(links))] == list(links.values())
